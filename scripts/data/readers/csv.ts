/**
 * Shared plumbing for the source readers: read a (possibly gzipped) CSV into rows that remember their physical
 * line, and small value parsers that know the formats the raw files use ("142 min", "87%", "90,841", "2001.0").
 *
 * Error policy (scripts/data/types.ts):
 * - a file that cannot be read at all (missing, not gzip, broken CSV syntax, header without a required column)
 *   throws `DataError` naming the file and line;
 * - a single bad row throws `RowError` inside a row callback; `mapRows` turns it into `report.skip(...)` so one
 *   dirty row never stops the build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CsvError, parse } from 'csv-parse/sync';
import type { Rating, RatingSourceId } from '../../../lib/core/schema';
import { DataError, type BuildReport, type SourceRecord } from '../types';
import { errorMessage } from '../../../lib/core/guards';

/** A row of one source that cannot be used; the message becomes the skip reason. */
export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}

/** Reads a source file, gunzipping `.gz`. A missing or corrupt file is a `DataError` at line 0 (the whole file). */
export async function readSourceFile(sourcesDir: string, file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(sourcesDir, file));
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : 'unreadable';
    throw new DataError(file, 0, `cannot read source file (${code})`);
  }
  if (!file.endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes);
  } catch {
    throw new DataError(file, 0, 'not a valid gzip file');
  }
}

/**
 * Reads a JSON source file that must hold an array: its elements, and its text for line numbers. Invalid JSON is a
 * `DataError` at line 0, any other value one at line 1 whose message is `notArray`.
 */
export async function readJsonArray(sourcesDir: string, file: string, notArray: string): Promise<{ items: unknown[]; text: string }> {
  const text = (await readSourceFile(sourcesDir, file)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new DataError(file, 0, `invalid JSON: ${errorMessage(err)}`);
  }
  if (!Array.isArray(parsed)) throw new DataError(file, 1, notArray);
  return { items: parsed, text };
}

/** One data row of a CSV file. */
export interface CsvRow<C extends string> {
  /** 1-based physical line where the row starts (header = line 1), as `sed -n 'Np'` / `grep -n` count lines. */
  readonly line: number;
  /** The raw (untrimmed) cell under `column`. */
  get(column: C): string;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Parses a CSV file with a header row and checks that every column in `columns` is present.
 *
 * Line numbers are computed here from csv-parse's byte offsets rather than taken from its `info.lines`: that
 * counter counts CR and LF separately inside quoted fields, so it drifts on CRLF files whose cells hold line breaks
 * (tmdb_top10k, the Soeiro titles). Only LF ends a line, so a lone CR inside a quoted cell does not.
 *
 * Rows whose field count differs from the header are skipped: in these files that is a row whose text was split
 * on a separator during a format conversion (imdb_top_1000), so every cell after the split is shifted.
 */
export async function readCsv<const C extends string>(
  sourcesDir: string,
  file: string,
  report: BuildReport,
  columns: readonly C[],
): Promise<CsvRow<C>[]> {
  const bytes = await readSourceFile(sourcesDir, file);

  // Physical line of a byte offset, counted incrementally: records arrive in file order.
  let cursor = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (; cursor < offset; cursor++) if (bytes[cursor] === LF) line++;
    // Blank lines between records are skipped by the parser: the record starts after them.
    while (cursor < bytes.length && (bytes[cursor] === LF || bytes[cursor] === CR)) {
      if (bytes[cursor] === LF) line++;
      cursor++;
    }
    return line;
  };

  const raw: { fields: string[]; line: number }[] = [];
  let start = 0;
  try {
    parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Collect instead of returning: keeps csv-parse's own record type out of the picture.
      on_record: (fields: string[], context) => {
        raw.push({ fields, line: lineAt(start) });
        start = context.bytes;
        return null;
      },
    });
  } catch (err) {
    // Broken quoting cannot be skipped row by row: csv-parse resynchronises badly after it and would silently
    // swallow the good rows that follow, so the whole file is refused instead.
    if (err instanceof CsvError) {
      const at = typeof err.lines === 'number' ? err.lines : 0;
      throw new DataError(file, at, `CSV syntax error: ${err.message}`);
    }
    throw err;
  }

  const header = raw[0];
  if (header === undefined) throw new DataError(file, 1, 'empty file: no header row');
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => {
    if (!index.has(name.trim())) index.set(name.trim(), i);
  });
  const positions = new Map<C, number>();
  for (const column of columns) {
    const at = index.get(column);
    if (at === undefined) throw new DataError(file, header.line, `missing column "${column}"`);
    positions.set(column, at);
  }

  const width = header.fields.length;
  const rows: CsvRow<C>[] = [];
  for (const { fields, line: rowLine } of raw.slice(1)) {
    if (fields.length !== width) {
      report.skip(file, rowLine, `expected ${width} fields, found ${fields.length} (shifted columns)`);
      continue;
    }
    rows.push({ line: rowLine, get: (column) => fields[positions.get(column) ?? -1] ?? '' });
  }
  return rows;
}

/**
 * Runs `toRecord` over rows in order; a `RowError` skips that row (counted in the report), anything else is a bug
 * and propagates. `toRecord` may return undefined for a row that is deliberately not a record.
 */
export function mapRows<T extends { readonly line: number }, R>(
  rows: readonly T[],
  file: string,
  report: BuildReport,
  toRecord: (row: T) => R | undefined,
): R[] {
  const out: R[] = [];
  for (const row of rows) {
    try {
      const record = toRecord(row);
      if (record !== undefined) out.push(record);
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      report.skip(file, row.line, err.message);
    }
  }
  return out;
}

/**
 * A `SourceRecord` without the keys whose value is undefined, so readers can pass optional values straight from
 * the parsers and records stay small and compare cleanly in tests.
 */
export function sourceRecord(fields: SourceRecord): SourceRecord {
  const out = { ...fields };
  for (const [key, value] of Object.entries(out)) if (value === undefined) Reflect.deleteProperty(out, key);
  return out;
}

/** Remembers keys already seen in a file, for "keep the first row" dedupe. */
export class FirstSeen<K> {
  private readonly lines = new Map<K, number>();

  /** Throws `RowError` if `key` was claimed by an earlier row. */
  claim(key: K, line: number, what: string): void {
    const first = this.lines.get(key);
    if (first !== undefined) throw new RowError(`duplicate ${what} of line ${first}`);
    this.lines.set(key, line);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Value parsers. Blank (after trimming) means "not given" → undefined; anything else that does not fit is a
// malformed row → RowError naming the column.

/** Trims and collapses whitespace (including the non-breaking spaces some exports leave); keeps casing. */
export function cleanTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A title that must be there: an empty title makes the row unusable. */
export function requireTitle(text: string, column: string): string {
  const title = cleanTitle(text);
  if (title === '') throw new RowError(`empty ${column}`);
  return title;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** A plain decimal number ("7.9", "44.0", "10"). */
export function parseNumber(text: string, column: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!DECIMAL.test(t)) throw new RowError(`${column} is not a number: "${t}"`);
  return Number(t);
}

/**
 * A count of votes or reviews: thousands separators ("90,841") and float exports of integers ("91660.0") are
 * accepted; a fractional or negative count is not.
 */
export function parseCount(text: string, column: string): number | undefined {
  const t = text.trim().replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (t === '') return undefined;
  const match = /^(\d+)(?:\.0+)?$/.exec(t);
  if (match?.[1] === undefined) throw new RowError(`${column} is not a count: "${text.trim()}"`);
  return Number(match[1]);
}

/** A percentage "87%" (or a bare "87") on 0–100. */
export function parsePercent(text: string, column: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(t);
  const value = match?.[1] === undefined ? NaN : Number(match[1]);
  if (!(value >= 0 && value <= 100)) throw new RowError(`${column} is not a percentage: "${t}"`);
  return value;
}

/** Earliest and latest plausible release years: before the first films, or far in the future, is a broken cell. */
export const MIN_YEAR = 1870;
export const MAX_YEAR = 2100;

/** A release year, "2001" or the float export "2001.0". */
export function parseYear(text: string, column: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const match = /^(\d{4})(?:\.0+)?$/.exec(t);
  const year = match?.[1] === undefined ? NaN : Number(match[1]);
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new RowError(`${column} is not a year: "${t}"`);
  return year;
}

/** The year of an ISO date "2009-12-10" (the TMDb exports). */
export function yearOfIsoDate(text: string, column: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(t);
  if (match?.[1] === undefined) throw new RowError(`${column} is not a date: "${t}"`);
  return parseYear(match[1], column);
}

/**
 * Runtimes above this are data errors in these files (e.g. a 1940 western listed at 1256 min in the 2020 streaming
 * list), not real films; they are dropped rather than used to match.
 */
export const MAX_RUNTIME = 600;

/**
 * Runtime in whole minutes from "142 min", "148", "139.0" or "2h 14m". 0 (used for "unknown") and implausibly long
 * values give undefined; text in another format is a RowError.
 */
export function parseRuntime(text: string, column: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  let minutes: number;
  const plain = /^(\d+(?:\.\d+)?)(?:\s*min)?$/.exec(t);
  const hours = /^(?:(\d+)h)?\s*(?:(\d+)m)?$/.exec(t);
  if (plain?.[1] !== undefined) minutes = Math.round(Number(plain[1]));
  else if (hours !== null && (hours[1] !== undefined || hours[2] !== undefined))
    minutes = Number(hours[1] ?? 0) * 60 + Number(hours[2] ?? 0);
  else throw new RowError(`${column} is not a runtime: "${t}"`);
  return minutes > 0 && minutes <= MAX_RUNTIME ? minutes : undefined;
}

/**
 * An IMDb id normalised to "tt" + at least 7 digits, from "tt0499549", a bare number ("0114709", "114709") or an
 * imdb.com title URL.
 */
export function parseImdbId(text: string, column: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const match = /^(?:tt)?(\d+)$/.exec(t) ?? /imdb\.com\/title\/tt(\d+)/.exec(t);
  if (match?.[1] === undefined || Number(match[1]) === 0) throw new RowError(`${column} is not an IMDb id: "${t}"`);
  return normalizeImdbDigits(match[1]);
}

/** "114709" → "tt0114709"; longer ids (8 digits) keep their length. */
export function normalizeImdbDigits(digits: string): string {
  const n = digits.replace(/^0+/, '');
  return `tt${n.padStart(7, '0')}`;
}

/** A positive integer id (TMDb). */
export function parseTmdbId(text: string, column: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^\d+$/.test(t) || Number(t) === 0) throw new RowError(`${column} is not a TMDb id: "${t}"`);
  return Number(t);
}

/**
 * A rating on the source's own scale, or undefined when the value is not given. A value outside 0..scale is a
 * malformed row. `input` is filled in by the build from the record's inputId.
 */
export function rating(
  source: RatingSourceId,
  value: number | undefined,
  scale: number,
  asOf: string,
  count?: number,
): Rating | undefined {
  if (value === undefined) return undefined;
  if (!(value >= 0 && value <= scale)) throw new RowError(`${source} rating ${value} is outside 0–${scale}`);
  const out: Rating = { source, value, scale, asOf, input: 0 };
  if (count !== undefined) out.count = count;
  return out;
}

/** The ratings that are present, in the given order. */
export function presentRatings(...ratings: (Rating | undefined)[]): Rating[] {
  return ratings.filter((r): r is Rating => r !== undefined);
}
