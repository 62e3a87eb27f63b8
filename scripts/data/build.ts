/**
 * The dataset build: run every reader, merge, stamp the manifest, and write the asset. Deterministic by design —
 * the same sources give byte-identical files (no wall-clock time, canonical JSON, gzip without mtime), so a
 * rebuild that changes nothing shows no diff and `manifest.version` changes exactly when the films do.
 *
 * Failure policy: a DataError (a file that cannot be read at all) aborts the build before anything is written;
 * dirty rows are skipped and counted in the BuildReport instead.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { gzipSync } from 'node:zlib';
import {
  CREDITS_STATES,
  DATASET_FORMAT,
  DATASET_PATH,
  MANIFEST_PATH,
  type CreditsState,
  type Dataset,
  type DatasetCounts,
  type DatasetInput,
  type DatasetManifest,
  type Film,
  type FilmKind,
  type RatingSourceId,
} from '../../lib/core/schema';
import { isRecord } from '../../lib/core/guards';
import { applyCreditsMeasure } from './credit-measure';
import { checkInferredIds, dropContradictedIds } from './id-checks';
import { type MergeStats, mergeOwnedRecords, type UnmergedReason, type UnmergedReport } from './merge';
import { allReaders, READS_AFTER_OTHERS } from './readers/index';
import { readMovielensCrosswalk } from './readers/movielens-crosswalk';
import { casingDictionary, fixTitles } from './titles';
import { BuildReport, type SourceReader, type SourceRecord } from './types';

export interface BuildOptions {
  /** The shared/data folder (docs/data-sources.md). */
  sourcesDir: string;
  /** Folder with user-downloaded IMDb TSV dumps; default: the sample in the sources folder. */
  imdbDir?: string;
  /** Override the reader list (tests); default: readers/index.ts. */
  readers?: readonly SourceReader[];
}

/** What the CLI prints: how much of the data made it into the dataset, and what did not. */
export interface Coverage {
  /** Catalogue tt ids contradicted by IMDb's own data and dropped before merging (scripts/data/id-checks.ts). */
  idsDropped: { count: number; examples: ReturnType<typeof dropContradictedIds>['dropped'] };
  counts: DatasetCounts;
  /** Films whose credits state is anything but "unknown". */
  filmsWithCreditsVerdict: number;
  /** Records read per input id, in input order. */
  recordsByInput: { input: string; records: number }[];
  /** Skipped rows per file, sorted by file. */
  skipped: { file: string; count: number; examples: string[] }[];
  merge: MergeStats;
  unmerged: { count: number; byReason: Record<UnmergedReason, number>; examples: UnmergedReport[] };
}

export interface BuildResult {
  dataset: Dataset;
  report: BuildReport;
  unmerged: UnmergedReport[];
  coverage: Coverage;
}

// ---------------------------------------------------------------------------------------------------------------
// Canonical JSON.

/**
 * JSON with object keys sorted and undefined fields dropped, so the bytes depend only on the values — never on the
 * order in which a reader happened to set fields. `indent` only for the human-readable manifest file.
 */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (!isRecord(v)) return v;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined) sorted[k] = v[k];
      return sorted;
    },
    indent,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Manifest.

/**
 * The canonical JSON of a film list, film by film: the pieces concatenate to exactly `canonicalJson(films)`, but no
 * string ever holds the whole list (with the full IMDb dumps that one string is ~50 M characters, two-byte as soon as
 * one title is not Latin-1: 100 MB of heap, on top of the films it describes).
 */
function* canonicalFilmsParts(films: readonly Film[]): Generator<string> {
  yield '[';
  for (let i = 0; i < films.length; i++) yield (i === 0 ? '' : ',') + canonicalJson(films[i]);
  yield ']';
}

/** sha256 of the canonical films JSON, first 16 hex: the data's identity, independent of build date and inputs' order. */
export function datasetVersion(films: readonly Film[]): string {
  const hash = createHash('sha256');
  for (const part of canonicalFilmsParts(films)) hash.update(part);
  return hash.digest('hex').slice(0, 16);
}

/** Newest as-of over the inputs. ISO dates and their prefixes ("2023", "2023-03") compare correctly as strings. */
export function newestAsOf(inputs: readonly DatasetInput[]): string {
  return inputs.reduce((newest, i) => (i.asOf > newest ? i.asOf : newest), '');
}

/**
 * Reproducible-builds convention: SOURCE_DATE_EPOCH (seconds) names the build date when set; otherwise the data's
 * own date stands in, so two builds of the same data never differ by when they ran.
 */
export function buildDateOf(dataAsOf: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return dataAsOf;
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH is not a whole number of seconds: "${epoch}"`);
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

export function countFilms(films: readonly Film[]): DatasetCounts {
  const byKind: Partial<Record<FilmKind, number>> = {};
  const creditsByState = Object.fromEntries(CREDITS_STATES.map((s) => [s, 0])) as Record<CreditsState, number>;
  const ratingsBySource: Partial<Record<RatingSourceId, number>> = {};
  for (const f of films) {
    byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    creditsByState[f.credits.state]++;
    for (const r of f.ratings) ratingsBySource[r.source] = (ratingsBySource[r.source] ?? 0) + 1;
  }
  return { films: films.length, byKind, creditsByState, ratingsBySource };
}

/** Each source's mean on 0-100, one decimal: the combined score's prior (lib/core/ratings/aggregate.ts). */
export function ratingMeans(films: readonly Film[]): Partial<Record<RatingSourceId, number>> {
  const sums = new Map<RatingSourceId, { total: number; n: number }>();
  for (const f of films) {
    for (const r of f.ratings) {
      const s = sums.get(r.source) ?? { total: 0, n: 0 };
      s.total += (r.value / r.scale) * 100;
      s.n++;
      sums.set(r.source, s);
    }
  }
  const ids = [...sums.keys()].sort();
  return Object.fromEntries(ids.map((id) => [id, Math.round(((sums.get(id)?.total ?? 0) / (sums.get(id)?.n ?? 1)) * 10) / 10]));
}

// ---------------------------------------------------------------------------------------------------------------
// Build.

/**
 * Runs the readers one after another (not in parallel: the skip report then lists rows in a stable order), the
 * IMDb dump readers last so they can keep every title another source knows.
 */
async function readAll(
  readers: readonly SourceReader[],
  sourcesDir: string,
  report: BuildReport,
  known: Set<string>,
  crosswalk: ReadonlyMap<number, string>,
): Promise<Map<SourceReader, SourceRecord[]>> {
  const out = new Map<SourceReader, SourceRecord[]>();
  for (const r of readers.filter((x) => !READS_AFTER_OTHERS.has(x.input.id))) out.set(r, await r.read(sourcesDir, report));
  for (const records of out.values()) {
    for (const rec of records) {
      const id = rec.imdbId ?? (rec.tmdbId === undefined ? undefined : crosswalk.get(rec.tmdbId));
      if (id !== undefined) known.add(id);
    }
  }
  for (const r of readers.filter((x) => READS_AFTER_OTHERS.has(x.input.id))) out.set(r, await r.read(sourcesDir, report));
  return out;
}

/** Every reader's records in reader order; `byReader` is emptied, so the returned list is their only holder. */
function takeRecords(readers: readonly SourceReader[], byReader: Map<SourceReader, SourceRecord[]>): SourceRecord[] {
  const records = readers.flatMap((r) => byReader.get(r) ?? []);
  byReader.clear();
  return records;
}

/** Inputs that are IMDb's own data (its dataset dumps and exports of them): their tt ids are right by definition. */
const AUTHORITATIVE_ID_INPUTS: ReadonlySet<string> = new Set(['imdb-basics', 'imdb-ratings', 'imdb-filtered-2025']);

/**
 * V8 heap growth between full collections (percent) for a build over user-supplied dumps. V8's default lets the heap
 * grow to about four times what is live, and such a build holds 150–250 MB live at its peaks (the records and their
 * merge, then the films and their JSON): 520+ MB of RSS by default, ~370 MB with 20 % (issue #6's goal: <= 400 MB),
 * for about 5 % more run time. V8 reads the flag at every collection, so setting it here takes effect at once.
 */
export const FULL_DUMP_HEAP_GROWING_PERCENT = 15;

export async function buildDataset(opts: BuildOptions): Promise<BuildResult> {
  // Process-wide, so only for the builds that need it (the full dumps); the bundled-sample build keeps V8's default.
  if (opts.imdbDir !== undefined) setFlagsFromString(`--heap-growing-percent=${FULL_DUMP_HEAP_GROWING_PERCENT}`);
  const report = new BuildReport();
  const known = new Set<string>();
  const readers = opts.readers ?? allReaders({ imdbDir: opts.imdbDir, keep: (t) => known.has(t) });
  const inputs = readers.map((r) => r.input);
  const crosswalk = await readMovielensCrosswalk(opts.sourcesDir, report);
  const byReader = await readAll(readers, opts.sourcesDir, report, known, crosswalk);
  const recordsByInput = readers.map((r) => ({ input: r.input.id, records: byReader.get(r)?.length ?? 0 }));

  // IMDb's own data is the arbiter of tt ids; catalogue exports (JustWatch via Soeiro) are known to carry wrong ones.
  // Memory: from here on the records are held by `checked.records` alone (byReader is emptied), which the merge
  // empties once it has taken them in, so each record is freed when its film is built.
  const checked = dropContradictedIds(takeRecords(readers, byReader), (id) => AUTHORITATIVE_ID_INPUTS.has(id), (id) => id.startsWith('soeiro-'));
  // An alignment's claim (an id for an aftercredits.com post, a title for a Kometa entry) stands only where an
  // independent source agrees; casing for the credits feeds' lower-case titles is looked up before the merge lets
  // the records go.
  const inferred = checkInferredIds(checked.records);
  checked.records.length = 0;
  const casing = casingDictionary(inferred.records);
  const merged = mergeOwnedRecords(inferred.records, inputs, crosswalk);
  const { unmerged, stats } = merged;
  const titled = fixTitles(merged.films, casing, inputs);
  const films = titled.films;
  // The sources are weighed on the films that ship, then every verdict is made under that measurement.
  const creditsMeasure = applyCreditsMeasure(films, inputs);
  const dataAsOf = newestAsOf(inputs);
  const counts = countFilms(films);
  const manifest: DatasetManifest = {
    format: DATASET_FORMAT,
    version: datasetVersion(films),
    dataAsOf,
    buildDate: buildDateOf(dataAsOf),
    inputs,
    counts,
    ratingMeans: ratingMeans(films),
    credits: creditsMeasure,
    checks: {
      inferredIds: {
        confirmed: inferred.report.confirmed,
        rejected: inferred.report.rejected.length,
        examples: inferred.report.rejected.map(({ title, year, imdbId, knownAs }) => ({ title, ...(year !== undefined && { year }), imdbId, ...(knownAs && { knownAs }) })),
      },
      titles: titled.fixes,
    },
  };

  const byReason: Record<UnmergedReason, number> = { ambiguous: 0, 'no-year': 0 };
  for (const u of unmerged) byReason[u.reason]++;
  const coverage: Coverage = {
    counts,
    filmsWithCreditsVerdict: films.length - counts.creditsByState.unknown,
    recordsByInput,
    skipped: [...report.skipped]
      .map(([file, e]) => ({ file, count: e.count, examples: [...e.examples] }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    merge: stats,
    unmerged: { count: unmerged.length, byReason, examples: unmerged.slice(0, 5) },
    idsDropped: { count: checked.dropped.length, examples: checked.dropped.slice(0, 5) },
  };
  return { dataset: { manifest, films }, report, unmerged, coverage };
}

// ---------------------------------------------------------------------------------------------------------------
// Writer.

/** Writes next to the target and renames: a crash or a full disk never leaves a half-written asset behind. */
function writeAtomic(path: string, bytes: Buffer | string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** `canonicalJson(dataset)` in pieces (see canonicalFilmsParts): its keys sorted, films < manifest. */
function* canonicalDatasetParts(dataset: Dataset): Generator<string> {
  yield '{"films":';
  yield* canonicalFilmsParts(dataset.films);
  yield `,"manifest":${canonicalJson(dataset.manifest)}}`;
}

/**
 * Gzip level 9 of the canonical JSON. Node's gzip header carries mtime 0 (no timestamp), so equal JSON gives equal
 * bytes; build.test.ts checks that. The UTF-8 is written piece by piece into one buffer of the exact size (measured
 * in a first pass), never held as one JS string as well: the full-dump build stays within its memory budget.
 */
export function encodeDataset(dataset: Dataset): Buffer {
  let size = 0;
  for (const part of canonicalDatasetParts(dataset)) size += Buffer.byteLength(part, 'utf8');
  const json = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const part of canonicalDatasetParts(dataset)) offset += json.write(part, offset, 'utf8');
  if (offset !== size) throw new Error(`dataset JSON changed while encoding (${offset} of ${size} bytes)`);
  return gzipSync(json, { level: 9 });
}

export interface WrittenDataset {
  datasetPath: string;
  manifestPath: string;
  /** Size of the compressed asset. */
  datasetBytes: number;
}

/** Writes `<outDir>/dataset.json.gz` and the readable `<outDir>/dataset-manifest.json`. */
export function writeDataset(dataset: Dataset, outDir: string): WrittenDataset {
  const gz = encodeDataset(dataset);
  const manifestText = `${canonicalJson(dataset.manifest, 2)}\n`;
  mkdirSync(outDir, { recursive: true });
  const datasetPath = join(outDir, DATASET_PATH);
  const manifestPath = join(outDir, MANIFEST_PATH);
  writeAtomic(datasetPath, gz);
  writeAtomic(manifestPath, manifestText);
  return { datasetPath, manifestPath, datasetBytes: gz.length };
}
