/**
 * Browser-side reader for the official IMDb non-commercial TSV dumps a viewer downloaded
 * (https://datasets.imdbws.com/: title.ratings 1.6M rows, title.basics 12M, title.akas 50M), run in the import
 * worker. Web APIs only (no node: imports): `Blob.stream()` → a byte counter (progress) → `DecompressionStream`
 * when the file starts with the gzip magic (a viewer may have unpacked it) → blocks of whole lines, as bytes. One
 * chunk is in memory at a time, whatever the file size.
 *
 * Lines stay bytes until they are wanted (`readLineBlocks`, split by lib/core/line-blocks.ts, the splitter the Node
 * pipeline uses too): the importer looks at the id of each of the 12 M basics lines and decodes only the few
 * thousand it keeps (a full basics import once peaked at 3.7 GB in Chromium with the text decoded first; 310 MB
 * with the lines decoded one by one; scripts/bench/imdb-import-bench.ts).
 *
 * Bounded memory relies on stream backpressure: in Chromium (checked on 156) DecompressionStream is a spec
 * TransformStream and the file is read about two chunks ahead of the consumer. Node 20's DecompressionStream (the
 * unit tests) accepts all compressed input at once and inflates lazily, so there the .gz, not its text, is buffered.
 * Chromium also rejects a multi-member gzip (several gzip files concatenated, e.g. from bgzip) as "junk after end",
 * which becomes 'corrupt'; IMDb's own dumps are single-member.
 *
 * Format facts, the same as the Node pipeline's reader (scripts/data/readers/imdb-tsv.ts): UTF-8, tab separated,
 * header first, `\N` = null, and NO quoting — titles may contain `"`, so a line is split on tabs and nothing else.
 */
import type { ImdbAkaRow, ImdbBasicsRow, ImdbFileKind, ImdbRatingRow } from '../../core/imdb-rows';
import { lineBlocks, lineText, type LineBlock } from '../../core/line-blocks';

export type { ImdbFileKind } from '../../core/imdb-rows';
export type RatingRow = ImdbRatingRow;
export type BasicsRow = ImdbBasicsRow;
export type AkaRow = ImdbAkaRow;

/** The documented header of each file, column by column. */
export const IMDB_HEADERS: Readonly<Record<ImdbFileKind, readonly string[]>> = {
  ratings: ['tconst', 'averageRating', 'numVotes'],
  basics: ['tconst', 'titleType', 'primaryTitle', 'originalTitle', 'isAdult', 'startYear', 'endYear', 'runtimeMinutes', 'genres'],
  akas: ['titleId', 'ordering', 'title', 'region', 'language', 'types', 'attributes', 'isOriginalTitle'],
};

const HEADER_LINES: ReadonlyMap<string, ImdbFileKind> = new Map(
  (Object.keys(IMDB_HEADERS) as ImdbFileKind[]).map((kind) => [IMDB_HEADERS[kind].join('\t'), kind]),
);

/** The kind of file a first line is the header of, or null. A BOM and a trailing CR are tolerated. */
export function kindOfHeader(headerLine: string): ImdbFileKind | null {
  let line = headerLine.charCodeAt(0) === 0xfeff ? headerLine.slice(1) : headerLine;
  if (line.endsWith('\r')) line = line.slice(0, -1);
  return HEADER_LINES.get(line) ?? null;
}

export type ImdbImportErrorCode = 'not-imdb' | 'corrupt' | 'empty' | 'aborted';

const MESSAGES: Readonly<Record<ImdbImportErrorCode, string>> = {
  'not-imdb': 'This is not an IMDb title.ratings, title.basics or title.akas file.',
  corrupt: 'The file is damaged or not a complete .gz download. Download it again from datasets.imdbws.com.',
  empty: 'The file is empty.',
  aborted: 'Import cancelled.',
};

/** Why an import stopped, in words a viewer understands (`message`) and as a code the UI can branch on. */
export class ImdbImportError extends Error {
  readonly code: ImdbImportErrorCode;

  constructor(code: ImdbImportErrorCode, message: string = MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImdbImportError';
    this.code = code;
  }
}

export interface ReadLinesOptions {
  signal?: AbortSignal;
  /** Compressed (file) bytes read so far, after each chunk: drives a progress bar against `blob.size`. */
  onBytes?: (compressedBytesRead: number) => void;
  /**
   * Longest line accepted (UTF-8 bytes without the line break, default 64 Ki; real IMDb lines are well under 2 Ki).
   * Bounds memory on a file with no line breaks (an image, a binary): 'not-imdb' before the first line, 'corrupt'
   * after.
   */
  maxLineLength?: number;
}

const DEFAULT_MAX_LINE = 64 * 1024;

function aborted(signal: AbortSignal | undefined): ImdbImportError | undefined {
  return signal?.aborted ? new ImdbImportError('aborted') : undefined;
}

async function isGzip(blob: Blob): Promise<boolean> {
  if (blob.size < 2) return false;
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** A stream failure as an ImdbImportError: read failures and gzip errors (Node: Z_DATA_ERROR/Z_BUF_ERROR; Chromium: TypeError) are 'corrupt'. */
function streamError(error: unknown, gzip: boolean): ImdbImportError {
  if (error instanceof ImdbImportError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotReadableError' || name === 'NotFoundError' || name === 'SecurityError' || !gzip) {
    return new ImdbImportError('corrupt', 'The file could not be read. Was it moved or changed? Choose it again.', { cause: error });
  }
  return new ImdbImportError('corrupt', MESSAGES.corrupt, { cause: error });
}

const TAB = 0x09;

export type { LineBlock };

/**
 * The lines of a (gzipped or plain) UTF-8 text file in blocks (lib/core/line-blocks.ts), one or two blocks per
 * chunk read: line breaks are LF or CRLF, a last line without a break is kept, a UTF-8 BOM starting the file is
 * dropped. Abort (also while waiting for a chunk) throws ImdbImportError 'aborted'; a damaged or truncated gzip
 * throws 'corrupt'; a line longer than `maxLineLength` bytes throws 'not-imdb' (the first line) or 'corrupt'.
 * Breaking out of the loop early releases the file.
 */
export async function* readLineBlocks(blob: Blob, options: ReadLinesOptions = {}): AsyncGenerator<LineBlock> {
  const { signal, onBytes } = options;
  const early = aborted(signal);
  if (early) throw early;
  let gzip: boolean;
  try {
    gzip = await isGzip(blob);
  } catch (error) {
    throw aborted(signal) ?? streamError(error, false);
  }

  let bytesRead = 0;
  const counter = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, controller) {
      bytesRead += chunk.byteLength;
      onBytes?.(bytesRead);
      controller.enqueue(chunk);
    },
  });
  const raw = blob.stream().pipeThrough(counter);
  const reader = (gzip ? raw.pipeThrough(new DecompressionStream('gzip')) : raw).getReader();

  // A pending read() ends at once on abort (cancel resolves it with done), instead of waiting for the next chunk.
  const onAbort = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  /** The inflated chunks, with read failures and abort as ImdbImportErrors. */
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        throw aborted(signal) ?? streamError(error, gzip);
      }
      const stop = aborted(signal);
      if (stop) throw stop;
      if (result.done) {
        finished = true;
        return;
      }
      yield result.value;
    }
  }
  try {
    yield* lineBlocks(chunks(), {
      maxLineLength: options.maxLineLength ?? DEFAULT_MAX_LINE,
      // Damaged deflate data can inflate to garbage for a while before zlib notices (at the latest at the CRC): in a
      // .gz that garbage is the damage, so it gets the same message.
      tooLong: (linesBefore) =>
        linesBefore === 0
          ? new ImdbImportError('not-imdb')
          : new ImdbImportError('corrupt', gzip ? MESSAGES.corrupt : 'The file has a line far longer than any IMDb row: it is damaged or not an IMDb file.'),
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Early exit (break, error, abort): stop reading and decompressing the rest of the file.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

export { lineText };

/**
 * A number naming an IMDb id (`tt` and 1–13 digits) exactly, read from a line's first field without making a
 * string: the digits' value and their count (tt0000001 and tt00000001 differ). -1 when the field is no such id.
 * The importer tests 12 M ids against its sets this way.
 */
export function idKeyOfLine(block: LineBlock, i: number): number {
  const { bytes, bounds } = block;
  const start = bounds[2 * i] ?? 0;
  const end = bounds[2 * i + 1] ?? 0;
  if (end - start < 3 || bytes[start] !== 0x74 || bytes[start + 1] !== 0x74) return -1;
  let value = 0;
  let p = start + 2;
  for (; p < end; p++) {
    const b = bytes[p] ?? 0;
    if (b === TAB) break;
    if (b < 0x30 || b > 0x39) return -1;
    value = value * 10 + (b - 0x30);
  }
  const digits = p - start - 2;
  return digits >= 1 && digits <= 13 ? value * 16 + digits : -1;
}

/** The same key for an id string; -1 when it is no IMDb id. */
export function idKey(id: string): number {
  if (!/^tt\d{1,13}$/.test(id)) return -1;
  return Number(id.slice(2)) * 16 + (id.length - 2);
}

/**
 * The lines of a (gzipped or plain) UTF-8 text file as strings, without their line breaks (LF or CRLF), each
 * decoded on its own; otherwise as readLineBlocks. Abort between lines throws 'aborted' at the next step.
 */
export async function* readLines(blob: Blob, options: ReadLinesOptions = {}): AsyncGenerator<string> {
  const { signal } = options;
  for await (const block of readLineBlocks(blob, options)) {
    for (let i = 0; i < block.count; i++) {
      yield lineText(block, i);
      const stop = aborted(signal);
      if (stop) throw stop;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rows. Each parser takes the tab-split fields of one data line and returns null when the line is malformed.

const ID = /^tt\d{7,}$/;
const NULL = '\\N';
/** Longest title kept (characters); IMDb's longest real titles are about 250. */
export const MAX_TITLE_LENGTH = 300;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A title without control characters, trimmed and capped (not cutting a surrogate pair); undefined if empty or `\N`. */
export function cleanTitle(value: string | undefined): string | undefined {
  if (value === undefined || value === NULL) return undefined;
  let title = value.replace(CONTROL, '').trim();
  if (title.length > MAX_TITLE_LENGTH) {
    let cut = MAX_TITLE_LENGTH;
    const last = title.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--;
    title = title.slice(0, cut).trimEnd();
  }
  return title === '' ? undefined : title;
}

/** A whole number in [min, max]; undefined for `\N`; null for anything else. */
function wholeNumber(value: string | undefined, min: number, max: number): number | undefined | null {
  if (value === NULL) return undefined;
  if (value === undefined || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** title.ratings: tconst, averageRating (0–10), numVotes. */
export function parseRating(fields: readonly string[]): RatingRow | null {
  if (fields.length !== 3) return null;
  const [id = '', ratingText = '', votesText = ''] = fields;
  if (!ID.test(id) || !/^\d{1,2}(\.\d{1,3})?$/.test(ratingText)) return null;
  const rating = Number(ratingText);
  const votes = wholeNumber(votesText, 0, Number.MAX_SAFE_INTEGER);
  if (rating > 10 || typeof votes !== 'number') return null;
  return { id, rating, votes };
}

/** Latest plausible year (IMDb lists announced films a few years ahead). */
const MAX_YEAR = 2100;
/** Longest plausible running time in minutes (the longest listed films run for weeks). */
const MAX_RUNTIME = 99_999;

/** title.basics: tconst, titleType, primaryTitle, originalTitle, isAdult, startYear, endYear, runtimeMinutes, genres. */
export function parseBasics(fields: readonly string[]): BasicsRow | null {
  if (fields.length !== 9) return null;
  const [id = '', type = '', primary, originalText, adultText, yearText, , runtimeText] = fields;
  if (!ID.test(id) || !/^[A-Za-z]{1,32}$/.test(type)) return null;
  const title = cleanTitle(primary);
  if (title === undefined) return null;
  if (adultText !== '0' && adultText !== '1') return null;
  const year = wholeNumber(yearText, 1800, MAX_YEAR);
  const runtime = wholeNumber(runtimeText, 0, MAX_RUNTIME);
  if (year === null || runtime === null) return null;
  const row: BasicsRow = { id, type, title, adult: adultText === '1' };
  const original = cleanTitle(originalText);
  if (original !== undefined && original !== title) row.original = original;
  if (year !== undefined) row.year = year;
  if (runtime !== undefined && runtime > 0) row.runtime = runtime;
  return row;
}

/** title.akas: titleId, ordering, title, region, language, types, attributes, isOriginalTitle. */
export function parseAka(fields: readonly string[]): AkaRow | null {
  if (fields.length !== 8) return null;
  const [id = '', ordering = '', titleText, region = NULL, language = NULL] = fields;
  if (!ID.test(id) || !/^\d{1,6}$/.test(ordering)) return null;
  const title = cleanTitle(titleText);
  if (title === undefined) return null;
  const row: AkaRow = { id, title };
  // Codes are informative only: an odd one is dropped, not the row.
  if (/^[A-Za-z]{2,4}$/.test(region)) row.region = region;
  if (/^[a-z]{2,3}$/.test(language)) row.language = language;
  return row;
}
