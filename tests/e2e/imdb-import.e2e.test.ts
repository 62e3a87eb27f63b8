/**
 * The IMDb import in real Chromium with the built extension: the viewer chooses the three real sample dumps on the
 * options page, the worker streams them, a progress bar shows, and a badge on a streaming page shows the imported
 * rating with "IMDb data as of"; removing the import brings the bundled rating back.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, playingFilm, send, siteFixture, stopServiceWorkers, waitForFilm, waitReady, type ExtensionSession } from './harness';
import { SHARED_DATA } from '../helpers/shared-data';

const SAMPLES = resolve(SHARED_DATA, 'raw/imdb_tsv_sample');
const FILES = ['title.ratings.tsv.gz', 'title.basics.tsv.gz', 'title.akas.tsv.gz'].map((f) => resolve(SAMPLES, f));

/** Star Wars: The Last Jedi (tt2527336): bundled IMDb 6.9; the sample's title.ratings says 7.3. */
const lastJedi = playingFilm('Star Wars: The Last Jedi', 2017);

async function imdbScore(session: ExtensionSession): Promise<{ text: string; asOf: string | null; page: Page }> {
  const page = await openFixture(session, siteFixture('prime-video', 'player-movie'), lastJedi);
  await waitForFilm(page, 'tt2527336');
  const score = page.locator('credits-cue-badge [data-source="imdb"]');
  await expect.poll(() => score.count(), { timeout: 15_000 }).toBe(1);
  const asOf = page.locator('credits-cue-badge').getByTestId('imdb-as-of');
  return { text: (await score.textContent()) ?? '', asOf: (await asOf.count()) > 0 ? await asOf.textContent() : null, page };
}

describe('IMDb import in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('imports the samples through the options page and a badge shows the fresh rating; remove undoes it', async () => {
    const before = await imdbScore(session);
    expect(before.text).toContain('6.9');
    expect(before.asOf).toBeNull();
    await before.page.close();

    const options = await session.context.newPage();
    // Record every progress value the bar shows (the samples are small: the bar may be up only briefly).
    await options.addInitScript(() => {
      const seen: number[] = [];
      (globalThis as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="imdb-import-progress"]');
        const now = Number(bar?.getAttribute('aria-valuenow') ?? NaN);
        if (Number.isFinite(now) && seen.at(-1) !== now) seen.push(now);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('imdb-import').setInputFiles(FILES);
    const done = options.getByTestId('imdb-import-done');
    await done.waitFor({ timeout: 120_000 });
    const rows = Number(await done.getAttribute('data-rows'));
    expect(rows).toBeGreaterThan(1000);
    const seen = await options.evaluate(() => (globalThis as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(100);
    await expect.poll(() => options.getByTestId('imdb-imported').locator('li').count(), { timeout: 30_000 }).toBe(3);

    const after = await imdbScore(session);
    expect(after.text).toContain('7.3');
    expect(after.asOf).toMatch(/^IMDb data as of [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await after.page.close();

    await options.getByTestId('imdb-import-remove').click();
    await expect.poll(() => options.getByTestId('imdb-imported').count(), { timeout: 30_000 }).toBe(0);
    const removed = await imdbScore(session);
    expect(removed.text).toContain('6.9');
    expect(removed.asOf).toBeNull();
    await removed.page.close();
    await options.close();
  }, 240_000);

  it('survives the service worker being stopped mid-import: every row arrives once', async () => {
    // A title.ratings-format file of 300,000 rows, every one with enough votes to be kept (60 batches): test input
    // in IMDb's published shape, not film facts (ids from tt90000001 up, which no real title uses yet).
    const rows = 300_000;
    const lines = ['tconst\taverageRating\tnumVotes'];
    for (let i = 0; i < rows; i++) lines.push(`tt${90_000_001 + i}\t${(1 + (i % 90) / 10).toFixed(1)}\t${1000 + i}`);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('imdb-import').setInputFiles({ name: 'title.ratings.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    // Stop the worker once some batches are stored and more are to come.
    const bar = options.getByTestId('imdb-import-progress');
    await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { timeout: 30_000, interval: 20 }).toBeGreaterThan(5);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    await stopServiceWorkers(session);
    const done = options.getByTestId('imdb-import-done');
    await done.waitFor({ timeout: 120_000 });
    expect(Number(await done.getAttribute('data-rows'))).toBe(rows);
    const state = await send<{ ratings?: { rowsKept: number; chunks: number } }>(session.page, 'imdbImportState', {});
    expect(state.value?.ratings).toMatchObject({ rowsKept: rows, chunks: 60 });
    await options.getByTestId('imdb-import-remove').click();
    await expect.poll(() => options.getByTestId('imdb-imported').count(), { timeout: 30_000 }).toBe(0);
    await options.close();
  }, 240_000);

  it('a wrong file gets a clear message and imports nothing', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('imdb-import').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,3\n') });
    await expect.poll(async () => (await options.getByTestId('imdb-import-error').textContent()) ?? '', { timeout: 30_000 }).toMatch(/Not an IMDb .*notes\.csv/);
    expect(await options.getByTestId('imdb-imported').count()).toBe(0);
    await options.close();
  });
});
