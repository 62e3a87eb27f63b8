import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedStore } from '../../../lib/background/seed';
import { CHUNK_SIZE, getActive, getProgress, openStore, readActiveFilms, writeChunk, type Db } from '../../../lib/background/store';
import { fakeDataset } from '../../helpers/dataset';

let db: Db;

beforeEach(async () => {
  db = await openStore(new IDBFactory());
});

describe('seedStore', () => {
  it('writes every film in chunks and activates the version', async () => {
    const dataset = fakeDataset(CHUNK_SIZE * 2 + 5);
    const active = await seedStore(db, dataset);
    expect(active.chunks).toBe(3);
    const stored = await readActiveFilms(db);
    expect(stored?.films).toHaveLength(dataset.films.length);
    expect(stored?.films[CHUNK_SIZE + 1]).toEqual(dataset.films[CHUNK_SIZE + 1]);
    expect(await getProgress(db)).toBeUndefined();
  });

  it('is a no-op when the version is already active', async () => {
    const dataset = fakeDataset(10);
    await seedStore(db, dataset);
    const progress: number[] = [];
    await seedStore(db, dataset, { onProgress: (s) => progress.push(s.done) });
    expect(progress).toEqual([]);
  });

  it('never lets a half-finished seed answer: readers keep the old complete version', async () => {
    const v1 = fakeDataset(CHUNK_SIZE + 1, 'v1');
    await seedStore(db, v1);
    const v2 = fakeDataset(CHUNK_SIZE * 3, 'v2');
    // Simulate a worker stopped after the first chunk of v2.
    await writeChunk(db, { version: 'v2', index: 0, films: v2.films.slice(0, CHUNK_SIZE) }, 3);
    const during = await readActiveFilms(db);
    expect(during?.active.version).toBe('v1');
    expect(during?.films).toHaveLength(CHUNK_SIZE + 1);
  });

  it('resumes a partial seed from the last committed chunk', async () => {
    const dataset = fakeDataset(CHUNK_SIZE * 3, 'v2');
    await writeChunk(db, { version: 'v2', index: 0, films: dataset.films.slice(0, CHUNK_SIZE) }, 3);
    await writeChunk(db, { version: 'v2', index: 1, films: dataset.films.slice(CHUNK_SIZE, CHUNK_SIZE * 2) }, 3);
    const seen: Array<number | undefined> = [];
    await seedStore(db, dataset, { onProgress: (s) => seen.push(s.resumedFrom) });
    expect(seen[0]).toBe(2);
    const stored = await readActiveFilms(db);
    expect(stored?.films.map((f) => f.id)).toEqual(dataset.films.map((f) => f.id));
  });

  it('discards a partial seed of another version and drops old versions after activation', async () => {
    const v1 = fakeDataset(5, 'v1');
    await seedStore(db, v1);
    await writeChunk(db, { version: 'stale', index: 0, films: v1.films }, 4);
    const v2 = fakeDataset(7, 'v2');
    await seedStore(db, v2);
    expect((await getActive(db))?.version).toBe('v2');
    const keys = await db.getAllKeys('chunks');
    expect(keys.every(([version]) => version === 'v2')).toBe(true);
  });

  it('treats a store with missing chunks as not seeded', async () => {
    await seedStore(db, fakeDataset(CHUNK_SIZE + 3, 'v1'));
    await db.delete('chunks', ['v1', 1]);
    expect(await readActiveFilms(db)).toBeUndefined();
  });
});

describe('seedStore repair', () => {
  it('re-seeds the active version when its chunks went missing', async () => {
    const dataset = fakeDataset(CHUNK_SIZE + 3, 'v1');
    await seedStore(db, dataset);
    await db.delete('chunks', ['v1', 1]);
    await seedStore(db, dataset);
    expect((await readActiveFilms(db))?.films).toHaveLength(CHUNK_SIZE + 3);
  });
});
