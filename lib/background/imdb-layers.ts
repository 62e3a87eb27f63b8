/**
 * The viewer's own IMDb imports (issue #6): fresh ratings, films the bundle lacks, localized titles, from the
 * official non-commercial TSV dumps they downloaded. Stored beside the bundled dataset in IndexedDB, one layer per
 * file kind, and merged over the bundled films in memory (`mergeImdb`), so matching, the badge and search use
 * them at once and "remove" returns to the bundled data exactly.
 *
 * Nothing half-applied: an import writes its rows under a new import id ("staging"), and only `commitImport`
 * points the kind's layer at it, in one transaction; the previous layer answers until then and is deleted after.
 * A cancelled or failed import, or one whose worker was stopped and never came back, leaves staging rows that the
 * next begin or commit sweeps away. Every write is keyed [importId, index], so a batch sent twice (the client
 * retries once when the service worker stops mid-import) overwrites itself instead of duplicating.
 */
import type { Db, MetaKey } from './store';
import { isRecord } from '../core/guards';
import { IMDB_FILE_KINDS, type ImdbChunkRecord, type ImdbFileKind, type ImdbImportState, type ImdbLayerInfo, type ImdbLayers, type ImdbStaging } from '../core/imdb-rows';

const layerKey = (kind: ImdbFileKind): `imdb:${string}` => `imdb:${kind}`;
const stagingKey = (importId: string): `imdb-staging:${string}` => `imdb-staging:${importId}`;
const importRange = (importId: string): IDBKeyRange => IDBKeyRange.bound([importId, 0], [importId, Infinity]);

function isLayer(value: unknown): value is ImdbLayerInfo {
  return isRecord(value) && 'importId' in value && 'rowsKept' in value;
}

function isStaging(value: unknown): value is ImdbStaging {
  return isRecord(value) && 'importId' in value && 'startedAt' in value;
}

/** Aborts a transaction on purpose: its `done` rejection is the expected outcome, not an unhandled error. */
function abandon(tx: { done: Promise<void>; abort(): void }): void {
  tx.done.catch(() => undefined);
  tx.abort();
}

export async function readImportState(db: Db): Promise<ImdbImportState> {
  const state: ImdbImportState = {};
  for (const kind of IMDB_FILE_KINDS) {
    const value = await db.get('meta', layerKey(kind));
    if (isLayer(value)) state[kind] = value;
  }
  return state;
}

/** Deletes every import's rows but those of `keep` (current layers and the live staging import). */
async function sweep(db: Db, keep: ReadonlySet<string>): Promise<void> {
  const tx = db.transaction(['meta', 'imdb'], 'readwrite');
  let cursor = await tx.objectStore('imdb').openKeyCursor();
  const stale = new Set<string>();
  while (cursor) {
    if (!keep.has(cursor.key[0])) stale.add(cursor.key[0]);
    // Jump to the next import id: one step per import, not per chunk.
    cursor = await cursor.continue([cursor.key[0], Infinity]);
  }
  for (const importId of stale) void tx.objectStore('imdb').delete(importRange(importId));
  let meta = await tx.objectStore('meta').openCursor();
  while (meta) {
    const key = String(meta.key);
    if (key.startsWith('imdb-staging:') && !keep.has(key.slice('imdb-staging:'.length))) void meta.delete();
    meta = await meta.continue();
  }
  await tx.done;
}

/** Deletes the rows of every import that is not a current layer (abandoned or replaced ones). */
async function sweepAbandoned(db: Db): Promise<void> {
  const state = await readImportState(db);
  await sweep(db, new Set(Object.values(state).map((l) => l.importId)));
}

/** The current layer `importId` became, if its commit went through (read inside the caller's transaction). */
async function committedLayer(meta: { get(key: MetaKey): Promise<unknown> }, importId: string): Promise<ImdbLayerInfo | undefined> {
  const layers = await Promise.all(IMDB_FILE_KINDS.map((kind) => meta.get(layerKey(kind))));
  return layers.find((l): l is ImdbLayerInfo => isLayer(l) && l.importId === importId);
}

/** Starts an import: a staging record the rows are written under. Abandoned earlier imports are swept first. */
export async function beginImport(db: Db, staging: ImdbStaging): Promise<void> {
  await sweepAbandoned(db);
  await db.put('meta', staging, stagingKey(staging.importId));
}

export async function readStaging(db: Db, importId: string): Promise<ImdbStaging | undefined> {
  const value = await db.get('meta', stagingKey(importId));
  return isStaging(value) ? value : undefined;
}

/** Writes one batch of an import in progress (idempotent by index). */
export async function writeImportChunk(db: Db, chunk: ImdbChunkRecord): Promise<void> {
  const tx = db.transaction(['meta', 'imdb'], 'readwrite');
  const staging = await tx.objectStore('meta').get(stagingKey(chunk.importId));
  if (!isStaging(staging) || staging.kind !== chunk.kind) {
    abandon(tx);
    throw new Error('This import is no longer in progress: start it again.');
  }
  await Promise.all([tx.objectStore('imdb').put(chunk), tx.done]);
}

/**
 * Makes a complete import the kind's layer, in one transaction (its chunks must all be there), then deletes the
 * layer it replaces.
 */
export async function commitImport(
  db: Db,
  importId: string,
  counts: { rowsRead: number; rowsKept: number; rowsSkipped: number; chunks: number },
): Promise<ImdbLayerInfo> {
  const tx = db.transaction(['meta', 'imdb'], 'readwrite');
  const meta = tx.objectStore('meta');
  const staging = await meta.get(stagingKey(importId));
  if (!isStaging(staging)) {
    // Sent again (the worker stopped before its answer reached the page): an import already committed is a success.
    const committed = await committedLayer(meta, importId);
    abandon(tx);
    if (committed) return committed;
    throw new Error('This import is no longer in progress: start it again.');
  }
  const present = await tx.objectStore('imdb').count(importRange(importId));
  if (present !== counts.chunks) {
    abandon(tx);
    throw new Error(`The import is incomplete (${present} of ${counts.chunks} parts stored): nothing was changed.`);
  }
  const layer: ImdbLayerInfo = {
    kind: staging.kind,
    importId,
    fileName: staging.fileName,
    bytes: staging.bytes,
    asOf: staging.asOf,
    importedAt: new Date().toISOString(),
    ...counts,
  };
  await Promise.all([meta.put(layer, layerKey(staging.kind)), meta.delete(stagingKey(importId)), tx.done]);
  await sweepAbandoned(db);
  return layer;
}

/**
 * Drops an import in progress (cancel, failure): the current layers are untouched. An import that is already a
 * current layer (its commit went through, the page did not hear of it) is live data, never deleted here.
 */
export async function abortImport(db: Db, importId: string): Promise<void> {
  const tx = db.transaction(['meta', 'imdb'], 'readwrite');
  const meta = tx.objectStore('meta');
  if (await committedLayer(meta, importId)) {
    abandon(tx);
    return;
  }
  await Promise.all([meta.delete(stagingKey(importId)), tx.objectStore('imdb').delete(importRange(importId)), tx.done]);
}

/** Removes every import: the bundled data answers alone again. */
export async function removeImports(db: Db): Promise<void> {
  const tx = db.transaction(['meta', 'imdb'], 'readwrite');
  const meta = tx.objectStore('meta');
  const keys = (await meta.getAllKeys()).filter((k) => String(k).startsWith('imdb'));
  await Promise.all([...keys.map((k) => meta.delete(k)), tx.objectStore('imdb').clear(), tx.done]);
}

/** Every row of the current layers. A layer whose chunks went missing (cleared storage) is left out. */
export async function readLayers(db: Db): Promise<ImdbLayers> {
  const state = await readImportState(db);
  const out: ImdbLayers = { state: {}, ratings: [], basics: [], akas: [] };
  for (const kind of IMDB_FILE_KINDS) {
    const layer = state[kind];
    if (!layer) continue;
    const chunks = await db.getAll('imdb', importRange(layer.importId));
    if (chunks.length !== layer.chunks) continue;
    out.state[kind] = layer;
    for (const chunk of chunks) {
      if (chunk.kind === 'ratings') out.ratings.push(...chunk.rows);
      else if (chunk.kind === 'basics') out.basics.push(...chunk.rows);
      else out.akas.push(...chunk.rows);
    }
  }
  return out;
}
