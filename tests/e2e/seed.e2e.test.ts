import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, playingFilm, send, siteFixture, stopServiceWorkers, waitForFilm, waitReady, wipeDatabase, type ExtensionSession, type StatusValue } from './harness';

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/dataset-manifest.json'), 'utf8')) as {
  version: string;
  counts: { films: number };
};

/** Reads the seed bookkeeping straight from the extension's IndexedDB (test-only view). */
function readMeta(page: Page): Promise<{ active?: { version: string }; seed?: { next: number; total: number } }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('credits-cue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('meta');
          const active = tx.objectStore('meta').get('active');
          const seed = tx.objectStore('meta').get('seed');
          tx.oncomplete = () => {
            db.close();
            resolve({ active: active.result, seed: seed.result });
          };
        };
      }),
  );
}

describe('install, seed and look up in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(() => session?.close());

  it('seeds the whole bundled dataset on install and shows it as ready', async () => {
    const status = await waitReady(session.page);
    expect(status).toMatchObject({ version: manifest.version, films: manifest.counts.films });
    expect(status.done).toBe(status.total);
    // Ready: the progress bar gives way to the search field and the data-as-of line.
    await session.page.waitForSelector('[data-testid="data-as-of"]');
    expect(await session.page.getByTestId('seed-progress').count()).toBe(0);
  });

  it('answers get-by-id, title + year and prefix search through the message map', async () => {
    await waitReady(session.page);
    const film = await send<{ id: string; credits: { state: string } }>(session.page, 'getFilm', { id: 'tt1334260' });
    expect(film.value).toMatchObject({ id: 'tt1334260', credits: { state: 'conflict' } });

    const match = await send<{ best: { film: { id: string }; confidence: string } | null }>(session.page, 'matchTitle', {
      title: 'Never Let Me Go',
      year: 2010,
    });
    expect(match.value?.best).toMatchObject({ film: { id: 'tt1334260' }, confidence: 'high' });

    const search = await send<Array<{ id: string }>>(session.page, 'searchFilms', { query: 'never let me', limit: 10 });
    expect(search.value?.map((f) => f.id)).toContain('tt1334260');

    const missing = await send(session.page, 'getFilm', { id: 'tt0000000' });
    expect(missing).toEqual({ ok: true, value: null });
  });

  it('replies to a malformed request with a clear error', async () => {
    const reply = await send(session.page, 'matchTitle', { title: 42 });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('Malformed payload') });
  });
});

describe('the first player page after install (issue #13)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    // A fresh profile, and nothing waited for: the page opens while the bundled data is still being prepared.
    session = await launchExtension({ blankPage: true });
  });
  afterAll(() => session?.close());

  it('gets its film the moment the data is ready, never a stuck "unknown"', async () => {
    const page = await openFixture(session, siteFixture('prime-video', 'player-movie'), playingFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(page, 'tt2015381', { timeout: 20_000 });
    expect(await page.locator('credits-cue-badge').getAttribute('data-credits')).toBe('mid-post');
    await page.close();
  });
});

describe('service worker stopped mid-seed', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(() => session?.close());

  it('resumes on the next start and ends complete', async () => {
    const { page } = session;
    await waitReady(page);
    // Slow the next seed down (test hook read at seed start) so the worker can be stopped half-way.
    await wipeDatabase(session, 150);

    // A popup opened now polls through the whole restart over the product's port client.
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);

    // Any message wakes the worker, which starts seeding from scratch.
    let status: StatusValue | undefined;
    for (let i = 0; i < 200; i++) {
      status = (await send<StatusValue>(page, 'getStatus', {})).value;
      if (status && status.state === 'seeding' && status.done >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status?.state, JSON.stringify(status)).toBe('seeding');
    await stopServiceWorkers(session);

    const partial = await readMeta(page);
    expect(partial.active).toBeUndefined(); // a half-finished seed never became the answering version
    expect(partial.seed?.next).toBeGreaterThanOrEqual(2);
    expect(partial.seed?.next).toBeLessThan(partial.seed?.total ?? 0);

    await page.evaluate(() => chrome.storage.local.remove('debug:seedChunkDelayMs'));
    const done = await waitReady(page);
    expect(done.resumedFrom).toBeGreaterThanOrEqual(partial.seed?.next ?? Infinity);
    expect(done).toMatchObject({ version: manifest.version, films: manifest.counts.films });
    const film = await send<{ id: string }>(page, 'getFilm', { id: 'tt1334260' });
    expect(film.value?.id).toBe('tt1334260');
    // The popup's port dropped with the worker; its request was sent again and it ends ready, not in error.
    await popup.waitForSelector('[data-testid="data-as-of"]');
    expect(await popup.getByTestId('seed-status').count()).toBe(0);
  });
});

declare const chrome: { storage: { local: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } };
