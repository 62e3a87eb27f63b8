/**
 * The background's film service: owns the IndexedDB store and the in-memory index, seeds on install, update and
 * every worker start (a worker stopped mid-seed resumes), and answers the message map. Kept out of the
 * entrypoint so unit tests drive it with fake-indexeddb and an injected dataset loader.
 */
import { buildFilmIndex, type FilmIndex } from './film-index';
import { seedStore, type SeedStatus } from './seed';
import { openStore, readActiveFilms, type ActiveRecord, type Db } from './store';
import type { Dataset } from './schema';
import type { Handlers } from '../messaging';
import { matchFilm } from '../match/match';
import { buildSearchIndex, type SearchIndex } from '../search/search-index';

/** The handlers this service answers; the background adds the ones that need browser APIs. */
export type DataHandlers = Omit<Handlers, 'openSearch' | 'reportDetected' | 'getTabFilm'>;

export interface FilmServiceOptions {
  /** Version of the bundled asset (from its small manifest), so a worker start can skip parsing the asset. */
  bundledVersion: string;
  loadDataset: () => Promise<Dataset>;
  /** Read at seed start; see SeedOptions.chunkDelayMs. */
  chunkDelayMs?: () => Promise<number | undefined>;
  openDb?: () => Promise<Db>;
}

export interface FilmService {
  handlers: DataHandlers;
  /** Seeds if the bundled version is not the active one; concurrent calls share one run. */
  ensureSeeded(): Promise<void>;
  status(): SeedStatus;
}

export function createFilmService(options: FilmServiceOptions): FilmService {
  let status: SeedStatus = { state: 'idle', done: 0, total: 0 };
  let index: FilmIndex | undefined;
  /** The record of the version `index` holds. */
  let activeRecord: ActiveRecord | undefined;
  /** The popup's search index, built on the first search of a version (content scripts never need it). */
  let search: { index: FilmIndex; search: SearchIndex } | undefined;
  let dbPromise: Promise<Db> | undefined;
  let loading: Promise<void> | undefined;
  let seeding: Promise<void> | undefined;

  const db = (): Promise<Db> => (dbPromise ??= (options.openDb ?? openStore)());

  /** Loads the complete active version (if any) into memory; queries wait for this, never for a seed. */
  const loadIndex = (): Promise<void> =>
    (loading ??= (async () => {
      const stored = await readActiveFilms(await db());
      if (stored && !index) {
        index = buildFilmIndex(stored.films);
        activeRecord = stored.active;
        status = { ...status, version: stored.active.version, films: stored.active.films, dataAsOf: stored.active.manifest.dataAsOf };
        if (status.state === 'idle') status = { ...status, state: 'ready', done: stored.active.chunks, total: stored.active.chunks };
      }
    })());

  const ensureSeeded = (): Promise<void> =>
    (seeding ??= (async () => {
      const started = performance.now();
      try {
        await loadIndex();
        // The common worker start: the bundled version is already stored complete and indexed.
        if (index && status.version === options.bundledVersion) {
          status = { ...status, state: 'ready' };
          return;
        }
        const dataset = await options.loadDataset();
        const delay = await options.chunkDelayMs?.();
        const active = await seedStore(await db(), dataset, {
          chunkDelayMs: delay,
          onProgress: (p) => {
            status = { ...p, version: status.version, films: status.films, dataAsOf: status.dataAsOf };
          },
        });
        // The parsed asset is already in memory: index it rather than reading back what was just written.
        index = buildFilmIndex(dataset.films);
        activeRecord = active;
        status = {
          state: 'ready',
          done: active.chunks,
          total: active.chunks,
          version: active.version,
          films: active.films,
          dataAsOf: active.manifest.dataAsOf,
          resumedFrom: status.resumedFrom,
          seedMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        status = { ...status, state: 'error', error: error instanceof Error ? error.message : String(error) };
        seeding = undefined; // allow a retry on the next request or start
        throw error;
      }
    })());

  /** The index to answer from: the complete active version; undefined only before the first seed completes. */
  const current = async (): Promise<FilmIndex | undefined> => {
    await loadIndex();
    return index;
  };

  const handlers: DataHandlers = {
    getFilm: async ({ id }) => (await current())?.get(id) ?? null,
    findFilms: async ({ title, year }) => (await current())?.find(title, year) ?? [],
    searchPrefix: async ({ prefix, limit }) => (await current())?.prefix(prefix, limit) ?? [],
    getDatasetInfo: async () => {
      await loadIndex();
      const active = activeRecord;
      return active
        ? { version: active.version, dataAsOf: active.manifest.dataAsOf, films: active.films, ratingMeans: active.manifest.ratingMeans ?? {} }
        : null;
    },
    searchFilms: async ({ query, limit }) => {
      const films = await current();
      if (!films) return [];
      if (search?.index !== films) search = { index: films, search: buildSearchIndex(films.films()) };
      return search.search.search(query, limit);
    },
    matchTitle: async (query) => {
      const index = await current();
      return index ? matchFilm(index, query) : { best: null, others: [] };
    },
    getStatus: () => {
      // A status request is also a wake-up: a restarted worker resumes its seed.
      void ensureSeeded().catch(() => undefined);
      return status;
    },
  };

  return { handlers, ensureSeeded, status: () => status };
}


