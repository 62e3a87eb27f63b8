// @vitest-environment node
/**
 * One failure must not stick (issue #15): a store that failed to open once is opened again on the next request, over
 * the real message layer (port client and handleMessages, ports wired by hand), and a worker that dies fails the
 * IMDb import at once instead of leaving it pending for ever.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFilmService } from '../../../lib/background/film-service';
import { openStore } from '../../../lib/background/store';
import { startImport } from '../../../lib/pages/imdb/import-client';
import { handleMessages } from '../../../lib/protocol/server';
import { sendMessage } from '../../../lib/protocol/client';
import { fakeDataset } from '../../helpers/dataset';
import { closePorts, wirePorts } from '../../helpers/fake-ports';
import { inThreadWorker } from '../../helpers/in-thread-worker';
import { SHARED_DATA } from '../../helpers/shared-data';

const BACKGROUND = { openSearch: async () => null, reportDetected: async () => null };

describe('a failure does not stick', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    wirePorts();
  });
  afterEach(() => {
    stop?.();
    closePorts();
  });

  it('a store that failed to open is opened again on the next request', async () => {
    const dataset = fakeDataset(30);
    const factory = new IDBFactory();
    let opens = 0;
    const service = createFilmService({
      bundledVersion: dataset.manifest.version,
      loadDataset: async () => dataset,
      openDb: (onLost) => {
        opens++;
        // The first open fails (a full disk, a browser that refused the database for a moment).
        if (opens === 1) return Promise.reject(new Error('QuotaExceededError: the database could not be opened'));
        return openStore(factory, onLost);
      },
    });
    stop = handleMessages({ ...service.handlers, ...BACKGROUND });
    await expect(service.ensureSeeded()).rejects.toThrow(/could not be opened/);
    const film = dataset.films[7];
    // The next title asked for: the store opens now, the data is written and answers.
    const answer = await sendMessage('matchTitle', { title: film?.title ?? '', year: film?.year });
    expect(answer.best?.film.id).toBe(film?.id);
    expect(opens).toBe(2);
    // And the seed that request started completes.
    await service.ensureSeeded();
    expect(await sendMessage('getStatus', {})).toMatchObject({ state: 'ready', version: dataset.manifest.version });
  });

  it("an import whose worker dies fails at once with a clear message, and nothing is left pending", async () => {
    const dataset = fakeDataset(5);
    const factory = new IDBFactory();
    const service = createFilmService({ bundledVersion: dataset.manifest.version, loadDataset: async () => dataset, openDb: (onLost) => openStore(factory, onLost) });
    await service.ensureSeeded();
    stop = handleMessages({ ...service.handlers, ...BACKGROUND });
    const worker = inThreadWorker();
    const file = new File([readFileSync(resolve(SHARED_DATA, 'raw/imdb_tsv_sample/title.ratings.tsv.gz'))], 'title.ratings.tsv.gz');
    let progressed = false;
    const run = startImport([file], () => {
      if (progressed) return;
      progressed = true;
      worker.crash('out of memory');
    }, { ask: sendMessage, createWorker: () => worker });
    await expect(run.done).rejects.toThrow(/worker failed \(out of memory\)\. Nothing was changed\./);
    expect(await sendMessage('imdbImportState', {})).toEqual({});
  });
});
