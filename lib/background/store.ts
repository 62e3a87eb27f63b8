/**
 * The IndexedDB cache of the bundled dataset. Only the background (and extension pages) open it: a content
 * script's IndexedDB would belong to the streaming site's origin.
 *
 * Films are stored in chunks of CHUNK_SIZE per record, keyed [version, index]: real IndexedDB pays per put, and
 * one put per film would take seconds for the whole dataset (docs/research/toolchain.md measured ~6 s for
 * 50,000 puts). A pointer record ("active") names the complete version readers use; it moves only after the
 * last chunk of a new version is written, so a half-finished seed never answers a query.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ImdbChunkRecord, ImdbLayerInfo, ImdbStaging } from '../core/imdb-rows';
import type { QuickSnapshot } from '../core/quick-index';
import type { DatasetManifest, Film } from '../core/schema';
import { upgradeStoredFilm } from '../core/load-dataset';

export const DB_NAME = 'credits-cue';
export const DB_VERSION = 3;
export const CHUNK_SIZE = 1000;

export interface ActiveRecord {
  version: string;
  manifest: DatasetManifest;
  chunks: number;
  films: number;
}

/** Persisted seed progress: lets a restarted service worker resume instead of starting over. */
export interface SeedProgress {
  version: string;
  /** Chunks written so far (the next chunk to write). */
  next: number;
  total: number;
}

export interface ChunkRecord {
  version: string;
  index: number;
  films: Film[];
}

/** Keys of the meta store: the bundled dataset's pointer and seed progress, and the viewer's IMDb imports. */
export type MetaKey = 'active' | 'seed' | `imdb:${string}` | `imdb-staging:${string}`;

interface CreditsCueDB extends DBSchema {
  meta: {
    key: MetaKey;
    value: ActiveRecord | SeedProgress | ImdbLayerInfo | ImdbStaging;
  };
  chunks: {
    key: [string, number];
    value: ChunkRecord;
  };
  /** Rows of the viewer's IMDb imports (lib/background/imdb-layers.ts), in chunks keyed [importId, index]. */
  imdb: {
    key: [string, number];
    value: ImdbChunkRecord;
  };
  /** The answering index's quick snapshot (lib/core/quick-index.ts), one record under QUICK_KEY. */
  quick: {
    key: string;
    value: QuickSnapshot;
  };
  /**
   * The answering films when IMDb imports are laid over the bundle (merged records, in index order), in chunks keyed
   * [basis, index], so a restarted worker reads one film without merging everything again. Without imports the
   * answering films are the version's own chunks.
   */
  answers: {
    key: [string, number];
    value: AnswerChunk;
  };
}

export interface AnswerChunk {
  basis: string;
  index: number;
  films: Film[];
}

const QUICK_KEY = 'current';

export type Db = IDBPDatabase<CreditsCueDB>;

/**
 * Opens the database. `onLost` runs when this connection is gone for good: the viewer cleared the extension's
 * storage (the browser terminates the connection) or a delete/upgrade elsewhere asks it to step aside (it closes
 * itself, so that delete is not blocked). The caller then opens a new connection and reseeds.
 */
export function openStore(factory?: IDBFactory, onLost?: () => void): Promise<Db> {
  // idb has no factory parameter; tests give each case a fresh fake factory through the global.
  if (factory) globalThis.indexedDB = factory;
  let connection: Db | undefined;
  const promise = openDB<CreditsCueDB>(DB_NAME, DB_VERSION, {
    terminated() {
      onLost?.();
    },
    blocking() {
      connection?.close();
      onLost?.();
    },
    upgrade(db, oldVersion) {
      // A ladder of `if (oldVersion < N)` steps: every later schema change adds a step, never edits one.
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('chunks', { keyPath: ['version', 'index'] });
      }
      if (oldVersion < 2) db.createObjectStore('imdb', { keyPath: ['importId', 'index'] });
      if (oldVersion < 3) {
        db.createObjectStore('quick');
        db.createObjectStore('answers', { keyPath: ['basis', 'index'] });
      }
    },
  });
  return promise.then((db) => {
    connection = db;
    return db;
  });
}

type MetaValue = CreditsCueDB['meta']['value'];

function isActive(value: MetaValue | undefined): value is ActiveRecord {
  return value !== undefined && 'manifest' in value;
}

function isProgress(value: MetaValue | undefined): value is SeedProgress {
  return value !== undefined && 'next' in value;
}

export async function getActive(db: Db): Promise<ActiveRecord | undefined> {
  const value = await db.get('meta', 'active');
  return isActive(value) ? value : undefined;
}

export async function getProgress(db: Db): Promise<SeedProgress | undefined> {
  const value = await db.get('meta', 'seed');
  return isProgress(value) ? value : undefined;
}

const versionRange = (version: string): IDBKeyRange => IDBKeyRange.bound([version, 0], [version, Infinity]);

export async function countChunks(db: Db, version: string): Promise<number> {
  return db.count('chunks', versionRange(version));
}

/** All films of the active version, or undefined when no complete version exists yet. */
export async function readActiveFilms(db: Db): Promise<{ active: ActiveRecord; films: Film[] } | undefined> {
  const tx = db.transaction(['meta', 'chunks']);
  const active = await tx.objectStore('meta').get('active');
  if (!isActive(active)) return undefined;
  const chunks = await tx.objectStore('chunks').getAll(versionRange(active.version));
  await tx.done;
  // A store whose chunks went missing (cleared by hand, partial eviction) is not complete: treat it as absent.
  if (chunks.length !== active.chunks) return undefined;
  return { active, films: chunks.flatMap((c) => c.films.map(upgradeStoredFilm)) };
}

/** Writes one chunk and the progress that records it, atomically: progress never runs ahead of the data. */
export async function writeChunk(db: Db, chunk: ChunkRecord, total: number): Promise<void> {
  const tx = db.transaction(['meta', 'chunks'], 'readwrite');
  await Promise.all([
    tx.objectStore('chunks').put(chunk),
    tx.objectStore('meta').put({ version: chunk.version, next: chunk.index + 1, total }, 'seed'),
    tx.done,
  ]);
}

/** Makes a fully written version the one readers see, in one transaction, then drops every other version. */
export async function activate(db: Db, record: ActiveRecord): Promise<void> {
  const tx = db.transaction(['meta', 'chunks'], 'readwrite');
  const chunks = tx.objectStore('chunks');
  const count = await chunks.count(versionRange(record.version));
  if (count !== record.chunks) {
    tx.abort();
    throw new Error(`Refusing to activate version ${record.version}: ${count} of ${record.chunks} chunks present.`);
  }
  await Promise.all([tx.objectStore('meta').put(record, 'active'), tx.objectStore('meta').delete('seed'), tx.done]);
  await dropOtherVersions(db, record.version);
}

/** Deletes chunks of every version but `keep` (old datasets, abandoned partial seeds). */
export async function dropOtherVersions(db: Db, keep: string): Promise<void> {
  const tx = db.transaction('chunks', 'readwrite');
  let cursor = await tx.store.openKeyCursor();
  const stale: Array<[string, number]> = [];
  while (cursor) {
    if (cursor.key[0] !== keep) stale.push(cursor.key);
    cursor = await cursor.continue();
  }
  await Promise.all([...stale.map((key) => tx.store.delete(key)), tx.done]);
}

/** Where the full record of an answering film lives: the version's chunks, or the merged answers of a basis. */
export type FilmSource = { store: 'chunks'; version: string } | { store: 'answers'; basis: string };

/** The films of the chunk holding `position` (CHUNK_SIZE films per chunk, in index order), or undefined. */
export async function readFilmChunk(db: Db, source: FilmSource, chunk: number): Promise<readonly Film[] | undefined> {
  const record = source.store === 'chunks' ? await db.get('chunks', [source.version, chunk]) : await db.get('answers', [source.basis, chunk]);
  return record?.films;
}

export async function readQuick(db: Db): Promise<QuickSnapshot | undefined> {
  return db.get('quick', QUICK_KEY);
}

/**
 * Stores the quick snapshot and, for a basis with imports, its merged films: the answers first (every other
 * basis's dropped), the snapshot last, so a stored snapshot never names films that are not there.
 */
export async function writeQuick(db: Db, snapshot: QuickSnapshot, answers?: readonly Film[]): Promise<void> {
  const tx = db.transaction('answers', 'readwrite');
  const puts: Array<Promise<unknown>> = [tx.store.clear()];
  for (let i = 0; answers && i * CHUNK_SIZE < answers.length; i++) {
    puts.push(tx.store.put({ basis: snapshot.basis, index: i, films: answers.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE) }));
  }
  await Promise.all([...puts, tx.done]);
  await db.put('quick', snapshot, QUICK_KEY);
}
