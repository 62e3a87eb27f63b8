/**
 * Fuzz: the IMDb TSV reader (lib/pages/imdb/tsv.ts) on arbitrary rows, header lines and files. Documented: each row
 * parser "returns null when the line is malformed" (otherwise a typed row: an id tt + 7 digits or more, a title
 * without control characters, trimmed, capped at 300 without cutting a surrogate pair); readLines yields the lines
 * without their breaks, bounds a line's length, and fails only with an ImdbImportError ('corrupt', 'not-imdb').
 * Async runs carry a per-run timeout, so a hang fails the property instead of the suite.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMDB_HEADERS, ImdbImportError, kindOfHeader, MAX_TITLE_LENGTH, parseAka, parseBasics, parseRating, readLines } from '../../lib/pages/imdb/tsv';
import { FUZZ_EXAMPLES, fuzzParams } from './cases';
import { endsInHighSurrogate, hasLoneSurrogate, hostileString, hostileText } from './arbitraries';

/** A run that takes longer than this is a hang. */
const RUN_TIMEOUT_MS = 10_000;
const ID = /^tt\d{7,}$/;

const field: fc.Arbitrary<string> = fc.oneof(
  hostileText,
  fc.constantFrom('\\N', '0', '1', '', ' ', 'movie', 'tvSeries', 'US', 'en', 'xx-YY', 'imdbDisplay', '7.5', '10.0', '10.5', '-1'),
  fc.nat({ max: 3000 }).map(String),
  fc.tuple(fc.double({ min: 0, max: 11, noNaN: true }), fc.nat(4)).map(([n, digits]) => n.toFixed(digits)),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `tt${String(n).padStart(7, '0')}`),
  fc.stringMatching(/^tt\d{0,12}[a-z]?$/),
);

/** A valid row of each file with some fields replaced: the paths right next to "valid". */
function mutated(valid: readonly string[]): fc.Arbitrary<string[]> {
  return fc
    .tuple(fc.array(fc.tuple(fc.nat(valid.length - 1), field), { maxLength: 3 }), fc.integer({ min: -1, max: 1 }))
    .map(([edits, grow]) => {
      const row = [...valid];
      for (const [i, value] of edits) row[i] = value;
      if (grow > 0) row.push('extra');
      if (grow < 0) row.pop();
      return row;
    });
}

const rows = fc.oneof(
  fc.array(field, { maxLength: 12 }),
  mutated(['tt0000001', '5.7', '2101']),
  mutated(['tt0000001', 'movie', 'Carmencita', 'Carmencita', '0', '1894', '\\N', '1', 'Documentary,Short']),
  mutated(['tt0000001', '1', 'Carmencita', 'US', 'en', 'imdbDisplay', '\\N', '0']),
);

function expectTitle(title: string, raw: string | undefined): void {
  expect(title.length).toBeGreaterThan(0);
  expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  expect(title).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(title).toBe(title.trim());
  if (raw !== undefined && !hasLoneSurrogate(raw)) expect(endsInHighSurrogate(title)).toBe(false);
}

describe('fuzz: parseRating, parseBasics, parseAka', () => {
  it('return null or a well-typed, capped row for any fields', () => {
    fc.assert(
      fc.property(rows, (fields) => {
        const rating = parseRating(fields);
        if (rating) {
          expect(rating.id).toMatch(ID);
          expect(rating.rating >= 0 && rating.rating <= 10).toBe(true);
          expect(Number.isSafeInteger(rating.votes) && rating.votes >= 0).toBe(true);
        }
        const basics = parseBasics(fields);
        if (basics) {
          expect(basics.id).toMatch(ID);
          expect(basics.type).toMatch(/^[A-Za-z]{1,32}$/);
          expectTitle(basics.title, fields[2]);
          if (basics.original !== undefined) expectTitle(basics.original, fields[3]);
          expect(typeof basics.adult).toBe('boolean');
          if (basics.year !== undefined) expect(Number.isInteger(basics.year) && basics.year >= 1800 && basics.year <= 2100).toBe(true);
          if (basics.runtime !== undefined) expect(Number.isInteger(basics.runtime) && basics.runtime >= 1 && basics.runtime <= 99_999).toBe(true);
        }
        const aka = parseAka(fields);
        if (aka) {
          expect(aka.id).toMatch(ID);
          expectTitle(aka.title, fields[2]);
          if (aka.region !== undefined) expect(aka.region).toMatch(/^[A-Za-z]{2,4}$/);
          if (aka.language !== undefined) expect(aka.language).toMatch(/^[a-z]{2,3}$/);
        }
      }),
      fuzzParams('tsv.rows'),
    );
  });
});

describe('fuzz: kindOfHeader', () => {
  it('names a kind only for a documented header (BOM and CR aside)', () => {
    const headers = Object.entries(IMDB_HEADERS).map(([kind, cols]) => [kind, cols.join('\t')] as const);
    const line = fc.oneof(
      hostileText,
      fc.tuple(fc.constantFrom(...headers), fc.boolean(), fc.boolean(), fc.option(hostileString, { freq: 2 })).map(
        ([[, header], bom, cr, junk]) => `${bom ? '\ufeff' : ''}${header}${junk ?? ''}${cr ? '\r' : ''}`,
      ),
    );
    fc.assert(
      fc.property(line, (text) => {
        const kind = kindOfHeader(text);
        if (kind === null) return;
        const bare = text.replace(/^\ufeff/, '').replace(/\r$/, '');
        expect(bare).toBe(IMDB_HEADERS[kind].join('\t'));
      }),
      fuzzParams('tsv.kindOfHeader'),
    );
  });
});

async function collect(blob: Blob, maxLineLength?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(blob, { maxLineLength })) lines.push(line);
  return lines;
}

/** The lines a plain text file holds, by the documented rules (LF or CRLF, no empty last line after a final break). */
function linesOf(text: string): string[] {
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((p) => (p.endsWith('\r') ? p.slice(0, -1) : p));
}

/**
 * Whether readLines must refuse `bytes` for a line longer than `max` UTF-8 bytes, and with which code: a line ends at
 * LF (a CR before it is not counted), the unterminated last one is counted whole, a BOM starting the file is not
 * part of the first line. 'not-imdb' when it is the first line.
 */
function lineError(bytes: Uint8Array, max: number | undefined): 'not-imdb' | 'corrupt' | null {
  if (max === undefined) return null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const parts: number[] = [];
  let start = bom;
  for (let i = bom; i <= bytes.length; i++) {
    if (i === bytes.length) parts.push(i - start);
    else if (bytes[i] === 0x0a) {
      parts.push(i - start - (i > start && bytes[i - 1] === 0x0d ? 1 : 0));
      start = i + 1;
    }
  }
  const i = parts.findIndex((n) => n > max);
  return i === -1 ? null : i === 0 ? 'not-imdb' : 'corrupt';
}

/** readLines' outcome: its lines, or the ImdbImportError it threw (anything else fails the property). */
async function outcome(blob: Blob, maxLineLength?: number): Promise<string[] | ImdbImportError> {
  try {
    return await collect(blob, maxLineLength);
  } catch (error) {
    expect(error).toBeInstanceOf(ImdbImportError);
    return error as ImdbImportError;
  }
}

describe('fuzz: readLines', () => {
  it('plain text (including hostile titles, CRLF, lone CRs): exactly its lines, or a line-length error', async () => {
    const text = fc.array(fc.oneof(hostileString, fc.constantFrom('\n', '\r\n', '\r', '\t', '\\N')), { maxLength: 60 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }), async (t, maxLine) => {
        const bytes = new TextEncoder().encode(t);
        // Not gzip: a file starting with the gzip magic is read as gzip (tested below).
        fc.pre(!(bytes[0] === 0x1f && bytes[1] === 0x8b));
        const decoded = new TextDecoder().decode(bytes);
        const expected = linesOf(decoded);
        const got = await outcome(new Blob([bytes]), maxLine);
        const error = lineError(bytes, maxLine);
        if (got instanceof ImdbImportError) expect(got.code).toBe(error);
        else {
          expect(error).toBeNull();
          expect(got).toEqual(expected);
          // The same text gzipped gives the same lines.
          expect(await collect(new Blob([gzipSync(bytes)]), maxLine)).toEqual(expected);
        }
      }),
      { ...fuzzParams('tsv.readLinesText'), timeout: RUN_TIMEOUT_MS },
    );
  });

  it('arbitrary bytes, gzip-like headers, truncated and damaged gzip: lines or an ImdbImportError, never a hang', async () => {
    const gz = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(gzipSync(new TextEncoder().encode(text)));
    const file = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.uint8Array({ maxLength: 4096 }).map((b) => Uint8Array.of(0x1f, 0x8b, ...b)),
      fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0xff, ...b)),
      fc.tuple(hostileText, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, at]) => {
        const data = gz(`${IMDB_HEADERS.akas.join('\t')}\n${t}`);
        return data.subarray(0, Math.floor(data.length * at));
      }),
      fc.tuple(hostileText, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([t, at, xor]) => {
        const data = gz(t);
        data[at % data.length] = (data[at % data.length] ?? 0) ^ xor;
        return data;
      }),
    );
    await fc.assert(
      fc.asyncProperty(file, fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }), async (bytes, maxLine) => {
        const got = await outcome(new Blob([bytes]), maxLine);
        if (got instanceof ImdbImportError) expect(['not-imdb', 'corrupt']).toContain(got.code);
        else for (const line of got) expect(line.length).toBeLessThanOrEqual(maxLine ?? 64 * 1024);
      }),
      { ...fuzzParams('tsv.readLinesBytes'), timeout: RUN_TIMEOUT_MS },
    );
  });
});

describe('fuzz: readLines on megabyte files', () => {
  /** Deterministic pseudo-random bytes (xorshift), so the example is the same on every run. */
  function randomBytes(n: number, seed: number): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(n);
    let x = seed | 0 || 1;
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = x & 0xff;
    }
    return out;
  }
  const MB = 1 << 20;
  const examples: Array<[string, () => Uint8Array<ArrayBuffer>]> = [
    ['1 MB of random bytes', () => randomBytes(MB, 7)],
    ['1 MB on one line', () => new TextEncoder().encode('x'.repeat(MB))],
    ['16 MB of zeros gzipped to a few kB (a bomb-like run)', () => new Uint8Array(gzipSync(new Uint8Array(16 * MB)))],
  ];

  it('has the declared number of dedicated examples', () => {
    expect(examples.length).toBe(FUZZ_EXAMPLES.tsv);
  });

  it.each(examples)('%s: short lines that are no IMDb header, or an ImdbImportError; quickly', async (_name, make) => {
    const started = performance.now();
    const got = await outcome(new Blob([make()]));
    if (got instanceof ImdbImportError) expect(got.code).toBe('not-imdb');
    else {
      // Random bytes hold a line break every 256 bytes or so: lines, none of them long, none a header.
      expect(got.every((line) => line.length <= 64 * 1024)).toBe(true);
      expect(kindOfHeader(got[0] ?? '')).toBeNull();
    }
    expect(performance.now() - started).toBeLessThan(RUN_TIMEOUT_MS);
  });
});
