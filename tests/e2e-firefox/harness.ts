/**
 * Real Firefox with the built Firefox MV2 extension installed as a temporary add-on (docs/research/toolchain.md):
 * Debian `firefox-esr`, headless, driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive stock
 * Firefox). Streaming sites are served from fixtures by request interception, offline, under their real URLs.
 *
 * BiDi refuses to navigate to moz-extension:// pages, so there is no extension page to send `getStatus` from (the
 * Chromium harness's waitReady): `waitSeeded` instead reloads a fixture page until the badge names a known film.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxSession {
  browser: Browser;
  /** The gecko id the add-on was installed under (browser_specific_settings in wxt.config.ts). */
  addonId: string;
  close(): Promise<void>;
}

export async function launchFirefoxExtension(): Promise<FirefoxSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // puppeteer makes (and removes) a temporary profile; temporary add-ons need no signature.
    extraPrefsFirefox: { 'xpinstall.signatures.required': false },
  });
  try {
    const addonId = await browser.installExtension(EXTENSION_DIR);
    return { browser, addonId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export interface SiteFixture {
  url: string;
  html: string;
}

/** A fixture page of tests/fixtures/sites/<site>/<kind>.html with the URL its .json names. */
export function siteFixture(site: string, kind: string): SiteFixture {
  const base = resolve(import.meta.dirname, '../fixtures/sites', site, kind);
  const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { url: string };
  return { url: meta.url, html: readFileSync(`${base}.html`, 'utf8') };
}

/**
 * Opens `fixture` under its real streaming host in a new tab: the request for its URL is answered from the fixture
 * (`edit` rewrites it first, e.g. the title), any other http(s) request the page makes is refused, so nothing
 * leaves the machine. The content script runs exactly as on the live site.
 */
export async function openFixture(session: FirefoxSession, fixture: SiteFixture, edit: (html: string) => string = (h) => h): Promise<Page> {
  const page = await session.browser.newPage();
  const body = edit(fixture.html);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url === fixture.url) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    else if (/^https?:/.test(url)) void request.abort();
    else void request.continue();
  });
  await page.goto(fixture.url);
  return page;
}

/** The Prime Video and service fixtures show Never Let Me Go (2010); swap in another real film (as the Chromium suites do). */
export const asFilm =
  (title: string, year: number) =>
  (html: string): string =>
    html.replaceAll('Never Let Me Go', title).replace(/>\s*2010\s*</g, `>${year}<`);

/** The `<credits-cue-badge>` attributes the tests check. */
export interface BadgeData {
  credits: string | null;
  filmId: string | null;
  confidence: string | null;
  verdict: string | null;
}

/** Waits until the badge names film `id` (or, with `credits`, shows that credits state), then reads it. */
export async function waitForBadge(page: Page, want: { filmId?: string; credits?: string }, timeout = 60_000): Promise<BadgeData> {
  await page.waitForFunction(
    (filmId: string | null, credits: string | null) => {
      const el = document.querySelector('credits-cue-badge');
      if (!el) return false;
      return (filmId === null || el.getAttribute('data-film-id') === filmId) && (credits === null || el.getAttribute('data-credits') === credits);
    },
    { timeout, polling: 100 },
    want.filmId ?? null,
    want.credits ?? null,
  );
  return readBadge(page);
}

export async function readBadge(page: Page): Promise<BadgeData> {
  return page.evaluate(() => {
    const el = document.querySelector('credits-cue-badge');
    return {
      credits: el?.getAttribute('data-credits') ?? null,
      filmId: el?.getAttribute('data-film-id') ?? null,
      confidence: el?.getAttribute('data-confidence') ?? null,
      // The badge UI lives in an open shadow root.
      verdict: el?.shadowRoot?.querySelector('[data-testid="verdict"]')?.textContent ?? null,
    };
  });
}

/**
 * Waits until the extension has seeded IndexedDB from its bundled dataset (it starts on install): a lookup made
 * before that finds nothing and the badge says "unknown", so this reloads `fixture` until the badge names `filmId`.
 * Returns how long it took.
 */
export async function waitSeeded(session: FirefoxSession, fixture: SiteFixture, edit: (html: string) => string, filmId: string, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  const page = await openFixture(session, fixture, edit);
  try {
    for (;;) {
      const left = timeoutMs - (Date.now() - started);
      if (left <= 0) throw new Error(`Firefox: the badge did not name ${filmId} within ${timeoutMs} ms (seed not ready?): ${JSON.stringify(await readBadge(page))}`);
      try {
        await waitForBadge(page, { filmId }, Math.min(left, 3_000));
        return Date.now() - started;
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
        await page.reload();
      }
    }
  } finally {
    await page.close();
  }
}
