/**
 * The import worker's logic (lib/pages/imdb/import.ts): the keep policy on the real dump samples and on hand-made rows,
 * wrong and damaged files, cancel, backpressure (one batch in flight), progress, and a generated 200k-row file
 * streamed in bounded batches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AKAS_PER_FILM,
  IMPORT_ORDER,
  importFile,
  orderFiles,
  type ImportBatch,
  type ImportPlan,
  type ImportProgress,
  type ImportSummary,
} from '../../../lib/pages/imdb/import';
import { ImdbImportError, IMDB_HEADERS, type AkaRow, type BasicsRow, type ImdbFileKind, type RatingRow } from '../../../lib/pages/imdb/tsv';
import { SHARED_DATA } from '../../helpers/shared-data';

const SAMPLE = join(SHARED_DATA, 'raw/imdb_tsv_sample');
const sample = (kind: ImdbFileKind): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(join(SAMPLE, `title.${kind}.tsv.gz`)));
const RATINGS_GZ = sample('ratings');
const BASICS_GZ = sample('basics');
const AKAS_GZ = sample('akas');
const gz = (text: string): Blob => new Blob([new Uint8Array(gzipSync(text))]);
/** Data rows (split on tabs) of a gzipped sample, the independent way: node:zlib and String.split. */
const rowsOf = (data: Uint8Array): string[][] =>
  gunzipSync(data)
    .toString('utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));

const tsv = (kind: ImdbFileKind, rows: readonly (readonly string[])[]): string =>
  [IMDB_HEADERS[kind], ...rows].map((r) => r.join('\t')).join('\n') + '\n';
const basicsLine = (id: string, type: string, title: string, adult = '0'): string[] => [id, type, title, title, adult, '2017', '\\N', '100', 'Drama'];
const akaLine = (id: string, ordering: number, title: string, region = 'US'): string[] => [id, String(ordering), title, region, '\\N', '\\N', '\\N', '0'];

interface Run {
  summary: ImportSummary;
  batches: ImportBatch[];
  progress: ImportProgress[];
}

async function run(file: Blob, plan: ImportPlan, signal?: AbortSignal): Promise<Run> {
  const batches: ImportBatch[] = [];
  const progress: ImportProgress[] = [];
  const summary = await importFile(file, plan, async (batch) => void batches.push(batch), { signal, onProgress: (p) => progress.push(p) });
  return { summary, batches, progress };
}

type RowsOf<K extends ImportBatch['kind']> = Extract<ImportBatch, { kind: K }>['rows'];

/** All rows sent, checking every batch is of `kind`. */
function rowsIn<K extends ImportBatch['kind']>(batches: readonly ImportBatch[], kind: K): RowsOf<K> {
  const out: (RatingRow | BasicsRow | AkaRow)[] = [];
  for (const b of batches) {
    expect(b.kind).toBe(kind);
    out.push(...b.rows);
  }
  return out as unknown as RowsOf<K>;
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

const NONE: ImportPlan = { knownIds: new Set() };

describe('import order', () => {
  it('ratings, then basics, then akas', () => {
    expect(IMPORT_ORDER).toEqual(['ratings', 'basics', 'akas']);
    expect(orderFiles(['akas', 'ratings', 'basics'] as const)).toEqual(['ratings', 'basics', 'akas']);
    const files = [
      { kind: 'akas', name: 'a' },
      { kind: 'basics', name: 'b1' },
      { kind: 'ratings', name: 'r' },
      { kind: 'basics', name: 'b2' },
    ] as const;
    expect(orderFiles(files).map((f) => f.name)).toEqual(['r', 'b1', 'b2', 'a']);
  });
});

describe('importFile on the real samples', () => {
  it('ratings: films with at least minVotes votes, plus known ones; keptIds lists only the former', async () => {
    const expected = rowsOf(RATINGS_GZ).filter((r) => Number(r[2]) >= 1000);
    expect(expected).toHaveLength(822);
    // tt0100275 has 75 votes: kept only because it is known; tt7260048 has exactly 1000.
    const { summary, batches, progress } = await run(new Blob([RATINGS_GZ]), { knownIds: new Set(['tt0100275']), batchSize: 100 });
    expect(summary).toMatchObject({ kind: 'ratings', rowsRead: 7821, rowsKept: 823, rowsSkipped: 0 });
    expect(summary.keptIds).toEqual(expected.map((r) => r[0]));
    const rows = rowsIn(batches, 'ratings');
    expect(rows).toHaveLength(823);
    expect(rows).toContainEqual({ id: 'tt2527336', rating: 7.3, votes: 395398 });
    expect(rows).toContainEqual({ id: 'tt7260048', rating: 6.6, votes: 1000 });
    expect(rows).toContainEqual({ id: 'tt0100275', rating: 6.7, votes: 75 });
    expect(summary.keptIds).not.toContain('tt0100275');
    expect(batches.map((b) => b.rows.length)).toEqual([...Array(8).fill(100), 23]);
    expect(progress.at(-1)).toEqual({ kind: 'ratings', bytesRead: RATINGS_GZ.length, bytesTotal: RATINGS_GZ.length, rowsRead: 7821, rowsKept: 823 });
  });

  it('the full chain ratings → basics → akas keeps what an independent count of the samples says', async () => {
    const ratings = await run(new Blob([RATINGS_GZ]), { knownIds: new Set(), minVotes: 10 });
    const ratedIds = new Set(ratings.summary.keptIds);
    // tt7397146 is an adult film with 18 votes: rated enough, but not added on votes alone.
    expect(ratedIds.has('tt7397146')).toBe(true);

    const known = new Set(['tt6534788']); // an adult film the bundle knows: kept whatever it is
    const basics = await run(new Blob([BASICS_GZ]), { knownIds: known, ratedIds });
    const expectedBasics = rowsOf(BASICS_GZ).filter((r) => known.has(r[0] ?? '') || (ratedIds.has(r[0] ?? '') && r[4] === '0'));
    expect(basics.summary.keptIds).toEqual(expectedBasics.map((r) => r[0]));
    expect(basics.summary).toMatchObject({ kind: 'basics', rowsRead: 18199, rowsKept: expectedBasics.length, rowsSkipped: 0 });
    const basicsRows = rowsIn(basics.batches, 'basics');
    expect(basicsRows.find((r) => r.id === 'tt7397146')).toBeUndefined();
    expect(basicsRows.find((r) => r.id === 'tt6534788')).toMatchObject({ adult: true, title: 'Diary of a Student' });
    expect(basicsRows.find((r) => r.id === 'tt2527336')).toEqual({
      id: 'tt2527336',
      type: 'movie',
      title: 'Star Wars: The Last Jedi',
      original: 'Star Wars: Episode VIII - The Last Jedi',
      adult: false,
      year: 2017,
      runtime: 152,
    });

    const keptFilms = new Set(basics.summary.keptIds);
    const titles = new Map(basicsRows.map((r) => [r.id, r.title]));
    const akas = await run(new Blob([AKAS_GZ]), { knownIds: keptFilms, basicsTitles: titles });
    const akaRows = rowsIn(akas.batches, 'akas');
    expect(akas.summary.keptIds).toEqual([]);
    expect(akas.summary.rowsRead).toBe(32852);
    expect(akas.summary.rowsKept).toBe(akaRows.length);
    // Independent count: per kept film, distinct titles (case-insensitive) other than its primary title, capped.
    const perFilm = new Map<string, Set<string>>();
    for (const r of rowsOf(AKAS_GZ)) {
      const [id = '', , title = ''] = r;
      if (!keptFilms.has(id) || title.toLowerCase() === titles.get(id)?.toLowerCase()) continue;
      const set = perFilm.get(id) ?? new Set<string>();
      if (set.size < DEFAULT_AKAS_PER_FILM) set.add(title.toLowerCase());
      perFilm.set(id, set);
    }
    expect(akaRows.length).toBe([...perFilm.values()].reduce((n, s) => n + s.size, 0));
    expect(akaRows.every((r) => keptFilms.has(r.id))).toBe(true);

    // Wonder Woman: "Wonder Woman" (its title) is never stored; "Mujer Maravilla" (MX, CL, AR) and "Mujer maravilla" (UY) once.
    const ww = akaRows.filter((r) => r.id === 'tt0451279');
    expect(ww.some((r) => r.title.toLowerCase() === 'wonder woman')).toBe(false);
    expect(ww.filter((r) => r.title.toLowerCase() === 'mujer maravilla')).toHaveLength(1);
    expect(ww).toContainEqual({ id: 'tt0451279', title: 'Жената чудо', region: 'BG', language: 'bg' });
    // The Last Jedi has 41 distinct titles in 50 rows: capped at 30.
    expect(akaRows.filter((r) => r.id === 'tt2527336')).toHaveLength(30);
  });

  it('an unpacked (plain text) file gives the same batches as the .gz', async () => {
    const plan: ImportPlan = { knownIds: new Set(['tt0100275', 'tt0451279']), batchSize: 7 };
    const fromGz = await run(new Blob([AKAS_GZ]), plan);
    const fromPlain = await run(new Blob([new Uint8Array(gunzipSync(AKAS_GZ))]), plan);
    expect(fromPlain.batches).toEqual(fromGz.batches);
    expect(fromPlain.summary).toEqual(fromGz.summary);
  });
});

describe('keep policy', () => {
  it('ratings: minVotes is inclusive and configurable; malformed rows are skipped and counted', async () => {
    const file = gz(
      tsv('ratings', [
        ['tt0000001', '5.0', '999'],
        ['tt0000002', '5.0', '1000'],
        ['tt0000003', '5.0', '5'],
        ['tt0000004', 'x', '5000'],
        ['tt0000005', '5.0'],
        ['bad', '5.0', '5000'],
      ]),
    );
    const a = await run(file, { knownIds: new Set(['tt0000003']) });
    expect(rowsIn(a.batches, 'ratings').map((r) => r.id)).toEqual(['tt0000002', 'tt0000003']);
    expect(a.summary).toEqual({ kind: 'ratings', rowsRead: 6, rowsKept: 2, rowsSkipped: 3, keptIds: ['tt0000002'] });
    const b = await run(file, { knownIds: new Set(), minVotes: 5 });
    expect(b.summary.keptIds).toEqual(['tt0000001', 'tt0000002', 'tt0000003']);
  });

  it('basics: known titles of any type; others only rated, not adult movies or TV movies', async () => {
    const file = gz(
      tsv('basics', [
        basicsLine('tt0000001', 'movie', 'Rated Movie'),
        basicsLine('tt0000002', 'tvMovie', 'Rated TV Movie'),
        basicsLine('tt0000003', 'tvSeries', 'Rated Series'),
        basicsLine('tt0000004', 'short', 'Rated Short'),
        basicsLine('tt0000005', 'movie', 'Rated Adult', '1'),
        basicsLine('tt0000006', 'movie', 'Unrated Movie'),
        basicsLine('tt0000007', 'tvEpisode', 'Known Episode'),
        basicsLine('tt0000008', 'movie', 'Known Adult', '1'),
        basicsLine('tt0000009', 'movie', 'The "Quoted" Film'),
        ['tt0000010', 'movie', 'Broken Known Row'],
        ['tt0000011', 'movie', 'Broken Unknown Row'],
      ]),
    );
    const plan: ImportPlan = {
      knownIds: new Set(['tt0000007', 'tt0000008', 'tt0000010']),
      ratedIds: new Set(['tt0000001', 'tt0000002', 'tt0000003', 'tt0000004', 'tt0000005', 'tt0000009']),
    };
    const { summary, batches } = await run(file, plan);
    expect(summary.keptIds).toEqual(['tt0000001', 'tt0000002', 'tt0000007', 'tt0000008', 'tt0000009']);
    // Only lines the policy looked at are parsed: the broken unknown row is not counted as skipped.
    expect(summary).toMatchObject({ rowsRead: 11, rowsKept: 5, rowsSkipped: 1 });
    expect(rowsIn(batches, 'basics').find((r) => r.id === 'tt0000009')?.title).toBe('The "Quoted" Film');
    // Without ratedIds only known titles are kept.
    expect((await run(file, { knownIds: plan.knownIds })).summary.keptIds).toEqual(['tt0000007', 'tt0000008']);
  });

  it('akas: known films only, not the film title, once per title (case-insensitively), at most akasPerFilm', async () => {
    const file = gz(
      tsv('akas', [
        akaLine('tt0000001', 1, 'Film One'),
        akaLine('tt0000001', 2, 'FILM ONE', 'GB'),
        akaLine('tt0000001', 3, 'Film Eins', 'DE'),
        akaLine('tt0000001', 4, 'film eins', 'AT'),
        akaLine('tt0000001', 5, 'Film Un', 'FR'),
        akaLine('tt0000001', 6, 'Film Uno', 'IT'),
        akaLine('tt0000002', 1, 'Unknown Film'),
        akaLine('tt0000003', 1, 'Film Eins'), // same title, another film: its own state
        ['tt0000003', 'x', 'Broken'],
        akaLine('tt0000004', 1, 'No Basics Title'),
        akaLine('tt0000004', 2, 'no basics title', 'GB'),
      ]),
    );
    const plan: ImportPlan = {
      knownIds: new Set(['tt0000001', 'tt0000003', 'tt0000004']),
      basicsTitles: new Map([['tt0000001', 'Film One']]),
      akasPerFilm: 2,
    };
    const { summary, batches } = await run(file, plan);
    expect(rowsIn(batches, 'akas')).toEqual([
      { id: 'tt0000001', title: 'Film Eins', region: 'DE' },
      { id: 'tt0000001', title: 'Film Un', region: 'FR' },
      { id: 'tt0000003', title: 'Film Eins', region: 'US' },
      { id: 'tt0000004', title: 'No Basics Title', region: 'US' },
    ]);
    expect(summary).toEqual({ kind: 'akas', rowsRead: 11, rowsKept: 4, rowsSkipped: 1, keptIds: [] });
  });

  it('akas: the cap holds even when a film’s rows are not contiguous', async () => {
    const rows = [1, 2, 3].flatMap((n) => [akaLine('tt0000001', n, `Title ${n}`), akaLine('tt0000002', n, `Other ${n}`)]);
    const { batches } = await run(gz(tsv('akas', rows)), { knownIds: new Set(['tt0000001']), akasPerFilm: 2 });
    expect(rowsIn(batches, 'akas').map((r) => r.title)).toEqual(['Title 1', 'Title 2']);
  });
});

describe('wrong, empty and damaged files', () => {
  const expectCode = async (file: Blob, code: ImdbImportError['code']): Promise<ImdbImportError> => {
    const batches: ImportBatch[] = [];
    const error = await errorOf(importFile(file, NONE, async (b) => void batches.push(b), {}));
    expect(error.code).toBe(code);
    expect(batches).toEqual([]);
    return error;
  };

  it('a CSV, a PNG, another IMDb dump, a gzipped CSV: not-imdb, with a message naming the files expected', async () => {
    const error = await expectCode(new Blob(['tconst,averageRating,numVotes\ntt0000001,5.0,10\n']), 'not-imdb');
    expect(error.message).toBe('This is not an IMDb title.ratings, title.basics or title.akas file.');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Uint8Array(200_000).fill(7)]);
    await expectCode(new Blob([png]), 'not-imdb');
    await expectCode(new Blob([new Uint8Array(200_000).fill(0x41)]), 'not-imdb'); // no line break at all
    await expectCode(gz('nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n'), 'not-imdb');
    await expectCode(gz('tconst,averageRating,numVotes\n'), 'not-imdb');
  });

  it('an empty file, plain or gzipped: empty', async () => {
    const error = await expectCode(new Blob([]), 'empty');
    expect(error.message).toMatch(/empty/);
    await expectCode(gz(''), 'empty');
  });

  it('a damaged or truncated gzip: corrupt', async () => {
    const damaged = BASICS_GZ.slice();
    const mid = damaged.length >> 1;
    for (let i = 0; i < 64; i++) damaged[mid + i] = (damaged[mid + i] ?? 0) ^ 0x55;
    const sent: ImportBatch[] = [];
    const error = await errorOf(importFile(new Blob([damaged]), { knownIds: new Set(), ratedIds: new Set(rowsOf(BASICS_GZ).map((r) => r[0] ?? '')) }, async (b) => void sent.push(b), {}));
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe('The file is damaged or not a complete .gz download. Download it again from datasets.imdbws.com.');
    // Damaged deflate data may inflate to garbage for a while before zlib notices (the CRC at the latest): batches
    // sent before the error are possible, which is why the store only commits an import that finished.
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(18199 / 5000));
    await expectCode(new Blob([RATINGS_GZ.slice(0, RATINGS_GZ.length - 3)]), 'corrupt');
    await expectCode(new Blob([RATINGS_GZ.slice(0, 12)]), 'corrupt');
  });
});

describe('cancel and backpressure', () => {
  it('abort after the first batch: aborted, and no further batch is sent', async () => {
    const controller = new AbortController();
    const sent: ImportBatch[] = [];
    const error = await errorOf(
      importFile(
        new Blob([RATINGS_GZ]),
        { knownIds: new Set(), minVotes: 0, batchSize: 500 },
        async (batch) => {
          sent.push(batch);
          controller.abort();
        },
        { signal: controller.signal },
      ),
    );
    expect(error.code).toBe('aborted');
    expect(sent).toHaveLength(1);
  });

  it('abort while the sink is still writing (it rejects): aborted, nothing further', async () => {
    const controller = new AbortController();
    let calls = 0;
    const sink = (): Promise<void> =>
      new Promise<void>((_resolve, reject) => {
        calls++;
        controller.signal.addEventListener('abort', () => reject(new Error('write interrupted')), { once: true });
      });
    const done = importFile(new Blob([RATINGS_GZ]), { knownIds: new Set(), minVotes: 0, batchSize: 100 }, sink, { signal: controller.signal });
    while (calls === 0) await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    const error = await errorOf(done);
    expect(error.code).toBe('aborted');
    expect(calls).toBe(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const sent: ImportBatch[] = [];
    const error = await errorOf(importFile(new Blob([RATINGS_GZ]), NONE, async (b) => void sent.push(b), { signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
    expect(sent).toEqual([]);
  });

  it('a sink failure ends the import with that error', async () => {
    const failure = new Error('disk full');
    await expect(importFile(new Blob([RATINGS_GZ]), { knownIds: new Set(), minVotes: 0 }, () => Promise.reject(failure), {})).rejects.toBe(failure);
  });

  // Plain text: every stage is a spec stream in Node as in browsers. (Node 20's DecompressionStream accepts all of
  // its compressed input at once and inflates lazily, unlike the spec's TransformStream in Chromium and Firefox, so
  // the same check on a .gz would measure Node, not this code.)
  it('a slow sink holds the file read back: only a few chunks are read ahead while a batch waits', async () => {
    const lines = [IMDB_HEADERS.ratings.join('\t')];
    for (let i = 0; i < 20_000; i++) lines.push(`tt${String(1_000_000 + i)}\t${(i % 100) / 10}\t${(i * 7919) % 100_000}`);
    const DATA = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const CHUNK = 1024;
    let pulled = 0;
    const chunks = Math.ceil(DATA.length / CHUNK);
    class CountingBlob extends Blob {
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        let i = 0;
        return new ReadableStream<Uint8Array<ArrayBuffer>>(
          {
            pull: (controller) => {
              if (i >= chunks) return controller.close();
              pulled++;
              controller.enqueue(DATA.slice(i * CHUNK, ++i * CHUNK));
            },
          },
          { highWaterMark: 0 },
        );
      }
    }
    let release: (() => void) | undefined;
    const done = importFile(new CountingBlob([DATA]), { knownIds: new Set(), minVotes: 0, batchSize: 500 }, () => new Promise<void>((r) => (release = r)), {});
    while (!release) await new Promise((r) => setTimeout(r, 0));
    const atFirstBatch = pulled;
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(pulled).toBe(atFirstBatch);
    expect(pulled).toBeLessThan(chunks / 10);
    const releaseAll = async (): Promise<void> => {
      for (;;) {
        const r = release;
        release = undefined;
        r?.();
        const state = await Promise.race([done.then(() => 'done'), new Promise((r) => setTimeout(r, 0)).then(() => 'wait')]);
        if (state === 'done') return;
      }
    };
    await releaseAll();
    expect((await done).rowsKept).toBe(20_000);
    expect(pulled).toBe(chunks);
  });

  it('a slow sink: one batch in flight, and reading waits until the sink resolves', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    let release: (() => void) | undefined;
    const sink = (): Promise<void> => {
      calls++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<void>((resolve) => {
        release = () => {
          inFlight--;
          release = undefined;
          resolve();
        };
      });
    };
    let lastRows = 0;
    const done = importFile(new Blob([RATINGS_GZ]), { knownIds: new Set(), minVotes: 0, batchSize: 1000 }, sink, {
      onProgress: (p) => {
        lastRows = p.rowsRead;
      },
    });
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    while (!finished) {
      if (release) {
        // Held for a few turns of the event loop: no second call, no further reading.
        const rowsAtCall = lastRows;
        const callsAtCall = calls;
        for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
        expect(calls).toBe(callsAtCall);
        expect(lastRows).toBe(rowsAtCall);
        release();
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    const summary = await done;
    expect(maxInFlight).toBe(1);
    expect(calls).toBe(8); // 7821 rows in batches of 1000
    expect(summary.rowsKept).toBe(7821);
  });
});

describe('progress', () => {
  it('reports the kind, growing counts, and ends at the file size', async () => {
    const { progress, summary } = await run(new Blob([BASICS_GZ]), { knownIds: new Set(rowsOf(BASICS_GZ).map((r) => r[0] ?? '')), batchSize: 2000 });
    expect(progress.length).toBeGreaterThanOrEqual(10); // one per batch at least
    expect(progress.every((p) => p.kind === 'basics' && p.bytesTotal === BASICS_GZ.length && p.bytesRead <= p.bytesTotal)).toBe(true);
    for (let i = 1; i < progress.length; i++) {
      const [a, b] = [progress[i - 1], progress[i]];
      expect(b?.rowsRead).toBeGreaterThanOrEqual(a?.rowsRead ?? 0);
      expect(b?.bytesRead).toBeGreaterThanOrEqual(a?.bytesRead ?? 0);
    }
    expect(progress.at(-1)).toEqual({ kind: 'basics', bytesRead: BASICS_GZ.length, bytesTotal: BASICS_GZ.length, rowsRead: 18199, rowsKept: 18199 });
    expect(summary.rowsKept).toBe(18199);
  });
});

describe('a generated 200k-row file', () => {
  const N = 200_000;

  it('ratings: streamed in batches never larger than batchSize, each a fresh array', async () => {
    const lines = [IMDB_HEADERS.ratings.join('\t')];
    for (let i = 0; i < N; i++) lines.push(`tt${String(1_000_000 + i)}\t${(i % 100) / 10}\t${i % 3 === 0 ? 5000 : 10}`);
    const file = gz(`${lines.join('\n')}\n`);
    const sizes: number[] = [];
    const arrays = new Set<unknown>();
    let firstId = '';
    let lastId = '';
    const summary = await importFile(
      file,
      { knownIds: new Set(), batchSize: 1000 },
      async (batch) => {
        // The sink keeps nothing but counts: whatever the importer holds is all that is held.
        sizes.push(batch.rows.length);
        arrays.add(batch.rows);
        firstId ||= batch.rows[0]?.id ?? '';
        lastId = batch.rows.at(-1)?.id ?? '';
      },
      {},
    );
    const kept = Math.ceil(N / 3);
    expect(summary).toMatchObject({ kind: 'ratings', rowsRead: N, rowsKept: kept, rowsSkipped: 0 });
    expect(summary.keptIds).toHaveLength(kept);
    expect(Math.max(...sizes)).toBe(1000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(kept);
    expect(sizes.slice(0, -1).every((s) => s === 1000)).toBe(true);
    expect(arrays.size).toBe(sizes.length);
    expect(firstId).toBe('tt1000000');
    expect(lastId).toBe(`tt${1_000_000 + 199_998}`); // the last multiple of 3 below N
  });

  it('akas: 200k rows for 20k films, a few known: per-film state only, bounded batches', async () => {
    const lines = [IMDB_HEADERS.akas.join('\t')];
    for (let i = 0; i < N; i++) {
      const film = `tt${String(2_000_000 + Math.floor(i / 10))}`;
      lines.push(akaLine(film, i % 10, `Title ${i % 7}`).join('\t'));
    }
    const known = new Set(Array.from({ length: 200 }, (_, k) => `tt${2_000_000 + k * 100}`));
    const sizes: number[] = [];
    const summary = await importFile(gz(`${lines.join('\n')}\n`), { knownIds: known, batchSize: 256, akasPerFilm: 5 }, async (b) => void sizes.push(b.rows.length), {});
    // Each known film has 10 rows with 7 distinct titles: 5 kept (the cap).
    expect(summary).toMatchObject({ kind: 'akas', rowsRead: N, rowsKept: 200 * 5, rowsSkipped: 0, keptIds: [] });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(256);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
