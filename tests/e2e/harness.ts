/**
 * Real Chromium with the built extension loaded (docs/research/toolchain.md): Debian `chromium` driven by
 * playwright-core over a CDP pipe, headless, offline. Streaming sites are served from fixtures by request routing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The built extension under test; CREDITS_CUE_EXTENSION_DIR runs the suites against another build (e.g. an older commit's). */
export const EXTENSION_DIR = process.env.CREDITS_CUE_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The browser's profile folder (removed on close): names this browser's processes for memory readings. */
  userDataDir: string;
  /** A page of the extension (popup.html), the context tests send messages from. */
  page: Page;
  /** Date.now() when the extension's service worker was first seen: the moment of install on a fresh profile. */
  installedAt: number;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Show the browser window (the demo does when a display exists). */
  headed?: boolean;
  viewport?: { width: number; height: number };
  /**
   * Send every network request the browser makes (service worker, extension pages, content scripts, pages) through
   * this proxy ("http://127.0.0.1:PORT"): the zero-network test records there what would have left the machine.
   * Fixture pages are still answered by request routing, before any proxy.
   */
  proxy?: string;
  /**
   * Leave `page` blank instead of opening the popup in it (the popup asks the worker for its status at once): for
   * measuring what a first page sees right after install. Navigate it to the popup before sending messages.
   */
  blankPage?: boolean;
  /** The browser's UI language (`--lang`), which picks the extension's messages: "de" for the German UI. */
  lang?: string;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'credits-cue-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: !options.headed,
    viewport: options.viewport ?? { width: 1280, height: 720 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Loopback too: nothing may bypass the recording proxy.
      ...(options.proxy ? [`--proxy-server=${options.proxy}`, '--proxy-bypass-list=<-loopback>'] : []),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const installedAt = Date.now();
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  if (!options.blankPage) await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    page,
    installedAt,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Sends one message-map request from an extension page, exactly as the popup and content scripts do. */
export async function send<T = unknown>(page: Page, type: string, data: unknown): Promise<{ ok: boolean; value?: T; error?: string }> {
  return page.evaluate(
    async ([type, data]) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ channel: 'credits-cue/v1', type, data });
    },
    [type, data] as const,
  ) as Promise<{ ok: boolean; value?: T; error?: string }>;
}

export interface StatusValue {
  state: string;
  done: number;
  total: number;
  version?: string;
  resumedFrom?: number;
  error?: string;
}

/** Polls getStatus until the seed is ready (or fails). */
export async function waitReady(page: Page, timeoutMs = 30_000): Promise<StatusValue> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await send<StatusValue>(page, 'getStatus', {});
    if (reply.value?.state === 'ready') return reply.value;
    if (reply.value?.state === 'error') throw new Error(`Seed failed: ${reply.value.error}`);
    if (Date.now() > deadline) throw new Error(`Seed not ready after ${timeoutMs} ms: ${JSON.stringify(reply)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stops every service worker of the browser, as Chrome does to an idle MV3 worker (or a crash would). */
export async function stopServiceWorkers(session: ExtensionSession): Promise<void> {
  const cdp = await session.context.newCDPSession(session.page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
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
 * Opens `fixture` under its real streaming host: the request is answered from the fixture (request routing), so
 * the content script runs exactly as on the live site, offline. `edit` rewrites the page first (e.g. the title).
 */
export async function openFixture(session: ExtensionSession, fixture: SiteFixture, edit: (html: string) => string = (h) => h): Promise<Page> {
  const page = await session.context.newPage();
  const body = edit(fixture.html);
  await page.route(
    (url) => url.href === fixture.url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
  await page.goto(fixture.url);
  return page;
}

/**
 * An edit for `openFixture`: the Never Let Me Go (2010) fixture playing another film, title and year swapped together
 * (a page that shows a year must agree with its title).
 */
export function playingFilm(title: string, year: number): (html: string) => string {
  return (html) => html.replaceAll('Never Let Me Go', title).replace(/>\s*2010\s*</g, `>${year}<`);
}

/**
 * Waits until the page's badge names film `id` (its data-film-id). `options` go to waitForFunction as they are: each
 * caller keeps its own timeout and polling, Playwright's defaults when none.
 */
export async function waitForFilm(page: Page, id: string, options?: { timeout?: number; polling?: number | 'raf' }): Promise<void> {
  await page.waitForFunction((id) => document.querySelector('credits-cue-badge')?.getAttribute('data-film-id') === id, id, options);
}

/** The id of the newest tab (the fixture page just opened), as the extension sees it (no tabs permission needed). */
export async function newestTabId(session: ExtensionSession): Promise<number> {
  return session.page.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } };
    const tabs = await chrome.tabs.query({});
    return Math.max(...tabs.map((t) => t.id ?? -1));
  });
}

/**
 * What a tab shows, asked of its own content script the way the popup asks (no tab memory anywhere else): null when
 * it shows no film or has no content script.
 */
export async function tabFilm(session: ExtensionSession, tabId: number): Promise<{ siteId: string; title: string; filmId: string | null } | null> {
  return session.page.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<{ ok?: boolean; value?: unknown } | undefined> } } };
    try {
      const reply = await chrome.tabs.sendMessage(id, { channel: 'credits-cue/v1', type: 'tabFilm', data: {} });
      return reply?.ok ? (reply.value as { siteId: string; title: string; filmId: string | null } | null) : null;
    } catch {
      return null;
    }
  }, tabId);
}

/** The popup, opened in a tab of its own, with an optional query string (`?q=…`, `?tab=…`). */
export async function openPopup(session: ExtensionSession, query = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html${query}`);
  return page;
}

/**
 * Starts the next seed from nothing: stops the worker (so it holds no connection) and deletes the extension's
 * database from an extension page. `seedDelayMs` sets the e2e-only seed throttle first (see SeedOptions).
 */
export async function wipeDatabase(session: ExtensionSession, seedDelayMs?: number): Promise<void> {
  if (seedDelayMs !== undefined) {
    await session.page.evaluate((ms) => chrome.storage.local.set({ 'debug:seedChunkDelayMs': ms }), seedDelayMs);
  }
  await stopServiceWorkers(session);
  await session.page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('credits-cue');
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      }),
  );
}

declare const chrome: { storage: { local: { set(v: object): Promise<void> } } };
