/**
 * One line splitter for the IMDb dumps, fed by either side: the options page's import worker (a File's stream,
 * inflated by DecompressionStream: lib/pages/imdb/tsv.ts) and the Node pipeline (a file read stream through zlib:
 * scripts/data/readers/imdb-tsv.ts). Both read 12 M and 50 M line files, so lines stay bytes until they are
 * wanted: decoding all of a dump's UTF-8 text costs more than inflating it, and every field cut from a decoded
 * chunk is a view that keeps the whole chunk alive (a full basics import once peaked at 3.7 GB in Chromium that
 * way). A line feed byte never occurs inside a UTF-8 sequence, so splitting bytes at LF splits characters
 * correctly; each line is decoded on its own (`lineText`).
 *
 * Format facts (docs/data-sources.md §4): UTF-8, tab separated, header first, `\N` = null, and NO quoting — titles may
 * contain `"`, so a line is split on tabs and nothing else.
 */

/**
 * Whole lines of a file, as bytes: line i is `bytes.subarray(bounds[2 * i], bounds[2 * i + 1])`, without its CR/LF
 * (and without the UTF-8 BOM on the file's first line). `bounds` is reused for the next block: read a block before
 * asking for the next.
 */
export interface LineBlock {
  readonly bytes: Uint8Array;
  readonly count: number;
  readonly bounds: Uint32Array;
}

export interface SplitOptions {
  /** Longest line accepted (UTF-8 bytes without the line break): bounds memory on a file with no line breaks. */
  maxLineLength: number;
  /** The error for a line longer than that; `linesBefore` is 0 when it is the file's first line. */
  tooLong(linesBefore: number): Error;
}

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The lines of a UTF-8 byte stream in blocks (see LineBlock): line breaks are LF or CRLF, a last line without a
 * break is kept, a UTF-8 BOM starting the stream is dropped (as a TextDecoder does). Lines split across chunks come
 * out whole; the line begun in one chunk is joined with the start of the next on its own, so no chunk is copied
 * whole. A line longer than `maxLineLength` throws `tooLong(…)`, before more of it is held.
 */
export async function* lineBlocks(chunks: AsyncIterable<Uint8Array>, options: SplitOptions): AsyncGenerator<LineBlock> {
  const { maxLineLength: maxLine } = options;
  /** The line begun but not ended by the chunks so far (it always starts at a line start). */
  let rest: Uint8Array | undefined;
  let lines = 0;
  let bounds = new Uint32Array(4096);
  /** Where line `start..end` really starts: after the BOM on the stream's first line. */
  const from = (data: Uint8Array, start: number, end: number): number =>
    lines === 0 && end - start >= 3 && data[start] === 0xef && data[start + 1] === 0xbb && data[start + 2] === 0xbf ? start + 3 : start;
  /** Records line `start..end` (LF excluded) of `data` as number `count` of the block; returns the next count. */
  const record = (data: Uint8Array, start: number, stop: number, count: number): number => {
    const end = stop > start && data[stop - 1] === CR ? stop - 1 : stop;
    const first = from(data, start, end);
    if (end - first > maxLine) throw options.tooLong(lines);
    if (2 * count + 2 > bounds.length) {
      const grown = new Uint32Array(bounds.length * 2);
      grown.set(bounds);
      bounds = grown;
    }
    bounds[2 * count] = first;
    bounds[2 * count + 1] = end;
    lines++;
    return count + 1;
  };

  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    let start = 0;
    if (rest) {
      const nl = chunk.indexOf(LF);
      if (nl === -1) {
        rest = concat(rest, chunk);
        // However it ends (CR, BOM), a line this long is too long: stop before holding more of it.
        if (rest.length > maxLine + 4) throw options.tooLong(lines);
        continue;
      }
      const line = concat(rest, chunk.subarray(0, nl));
      rest = undefined;
      yield { bytes: line, count: record(line, 0, line.length, 0), bounds };
      start = nl + 1;
    }
    let count = 0;
    for (let nl = chunk.indexOf(LF, start); nl !== -1; nl = chunk.indexOf(LF, start)) {
      count = record(chunk, start, nl, count);
      start = nl + 1;
    }
    rest = start < chunk.length ? chunk.subarray(start) : undefined;
    // The whole lines first: the consumer may already know the file is not for it (a header), whatever follows.
    if (count > 0) yield { bytes: chunk, count, bounds };
    if (rest && rest.length > maxLine + 4) throw options.tooLong(lines);
  }
  // The unterminated last line is measured whole; a CR ending it is not part of it.
  if (rest) yield { bytes: rest, count: record(rest, 0, rest.length, 0), bounds };
}

/**
 * A line's text. `ignoreBOM`: a U+FEFF starting a line is text (the stream's own BOM is dropped by lineBlocks).
 * Each call decodes one whole line (no streaming state), so a damaged sequence stays within its line.
 */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Lines up to this many bytes that are all ASCII are made into strings directly (a TextDecoder call costs more). */
const ASCII_FAST_PATH = 256;

function ascii(bytes: Uint8Array, start: number, end: number): string | undefined {
  if (end - start > ASCII_FAST_PATH) return undefined;
  for (let p = start; p < end; p++) if ((bytes[p] ?? 0) >= 0x80) return undefined;
  // One char per byte; fromCharCode takes the bytes as its arguments (hence the length cap).
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

export function lineText(block: LineBlock, i: number): string {
  const { bytes, bounds } = block;
  const start = bounds[2 * i] ?? 0;
  const end = bounds[2 * i + 1] ?? 0;
  return ascii(bytes, start, end) ?? UTF8.decode(bytes.subarray(start, end));
}

/** A line's first field (up to the first tab), decoded: the id a prefilter looks at before the line is split. */
export function firstField(block: LineBlock, i: number): string {
  const { bytes, bounds } = block;
  const start = bounds[2 * i] ?? 0;
  const end = bounds[2 * i + 1] ?? 0;
  let tab = bytes.indexOf(TAB, start);
  if (tab === -1 || tab > end) tab = end;
  return ascii(bytes, start, tab) ?? UTF8.decode(bytes.subarray(start, tab));
}
