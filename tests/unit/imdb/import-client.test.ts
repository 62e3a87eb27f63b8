// @vitest-environment node
/**
 * The options page's import run end to end, in-thread: the worker core reads the real IMDb samples, the client
 * forwards batches to a real film service on fake IndexedDB. Order, cancel, wrong files and "nothing
 * half-applied" are checked here; the real-browser run is in tests/e2e/imdb-import.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createFilmService } from '../../../lib/background/film-service';
import { openStore } from '../../../lib/background/store';
import { startImport, type ImportRunProgress } from '../../../lib/pages/imdb/import-client';
import { dispatch } from '../../../lib/protocol/server';
import { type sendMessage } from '../../../lib/protocol/client';
import { fakeDataset } from '../../helpers/dataset';
import { inThreadWorker } from '../../helpers/in-thread-worker';
import { SHARED_DATA } from '../../helpers/shared-data';

const SAMPLES = resolve(SHARED_DATA, 'raw/imdb_tsv_sample');
const sample = (name: string, as = name): File => new File([readFileSync(resolve(SAMPLES, name))], as, { lastModified: Date.UTC(2026, 10, 30) });


async function setup(): Promise<{ ask: typeof sendMessage; calls: string[] }> {
  const dataset = fakeDataset(20);
  const factory = new IDBFactory();
  const service = createFilmService({ bundledVersion: dataset.manifest.version, loadDataset: async () => dataset, openDb: () => openStore(factory) });
  await service.ensureSeeded();
  const calls: string[] = [];
  const ask = (async (type: string, data: unknown) => {
    calls.push(type);
    const reply = await dispatch(service.handlers, { channel: 'credits-cue/v1', type, data }, { page: true });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }) as typeof sendMessage;
  return { ask, calls };
}

describe('an import run', () => {
  it('imports the three real samples in the order their contents need, whatever order they were chosen in', async () => {
    const { ask, calls } = await setup();
    const progress: ImportRunProgress[] = [];
    const run = startImport([sample('title.akas.tsv.gz'), sample('title.basics.tsv.gz'), sample('title.ratings.tsv.gz')], (p) => progress.push(p), {
      ask,
      createWorker: inThreadWorker,
    });
    const result = await run.done;
    expect(Object.keys(result.state).sort()).toEqual(['akas', 'basics', 'ratings']);
    expect(result.state.ratings?.asOf).toBe('2026-11-30');
    expect(result.rowsKept).toBe((result.state.ratings?.rowsKept ?? 0) + (result.state.basics?.rowsKept ?? 0) + (result.state.akas?.rowsKept ?? 0));
    // Ratings committed before basics began, basics before akas.
    const begins = calls.filter((c) => c === 'imdbImportBegin' || c === 'imdbImportCommit');
    expect(begins).toEqual(['imdbImportBegin', 'imdbImportCommit', 'imdbImportBegin', 'imdbImportCommit', 'imdbImportBegin', 'imdbImportCommit']);
    expect(progress.map((p) => p.kind)).toEqual([...progress.map((p) => p.kind)].sort((a, b) => ['ratings', 'basics', 'akas'].indexOf(a) - ['ratings', 'basics', 'akas'].indexOf(b)));
    const last = progress.filter((p) => p.kind === 'ratings').at(-1);
    expect(last?.bytesRead).toBe(last?.bytesTotal);
    expect(last?.rowsRead).toBe(7821);
  });

  it('refuses a wrong file among several before importing anything', async () => {
    const { ask, calls } = await setup();
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'poster.png');
    const run = startImport([sample('title.ratings.tsv.gz'), png], () => undefined, { ask, createWorker: inThreadWorker });
    await expect(run.done).rejects.toThrow(/poster\.png/);
    expect(calls).not.toContain('imdbImportBegin');
  });

  it('a corrupt file fails with a clear message and leaves the previous data answering', async () => {
    const { ask } = await setup();
    await startImport([sample('title.ratings.tsv.gz')], () => undefined, { ask, createWorker: inThreadWorker }).done;
    const bytes = new Uint8Array(readFileSync(resolve(SAMPLES, 'title.basics.tsv.gz')));
    // Keep the gzip header (so the file is recognised) and damage the deflate stream after it.
    for (let i = 4000; i < 4400; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    const run = startImport([new File([bytes], 'title.basics.tsv.gz')], () => undefined, { ask, createWorker: inThreadWorker });
    await expect(run.done).rejects.toThrow(/title\.basics\.tsv\.gz/);
    const state = await ask('imdbImportState', {});
    expect(Object.keys(state)).toEqual(['ratings']);
  });

  it('cancel mid-way keeps the previous data and stores nothing of the cancelled file', async () => {
    const { ask } = await setup();
    const first = await startImport([sample('title.ratings.tsv.gz')], () => undefined, { ask, createWorker: inThreadWorker }).done;
    let cancelled = false;
    const run: ReturnType<typeof startImport> = startImport(
      [sample('title.akas.tsv.gz')],
      (p) => {
        if (!cancelled && p.rowsRead > 0) {
          cancelled = true;
          run.cancel();
        }
      },
      { ask, createWorker: inThreadWorker },
    );
    await expect(run.done).rejects.toThrow(/cancelled/i);
    expect(await ask('imdbImportState', {})).toEqual(first.state);
  });

  it('two files of the same kind are refused', async () => {
    const { ask } = await setup();
    const run = startImport([sample('title.ratings.tsv.gz'), sample('title.ratings.tsv.gz', 'copy.tsv.gz')], () => undefined, { ask, createWorker: inThreadWorker });
    await expect(run.done).rejects.toThrow(/one title\.ratings/);
  });
});
