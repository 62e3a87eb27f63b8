// @vitest-environment node
/**
 * The worker stops at the worst moment of an IMDb import: its commit went through, its answer never reached the
 * page. The real message layer (the port client re-sends what was in flight on a new port; lib/protocol/messages.ts)
 * carries the real import client to a real film service on fake IndexedDB, over ports wired by hand (the fake
 * browser has none). Before issue #15 the re-sent commit failed ("no longer in progress"), the client aborted the
 * import, and the abort deleted the rows that had just become the live data.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFilmService } from '../../../lib/background/film-service';
import { readLayers } from '../../../lib/background/imdb-layers';
import { openStore } from '../../../lib/background/store';
import { startImport } from '../../../lib/pages/imdb/import-client';
import { handleMessages } from '../../../lib/protocol/server';
import { sendMessage } from '../../../lib/protocol/client';
import { fakeDataset } from '../../helpers/dataset';
import { closePorts, wirePorts } from '../../helpers/fake-ports';
import { inThreadWorker } from '../../helpers/in-thread-worker';
import { SHARED_DATA } from '../../helpers/shared-data';

/** The background's own handlers beside the film service's (entrypoints/background.ts), as no-ops. */
const TAB_HANDLERS = { openSearch: async () => null, reportDetected: async () => null };

const ratings = (): File =>
  new File([readFileSync(resolve(SHARED_DATA, 'raw/imdb_tsv_sample/title.ratings.tsv.gz'))], 'title.ratings.tsv.gz', { lastModified: Date.UTC(2026, 10, 30) });

describe('an IMDb import whose commit answer is lost with the worker', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    stop?.();
    closePorts();
  });

  it('succeeds once, keeps the committed rows, and the page hears of it', async () => {
    const dataset = fakeDataset(20);
    const factory = new IDBFactory();
    const service = createFilmService({ bundledVersion: dataset.manifest.version, loadDataset: async () => dataset, openDb: () => openStore(factory) });
    await service.ensureSeeded();
    let dropped = 0;
    // The reply to the commit (it carries the import state, with its ratings layer) is the one the worker never sends.
    wirePorts((reply) => {
      const text = JSON.stringify(reply);
      if (dropped === 0 && text.includes('"ratings":{') && text.includes('"importedAt"')) {
        dropped++;
        return true;
      }
      return false;
    });
    stop = handleMessages({ ...service.handlers, ...TAB_HANDLERS });

    const run = startImport([ratings()], () => undefined, { ask: sendMessage, createWorker: inThreadWorker });
    const result = await run.done;
    expect(dropped).toBe(1);
    expect(result.state.ratings?.rowsKept).toBeGreaterThan(0);
    // The layer is there, and its rows with it: the lost answer destroyed nothing.
    const layers = await readLayers(await openStore(factory));
    expect(layers.state.ratings?.importId).toBe(result.state.ratings?.importId);
    expect(layers.ratings.length).toBe(result.state.ratings?.rowsKept);
  });

  it('a request whose repeat would do it twice (opening the search) is not sent again', async () => {
    const calls: string[] = [];
    wirePorts(() => true);
    const dataset = fakeDataset(2);
    const service = createFilmService({ bundledVersion: dataset.manifest.version, loadDataset: async () => dataset, openDb: () => openStore(new IDBFactory()) });
    stop = handleMessages({
      ...service.handlers,
      ...TAB_HANDLERS,
      openSearch: async ({ query }: { query: string }) => {
        calls.push(query);
        return null;
      },
    });
    await expect(sendMessage('openSearch', { query: 'Trap' })).rejects.toThrow(/stopped while answering "openSearch"/);
    expect(calls).toEqual(['Trap']);
  });
});
