/**
 * The browser-side IMDb TSV reader (lib/pages/imdb/tsv.ts) on the real dump samples and on hand-made files: gzip or plain,
 * CRLF, BOM, lines and UTF-8 characters split across chunks, damaged and truncated gzip, binary files, abort.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  IMDB_HEADERS,
  ImdbImportError,
  MAX_TITLE_LENGTH,
  cleanTitle,
  kindOfHeader,
  parseAka,
  parseBasics,
  parseRating,
  readLines,
  type ImdbImportErrorCode,
} from '../../../lib/pages/imdb/tsv';
import { SHARED_DATA } from '../../helpers/shared-data';

const SAMPLE = join(SHARED_DATA, 'raw/imdb_tsv_sample');
const sampleBytes = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(join(SAMPLE, name)));
const RATINGS_GZ = sampleBytes('title.ratings.tsv.gz');
const BASICS_GZ = sampleBytes('title.basics.tsv.gz');
const AKAS_GZ = sampleBytes('title.akas.tsv.gz');
const bytes = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);
const utf8 = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);

/** A Blob whose stream() yields exactly the given chunks (Blob.stream() picks its own chunk sizes). */
class ChunkedBlob extends Blob {
  readonly chunks: Uint8Array<ArrayBuffer>[];
  cancelled = false;
  /** Stop after this many chunks and never deliver the next one (a stalled read). */
  stallAfter: number | undefined;

  constructor(chunks: Uint8Array<ArrayBuffer>[]) {
    super(chunks);
    this.chunks = chunks;
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    let i = 0;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull: (controller) => {
        if (this.stallAfter !== undefined && i >= this.stallAfter) return new Promise<void>(() => undefined);
        const chunk = this.chunks[i++];
        if (chunk) controller.enqueue(chunk.slice());
        else controller.close();
        return undefined;
      },
      cancel: () => {
        this.cancelled = true;
      },
    });
  }
}

/** `data` cut at the given byte offsets. */
function cut(data: Uint8Array<ArrayBuffer>, at: readonly number[]): Uint8Array<ArrayBuffer>[] {
  const out: Uint8Array<ArrayBuffer>[] = [];
  let start = 0;
  for (const end of [...at, data.length]) {
    out.push(data.slice(start, end));
    start = end;
  }
  return out;
}

async function collect(blob: Blob, options: Parameters<typeof readLines>[1] = {}): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(blob, options)) lines.push(line);
  return lines;
}

async function errorOf(promise: Promise<unknown>): Promise<ImdbImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImdbImportError) return error;
    throw new Error(`expected an ImdbImportError, got ${String(error)}`);
  }
  throw new Error('expected an ImdbImportError, got success');
}

const expectCode = async (promise: Promise<unknown>, code: ImdbImportErrorCode): Promise<ImdbImportError> => {
  const error = await errorOf(promise);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
};

describe('kindOfHeader', () => {
  it('knows the three documented headers exactly', () => {
    expect(kindOfHeader('tconst\taverageRating\tnumVotes')).toBe('ratings');
    expect(kindOfHeader('tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres')).toBe('basics');
    expect(kindOfHeader('titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle')).toBe('akas');
    for (const [kind, columns] of Object.entries(IMDB_HEADERS)) expect(kindOfHeader(columns.join('\t'))).toBe(kind);
  });

  it('tolerates a BOM and a CR', () => {
    expect(kindOfHeader('\uFEFFtconst\taverageRating\tnumVotes\r')).toBe('ratings');
    expect(kindOfHeader('\uFEFFtitleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle')).toBe('akas');
  });

  it('rejects anything else', () => {
    for (const line of [
      '',
      'tconst,averageRating,numVotes', // the CSV some sites re-publish
      'tconst\tnumVotes\taverageRating', // reordered
      'tconst\taverageRating\tnumVotes\textra',
      'tconst\taverageRating',
      'TCONST\tAVERAGERATING\tNUMVOTES',
      'nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles', // name.basics
      'tconst\tdirectors\twriters', // title.crew
      '\x89PNG\r',
    ]) {
      expect(kindOfHeader(line), line).toBeNull();
    }
  });
});

describe('readLines on the real samples', () => {
  it('gunzips title.ratings, header first, every line whole, bytes counted up to the file size', async () => {
    const seen: number[] = [];
    const lines = await collect(new Blob([RATINGS_GZ]), { onBytes: (n) => seen.push(n) });
    expect(lines).toHaveLength(7822);
    expect(lines[0]).toBe('tconst\taverageRating\tnumVotes');
    expect(lines[1]).toBe('tt0100275\t6.7\t75');
    expect(lines).toContain('tt2527336\t7.3\t395398');
    expect(lines).toContain('tt7260048\t6.6\t1000');
    expect(lines.every((l) => l.split('\t').length === 3 && !l.includes('\r'))).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(RATINGS_GZ.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('reads title.basics with its \\N values and title.akas with non-Latin titles', async () => {
    const basics = await collect(new Blob([BASICS_GZ]));
    expect(basics).toHaveLength(18200);
    expect(kindOfHeader(basics[0] ?? '')).toBe('basics');
    expect(basics).toContain('tt0112502\tmovie\tBigfoot\tBigfoot\t0\t2017\t\\N\t\\N\tHorror,Thriller');
    const akas = await collect(new Blob([AKAS_GZ]));
    expect(akas).toHaveLength(32853);
    expect(kindOfHeader(akas[0] ?? '')).toBe('akas');
    expect(akas).toContain('tt0451279\t3\tЖената чудо\tBG\tbg\t\\N\t\\N\t0');
    expect(akas).toContain('tt0368133\t4\tLa voie parfumée\tFR\t\\N\tworking\t\\N\t0');
  });

  it('reads the unpacked (plain) file line for line like the .gz', async () => {
    const plain = bytes(gunzipSync(AKAS_GZ));
    expect(plain[0]).not.toBe(0x1f);
    const seen: number[] = [];
    expect(await collect(new Blob([plain]), { onBytes: (n) => seen.push(n) })).toEqual(await collect(new Blob([AKAS_GZ])));
    expect(seen.at(-1)).toBe(plain.length);
  });

  it('the gzip split into 1000-byte chunks gives the same lines', async () => {
    const at = Array.from({ length: Math.floor((RATINGS_GZ.length - 1) / 1000) }, (_, i) => (i + 1) * 1000);
    const blob = new ChunkedBlob(cut(RATINGS_GZ, at));
    expect(await collect(blob)).toEqual(await collect(new Blob([RATINGS_GZ])));
  });
});

describe('readLines: line breaks, BOM, chunk boundaries', () => {
  const TEXT = 'titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n'
    + 'tt0451279\t5\tČudežna ženska\tSI\t\\N\timdbDisplay\t\\N\t0\n'
    + 'tt0000001\t1\tThe "Quoted" 🎬 Film\tJP\tja\t\\N\t\\N\t0\n'
    + 'tt0000002\t1\t映画\tJP\tja\t\\N\t\\N\t0';
  const LINES = TEXT.split('\n');

  it('CRLF line ends are stripped, a last line without a newline is kept, no empty line at the end', async () => {
    expect(await collect(new Blob([TEXT.replaceAll('\n', '\r\n')]))).toEqual(LINES);
    expect(await collect(new Blob([`${TEXT}\n`]))).toEqual(LINES);
    expect(await collect(new Blob([`${TEXT}\r\n`]))).toEqual(LINES);
    expect(await collect(new Blob(['a\n\nb\n']))).toEqual(['a', '', 'b']);
  });

  it('drops a BOM starting the file (as a TextDecoder does), gzipped or not, even split across chunks', async () => {
    const withBom = `\uFEFF${TEXT}`;
    const data = utf8(withBom);
    for (const blob of [new Blob([withBom]), new Blob([bytes(gzipSync(data))]), new ChunkedBlob(cut(data, [1, 2]))]) {
      const lines = await collect(blob);
      expect(lines).toEqual(LINES);
      expect(kindOfHeader(lines[0] ?? '')).toBe('akas');
    }
    // Only the file's own BOM: U+FEFF starting a later line is text.
    expect(await collect(new Blob(['a\n\uFEFFb\n']))).toEqual(['a', '\uFEFFb']);
  });

  it('a chunk boundary at every byte (inside a line, inside a CRLF, inside 2-, 3- and 4-byte characters) changes nothing', async () => {
    const data = utf8(TEXT.replaceAll('\n', '\r\n'));
    for (let i = 1; i < data.length; i++) {
      expect(await collect(new ChunkedBlob(cut(data, [i]))), `cut at ${i}`).toEqual(LINES);
    }
  });

  it('one byte per chunk, plain and gzipped', async () => {
    const data = utf8(TEXT);
    const oneByOne = (d: Uint8Array<ArrayBuffer>): ChunkedBlob => new ChunkedBlob(cut(d, Array.from({ length: d.length - 1 }, (_, i) => i + 1)));
    const seen: number[] = [];
    expect(await collect(oneByOne(data), { onBytes: (n) => seen.push(n) })).toEqual(LINES);
    expect(seen).toEqual(Array.from({ length: data.length }, (_, i) => i + 1));
    expect(await collect(oneByOne(bytes(gzipSync(data))))).toEqual(LINES);
  });

  it('an empty file has no lines', async () => {
    expect(await collect(new Blob([]))).toEqual([]);
    expect(await collect(new Blob([bytes(gzipSync(new Uint8Array(0)))]))).toEqual([]);
  });
});

describe('readLines: damaged and wrong files', () => {
  it('a gzip with bytes flipped in the middle is corrupt', async () => {
    const damaged = RATINGS_GZ.slice();
    const mid = damaged.length >> 1;
    for (let i = 0; i < 64; i++) damaged[mid + i] = (damaged[mid + i] ?? 0) ^ 0xff;
    const error = await expectCode(collect(new Blob([damaged])), 'corrupt');
    expect(error.message).toMatch(/damaged|complete/);
    expect(error.cause).toBeDefined();
  });

  it('a truncated gzip (an interrupted download) is corrupt, wherever it stops', async () => {
    for (const size of [10, 100, RATINGS_GZ.length >> 1, RATINGS_GZ.length - 8, RATINGS_GZ.length - 1]) {
      await expectCode(collect(new Blob([RATINGS_GZ.slice(0, size)])), 'corrupt');
    }
  });

  it('a gzip with a wrong checksum is corrupt', async () => {
    const damaged = RATINGS_GZ.slice();
    const at = damaged.length - 6; // inside the CRC32 of the trailer
    damaged[at] = (damaged[at] ?? 0) ^ 1;
    await expectCode(collect(new Blob([damaged])), 'corrupt');
  });

  it('a file without line breaks stops at maxLineLength: not-imdb before the first line, corrupt after', async () => {
    const png = new Uint8Array(5000).fill(0x41);
    png.set([0x89, 0x50, 0x4e, 0x47]);
    await expectCode(collect(new Blob([png]), { maxLineLength: 1000 }), 'not-imdb');
    await expectCode(collect(new Blob(['header\n', 'x'.repeat(5000), '\n']), { maxLineLength: 1000 }), 'corrupt');
    await expectCode(collect(new Blob(['header\n', 'x'.repeat(5000)]), { maxLineLength: 1000 }), 'corrupt');
  });

  it('binary without a newline in reach is read as one (short) line: the header check rejects it', async () => {
    const png = bytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const lines = await collect(new Blob([png]));
    expect(kindOfHeader(lines[0] ?? '')).toBeNull();
  });
});

describe('readLines: abort', () => {
  it('an already aborted signal throws aborted before reading', async () => {
    const blob = new ChunkedBlob([utf8('a\nb\n')]);
    await expectCode(collect(blob, { signal: AbortSignal.abort() }), 'aborted');
  });

  it('abort between lines: the next step throws aborted and the file is released', async () => {
    const controller = new AbortController();
    const blob = new ChunkedBlob(cut(utf8('a\nb\nc\nd\n'), [2, 4, 6]));
    const lines: string[] = [];
    const run = (async () => {
      for await (const line of readLines(blob, { signal: controller.signal })) {
        lines.push(line);
        controller.abort();
      }
    })();
    await expectCode(run, 'aborted');
    expect(lines).toEqual(['a']);
    expect(blob.cancelled).toBe(true);
  });

  it('abort while waiting for a chunk that never comes ends the read at once', async () => {
    const controller = new AbortController();
    const blob = new ChunkedBlob([utf8('header\nrow 1\n'), utf8('row 2\n')]);
    blob.stallAfter = 1;
    const lines: string[] = [];
    const run = (async () => {
      for await (const line of readLines(blob, { signal: controller.signal })) lines.push(line);
    })();
    while (lines.length < 2) await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    await expectCode(run, 'aborted');
    expect(lines).toEqual(['header', 'row 1']);
    expect(blob.cancelled).toBe(true);
  });

  it('gzipped, abort mid-file stops decompressing', async () => {
    const controller = new AbortController();
    let n = 0;
    const run = (async () => {
      for await (const _line of readLines(new Blob([AKAS_GZ]), { signal: controller.signal })) if (++n === 100) controller.abort();
    })();
    await expectCode(run, 'aborted');
    expect(n).toBe(100);
  });

  it('breaking out of the loop early cancels the stream', async () => {
    // The source stalls after its first chunk, so it is still open (not yet closed) when the loop breaks.
    const blob = new ChunkedBlob(cut(utf8('a\nb\nc\n'), [2, 4]));
    blob.stallAfter = 1;
    for await (const line of readLines(blob)) if (line === 'a') break;
    expect(blob.cancelled).toBe(true);
  });
});

describe('row parsers', () => {
  it('parseRating: real rows and malformed ones', () => {
    expect(parseRating('tt2527336\t7.3\t395398'.split('\t'))).toEqual({ id: 'tt2527336', rating: 7.3, votes: 395398 });
    expect(parseRating(['tt10000000', '10.0', '5'])).toEqual({ id: 'tt10000000', rating: 10, votes: 5 });
    expect(parseRating(['tt0000001', '1', '0'])).toEqual({ id: 'tt0000001', rating: 1, votes: 0 });
    for (const fields of [
      ['tt2527336', '7.3'],
      ['tt2527336', '7.3', '395398', 'x'],
      ['tt123456', '7.3', '1'], // id too short
      ['nm0000001', '7.3', '1'],
      ['tt2527336', '10.5', '1'],
      ['tt2527336', '-1', '1'],
      ['tt2527336', '7,3', '1'],
      ['tt2527336', '\\N', '1'],
      ['tt2527336', '7.3', '\\N'],
      ['tt2527336', '7.3', '-5'],
      ['tt2527336', '7.3', '1e3'],
      ['tt2527336', '7.3', '3.5'],
      ['tt2527336', '7.3', ''],
    ]) {
      expect(parseRating(fields), fields.join('|')).toBeNull();
    }
  });

  it('parseBasics: real rows with \\N, an original title, an adult title', () => {
    expect(parseBasics('tt0100275\tmovie\tThe Wandering Soap Opera\tLa Telenovela Errante\t0\t2017\t\\N\t80\tComedy,Drama,Fantasy'.split('\t'))).toEqual({
      id: 'tt0100275',
      type: 'movie',
      title: 'The Wandering Soap Opera',
      original: 'La Telenovela Errante',
      adult: false,
      year: 2017,
      runtime: 80,
    });
    // Same original title and no runtime: neither field is set.
    expect(parseBasics('tt0112502\tmovie\tBigfoot\tBigfoot\t0\t2017\t\\N\t\\N\tHorror,Thriller'.split('\t'))).toEqual({
      id: 'tt0112502',
      type: 'movie',
      title: 'Bigfoot',
      adult: false,
      year: 2017,
    });
    expect(parseBasics("tt6534788\tmovie\tDiary of a Student\tLe Journal D'une Etudiante\t1\t2017\t\\N\t90\tAdult,Drama".split('\t'))).toMatchObject({
      adult: true,
      original: "Le Journal D'une Etudiante",
    });
  });

  it('parseBasics: quotes are kept, odd types pass, runtime 0 is dropped, bad numbers reject the row', () => {
    const row = (over: Partial<Record<number, string>>): string[] => {
      const f = ['tt0000001', 'tvSeries', 'The "Best" Show', '\\N', '0', '\\N', '\\N', '0', '\\N'];
      for (const [i, v] of Object.entries(over)) f[Number(i)] = v ?? '';
      return f;
    };
    expect(parseBasics(row({}))).toEqual({ id: 'tt0000001', type: 'tvSeries', title: 'The "Best" Show', adult: false });
    expect(parseBasics(row({ 1: 'videoGame' }))?.type).toBe('videoGame');
    expect(parseBasics(row({ 2: '"' }))?.title).toBe('"');
    for (const bad of [
      row({ 0: 'tt1' }),
      row({ 1: '\\N' }),
      row({ 1: '' }),
      row({ 2: '\\N' }),
      row({ 2: '   ' }),
      row({ 4: '\\N' }),
      row({ 4: '2' }),
      row({ 5: '17' }),
      row({ 5: '2O17' }),
      row({ 5: '3000' }),
      row({ 7: '-1' }),
      row({ 7: '1.5' }),
      row({ 7: '1000000' }),
      row({}).slice(0, 8),
      [...row({}), 'extra'],
    ]) {
      expect(parseBasics(bad), bad.join('|')).toBeNull();
    }
  });

  it('parseAka: real rows; \\N and odd codes are left out', () => {
    expect(parseAka('tt0451279\t3\tЖената чудо\tBG\tbg\t\\N\t\\N\t0'.split('\t'))).toEqual({ id: 'tt0451279', title: 'Жената чудо', region: 'BG', language: 'bg' });
    expect(parseAka('tt0451279\t26\tWonder Woman\t\\N\t\\N\toriginal\t\\N\t1'.split('\t'))).toEqual({ id: 'tt0451279', title: 'Wonder Woman' });
    expect(parseAka('tt0100275\t2\tThe Wandering Soap Opera\tXWW\ten\timdbDisplay\t\\N\t0'.split('\t'))).toEqual({
      id: 'tt0100275',
      title: 'The Wandering Soap Opera',
      region: 'XWW',
      language: 'en',
    });
    expect(parseAka(['tt0000001', '1', 'T', 'U.S.', 'en-US', '\\N', '\\N', '0'])).toEqual({ id: 'tt0000001', title: 'T' });
    for (const bad of [
      ['tt0000001', '1', '\\N', 'US', 'en', '\\N', '\\N', '0'],
      ['tt0000001', 'x', 'T', 'US', 'en', '\\N', '\\N', '0'],
      ['tt0000001', '1', 'T', 'US', 'en', '\\N', '\\N'],
      ['tconst', '1', 'T', 'US', 'en', '\\N', '\\N', '0'],
    ]) {
      expect(parseAka(bad), bad.join('|')).toBeNull();
    }
  });

  it('cleanTitle strips control characters, trims, caps without cutting a surrogate pair', () => {
    expect(cleanTitle('  A\u0000B\u0007C\u009f ')).toBe('ABC');
    expect(cleanTitle('\\N')).toBeUndefined();
    expect(cleanTitle('\u0001')).toBeUndefined();
    expect(cleanTitle('x'.repeat(1000))).toHaveLength(MAX_TITLE_LENGTH);
    const emoji = `${'x'.repeat(MAX_TITLE_LENGTH - 1)}🎬🎬`;
    const capped = cleanTitle(emoji) ?? '';
    expect(capped).toBe('x'.repeat(MAX_TITLE_LENGTH - 1));
    expect(capped.isWellFormed()).toBe(true);
  });

  it('every data row of the three samples parses', async () => {
    const parse = { ratings: parseRating, basics: parseBasics, akas: parseAka } as const;
    for (const [gz, count] of [[RATINGS_GZ, 7821], [BASICS_GZ, 18199], [AKAS_GZ, 32852]] as const) {
      let kind: keyof typeof parse | null = null;
      let parsed = 0;
      for await (const line of readLines(new Blob([gz]))) {
        if (kind === null) {
          kind = kindOfHeader(line);
          continue;
        }
        expect(parse[kind](line.split('\t')), line).not.toBeNull();
        parsed++;
      }
      expect(parsed).toBe(count);
    }
  });
});
