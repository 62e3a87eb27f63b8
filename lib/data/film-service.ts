/**
 * The background's film service: owns the IndexedDB store and the in-memory index, seeds on install, update and
 * every worker start (a worker stopped mid-seed resumes), and answers the message map. Kept out of the
 * entrypoint so unit tests drive it with fake-indexeddb and an injected dataset loader.
 */
import { buildFilmIndex, type FilmIndex } from './film-index';
import {
  abortImport,
  beginImport,
  commitImport,
  importInput,
  mergeImdb,
  readImportState,
  readLayers,
  removeImports,
  writeImportChunk,
  type ImdbLayers,
} from './imdb-layers';
import { seedStore, type SeedStatus } from './seed';
import { openStore, readActiveFilms, type ActiveRecord, type Db } from './store';
import type { Dataset, Film } from './schema';
import type { Handlers } from '../messaging';
import { matchFilm } from '../match/match';
import { buildSearchIndex, type SearchIndex } from '../search/search-index';

/** The handlers this service answers; the background adds the ones that need browser APIs. */
export type DataHandlers = Omit<Handlers, 'openSearch' | 'reportDetected' | 'getTabFilm'>;

/** Films kept from an import without being in the bundle need this many IMDb votes (the pipeline's rule). */
export const IMPORT_MIN_VOTES = 1000;

export interface FilmServiceOptions {
  /** Version of the bundled asset (from its small manifest), so a worker start can skip parsing the asset. */
  bundledVersion: string;
  loadDataset: () => Promise<Dataset>;
  /** Read at seed start; see SeedOptions.chunkDelayMs. */
  chunkDelayMs?: () => Promise<number | undefined>;
  /** Opens the store; `onLost` must run when the connection is gone for good (see openStore). */
  openDb?: (onLost: () => void) => Promise<Db>;
}

export interface FilmService {
  handlers: DataHandlers;
  /** Seeds if the bundled version is not the active one; concurrent calls share one run. */
  ensureSeeded(): Promise<void>;
  status(): SeedStatus;
}

/** Imports change the viewer's data: only the extension's own pages may drive them, never a content script. */
function extensionPageOnly(context: { page?: boolean }): void {
  if (context.page !== true) throw new Error('Only the options page can import IMDb data.');
}

export function createFilmService(options: FilmServiceOptions): FilmService {
  let status: SeedStatus = { state: 'idle', done: 0, total: 0 };
  let index: FilmIndex | undefined;
  /** The record of the version `index` holds. */
  let activeRecord: ActiveRecord | undefined;
  /** The bundled films of that version, before the viewer's IMDb imports are laid over them. */
  let bundled: readonly Film[] = [];
  let layers: ImdbLayers | undefined;
  /** The popup's search index, built on the first search of a version (content scripts never need it). */
  let search: { index: FilmIndex; search: SearchIndex } | undefined;
  let dbPromise: Promise<Db> | undefined;
  let loading: Promise<void> | undefined;
  let seeding: Promise<void> | undefined;

  /**
   * The viewer cleared the extension's storage (or it was deleted under us): forget the connection and seed again.
   * The films already in memory keep answering meanwhile; nothing the viewer set lives in IndexedDB (settings are
   * in storage.sync).
   */
  const onLost = (): void => {
    dbPromise = undefined;
    seeding = undefined;
    // Not "ready with this version" any more: the next ensureSeeded writes the bundled data again.
    status = { ...status, state: 'idle', version: undefined };
    void ensureSeeded().catch(() => undefined);
  };
  const db = (): Promise<Db> => (dbPromise ??= options.openDb ? options.openDb(onLost) : openStore(undefined, onLost));

  /** The answering index: the bundled films with the current imports merged over them (re-read from storage). */
  const rebuild = async (films: readonly Film[], record: ActiveRecord): Promise<void> => {
    const current = await readLayers(await db()).catch(() => undefined);
    bundled = films;
    layers = current;
    activeRecord = record;
    index = buildFilmIndex(current ? mergeImdb(films, current, record.manifest.inputs.length) : [...films]);
  };

  /** Loads the complete active version (if any) into memory; queries wait for this, never for a seed. */
  const loadIndex = (): Promise<void> =>
    (loading ??= (async () => {
      const stored = await readActiveFilms(await db());
      if (stored && !index) {
        await rebuild(stored.films, stored.active);
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
        await rebuild(dataset.films, active);
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

  /** The popup's search index over `films`, built once per answering index. */
  const searchIndexFor = (films: FilmIndex): SearchIndex => {
    if (search?.index !== films) search = { index: films, search: buildSearchIndex(films.films()) };
    return search.search;
  };

  /**
   * After an import is applied or removed: the search index over every imported film takes seconds to build (1.9 s
   * for 93k films and 344k localized titles in the scale bench), so it is built now, once the reply has gone,
   * rather than on the viewer's first keystroke in the popup.
   */
  const prepareSearch = (): void => {
    setTimeout(() => {
      if (index) searchIndexFor(index);
    }, 0);
  };

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
      if (!active) return null;
      const imported = layers && Object.keys(layers.state).length > 0 ? importInput(layers.state) : undefined;
      return {
        version: active.version,
        dataAsOf: active.manifest.dataAsOf,
        films: index?.size ?? active.films,
        ratingMeans: active.manifest.ratingMeans ?? {},
        imdbAsOf: layers?.state.ratings?.asOf ?? imported?.asOf,
      };
    },
    searchFilms: async ({ query, limit }) => {
      const films = await current();
      return films ? searchIndexFor(films).search(query, limit) : [];
    },
    matchTitle: async (query) => {
      const index = await current();
      return index ? matchFilm(index, query) : { best: null, others: [] };
    },
    imdbImportPlan: async (_data, context) => {
      extensionPageOnly(context);
      await loadIndex();
      const basicsIds = (layers?.basics ?? []).map((b) => b.id);
      return {
        knownIds: [...bundled.map((f) => f.id).filter((id) => id.startsWith('tt')), ...basicsIds],
        ratedIds: (layers?.ratings ?? []).filter((r) => r.votes >= IMPORT_MIN_VOTES).map((r) => r.id),
        minVotes: IMPORT_MIN_VOTES,
      };
    },
    imdbImportBegin: async ({ kind, fileName, bytes, asOf }, context) => {
      extensionPageOnly(context);
      const importId = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      await beginImport(await db(), { kind, importId, fileName, bytes, asOf, startedAt: new Date().toISOString() });
      return { importId };
    },
    imdbImportRows: async (chunk, context) => {
      extensionPageOnly(context);
      await writeImportChunk(await db(), chunk);
      return null;
    },
    imdbImportCommit: async ({ importId, ...counts }, context) => {
      extensionPageOnly(context);
      await commitImport(await db(), importId, counts);
      await loadIndex();
      if (activeRecord) await rebuild(bundled, activeRecord);
      prepareSearch();
      return readImportState(await db());
    },
    imdbImportAbort: async ({ importId }, context) => {
      extensionPageOnly(context);
      await abortImport(await db(), importId);
      return null;
    },
    imdbImportState: async () => readImportState(await db()),
    imdbImportRemove: async (_data, context) => {
      extensionPageOnly(context);
      await removeImports(await db());
      await loadIndex();
      if (activeRecord) await rebuild(bundled, activeRecord);
      prepareSearch();
      return null;
    },
    getStatus: () => {
      // A status request is also a wake-up: a restarted worker resumes its seed.
      void ensureSeeded().catch(() => undefined);
      return status;
    },
  };

  return { handlers, ensureSeeded, status: () => status };
}


