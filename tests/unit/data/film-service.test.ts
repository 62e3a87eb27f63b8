import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFilmIndex } from '../../../lib/core/film-index';
import { createFilmService } from '../../../lib/background/film-service';
import { openStore, readActiveFilms, readQuick } from '../../../lib/background/store';
import { dispatch } from '../../../lib/protocol/server';
import { fakeDataset } from '../../helpers/dataset';

const request = (type: string, data: unknown) => ({ channel: 'credits-cue/v1', type, data });

let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
});

function service(count = 2500, version = `v-${count}`) {
  const dataset = fakeDataset(count, version);
  return { dataset, svc: createFilmService({ bundledVersion: version, loadDataset: async () => dataset, openDb: () => openStore(factory) }) };
}

describe('film service', () => {
  it('answers queries through the message map once seeded', async () => {
    const { svc, dataset } = service();
    await svc.ensureSeeded();
    const film = dataset.films[42];
    expect(await dispatch(svc.handlers, request('getFilm', { id: film?.id }))).toEqual({ ok: true, value: film });
    const found = await dispatch(svc.handlers, request('matchTitle', { title: 'test film 42', year: film?.year }));
    expect(found).toMatchObject({ ok: true, value: { best: { film: { id: film?.id }, confidence: 'high' } } });
    const status = await dispatch(svc.handlers, request('getStatus', {}));
    expect(status).toMatchObject({ ok: true, value: { state: 'ready', version: 'v-2500', done: 3, total: 3 } });
  });

  it('answers nothing (not a half dataset) before the first seed completes', async () => {
    const { svc } = service();
    expect(await dispatch(svc.handlers, request('getFilm', { id: 'tt9000001' }))).toEqual({ ok: true, value: null });
  });

  it('a restarted worker answers from the stored version without the asset', async () => {
    const first = service(10, 'v1');
    await first.svc.ensureSeeded();
    const restarted = createFilmService({
      bundledVersion: 'v1',
      loadDataset: () => new Promise(() => undefined), // asset never arrives: answers must come from IndexedDB
      openDb: () => openStore(factory),
    });
    const reply = await dispatch(restarted.handlers, request('getFilm', { id: first.dataset.films[3]?.id }));
    expect(reply).toEqual({ ok: true, value: first.dataset.films[3] });
  });

  it('reports a corrupt asset as an error state and keeps the old data answering', async () => {
    const good = service(10, 'v1');
    await good.svc.ensureSeeded();
    const broken = createFilmService({
      bundledVersion: 'v2',
      loadDataset: async () => {
        throw new Error('Dataset asset is not valid gzip');
      },
      openDb: () => openStore(factory),
    });
    await expect(broken.ensureSeeded()).rejects.toThrow('gzip');
    expect(broken.status()).toMatchObject({ state: 'error', error: expect.stringContaining('gzip') });
    const reply = await dispatch(broken.handlers, request('getFilm', { id: good.dataset.films[0]?.id }));
    expect(reply).toMatchObject({ ok: true, value: { id: good.dataset.films[0]?.id } });
  });
});

describe('answers right after install and after a restart (issue #13)', () => {
  it('a title asked for while the first seed runs gets its film from the parsed asset, never a stuck "nothing"', async () => {
    const dataset = fakeDataset(2500, 'v1');
    // A slow seed: each of the three chunks takes 200 ms to write.
    const svc = createFilmService({ bundledVersion: 'v1', loadDataset: async () => dataset, openDb: () => openStore(factory), chunkDelayMs: async () => 200 });
    const film = dataset.films[1234];
    const reply = await dispatch(svc.handlers, request('matchTitle', { title: film?.title, year: film?.year, kind: 'movie' }));
    expect(reply).toMatchObject({ ok: true, value: { best: { film: { id: film?.id }, confidence: 'high' } } });
    // Answered before the data was stored: nothing is active in IndexedDB yet.
    expect(svc.status().state).not.toBe('ready');
    expect(await readActiveFilms(await openStore(factory))).toBeUndefined();
    await svc.ensureSeeded();
    expect(svc.status().state).toBe('ready');
  });

  it('a request that arrives before the seed starts waits for the first answering index', async () => {
    const dataset = fakeDataset(10, 'v1');
    let deliver: (d: typeof dataset) => void = () => undefined;
    const svc = createFilmService({ bundledVersion: 'v1', loadDataset: () => new Promise((r) => (deliver = r)), openDb: () => openStore(factory) });
    const asked = dispatch(svc.handlers, request('matchTitle', { title: 'Test Film 3', year: 2003 }));
    await new Promise((r) => setTimeout(r, 50));
    deliver(dataset);
    expect(await asked).toMatchObject({ ok: true, value: { best: { film: { id: dataset.films[3]?.id } } } });
  });

  it('indexes the first seed with the keys shipped beside the dataset, for exactly its version and films', async () => {
    const dataset = fakeDataset(2500, 'v1');
    const asked: Array<[string, number]> = [];
    const svc = createFilmService({
      bundledVersion: 'v1',
      loadDataset: async () => dataset,
      loadDatasetKeys: async (version, films) => {
        asked.push([version, films]);
        return buildFilmIndex(dataset.films).keys();
      },
      openDb: () => openStore(factory),
    });
    const film = dataset.films[777];
    const reply = await dispatch(svc.handlers, request('matchTitle', { title: film?.title, year: film?.year, kind: 'movie' }));
    expect(reply).toMatchObject({ ok: true, value: { best: { film: { id: film?.id }, confidence: 'high' } } });
    expect(asked).toEqual([['v1', 2500]]);
  });

  it('a restarted worker answers from the quick snapshot, reading only the chunk of the film it names', async () => {
    const first = service(2500, 'v1');
    await first.svc.ensureSeeded();
    const target = first.dataset.films[2100];
    // Every chunk but the target's (chunk 2) is gone: a restart that read every stored film could not answer.
    const store = await openStore(factory);
    await store.delete('chunks', ['v1', 0]);
    await store.delete('chunks', ['v1', 1]);
    store.close();
    const restarted = createFilmService({ bundledVersion: 'v1', loadDataset: () => new Promise(() => undefined), openDb: () => openStore(factory) });
    const reply = await dispatch(restarted.handlers, request('matchTitle', { title: target?.title, year: target?.year, kind: 'movie' }));
    expect(reply).toEqual({ ok: true, value: { best: { film: target, confidence: 'high' }, others: expect.any(Array) } });
    expect(await dispatch(restarted.handlers, request('getFilm', { id: target?.id }))).toEqual({ ok: true, value: target });
    const search = await dispatch(restarted.handlers, request('searchFilms', { query: 'test film 2100', limit: 3 }));
    expect(search).toMatchObject({ ok: true, value: [{ id: target?.id }] });
  });
});

describe('stored chunks gone under a restarted worker', () => {
  it('the snapshot no longer describes what is stored: the worker seeds again and the title still gets its film', async () => {
    const first = service(2500, 'v1');
    await first.svc.ensureSeeded();
    const target = first.dataset.films[2100];
    const store = await openStore(factory);
    await store.delete('chunks', ['v1', 2]);
    store.close();
    const restarted = createFilmService({ bundledVersion: 'v1', loadDataset: async () => first.dataset, openDb: () => openStore(factory) });
    const reply = await dispatch(restarted.handlers, request('matchTitle', { title: target?.title, year: target?.year, kind: 'movie' }));
    expect(reply).toMatchObject({ ok: true, value: { best: { film: { id: target?.id } } } });
    await expect.poll(async () => (await readActiveFilms(await openStore(factory)))?.films.length, { timeout: 5000 }).toBe(2500);
  });
});

describe('a restart after an IMDb import', () => {
  it('answers from the snapshot of the merged data, the imported rating included', async () => {
    const dataset = fakeDataset(1500, 'v1');
    const svc = createFilmService({ bundledVersion: 'v1', loadDataset: async () => dataset, openDb: () => openStore(factory) });
    await svc.ensureSeeded();
    const page = { page: true };
    const film = dataset.films[1200];
    const begin = await dispatch(svc.handlers, request('imdbImportBegin', { kind: 'ratings', fileName: 'title.ratings.tsv.gz', bytes: 1, asOf: '2026-12-01' }), page);
    const importId = (begin as { value: { importId: string } }).value.importId;
    await dispatch(svc.handlers, request('imdbImportRows', { importId, index: 0, kind: 'ratings', rows: [{ id: film?.id, rating: 9.1, votes: 123_456 }] }), page);
    expect(await dispatch(svc.handlers, request('imdbImportCommit', { importId, rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 }), page)).toMatchObject({ ok: true });
    // The snapshot of the merged data is stored after the reply: wait for it.
    await expect.poll(async () => (await readQuick(await openStore(factory)))?.basis, { timeout: 5000 }).toContain(importId);
    const restarted = createFilmService({ bundledVersion: 'v1', loadDataset: () => new Promise(() => undefined), openDb: () => openStore(factory) });
    const reply = await dispatch(restarted.handlers, request('matchTitle', { title: film?.title, year: film?.year, kind: 'movie' }));
    expect(reply).toMatchObject({ ok: true, value: { best: { film: { id: film?.id, ratings: [{ source: 'imdb', value: 9.1, count: 123_456, imported: true }] } } } });
  });
});

describe('message validation', () => {
  const { svc } = service(1);
  it.each([
    ['not ours', { hello: 1 }, 'Not a Credits Cue message'],
    ['unknown type', request('dropTables', {}), 'Unknown message type'],
    ['missing field', request('getFilm', {}), 'Malformed payload'],
    ['wrong type', request('matchTitle', { title: 42 }), 'Malformed payload'],
    ['huge string', request('matchTitle', { title: 'x'.repeat(1_000_001) }), 'Malformed payload'],
    ['bad year', request('matchTitle', { title: 'x', year: 1e9 }), 'Malformed payload'],
    ['bad limit', request('searchFilms', { query: 'x', limit: -1 }), 'Malformed payload'],
  ])('rejects %s with a clear error', async (_name, message, error) => {
    const reply = await dispatch(svc.handlers, message);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining(error) });
  });
});

describe('worker start', () => {
  it('does not parse the asset again when the bundled version is already stored', async () => {
    const first = service(10, 'v1');
    await first.svc.ensureSeeded();
    let loads = 0;
    const restarted = createFilmService({
      bundledVersion: 'v1',
      loadDataset: async () => {
        loads++;
        return first.dataset;
      },
      openDb: () => openStore(factory),
    });
    await restarted.ensureSeeded();
    expect(loads).toBe(0);
    expect(restarted.status()).toMatchObject({ state: 'ready', version: 'v1', films: 10 });
  });

  it('seeds a new bundled version over an old one (extension update)', async () => {
    await service(10, 'v1').svc.ensureSeeded();
    const update = service(12, 'v2');
    await update.svc.ensureSeeded();
    expect(update.svc.status()).toMatchObject({ state: 'ready', version: 'v2', films: 12 });
  });
});

describe('faults', () => {
  it('the viewer clears the extension’s storage under a live worker: answers on from memory, then seeds again', async () => {
    const dataset = fakeDataset(2500, 'v1');
    const svc = createFilmService({ bundledVersion: 'v1', loadDataset: async () => dataset, openDb: (onLost) => openStore(factory, onLost) });
    await svc.ensureSeeded();
    // Deleting asks the open connection to step aside (it closes itself); the delete then goes through.
    await new Promise<void>((resolve, reject) => {
      const del = factory.deleteDatabase('credits-cue');
      del.onsuccess = () => resolve();
      del.onerror = () => reject(del.error);
    });
    const id = dataset.films[7]?.id;
    expect(await dispatch(svc.handlers, request('getFilm', { id }))).toMatchObject({ ok: true, value: { id } });
    await expect.poll(async () => (await readActiveFilms(await openStore(factory)))?.active.version, { timeout: 5000 }).toBe('v1');
    await expect.poll(() => svc.status().state).toBe('ready');
    expect(await dispatch(svc.handlers, request('getFilm', { id }))).toMatchObject({ ok: true, value: { id } });
  });

  it('a full disk (quota exceeded) while seeding is a clear error state; the stored version keeps answering', async () => {
    const v1 = fakeDataset(10, 'v1');
    const first = createFilmService({ bundledVersion: 'v1', loadDataset: async () => v1, openDb: () => openStore(factory) });
    await first.ensureSeeded();
    const put = vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const v2 = fakeDataset(10, 'v2');
      const update = createFilmService({ bundledVersion: 'v2', loadDataset: async () => v2, openDb: () => openStore(factory) });
      await expect(update.ensureSeeded()).rejects.toThrow(/quota/i);
      expect(update.status()).toMatchObject({ state: 'error', error: expect.stringMatching(/quota/i) });
      const id = v1.films[3]?.id;
      expect(await dispatch(update.handlers, request('getFilm', { id }))).toMatchObject({ ok: true, value: { id } });
    } finally {
      put.mockRestore();
    }
  });

  it('a full disk during an IMDb import fails that import only: nothing of it is applied', async () => {
    const dataset = fakeDataset(10, 'v1');
    const svc = createFilmService({ bundledVersion: 'v1', loadDataset: async () => dataset, openDb: () => openStore(factory) });
    await svc.ensureSeeded();
    const page = { page: true };
    const begin = await dispatch(svc.handlers, request('imdbImportBegin', { kind: 'ratings', fileName: 'title.ratings.tsv.gz', bytes: 1, asOf: '2026-12-01' }), page);
    const importId = (begin as { value: { importId: string } }).value.importId;
    const put = vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const rows = await dispatch(svc.handlers, request('imdbImportRows', { importId, index: 0, kind: 'ratings', rows: [{ id: 'tt0000001', rating: 5, votes: 10 }] }), page);
      expect(rows).toMatchObject({ ok: false, error: expect.stringMatching(/quota/i) });
    } finally {
      put.mockRestore();
    }
    const commit = await dispatch(svc.handlers, request('imdbImportCommit', { importId, rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 }), page);
    expect(commit).toMatchObject({ ok: false, error: expect.stringContaining('incomplete') });
    expect(await dispatch(svc.handlers, request('imdbImportState', {}), page)).toMatchObject({ ok: true, value: {} });
  });
});
