/**
 * The import worker's logic, pure and injectable: stream one IMDb dump, keep the rows the extension can use and hand
 * them to `sink` in batches. The sink's promise is awaited before reading on (one batch in flight), so memory stays
 * bounded by one batch and one chunk whatever the file size; the importer keeps no list that grows with the file
 * (only `keptIds`, which grows with the rows kept; for akas the titles of the film being read and a count per film
 * that got akas, which is bounded by `knownIds`).
 *
 * Keep policy, the same as the Node pipeline's (scripts/data/readers/imdb-tsv.ts):
 * - ratings: a title the caller knows (`knownIds`) or one with at least `minVotes` votes (default KEEP_MIN_VOTES, 1000);
 * - basics: a known title whatever its type, or a film (movie, tvMovie) that is not adult and is in `ratedIds`
 *   (the ratings import's `keptIds`: titles with enough votes) — hence ratings before basics;
 * - akas: titles of known films (the caller adds the basics kept earlier to `knownIds` — hence akas last) that
 *   differ from the film's title (case-insensitively; `basicsTitles` gives the primary titles it knows), each title
 *   once per film, at most `akasPerFilm` per film.
 */
import {
  idKey,
  idKeyOfLine,
  ImdbImportError,
  kindOfHeader,
  lineText,
  parseAka,
  parseBasics,
  parseRating,
  readLineBlocks,
  type AkaRow,
  type BasicsRow,
  type ImdbFileKind,
  type RatingRow,
} from './tsv';
import { KEEP_MIN_VOTES } from '../../core/imdb-rows';

export interface ImportPlan {
  /** Ids the extension already knows (bundled films; for akas also the basics kept by the previous import). */
  knownIds: ReadonlySet<string>;
  /** For basics: ids with enough votes (the ratings import's keptIds). */
  ratedIds?: ReadonlySet<string>;
  /** For akas: primary titles by id, so an aka equal to the title is not stored again. */
  basicsTitles?: ReadonlyMap<string, string>;
  /** Default 1000. */
  minVotes?: number;
  /** Rows per batch handed to the sink. Default 5000. */
  batchSize?: number;
  /** Localized titles kept per film. Default 30. */
  akasPerFilm?: number;
}

export type ImportBatch = { kind: 'ratings'; rows: RatingRow[] } | { kind: 'basics'; rows: BasicsRow[] } | { kind: 'akas'; rows: AkaRow[] };

export interface ImportProgress {
  kind: ImdbFileKind;
  /** File (compressed) bytes read. */
  bytesRead: number;
  /** The file's size. */
  bytesTotal: number;
  /** Data lines read (the header is not counted). */
  rowsRead: number;
  rowsKept: number;
}

export interface ImportSummary {
  kind: ImdbFileKind;
  rowsRead: number;
  rowsKept: number;
  /** Malformed lines among those the keep policy looked at (a line whose id is of no interest is not parsed). */
  rowsSkipped: number;
  /** ratings: ids with votes ≥ minVotes (the next basics import's ratedIds); basics: ids kept; akas: empty. */
  keptIds: string[];
}

export interface ImportOptions {
  signal?: AbortSignal;
  /** Called at most about every 100 ms, after every batch, and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
}

export const DEFAULT_BATCH_SIZE = 5000;
export const DEFAULT_AKAS_PER_FILM = 30;
/** titleTypes added on votes alone (what a player shows as "a film"). */
export const BULK_TITLE_TYPES: ReadonlySet<string> = new Set(['movie', 'tvMovie']);

/** Ratings first (basics keeps films by their votes), then basics, then akas (of the films kept). */
export const IMPORT_ORDER: readonly ImdbFileKind[] = ['ratings', 'basics', 'akas'];

/** Files (or kinds) in import order; stable for equal kinds. */
export function orderFiles<T extends ImdbFileKind | { kind: ImdbFileKind }>(items: readonly T[]): T[] {
  const rank = (item: T): number => IMPORT_ORDER.indexOf(typeof item === 'string' ? item : item.kind);
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i)
    .map(({ item }) => item);
}

const PROGRESS_INTERVAL_MS = 100;
/** Lines between clock reads for the progress throttle. */
const PROGRESS_CHECK_LINES = 2048;

/** Ids as the numbers idKeyOfLine reads from a line's bytes; strings that are no IMDb id are left out. */
function keySet(ids: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const id of ids) {
    const key = idKey(id);
    if (key !== -1) out.add(key);
  }
  return out;
}

/**
 * Streams one IMDb dump (gzipped or not; its kind comes from its header) through the keep policy into `sink`.
 * Throws ImdbImportError: 'empty' (no header), 'not-imdb' (another header), 'corrupt' (damaged gzip), 'aborted'
 * (`signal`, promptly; no batch is sent after it). A sink rejection ends the import with that error.
 */
export async function importFile(
  file: Blob,
  plan: ImportPlan,
  sink: (batch: ImportBatch) => Promise<void>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { signal, onProgress } = options;
  const minVotes = plan.minVotes ?? KEEP_MIN_VOTES;
  const batchSize = Math.max(1, Math.floor(plan.batchSize ?? DEFAULT_BATCH_SIZE));
  const akasPerFilm = plan.akasPerFilm ?? DEFAULT_AKAS_PER_FILM;
  // Ids as numbers (idKey): the basics and akas lines are tested by their id bytes, without decoding them.
  const known = keySet(plan.knownIds);
  const rated = keySet(plan.ratedIds ?? []);
  const checkAbort = (): void => {
    if (signal?.aborted) throw new ImdbImportError('aborted');
  };

  let kind: ImdbFileKind | undefined;
  let bytesRead = 0;
  let rowsRead = 0;
  let rowsKept = 0;
  let rowsSkipped = 0;
  const keptIds: string[] = [];
  let lastProgress = 0;
  const progress = (): void => {
    if (!onProgress || !kind) return;
    lastProgress = Date.now();
    onProgress({ kind, bytesRead, bytesTotal: file.size, rowsRead, rowsKept });
  };

  // One batch at a time; `batch` is replaced (not cleared) after sending, so the sink may keep the array it got.
  let batch: (RatingRow | BasicsRow | AkaRow)[] = [];
  const send = async (): Promise<void> => {
    if (batch.length === 0 || !kind) return;
    checkAbort();
    const rows = batch;
    batch = [];
    try {
      await sink({ kind, rows } as ImportBatch);
    } catch (error) {
      if (signal?.aborted) throw new ImdbImportError('aborted', undefined, { cause: error });
      throw error;
    }
    checkAbort();
    progress();
  };

  // akas: the film whose lines are being read (the dump is sorted by id), and how many akas each film got.
  let akaFilm = '';
  let akaSeen = new Set<string>();
  const akaCounts = new Map<string, number>();

  const blocks = readLineBlocks(file, {
    signal,
    onBytes: (n) => {
      bytesRead = n;
    },
  });
  for await (const block of blocks) {
    for (let i = 0; i < block.count; i++) {
      if (kind === undefined) {
        const k = kindOfHeader(lineText(block, i));
        if (k === null) throw new ImdbImportError('not-imdb');
        kind = k;
        continue;
      }
      rowsRead++;
      if (rowsRead % PROGRESS_CHECK_LINES === 0 && onProgress && Date.now() - lastProgress >= PROGRESS_INTERVAL_MS) progress();

      if (kind === 'ratings') {
        const row = parseRating(lineText(block, i).split('\t'));
        if (!row) {
          rowsSkipped++;
          continue;
        }
        const enough = row.votes >= minVotes;
        if (!enough && !known.has(idKeyOfLine(block, i))) continue;
        if (enough) keptIds.push(row.id);
        batch.push(row);
      } else if (kind === 'basics') {
        // Most of the 12M rows are neither known nor rated enough: dropped by their id bytes, never decoded.
        const key = idKeyOfLine(block, i);
        const isKnown = known.has(key);
        if (!isKnown && !rated.has(key)) continue;
        const row = parseBasics(lineText(block, i).split('\t'));
        if (!row) {
          rowsSkipped++;
          continue;
        }
        if (!isKnown && (row.adult || !BULK_TITLE_TYPES.has(row.type))) continue;
        keptIds.push(row.id);
        batch.push(row);
      } else {
        if (!known.has(idKeyOfLine(block, i))) continue;
        const row = parseAka(lineText(block, i).split('\t'));
        if (!row) {
          rowsSkipped++;
          continue;
        }
        const id = row.id;
        if (id !== akaFilm) {
          akaFilm = id;
          akaSeen = new Set();
          const primary = plan.basicsTitles?.get(id);
          if (primary !== undefined) akaSeen.add(primary.toLowerCase());
        }
        const key = row.title.toLowerCase();
        if (akaSeen.has(key)) continue;
        const count = akaCounts.get(id) ?? 0;
        if (count >= akasPerFilm) continue;
        akaSeen.add(key);
        akaCounts.set(id, count + 1);
        batch.push(row);
      }
      rowsKept++;
      if (batch.length >= batchSize) await send();
    }
  }
  if (kind === undefined) throw new ImdbImportError('empty');
  await send();
  checkAbort();
  bytesRead = file.size;
  progress();
  return { kind, rowsRead, rowsKept, rowsSkipped, keptIds };
}
