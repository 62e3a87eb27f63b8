/**
 * The viewer's IMDb imports in IndexedDB and merged over the bundle: nothing half-applied, a retried batch does not
 * duplicate, remove returns to the bundled data, and the service answers with imported films and titles at once.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFilmService } from '../../../lib/background/film-service';
import { abortImport, beginImport, commitImport, readImportState, readLayers, removeImports, writeImportChunk } from '../../../lib/background/imdb-layers';
import { mergeImdb, type ImdbLayers, type ImdbStaging } from '../../../lib/core/imdb-rows';
import { openStore, type Db } from '../../../lib/background/store';
import { dispatch, isExtensionPage } from '../../../lib/protocol/server';
import { fakeDataset, fakeFilm } from '../../helpers/dataset';

let db: Db;
const staging = (importId: string, kind: ImdbStaging['kind'] = 'ratings'): ImdbStaging => ({
  kind,
  importId,
  fileName: `title.${kind}.tsv.gz`,
  bytes: 1000,
  asOf: '2026-12-01',
  startedAt: '2026-12-02T00:00:00Z',
});
const rating = (n: number, value = 8.1, votes = 5000): { id: string; rating: number; votes: number } => ({ id: fakeFilm(n).id, rating: value, votes });
const empty: ImdbLayers = { state: {}, ratings: [], basics: [], akas: [] };

beforeEach(async () => {
  db = await openStore(new IDBFactory());
});

describe('storage: staged, then committed atomically', () => {
  it('a staged import does not answer until its commit; the commit replaces the previous layer', async () => {
    await beginImport(db, staging('a'));
    await writeImportChunk(db, { importId: 'a', index: 0, kind: 'ratings', rows: [rating(1, 7)] });
    await commitImport(db, 'a', { rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 });
    await beginImport(db, staging('b'));
    await writeImportChunk(db, { importId: 'b', index: 0, kind: 'ratings', rows: [rating(1, 9)] });
    expect((await readLayers(db)).ratings).toEqual([rating(1, 7)]);
    const layer = await commitImport(db, 'b', { rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 });
    expect(layer).toMatchObject({ kind: 'ratings', importId: 'b', asOf: '2026-12-01', rowsKept: 1 });
    expect((await readLayers(db)).ratings).toEqual([rating(1, 9)]);
    // The replaced layer's rows are gone.
    expect(await db.count('imdb')).toBe(1);
  });

  it('refuses to commit an incomplete import, and leaves the previous data answering', async () => {
    await beginImport(db, staging('a'));
    await writeImportChunk(db, { importId: 'a', index: 0, kind: 'ratings', rows: [rating(1)] });
    await expect(commitImport(db, 'a', { rowsRead: 2, rowsKept: 2, rowsSkipped: 0, chunks: 2 })).rejects.toThrow(/incomplete/);
    expect(await readImportState(db)).toEqual({});
  });

  it('a batch sent twice (worker restarted, client retried) is stored once', async () => {
    await beginImport(db, staging('a'));
    await writeImportChunk(db, { importId: 'a', index: 0, kind: 'ratings', rows: [rating(1)] });
    await writeImportChunk(db, { importId: 'a', index: 0, kind: 'ratings', rows: [rating(1)] });
    await commitImport(db, 'a', { rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 });
    expect((await readLayers(db)).ratings).toHaveLength(1);
  });

  it('rejects rows for an import that is not in progress (aborted, or of another kind)', async () => {
    await expect(writeImportChunk(db, { importId: 'x', index: 0, kind: 'ratings', rows: [] })).rejects.toThrow(/no longer in progress/);
    await beginImport(db, staging('a'));
    await expect(writeImportChunk(db, { importId: 'a', index: 0, kind: 'akas', rows: [] })).rejects.toThrow(/no longer in progress/);
    await abortImport(db, 'a');
    await expect(writeImportChunk(db, { importId: 'a', index: 0, kind: 'ratings', rows: [] })).rejects.toThrow(/no longer in progress/);
  });

  it('an abandoned import (cancelled page, stopped worker) is swept at the next begin', async () => {
    await beginImport(db, staging('dead'));
    await writeImportChunk(db, { importId: 'dead', index: 0, kind: 'ratings', rows: [rating(1)] });
    await beginImport(db, staging('next'));
    expect(await db.count('imdb')).toBe(0);
    expect(await db.get('meta', 'imdb-staging:dead')).toBeUndefined();
  });

  it('survives a restart mid-import: a new connection keeps writing the same staged import', async () => {
    const factory = new IDBFactory();
    const first = await openStore(factory);
    await beginImport(first, staging('a'));
    await writeImportChunk(first, { importId: 'a', index: 0, kind: 'ratings', rows: [rating(1)] });
    first.close();
    const second = await openStore(factory);
    await writeImportChunk(second, { importId: 'a', index: 1, kind: 'ratings', rows: [rating(2)] });
    await commitImport(second, 'a', { rowsRead: 2, rowsKept: 2, rowsSkipped: 0, chunks: 2 });
    expect((await readLayers(second)).ratings.map((r) => r.id)).toEqual([fakeFilm(1).id, fakeFilm(2).id]);
  });

  it('remove returns to nothing imported', async () => {
    await beginImport(db, staging('a'));
    await writeImportChunk(db, { importId: 'a', index: 0, kind: 'ratings', rows: [rating(1)] });
    await commitImport(db, 'a', { rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 });
    await removeImports(db);
    expect(await readImportState(db)).toEqual({});
    expect(await db.count('imdb')).toBe(0);
  });

  it('a layer whose rows were cleared is ignored, not half-used', async () => {
    await beginImport(db, staging('a'));
    await writeImportChunk(db, { importId: 'a', index: 0, kind: 'ratings', rows: [rating(1)] });
    await commitImport(db, 'a', { rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 });
    await db.clear('imdb');
    expect(await readLayers(db)).toEqual(empty);
  });
});

describe('mergeImdb', () => {
  const films = [fakeFilm(1), fakeFilm(2)];
  const layers: ImdbLayers = {
    state: {
      ratings: { kind: 'ratings', importId: 'r', fileName: 'title.ratings.tsv.gz', bytes: 1, asOf: '2026-12-01', importedAt: '', rowsRead: 3, rowsKept: 3, rowsSkipped: 0, chunks: 1 },
    },
    ratings: [rating(1, 9.1, 123_456), { id: 'tt0000099', rating: 6.5, votes: 2000 }],
    basics: [
      { id: 'tt0000099', type: 'movie', title: 'Imported Film', original: 'Film Importé', adult: false, year: 2026, runtime: 101 },
      { id: 'tt0000098', type: 'tvSeries', title: 'A Series', adult: false },
      { id: 'tt0000097', type: 'movie', title: 'Adult', adult: true },
    ],
    akas: [
      { id: fakeFilm(2).id, title: 'Testfilm Zwei' },
      { id: fakeFilm(2).id, title: 'test film 2' },
      { id: 'tt0000099', title: 'Importierter Film' },
    ],
  };

  it('lays fresh IMDb ratings over the bundle, marked imported with their date and provenance', () => {
    const merged = mergeImdb(films, layers, 7);
    const imdb = merged[0]?.ratings.filter((r) => r.source === 'imdb');
    expect(imdb).toEqual([{ source: 'imdb', value: 9.1, scale: 10, count: 123_456, asOf: '2026-12-01', input: 7, imported: true }]);
  });

  it('keeps the bundle’s IMDb rating when the imported dump is older than it', () => {
    const old: ImdbLayers = { ...layers, state: { ratings: { ...layers.state.ratings!, asOf: '2024-01-01' } } };
    expect(mergeImdb(films, old, 7)[0]?.ratings).toEqual(films[0]?.ratings);
  });

  it('adds films the bundle lacks (movies, not adult, not series), with unknown credits', () => {
    const merged = mergeImdb(films, layers, 7);
    const added = merged.find((f) => f.id === 'tt0000099');
    expect(added).toMatchObject({ title: 'Imported Film', originalTitle: 'Film Importé', year: 2026, runtime: 101, kind: 'movie', alt: ['Importierter Film'] });
    expect(added?.credits.state).toBe('unknown');
    expect(added?.ratings[0]).toMatchObject({ value: 6.5, imported: true });
    expect(merged.map((f) => f.id)).not.toContain('tt0000098');
    expect(merged.map((f) => f.id)).not.toContain('tt0000097');
  });

  it('adds localized titles once, never the film’s own title again', () => {
    const merged = mergeImdb(films, layers, 7);
    expect(merged[1]?.alt).toEqual(['Testfilm Zwei']);
  });

  it('changes nothing (the same objects) without imports', () => {
    const merged = mergeImdb(films, empty, 7);
    expect(merged[0]).toBe(films[0]);
    expect(merged).toHaveLength(2);
  });
});

describe('the film service with an import', () => {
  const dataset = fakeDataset(30);
  const service = async () => {
    const factory = new IDBFactory();
    const s = createFilmService({ bundledVersion: dataset.manifest.version, loadDataset: async () => dataset, openDb: () => openStore(factory) });
    await s.ensureSeeded();
    return s;
  };
  const page: { tabId?: number; page?: boolean } = { page: true };
  const ask = async (s: Awaited<ReturnType<typeof service>>, type: string, data: unknown, context = page) => {
    const reply = await dispatch(s.handlers, { channel: 'credits-cue/v1', type, data }, context);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };

  it('answers with the imported rating, film and title at once, and without them after remove', async () => {
    const s = await service();
    const plan = (await ask(s, 'imdbImportPlan', {})) as { knownIds: string[]; ratedIds: string[] };
    expect(plan.knownIds).toContain(fakeFilm(3).id);
    expect(plan.ratedIds).toEqual([]);
    const { importId } = (await ask(s, 'imdbImportBegin', { kind: 'basics', fileName: 'title.basics.tsv.gz', bytes: 10, asOf: '2026-12-01' })) as { importId: string };
    await ask(s, 'imdbImportRows', { importId, index: 0, kind: 'basics', rows: [{ id: 'tt0000099', type: 'movie', title: 'Brand New Film', adult: false, year: 2026 }] });
    // Staged only: not answering yet.
    expect((await ask(s, 'matchTitle', { title: 'Brand New Film', year: 2026 })) as { best: unknown }).toMatchObject({ best: null });
    await ask(s, 'imdbImportCommit', { importId, rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 });
    const match = (await ask(s, 'matchTitle', { title: 'Brand New Film', year: 2026 })) as { best: { film: { id: string } } | null };
    expect(match.best?.film.id).toBe('tt0000099');
    const found = (await ask(s, 'searchFilms', { query: 'brand new' })) as Array<{ id: string }>;
    expect(found.map((h) => h.id)).toContain('tt0000099');
    expect(((await ask(s, 'imdbImportPlan', {})) as { knownIds: string[] }).knownIds).toContain('tt0000099');
    await ask(s, 'imdbImportRemove', {});
    expect((await ask(s, 'matchTitle', { title: 'Brand New Film', year: 2026 })) as { best: unknown }).toMatchObject({ best: null });
  });

  it('refuses import messages from a content script (a tab), and malformed rows', async () => {
    const s = await service();
    await expect(ask(s, 'imdbImportPlan', {}, { tabId: 4, page: false })).rejects.toThrow(/options page/);
    const { importId } = (await ask(s, 'imdbImportBegin', { kind: 'ratings', fileName: 'x', bytes: 1, asOf: '2026-12-01' })) as { importId: string };
    for (const rows of [[{ id: 'nm0000001', rating: 5, votes: 1 }], [{ id: 'tt0000001', rating: 11, votes: 1 }], [{ id: 'tt0000001', rating: 5 }], 'rows']) {
      await expect(ask(s, 'imdbImportRows', { importId, index: 0, kind: 'ratings', rows })).rejects.toThrow(/Malformed/);
    }
    await expect(ask(s, 'imdbImportRows', { importId, index: 0, kind: 'ratings', rows: Array.from({ length: 10_001 }, () => rating(1)) })).rejects.toThrow(/Malformed/);
  });
});

describe('who may import', () => {
  it('tells the extension’s own pages (even in a tab) from content scripts by the sender’s URL', () => {
    const origin = 'chrome-extension://abcdefghijklmnop/';
    expect(isExtensionPage({ url: `${origin}options.html`, tab: { id: 3 } as never }, origin)).toBe(true);
    expect(isExtensionPage({ url: 'https://www.netflix.com/watch/80000001', tab: { id: 3 } as never }, origin)).toBe(false);
    expect(isExtensionPage({ url: 'chrome-extension://otherextension/options.html' }, origin)).toBe(false);
    expect(isExtensionPage({}, origin)).toBe(false);
  });
});
