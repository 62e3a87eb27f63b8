/**
 * IMDb non-commercial TSV dumps (https://developer.imdb.com/non-commercial-datasets/): title.basics,
 * title.ratings, title.akas. The full files are 12M / 1.6M / 50M rows, so everything here streams: gunzip → byte
 * chunks → lines, one line in memory at a time, and only the few fields we keep are retained.
 *
 * Format (docs/data-sources.md §4): UTF-8, tab separated, header first, `\N` = null, and NO quoting — titles may contain `"`,
 * so a CSV parser would mangle them; a line is split on tabs and nothing else.
 *
 * Keep policy (the bundle cannot hold 12M titles):
 * - a title another source already knows (`keep(tconst)` is true) is kept whatever its type, so that film gets
 *   IMDb's title, kind, runtime and rating;
 * - any other title is kept only if its type is one we bulk-add (default movie and tvMovie: what a player shows
 *   as "a film"; shorts are left out because there are about a million of them and few carry end-credit data),
 *   it is not adult (isAdult=1 is out of scope for a general extension), and it has a rating with at least
 *   `minVotes` votes (default 1000: the films people actually look up, ~50k in the full dump).
 *
 * Output: per kept title one record of input 'imdb-basics' (titles, kind, year, runtime; localized titles from
 * title.akas in `altTitles`) and, when rated, one record of input 'imdb-ratings' with the IMDb rating. The merge
 * joins them by imdbId; the ratings record repeats the basics title only so that it reads on its own.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { DatasetInput, FilmKind, Rating } from '../../../lib/core/schema';
import { titleKey } from '../../../lib/core/match/normalize';
import { firstField, lineBlocks, lineText } from '../../../lib/core/line-blocks';
import { KEEP_MIN_VOTES } from '../../../lib/core/imdb-rows';
import { type BuildReport, DataError, type SourceReader, type SourceRecord } from '../types';

export interface TsvRow {
  /** 1-based line (the header is line 1). */
  line: number;
  /** Values by header name; `\N` is undefined. */
  row: Record<string, string | undefined>;
}

export interface ReadTsvOptions {
  /** Name used in errors and skip reports (default: the file name). */
  label?: string;
  /**
   * Cheap pre-check on a line's first field (the id). Lines it rejects are not split or validated at all: on the
   * 50M-row akas file that is the difference between seconds and minutes.
   */
  prefilter?: (firstField: string) => boolean;
}

/** Read and inflate size. Larger chunks read a little faster but leave more freed buffer memory resident. */
const CHUNK_BYTES = 64 * 1024;
/** Longest line accepted (bytes): real IMDb lines are well under 2 KB; a file without line breaks stops here. */
const MAX_LINE_BYTES = 64 * 1024;

/**
 * Bytes of a (gzipped when the name ends in .gz) file, streamed in chunks for lib/core/line-blocks.ts, the line
 * splitter the browser import uses too. Read or gunzip failures (missing file, corrupt or truncated gzip) become a
 * DataError naming the file and the line reached, instead of an unhandled stream error.
 */
async function* streamChunks(path: string, label: string, position: { line: number }): AsyncGenerator<Uint8Array> {
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const gunzip = path.endsWith('.gz') ? createGunzip({ chunkSize: CHUNK_BYTES }) : undefined;
  // pipe() does not forward errors: without this a read error would leave the gunzip side waiting forever.
  if (gunzip) file.on('error', (err) => gunzip.destroy(err));
  const source = gunzip ? file.pipe(gunzip) : file;
  try {
    for await (const chunk of source) yield chunk as Buffer;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'file not found' : gunzip ? 'cannot read or gunzip' : 'cannot read';
    throw new DataError(label, position.line + 1, `${what}: ${(err as Error).message}`);
  } finally {
    // Early exit by the consumer (break) or an error: release the file handle.
    file.destroy();
    gunzip?.destroy();
  }
}

/**
 * Rows of one IMDb TSV file as records keyed by header name. The header must contain `requiredColumns` (a wrong
 * file, e.g. ratings passed as basics, fails here with DataError at line 1); a line with the wrong number of
 * fields is skipped and counted in `report`. Lines end at LF; a CR before it is dropped. Text is UTF-8, each line
 * decoded on its own, and only once the prefilter (if any) has let its id through.
 */
export async function* readImdbTsv(
  path: string,
  requiredColumns: readonly string[],
  report: BuildReport,
  options: ReadTsvOptions = {},
): AsyncGenerator<TsvRow> {
  const label = options.label ?? basename(path);
  const { prefilter } = options;
  let header: string[] | undefined;
  const position = { line: 0 };
  const blocks = lineBlocks(streamChunks(path, label, position), {
    maxLineLength: MAX_LINE_BYTES,
    tooLong: (linesBefore) => new DataError(label, linesBefore + 1, `a line longer than ${MAX_LINE_BYTES} bytes: not an IMDb TSV file, or a damaged one`),
  });
  for await (const block of blocks) {
    for (let i = 0; i < block.count; i++) {
      const line = ++position.line;
      if (header === undefined) {
        header = lineText(block, i).split('\t');
        const missing = requiredColumns.filter((c) => !header?.includes(c));
        if (missing.length > 0) {
          throw new DataError(
            label,
            1,
            `not the expected IMDb file: missing column(s) ${missing.join(', ')} (header: ${header.join(', ').slice(0, 200)})`,
          );
        }
        continue;
      }
      if (prefilter && !prefilter(firstField(block, i))) continue;
      const fields = lineText(block, i).split('\t');
      if (fields.length !== header.length) {
        report.skip(label, line, `expected ${header.length} tab-separated fields, got ${fields.length}`);
        continue;
      }
      const row: Record<string, string | undefined> = {};
      for (let f = 0; f < header.length; f++) {
        const v = fields[f];
        row[header[f] ?? ''] = v === '\\N' ? undefined : v;
      }
      yield { line, row };
    }
  }
  if (header === undefined) throw new DataError(label, 1, 'empty file (no header)');
}

// ---------------------------------------------------------------------------------------------------------------

export const IMDB_BASICS_INPUT_ID = 'imdb-basics';
export const IMDB_RATINGS_INPUT_ID = 'imdb-ratings';
export const DEFAULT_BULK_KINDS: readonly FilmKind[] = ['movie', 'tv-movie'];

const TITLE_TYPES: Record<string, FilmKind> = {
  movie: 'movie',
  tvMovie: 'tv-movie',
  short: 'short',
  tvShort: 'short',
  tvSeries: 'series',
  tvMiniSeries: 'series',
  tvEpisode: 'episode',
  video: 'video',
};

/** IMDb titleType → our kind (tvSpecial, videoGame, … → other). */
export function kindOfTitleType(titleType: string | undefined): FilmKind {
  return (titleType !== undefined && TITLE_TYPES[titleType]) || 'other';
}

export type ImdbDumpName = 'title.basics' | 'title.ratings' | 'title.akas';

/** `<dir>/<name>.tsv.gz`, or the uncompressed `.tsv` a user may have unpacked; undefined when neither exists. */
export function findDumpFile(dir: string, name: ImdbDumpName): string | undefined {
  for (const ext of ['.tsv.gz', '.tsv']) {
    const p = join(dir, name + ext);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/**
 * As-of date of a user-supplied dump folder: the newest file modification date (UTC, YYYY-MM-DD). IMDb refreshes
 * the dumps daily and the files carry no date, so the download date is the best available; the same files give
 * the same date, keeping the build deterministic.
 */
export function imdbDumpAsOf(dir: string): string {
  let newest = -1;
  for (const name of ['title.basics', 'title.ratings', 'title.akas'] as const) {
    const p = findDumpFile(dir, name);
    if (p) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  if (newest < 0) throw new DataError(join(dir, 'title.basics.tsv.gz'), 0, 'no IMDb dump files in this folder');
  return new Date(newest).toISOString().slice(0, 10);
}

export interface ImdbDumpOptions {
  /** Date stamped on the ratings (see imdbDumpAsOf). */
  asOf: string;
  /** Votes a title needs to be kept without another source knowing it. Default KEEP_MIN_VOTES (1000). */
  minVotes?: number;
  /** Kinds kept on votes alone. Default movie and tv-movie. */
  bulkKinds?: readonly FilmKind[];
  /** Keep adult titles on votes alone too. Default false. */
  includeAdult?: boolean;
  /** Read title.akas for localized titles (the biggest file). Default true; when true the file is required. */
  akas?: boolean;
  /** Folder name to prefix file names with in errors and skip reports (e.g. "raw/imdb_tsv_sample"). */
  labelDir?: string;
}

interface KeptTitle {
  line: number;
  tconst: string;
  title: string;
  originalTitle?: string;
  year?: number;
  runtime?: number;
  kind: FilmKind;
}

/** A kept title's akas in arrival order, as two parallel lists (no object per aka). */
interface AkaList {
  orderings: number[];
  titles: string[];
}

/** [averageRating, numVotes, line] — a tuple keeps the per-title cost small on 1.6M ratings. */
type RatingEntry = [number, number, number];

const TCONST = /^tt\d{7,}$/;

/**
 * A copy of a field that shares no memory with the text it was cut from. V8 represents a substring of 13 or more
 * characters as a view of its parent string, so a kept title would keep the whole decoded chunk it came from
 * (16–64 KB) alive: on the full dumps, ~100k kept titles pinned gigabytes of chunks. Short ids are copied anyway.
 */
function own(value: string): string {
  return value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8');
}

function requireDump(dir: string, name: ImdbDumpName, label: (f: string) => string): string {
  const p = findDumpFile(dir, name);
  if (!p) throw new DataError(label(`${name}.tsv.gz`), 0, `file not found in ${dir}`);
  return p;
}

/** Whole positive number or undefined for null; null for garbage. */
function parseCount(v: string | undefined): number | undefined | null {
  if (v === undefined) return undefined;
  return /^\d+$/.test(v) ? Number(v) : null;
}

/**
 * Reads the three dumps in `dir` and returns the kept titles (see the keep policy at the top of the file).
 * Order: ratings first (so the keep decision on basics knows the votes), then basics, then akas for kept ids only.
 */
export async function readImdbDumps(
  dir: string,
  report: BuildReport,
  keep: (tconst: string) => boolean | undefined,
  opts: ImdbDumpOptions,
): Promise<SourceRecord[]> {
  const minVotes = opts.minVotes ?? KEEP_MIN_VOTES;
  const bulkKinds = new Set(opts.bulkKinds ?? DEFAULT_BULK_KINDS);
  const label = (file: string): string => (opts.labelDir ? `${opts.labelDir}/${file}` : file);
  const known = (t: string): boolean => keep(t) === true;

  const basicsPath = requireDump(dir, 'title.basics', label);
  const ratingsPath = requireDump(dir, 'title.ratings', label);
  const akasPath = opts.akas === false ? undefined : requireDump(dir, 'title.akas', label);

  // 1. Ratings: only what a later decision can use (enough votes, or a known title).
  const ratings = new Map<string, RatingEntry>();
  const ratingsLabel = label(basename(ratingsPath));
  for await (const { line, row } of readImdbTsv(ratingsPath, ['tconst', 'averageRating', 'numVotes'], report, {
    label: ratingsLabel,
  })) {
    const tconst = row.tconst ?? '';
    const avg = Number(row.averageRating);
    const votes = parseCount(row.numVotes);
    if (!TCONST.test(tconst) || row.averageRating === undefined || !(avg >= 0 && avg <= 10) || typeof votes !== 'number') {
      report.skip(ratingsLabel, line, `bad rating row "${tconst}\t${row.averageRating}\t${row.numVotes}"`);
      continue;
    }
    if (votes >= minVotes || known(tconst)) ratings.set(tconst, [avg, votes, line]);
  }

  // 2. Basics: the keep decision.
  const kept: KeptTitle[] = [];
  const basicsLabel = label(basename(basicsPath));
  const basicsColumns = ['tconst', 'titleType', 'primaryTitle', 'originalTitle', 'isAdult', 'startYear', 'runtimeMinutes'];
  for await (const { line, row } of readImdbTsv(basicsPath, basicsColumns, report, {
    label: basicsLabel,
    // Most of the 12M rows are neither known nor rated enough: drop them before splitting.
    prefilter: (t) => ratings.has(t) || known(t),
  })) {
    const tconst = row.tconst ?? '';
    const kind = kindOfTitleType(row.titleType);
    const isKnown = known(tconst);
    const votes = ratings.get(tconst)?.[1] ?? 0;
    const bulk = bulkKinds.has(kind) && votes >= minVotes && (opts.includeAdult === true || row.isAdult !== '1');
    if (!isKnown && !bulk) continue;
    const title = row.primaryTitle ?? '';
    const year = parseCount(row.startYear);
    const runtime = parseCount(row.runtimeMinutes);
    if (!TCONST.test(tconst) || title === '' || year === null || runtime === null) {
      report.skip(basicsLabel, line, `bad basics row for "${tconst}" (id, primaryTitle, startYear or runtimeMinutes)`);
      continue;
    }
    const t: KeptTitle = { line, tconst: own(tconst), title: own(title), kind };
    if (row.originalTitle && row.originalTitle !== title) t.originalTitle = own(row.originalTitle);
    if (year !== undefined) t.year = year;
    if (runtime !== undefined && runtime > 0) t.runtime = runtime;
    kept.push(t);
  }

  // 3. Akas: localized titles of kept ids only. Only what altTitles() can return is held (a popular film has dozens
  //    of akas, most of them its own title again, region after region): an aka whose key is the title's or the
  //    original title's is dropped on arrival, and of an exact repeat only the copy that sorts first is kept.
  const akas = new Map<string, AkaList>();
  if (akasPath) {
    // The keys altTitles() starts from, per kept id; null for an id kept twice (two basics rows), whose akas are all
    // held since each row has its own titles.
    const ownKeys = new Map<string, string[] | null>();
    for (const t of kept) {
      ownKeys.set(t.tconst, ownKeys.has(t.tconst) ? null : [titleKey(t.title), ...(t.originalTitle ? [titleKey(t.originalTitle)] : [])]);
    }
    const akasLabel = label(basename(akasPath));
    for await (const { line, row } of readImdbTsv(akasPath, ['titleId', 'ordering', 'title'], report, {
      label: akasLabel,
      prefilter: (t) => ownKeys.has(t),
    })) {
      const title = row.title;
      const ordering = Number(row.ordering);
      if (title === undefined || title.trim() === '' || !Number.isInteger(ordering)) {
        report.skip(akasLabel, line, 'aka without title or ordering');
        continue;
      }
      const id = row.titleId ?? '';
      const trimmed = title.trim();
      const key = titleKey(trimmed);
      if (key !== '' && ownKeys.get(id)?.includes(key)) continue;
      let list = akas.get(id);
      if (!list) akas.set(id, (list = { orderings: [], titles: [] }));
      const same = list.titles.indexOf(trimmed);
      if (same === -1) {
        list.orderings.push(ordering);
        list.titles.push(own(trimmed));
      } else if (ordering < (list.orderings[same] ?? ordering)) {
        // The repeat sorts first: it replaces the earlier copy, at its own place in the arrival order.
        list.orderings.splice(same, 1);
        list.titles.splice(same, 1);
        list.orderings.push(ordering);
        list.titles.push(own(trimmed));
      }
    }
  }

  const records: SourceRecord[] = [];
  for (const t of kept) {
    const basics: SourceRecord = { inputId: IMDB_BASICS_INPUT_ID, line: t.line, imdbId: t.tconst, title: t.title, kind: t.kind };
    if (t.originalTitle) basics.originalTitle = t.originalTitle;
    if (t.year !== undefined) basics.year = t.year;
    if (t.runtime !== undefined) basics.runtime = t.runtime;
    const alt = altTitles(t, akas.get(t.tconst));
    if (alt.length > 0) basics.altTitles = alt;
    records.push(basics);

    const r = ratings.get(t.tconst);
    if (r) {
      const rating: Rating = { source: 'imdb', value: r[0], scale: 10, count: r[1], asOf: opts.asOf, input: 0 };
      records.push({ inputId: IMDB_RATINGS_INPUT_ID, line: r[2], imdbId: t.tconst, title: t.title, ratings: [rating] });
    }
  }
  return records;
}

/**
 * Localized titles in IMDb's `ordering`, one per title key: "Star Wars: Los últimos Jedi" in five regions is one
 * entry, and variants that normalise to the primary or original title add nothing to matching, so they are dropped.
 */
function altTitles(t: KeptTitle, list: AkaList | undefined): string[] {
  if (!list) return [];
  const seen = new Set([titleKey(t.title), ...(t.originalTitle ? [titleKey(t.originalTitle)] : [])]);
  const seenExact = new Set<string>();
  const out: string[] = [];
  // Stable sort by ordering: equal orderings keep their arrival order.
  const order = list.titles.map((_, i) => i).sort((a, b) => (list.orderings[a] ?? 0) - (list.orderings[b] ?? 0));
  for (const title of order.map((i) => list.titles[i] ?? '')) {
    const key = titleKey(title);
    // A title of only punctuation/symbols has an empty key: dedupe those by the exact string instead.
    if (key === '' ? seenExact.has(title) : seen.has(key)) continue;
    if (key === '') seenExact.add(title);
    else seen.add(key);
    out.push(title);
  }
  // An exact-size copy: the record keeps it, and an array grown by push has room for 17.
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------------
// Readers.

/** The sample shipped in shared/data: real rows of the 2018 dump for 2017 movies (docs/data-sources.md §3). */
export const IMDB_SAMPLE_DIR = 'raw/imdb_tsv_sample';
const IMDB_LICENCE = 'IMDb non-commercial datasets: personal and non-commercial use only';

export interface ImdbReadersConfig {
  /**
   * Absolute folder with user-downloaded dumps (https://datasets.imdbws.com/). Default: the sample under the
   * sources folder.
   */
  dir?: string;
  /**
   * Ids other sources already know. Called during read(), so a closure over a set the build fills from the other
   * readers first works.
   */
  keep?: (tconst: string) => boolean | undefined;
  minVotes?: number;
  bulkKinds?: readonly FilmKind[];
  akas?: boolean;
}

/**
 * Two readers ('imdb-basics', 'imdb-ratings') sharing one pass over the dumps: whichever runs first reads, the
 * other reuses the result, so the big files are streamed once per sources folder. Once both have taken their
 * share the shared result is let go (the build then holds the only references, and frees them as it merges); a
 * later read streams the files again.
 */
export function createImdbDumpReaders(config: ImdbReadersConfig = {}): { basics: SourceReader; ratings: SourceReader } {
  const userDir = config.dir;
  // A user folder's date comes from its files; the sample's from docs/data-sources.md (its copies have today's mtime).
  const asOf = userDir ? imdbDumpAsOf(userDir) : '2018';
  const origin = userDir
    ? 'IMDb non-commercial datasets, https://datasets.imdbws.com/ (user-supplied copy)'
    : 'MichalWozniczka/movieDB imdb-dataset-subset-2017: rows of the 2018 IMDb dump, 2017 movies only';
  const fileOf = (name: string): string => (userDir ? name : `${IMDB_SAMPLE_DIR}/${name}`);
  const basicsInput: DatasetInput = {
    id: IMDB_BASICS_INPUT_ID,
    file: fileOf('title.basics.tsv.gz'),
    name: 'IMDb title.basics + title.akas (titles, kind, year, runtime, localized titles)',
    origin,
    licence: IMDB_LICENCE,
    asOf,
  };
  const ratingsInput: DatasetInput = {
    id: IMDB_RATINGS_INPUT_ID,
    file: fileOf('title.ratings.tsv.gz'),
    name: 'IMDb title.ratings',
    origin,
    licence: IMDB_LICENCE,
    asOf,
  };

  const runs = new Map<string, { records: Promise<SourceRecord[]>; waiting: Set<string> }>();
  const take = async (sourcesDir: string, report: BuildReport, inputId: string): Promise<SourceRecord[]> => {
    const dir = userDir ?? join(sourcesDir, IMDB_SAMPLE_DIR);
    let run = runs.get(dir);
    if (!run) {
      const opts: ImdbDumpOptions = { asOf, labelDir: userDir ? undefined : IMDB_SAMPLE_DIR };
      if (config.minVotes !== undefined) opts.minVotes = config.minVotes;
      if (config.bulkKinds !== undefined) opts.bulkKinds = config.bulkKinds;
      if (config.akas !== undefined) opts.akas = config.akas;
      run = { records: readImdbDumps(dir, report, config.keep ?? (() => false), opts), waiting: new Set([IMDB_BASICS_INPUT_ID, IMDB_RATINGS_INPUT_ID]) };
      runs.set(dir, run);
    }
    run.waiting.delete(inputId);
    if (run.waiting.size === 0) runs.delete(dir);
    return (await run.records).filter((r) => r.inputId === inputId);
  };

  return {
    basics: { input: basicsInput, read: (sourcesDir, report) => take(sourcesDir, report, IMDB_BASICS_INPUT_ID) },
    ratings: { input: ratingsInput, read: (sourcesDir, report) => take(sourcesDir, report, IMDB_RATINGS_INPUT_ID) },
  };
}
