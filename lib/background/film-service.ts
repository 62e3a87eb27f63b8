/**
 * The background's film service: owns the IndexedDB store and the in-memory index, seeds on install, update and
 * every worker start (a worker stopped mid-seed resumes), and answers the message map. Kept out of the
 * entrypoint so unit tests drive it with fake-indexeddb and an injected dataset loader.
 *
 * Answers come from the answering index, one of:
 * - full records in memory: after a seed (the parsed asset), an IMDb import, or a worker start without a usable
 *   quick snapshot (every stored film read back and indexed);
 * - heads from the quick snapshot (lib/core/quick-index.ts): the usual worker start. Chrome stops an idle worker
 *   after about 30 s, so this is how most titles are answered; the full record of a film is then read from its one
 *   stored chunk when asked for.
 *
 * Right after install nothing is stored yet: the parsed asset answers at once, before it is written (issue #13: the
 * first player page must not stay "unknown"), and a title asked for earlier waits for it.
 */
import { arrayFilmList, buildFilmIndex, restoreFilmIndex, type FilmIndex, type IndexKeys, type MatchableFilm } from '../core/film-index';
import { abortImport, beginImport, commitImport, readImportState, readLayers, removeImports, writeImportChunk } from './imdb-layers';
import { KEEP_MIN_VOTES, importInput, mergeImdb, type ImdbImportState, type ImdbLayers } from '../core/imdb-rows';
import { basisOf, decodeQuick, encodeQuick } from '../core/quick-index';
import { seedStore } from './seed';
import { type SeedStatus } from '../protocol/messages';
import {
  CHUNK_SIZE,
  getActive,
  openStore,
  readActiveFilms,
  readFilmChunk,
  readQuick,
  writeQuick,
  type ActiveRecord,
  type Db,
  type FilmSource,
} from './store';
import type { Dataset, Film } from '../core/schema';
import type { Handlers } from '../protocol/server';
import { matchFilm } from '../core/match/match';
import { buildSearchIndex, type SearchIndex } from '../core/search/search-index';
import { errorMessage } from '../core/guards';

/** The handlers this service answers; the background adds the ones that need browser APIs. */
export type DataHandlers = Omit<Handlers, 'openSearch' | 'reportDetected'>;

/** Chunks of full records kept after reading one (a few titles in a row often sit close together). */
const CHUNK_CACHE = 4;

export interface FilmServiceOptions {
  /** Version of the bundled asset (from its small manifest), so a worker start can skip parsing the asset. */
  bundledVersion: string;
  loadDataset: () => Promise<Dataset>;
  /**
   * The bundled dataset's index keys shipped beside it (scripts/dataset-keys.ts), for that version and film count;
   * undefined when missing or for other films. Spares the first answer after install the indexing of every title.
   */
  loadDatasetKeys?: (version: string, films: number) => Promise<IndexKeys | undefined>;
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

/** The index that answers, and where the full records of its films are. */
interface Answering {
  index: FilmIndex<MatchableFilm>;
  /** Full records by position, when in memory. */
  records?: readonly Film[];
  /** Where the full records are stored (read one chunk at a time when not in memory). */
  source: FilmSource;
  basis: string;
  /** The active record of the version the films come from. */
  active: ActiveRecord;
  /** The imports laid over it. */
  imports: ImdbImportState;
}

export function createFilmService(options: FilmServiceOptions): FilmService {
  let status: SeedStatus = { state: 'idle', done: 0, total: 0 };
  let answering: Answering | undefined;
  /** The bundled films of the answering version, when in memory (a seed, or read back for an import). */
  let bundled: readonly Film[] | undefined;
  /** The popup's search index, built on the first search of an answering index (content scripts never need it). */
  let search: { index: FilmIndex<MatchableFilm>; search: SearchIndex } | undefined;
  /** The basis whose quick snapshot is stored (or being stored). */
  let persisted: string | undefined;
  const chunks = new Map<string, readonly Film[]>();
  let dbPromise: Promise<Db> | undefined;
  let loading: Promise<void> | undefined;
  let seeding: Promise<void> | undefined;
  /** Set when a snapshot named a chunk that is gone: load everything until a fresh snapshot is stored. */
  let distrustQuick = false;
  /** Requests waiting for a first answering index while a seed runs. */
  let waiting: Array<() => void> = [];

  const release = (): void => {
    const waiters = waiting;
    waiting = [];
    for (const wake of waiters) wake();
  };

  const setAnswering = (next: Answering): void => {
    answering = next;
    chunks.clear();
    release();
  };

  /** Starts (or resumes) the seed without waiting; a failure shows in the status and is tried again on request. */
  const wake = (): void => {
    void ensureSeeded().catch(() => undefined);
  };

  /**
   * What is stored is no longer what this worker thinks: forget what it knew of the store (the seed run, the stored
   * snapshot, cached chunks) and seed again. Not "ready with this version" any more: the next ensureSeeded writes
   * the bundled data again.
   */
  const startOver = (): void => {
    seeding = undefined;
    persisted = undefined;
    chunks.clear();
    status = { ...status, state: 'idle', version: undefined };
    wake();
  };

  /**
   * The viewer cleared the extension's storage (or it was deleted under us): forget the connection and seed again.
   * The films already in memory keep answering meanwhile; nothing the viewer set lives in IndexedDB (settings are
   * in storage.sync).
   */
  const onLost = (): void => {
    dbPromise = undefined;
    startOver();
  };
  /**
   * A failure is not remembered: a store that did not open (or an index that did not load) is tried again on the
   * next request, instead of failing every later query until the worker restarts (on Firefox's persistent
   * background page, for the whole browser session).
   */
  const forgetOnFailure = <T>(promise: Promise<T>, forget: () => void): Promise<T> =>
    promise.catch((error: unknown) => {
      forget();
      throw error;
    });
  const db = (): Promise<Db> =>
    (dbPromise ??= forgetOnFailure(options.openDb ? options.openDb(onLost) : openStore(undefined, onLost), () => {
      dbPromise = undefined;
    }));

  /**
   * A stored chunk the answering data names is gone (storage partly evicted or cleared): the quick snapshot no
   * longer describes what is stored. Forget it all and load (or seed) again; requests wait for that.
   */
  const recover = (): void => {
    distrustQuick = true;
    answering = undefined;
    loading = undefined;
    startOver();
  };

  /**
   * Indexes `films` (with the imports laid over them) as the answering data of `active`; `keys` are the shipped
   * keys of exactly these bundled films, used when nothing is laid over them.
   */
  const answerFrom = (films: readonly Film[], layers: ImdbLayers, active: ActiveRecord, keys?: IndexKeys): Answering => {
    const imported = Object.keys(layers.state).length > 0;
    const records = imported ? mergeImdb(films, layers, active.manifest.inputs.length) : films;
    const basis = basisOf(active.version, layers.state);
    const source: FilmSource = imported ? { store: 'answers', basis } : { store: 'chunks', version: active.version };
    const index = keys && !imported ? restoreFilmIndex(arrayFilmList(records), keys) : buildFilmIndex(records);
    return { index, records, source, basis, active, imports: layers.state };
  };

  /** Stores the quick snapshot of the answering index (and its merged films), once per basis. */
  const persist = async (current: Answering): Promise<void> => {
    if (persisted === current.basis || !current.records) return;
    persisted = current.basis;
    try {
      const snapshot = encodeQuick(current.index, current.basis);
      await writeQuick(await db(), snapshot, current.source.store === 'answers' ? current.records : undefined);
      distrustQuick = false;
    } catch (error) {
      // Only a slower next start: the full data is read back then, and the snapshot written again.
      persisted = undefined;
      console.warn('Credits Cue: could not store the quick index', error);
    }
  };

  const readyStatus = (active: ActiveRecord): void => {
    status = { ...status, version: active.version, films: active.films, dataAsOf: active.manifest.dataAsOf };
    if (status.state === 'idle') status = { ...status, state: 'ready', done: active.chunks, total: active.chunks };
  };

  /** Loads the complete active version (if any): from the quick snapshot, else every stored film. */
  const loadIndex = (): Promise<void> =>
    (loading ??= forgetOnFailure((async () => {
      const store = await db();
      const [active, imports, quick] = await Promise.all([getActive(store), readImportState(store), readQuick(store)]);
      if (!active || answering) return;
      const basis = basisOf(active.version, imports);
      const restored = distrustQuick ? undefined : decodeQuick(quick, basis);
      if (restored) {
        const source: FilmSource = basis === basisOf(active.version, {}) ? { store: 'chunks', version: active.version } : { store: 'answers', basis };
        persisted = basis;
        setAnswering({ index: restored, source, basis, active, imports });
        readyStatus(active);
        return;
      }
      const stored = await readActiveFilms(store);
      if (!stored || answering) return;
      bundled = stored.films;
      const keys = await options.loadDatasetKeys?.(stored.active.version, stored.films.length).catch(() => undefined);
      const next = answerFrom(stored.films, await readLayers(store), stored.active, keys);
      setAnswering(next);
      readyStatus(stored.active);
      void persist(next);
    })(), () => {
      loading = undefined;
    }));

  const ensureSeeded = (): Promise<void> =>
    (seeding ??= (async () => {
      const started = performance.now();
      try {
        await loadIndex();
        // The common worker start: the bundled version is already stored complete and indexed.
        if (answering && status.version === options.bundledVersion) {
          status = { ...status, state: 'ready' };
          return;
        }
        const dataset = await options.loadDataset();
        const store = await db();
        const [layers, keys] = await Promise.all([
          readLayers(store),
          options.loadDatasetKeys?.(dataset.manifest.version, dataset.films.length).catch(() => undefined),
        ]);
        const pending: ActiveRecord = {
          version: dataset.manifest.version,
          manifest: dataset.manifest,
          chunks: Math.ceil(dataset.films.length / CHUNK_SIZE),
          films: dataset.films.length,
        };
        // Nothing answers yet (first install, cleared storage): the parsed asset does, from memory, while it is
        // written. An update keeps the stored version answering until the new one is complete.
        const early = answering ? undefined : answerFrom(dataset.films, layers, pending, keys);
        if (early) setAnswering(early);
        const delay = await options.chunkDelayMs?.();
        const active = await seedStore(store, dataset, {
          chunkDelayMs: delay,
          onProgress: (p) => {
            status = { ...p, version: status.version, films: status.films, dataAsOf: status.dataAsOf };
          },
        });
        bundled = dataset.films;
        const next = early && answering === early ? { ...early, active } : answerFrom(dataset.films, layers, active, keys);
        setAnswering(next);
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
        await persist(next);
      } catch (error) {
        status = { ...status, state: 'error', error: errorMessage(error) };
        seeding = undefined; // allow a retry on the next request or start
        throw error;
      } finally {
        release();
      }
    })());

  /** The popup's search index over `films`, built once per answering index. */
  const searchIndexFor = (films: FilmIndex<MatchableFilm>): SearchIndex => {
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
      if (answering) searchIndexFor(answering.index);
    }, 0);
  };

  /**
   * The answering data; undefined only before the first seed has data to answer with. A request that arrives while
   * a seed is on its way to the first answering index waits for it rather than answering "nothing".
   */
  const current = async (): Promise<Answering | undefined> => {
    await loadIndex();
    if (!answering && seeding) await new Promise<void>((wake) => waiting.push(wake));
    return answering;
  };

  /** The full record of the film at `position` of the answering data: in memory, or read from its stored chunk. */
  const recordAt = async (a: Answering, position: number): Promise<Film | undefined> => {
    if (a.records) return a.records[position];
    const chunk = Math.floor(position / CHUNK_SIZE);
    const key = `${a.basis}#${chunk}`;
    let films = chunks.get(key);
    if (!films) {
      films = await readFilmChunk(await db(), a.source, chunk);
      if (!films) {
        if (answering === a) recover();
        return undefined;
      }
      chunks.set(key, films);
      if (chunks.size > CHUNK_CACHE) chunks.delete(chunks.keys().next().value ?? '');
    }
    return films[position % CHUNK_SIZE];
  };

  const recordOf = async (a: Answering, id: string): Promise<Film | undefined> => {
    const position = a.index.position(id);
    const film = position === undefined ? undefined : await recordAt(a, position);
    return film?.id === id ? film : undefined;
  };

  /** The bundled films of the answering version, read back when not in memory (imports need them). */
  const bundledFilms = async (a: Answering): Promise<readonly Film[]> => {
    if (bundled && bundled.length === a.active.films) return bundled;
    const stored = await readActiveFilms(await db());
    if (!stored) throw new Error('The stored films are incomplete: reopen the extension to prepare them again.');
    bundled = stored.films;
    return stored.films;
  };

  /** After an import changed the layers: index the bundle with the current imports laid over it. */
  const reindex = async (): Promise<void> => {
    await loadIndex();
    const a = answering;
    if (!a) return;
    const films = await bundledFilms(a);
    const next = answerFrom(films, await readLayers(await db()), a.active);
    setAnswering(next);
    prepareSearch();
    void persist(next);
  };

  const handlers: DataHandlers = {
    getFilm: async ({ id }) => {
      const a = await current();
      return a ? ((await recordOf(a, id)) ?? null) : null;
    },
    getDatasetInfo: async () => {
      const a = await current();
      if (!a) return null;
      const imported = Object.keys(a.imports).length > 0 ? importInput(a.imports) : undefined;
      return {
        version: a.active.version,
        dataAsOf: a.active.manifest.dataAsOf,
        films: a.index.size,
        ratingMeans: a.active.manifest.ratingMeans ?? {},
        imdbAsOf: a.imports.ratings?.asOf ?? imported?.asOf,
      };
    },
    searchFilms: async ({ query, limit }) => {
      const a = await current();
      return a ? searchIndexFor(a.index).search(query, limit) : [];
    },
    matchTitle: async (query) => {
      // A title read before the data is ready gets its answer the moment it is (a seed in flight is waited for).
      wake();
      for (let attempt = 0; ; attempt++) {
        const a = await current();
        if (!a) return { best: null, others: [] };
        const { best, others } = matchFilm(a.index, query);
        const film = best ? await recordOf(a, best.film.id) : undefined;
        // The stored record was gone (recover() runs): ask the data loaded again, once.
        if (best && !film && attempt === 0 && answering !== a) continue;
        return { best: best && film ? { film, confidence: best.confidence } : null, others };
      }
    },
    imdbImportPlan: async (_data, context) => {
      extensionPageOnly(context);
      const a = await current();
      const layers = await readLayers(await db());
      const films = a ? await bundledFilms(a) : [];
      return {
        knownIds: [...films.map((f) => f.id).filter((id) => id.startsWith('tt')), ...layers.basics.map((b) => b.id)],
        ratedIds: layers.ratings.filter((r) => r.votes >= KEEP_MIN_VOTES).map((r) => r.id),
        minVotes: KEEP_MIN_VOTES,
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
      await reindex();
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
      await reindex();
      return null;
    },
    getStatus: () => {
      // A status request is also a wake-up: a restarted worker resumes its seed.
      wake();
      return status;
    },
  };

  return { handlers, ensureSeeded, status: () => status };
}
