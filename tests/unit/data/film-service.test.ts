import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFilmService } from '../../../lib/data/film-service';
import { openStore } from '../../../lib/data/store';
import { dispatch } from '../../../lib/messaging';
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
    const found = await dispatch(svc.handlers, request('findFilms', { title: 'test film 42', year: film?.year }));
    expect(found.ok && Array.isArray(found.value) && found.value[0]).toMatchObject({ film: { id: film?.id }, confidence: 'high' });
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

describe('message validation', () => {
  const { svc } = service(1);
  it.each([
    ['not ours', { hello: 1 }, 'Not a Credits Cue message'],
    ['unknown type', request('dropTables', {}), 'Unknown message type'],
    ['missing field', request('getFilm', {}), 'Malformed payload'],
    ['wrong type', request('findFilms', { title: 42 }), 'Malformed payload'],
    ['huge string', request('findFilms', { title: 'x'.repeat(1_000_001) }), 'Malformed payload'],
    ['bad year', request('findFilms', { title: 'x', year: 1e9 }), 'Malformed payload'],
    ['bad limit', request('searchPrefix', { prefix: 'x', limit: -1 }), 'Malformed payload'],
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
