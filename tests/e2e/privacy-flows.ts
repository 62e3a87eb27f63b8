/**
 * Every flow a viewer goes through, driven in the built extension: install and seed, each service's badge, popup
 * search and film card, the options page, an IMDb import and its removal. The zero-network e2e runs them behind a
 * recording proxy (tests/e2e/network-recorder.ts), and `npm run bench` counts what that proxy saw
 * (network_requests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { sites } from '../../lib/sites/index';
import { CHROMIUM_PATH, launchExtension, openFixture, siteFixture, waitForFilm, waitReady, type ExtensionSession } from './harness';
import { hostOf, startNetworkRecorder } from './network-recorder';
import { SHARED_DATA } from '../helpers/shared-data';

const SAMPLES = resolve(SHARED_DATA, 'raw/imdb_tsv_sample');
const guardians = (html: string): string =>
  html.replaceAll('Never Let Me Go', 'Guardians of the Galaxy').replace(/>\s*2010\s*</g, '>2014<').replace('year: 2010', 'year: 2014');

/** Runs every flow; returns the names of the flows completed (each one failing throws). */
export async function runEveryFlow(session: ExtensionSession): Promise<string[]> {
  const done: string[] = [];
  await waitReady(session.page);
  done.push('install and seed');

  for (const site of sites) {
    const page = await openFixture(session, siteFixture(site.id, 'player-movie'), guardians);
    await waitForFilm(page, 'tt2015381', { timeout: 15_000 });
    // Open the badge's details too (source links are rendered, never fetched).
    await page.locator('credits-cue-badge').locator('button').first().click({ timeout: 5_000 }).catch(() => undefined);
    await page.close();
    done.push(`${site.name} badge`);
  }

  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const input = popup.getByTestId('search-input');
  await input.pressSequentially('guardains of the gal');
  await popup.getByTestId('search-result').first().waitFor();
  await input.press('Enter');
  await popup.getByTestId('film-card').waitFor();
  await popup.close();
  done.push('popup search and film card');

  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByTestId('source-toggle-tmdb').click();
  await options.getByTestId('source-toggle-tmdb').click();
  await options.getByTestId('keep-credits').click();
  await options.getByTestId('keep-credits').click();
  done.push('options');

  await options
    .getByTestId('imdb-import')
    .setInputFiles(['title.ratings.tsv.gz', 'title.basics.tsv.gz', 'title.akas.tsv.gz'].map((f) => resolve(SAMPLES, f)));
  await options.getByTestId('imdb-import-done').waitFor({ timeout: 60_000 });
  await options.getByTestId('imdb-import-remove').click();
  await options.getByTestId('imdb-imported').waitFor({ state: 'detached' });
  await options.close();
  done.push('IMDb import and removal');
  return done;
}

/** Extra time the control browser stays open beyond the extension run, so its timed requests fall inside. */
const CONTROL_MARGIN_MS = 5_000;
/** The control's shortest run: Chromium 150's own check-ins came at ~3–6 s and ~25 s after start. */
const CONTROL_MIN_MS = 30_000;

/**
 * What Chromium itself sends with no extension at all, visiting the same pages: its component updater and account
 * service, and its own requests for those pages' hosts (icons, preconnects). With the extension, nothing may go to
 * any host beyond these. The control stays open at least `runMs` (how long the extension's browser ran) plus a
 * margin: some of Chromium's own requests are timed from start-up (Chromium 150 checks in with
 * android.clients.google.com after ~3 s and ~25 s, with no extension and no page), and a shorter control would
 * blame the extension for them.
 */
export async function browserOwnHosts(runMs = 0): Promise<Set<string>> {
  const started = Date.now();
  const recorder = await startNetworkRecorder();
  const dir = mkdtempSync(join(tmpdir(), 'credits-cue-control-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', `--proxy-server=${recorder.url}`, '--proxy-bypass-list=<-loopback>'],
  });
  // The pages stay open to the end, as the extension's session keeps a page open throughout: Chromium times some
  // of its own requests from the first page load, and a browser left with no page does not make them.
  for (const site of sites) {
    const fixture = siteFixture(site.id, 'player-movie');
    const page = await context.newPage();
    await page.route((u) => u.href === fixture.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture.html }));
    await page.goto(fixture.url);
    await page.waitForTimeout(300);
  }
  const left = started + Math.max(runMs + CONTROL_MARGIN_MS, CONTROL_MIN_MS) - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  await recorder.close();
  return new Set(recorder.requests.map(hostOf));
}


/**
 * Fixture pages are answered by their page's own route first; anything else a page or a content script asks for
 * over the network lands in `into`, and is refused.
 */
export async function recordPageRequests(session: ExtensionSession, into: string[]): Promise<void> {
  await session.context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => {
      into.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
}

/** For the bench: every flow behind the recorders; requests that left the extension (0 is the only good value). */
export async function measureNetworkRequests(): Promise<{ network_requests: number; flows: number; leaving: string[] }> {
  const recorder = await startNetworkRecorder();
  const launched = Date.now();
  const session = await launchExtension({ proxy: recorder.url });
  const fromPages: string[] = [];
  try {
    await recordPageRequests(session, fromPages);
    const flows = await runEveryFlow(session);
    const own = await browserOwnHosts(Date.now() - launched);
    const leaving = [...fromPages, ...recorder.requests.filter((r) => !own.has(hostOf(r)))];
    return { network_requests: leaving.length, flows: flows.length, leaving };
  } finally {
    await session.close();
    await recorder.close();
  }
}
