/**
 * Seeding IndexedDB from the bundled dataset, resumable: each chunk is committed with its progress record, so a
 * service worker stopped mid-seed continues from the last committed chunk on its next start.
 */
import type { Dataset, Film } from '../core/schema';
import type { SeedStatus } from '../protocol/messages';
import {
  CHUNK_SIZE,
  activate,
  countChunks,
  dropOtherVersions,
  getActive,
  getProgress,
  writeChunk,
  type ActiveRecord,
  type Db,
} from './store';

export interface SeedOptions {
  onProgress?: (status: SeedStatus) => void;
  /** Pause after each chunk; only the e2e test sets it, to stop the worker at a known point. */
  chunkDelayMs?: number;
}

export function chunkFilms(films: readonly Film[], size = CHUNK_SIZE): Film[][] {
  const chunks: Film[][] = [];
  for (let i = 0; i < films.length; i += size) chunks.push(films.slice(i, i + size));
  return chunks;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Brings the store to `dataset`'s version. Returns the active record afterwards. Does nothing when that version
 * is already active. Resumes a partial seed of the same version; discards a partial seed of another version.
 */
export async function seedStore(db: Db, dataset: Dataset, options: SeedOptions = {}): Promise<ActiveRecord> {
  const { version } = dataset.manifest;
  const active = await getActive(db);
  const chunks = chunkFilms(dataset.films);
  const report = (status: Omit<SeedStatus, 'version' | 'dataAsOf'>): void =>
    options.onProgress?.({ ...status, version: active?.version, dataAsOf: active?.manifest.dataAsOf });

  // Already there, unless chunks went missing underneath (storage cleared or evicted): then seed it again.
  if (active?.version === version && (await countChunks(db, version)) === active.chunks) return active;

  const progress = await getProgress(db);
  let start = 0;
  if (progress?.version === version && progress.total === chunks.length) start = progress.next;
  else await dropOtherVersions(db, active?.version ?? '');

  report({ state: 'seeding', done: start, total: chunks.length, resumedFrom: start });
  for (let index = start; index < chunks.length; index++) {
    await writeChunk(db, { version, index, films: chunks[index] ?? [] }, chunks.length);
    report({ state: 'seeding', done: index + 1, total: chunks.length, resumedFrom: start });
    if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
  }
  const record: ActiveRecord = { version, manifest: dataset.manifest, chunks: chunks.length, films: dataset.films.length };
  await activate(db, record);
  return record;
}
