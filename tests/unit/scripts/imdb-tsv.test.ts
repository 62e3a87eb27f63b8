import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createImdbDumpReaders,
  imdbDumpAsOf,
  kindOfTitleType,
  readImdbDumps,
  readImdbTsv,
  type TsvRow,
} from '../../../scripts/data/readers/imdb-tsv';
import { BuildReport, DataError, type SourceRecord } from '../../../scripts/data/types';
import { SHARED_DATA } from '../../helpers/shared-data';

const SAMPLE = join(SHARED_DATA, 'raw/imdb_tsv_sample');
const BASICS_COLUMNS = ['tconst', 'titleType', 'primaryTitle', 'originalTitle', 'isAdult', 'startYear', 'runtimeMinutes'];

async function collect(gen: AsyncGenerator<TsvRow>): Promise<TsvRow[]> {
  const out: TsvRow[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

function find(records: SourceRecord[], imdbId: string, inputId: string): SourceRecord | undefined {
  return records.find((r) => r.imdbId === imdbId && r.inputId === inputId);
}

describe('readImdbTsv on the real 2018-dump sample', () => {
  it('streams every row of the three files with no skips', async () => {
    const report = new BuildReport();
    const basics = await collect(readImdbTsv(join(SAMPLE, 'title.basics.tsv.gz'), BASICS_COLUMNS, report));
    const ratings = await collect(readImdbTsv(join(SAMPLE, 'title.ratings.tsv.gz'), ['tconst', 'numVotes'], report));
    const akas = await collect(readImdbTsv(join(SAMPLE, 'title.akas.tsv.gz'), ['titleId', 'title'], report));
    expect([basics.length, ratings.length, akas.length]).toEqual([18199, 7821, 32852]);
    expect(report.skippedTotal).toBe(0);
    expect(basics[0]).toEqual({
      line: 2,
      row: {
        tconst: 'tt0100275',
        titleType: 'movie',
        primaryTitle: 'The Wandering Soap Opera',
        originalTitle: 'La Telenovela Errante',
        isAdult: '0',
        startYear: '2017',
        endYear: undefined,
        runtimeMinutes: '80',
        genres: 'Comedy,Drama,Fantasy',
      },
    });
    // `\N` is null, not the two characters.
    expect(basics[1]?.row).toMatchObject({ tconst: 'tt0112502', primaryTitle: 'Bigfoot', runtimeMinutes: undefined });
    expect(ratings[0]).toEqual({ line: 2, row: { tconst: 'tt0100275', averageRating: '6.7', numVotes: '75' } });
  });

  it('prefilter drops lines before they are split', async () => {
    const report = new BuildReport();
    const rows = await collect(
      readImdbTsv(join(SAMPLE, 'title.akas.tsv.gz'), ['titleId'], report, { prefilter: (id) => id === 'tt0100275' }),
    );
    expect(rows.map((r) => [r.line, r.row.title, r.row.region])).toEqual([
      [2, 'La Telenovela Errante', undefined],
      [3, 'The Wandering Soap Opera', 'XWW'],
      [4, 'La Telenovela Errante', 'CL'],
      [5, 'La novela errante', 'CL'],
    ]);
  });
});

describe('readImdbDumps on the real sample', () => {
  let bulk: SourceRecord[];
  let report: BuildReport;

  beforeAll(async () => {
    report = new BuildReport();
    bulk = await readImdbDumps(SAMPLE, report, () => false, { asOf: '2018' });
  });

  it('keeps movies with >= 1000 votes when no other source knows them', () => {
    const basics = bulk.filter((r) => r.inputId === 'imdb-basics');
    const ratings = bulk.filter((r) => r.inputId === 'imdb-ratings');
    expect(basics).toHaveLength(822); // zcat title.ratings | awk '$3>=1000' | wc -l
    expect(ratings).toHaveLength(822);
    expect(ratings.every((r) => (r.ratings?.[0]?.count ?? 0) >= 1000)).toBe(true);
    expect(report.skippedTotal).toBe(0);
  });

  it('Star Wars: The Last Jedi: basics, rating and deduplicated akas', () => {
    const b = find(bulk, 'tt2527336', 'imdb-basics');
    expect(b).toMatchObject({
      title: 'Star Wars: The Last Jedi',
      originalTitle: 'Star Wars: Episode VIII - The Last Jedi',
      year: 2017,
      runtime: 152,
      kind: 'movie',
    });
    const alt = b?.altTitles ?? [];
    expect(alt[0]).toBe('Yildiz Savaslari: Son Jedi'); // ordering 2 (ordering 1 is the primary title)
    expect(alt).toContain('Звёздные войны: Последние джедаи');
    expect(alt).toContain('The Last Jedi');
    expect(alt).not.toContain('Star Wars: The Last Jedi');
    expect(alt).not.toContain('Star Wars: Episode VIII - The Last Jedi');
    expect(alt.filter((t) => t === 'Star Wars: Los últimos Jedi')).toHaveLength(1); // ES, AR, UY, ... once
    expect(alt).not.toContain('Star Wars: Los Últimos Jedi'); // same key as the one above
    expect(new Set(alt).size).toBe(alt.length);

    expect(find(bulk, 'tt2527336', 'imdb-ratings')).toMatchObject({
      title: 'Star Wars: The Last Jedi',
      ratings: [{ source: 'imdb', value: 7.3, scale: 10, count: 395398, asOf: '2018', input: 0 }],
    });
  });

  it('a title known to another source is kept below the vote threshold; \\N runtime stays absent', async () => {
    expect(find(bulk, 'tt0112502', 'imdb-basics')).toBeUndefined(); // Bigfoot: 30 votes
    const known = await readImdbDumps(SAMPLE, new BuildReport(), (t) => t === 'tt0112502', { asOf: '2018', minVotes: 1e9 });
    expect(known).toHaveLength(2);
    const b = find(known, 'tt0112502', 'imdb-basics');
    expect(b).toMatchObject({ title: 'Bigfoot', year: 2017, kind: 'movie' });
    expect(b).not.toHaveProperty('runtime');
    expect(b).not.toHaveProperty('originalTitle'); // same as primary
    expect(find(known, 'tt0112502', 'imdb-ratings')?.ratings?.[0]).toMatchObject({ value: 4, count: 30 });
  });

  it('readers share one pass and describe the sample as the 2018 dump', async () => {
    const { basics, ratings } = createImdbDumpReaders();
    const r = new BuildReport();
    const [b, q] = await Promise.all([basics.read(SHARED_DATA, r), ratings.read(SHARED_DATA, r)]);
    expect(b).toHaveLength(822);
    expect(q).toHaveLength(822);
    expect(basics.input).toMatchObject({ id: 'imdb-basics', file: 'raw/imdb_tsv_sample/title.basics.tsv.gz', asOf: '2018' });
    expect(ratings.input).toMatchObject({ id: 'imdb-ratings', asOf: '2018' });
  });

  it('maps title types to kinds', () => {
    expect(
      ['movie', 'tvMovie', 'short', 'tvSeries', 'tvMiniSeries', 'tvEpisode', 'video', 'videoGame', 'tvSpecial', undefined].map(
        kindOfTitleType,
      ),
    ).toEqual(['movie', 'tv-movie', 'short', 'series', 'series', 'episode', 'video', 'other', 'other', 'other']);
  });
});

describe('IMDb dumps: bad input', () => {
  let dir: string;
  const BASICS_HEADER = 'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'imdb-tsv-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function gz(name: string, lines: string[]): string {
    const p = join(dir, name);
    writeFileSync(p, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8')));
    return p;
  }

  it('takes `"` literally (no CSV quoting) and skips a line with the wrong field count', async () => {
    // Parser fixture: two real sample rows, the second with quotes injected into its title.
    const p = gz('quotes.tsv.gz', [
      BASICS_HEADER,
      'tt0100275\tmovie\tThe Wandering Soap Opera\tLa Telenovela Errante\t0\t2017\t\\N\t80\tComedy,Drama,Fantasy',
      'tt0137204\tmovie\tJoe Finds "Grace\tJoe Finds Grace" \t0\t2017\t\\N\t83\tAdventure,Animation,Comedy',
      'tt0112502\tmovie\tBigfoot\tBigfoot\t0\t2017\t\\N\t\\N', // one field short
    ]);
    const report = new BuildReport();
    const rows = await collect(readImdbTsv(p, BASICS_COLUMNS, report, { label: 'fixture/title.basics.tsv.gz' }));
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(rows[1]?.row.primaryTitle).toBe('Joe Finds "Grace');
    expect(rows[1]?.row.originalTitle).toBe('Joe Finds Grace" ');
    expect(report.skipped.get('fixture/title.basics.tsv.gz')).toEqual({
      count: 1,
      examples: ['line 4: expected 9 tab-separated fields, got 8'],
    });
  });

  it('CRLF line ends and a missing final newline are handled', async () => {
    const p = join(dir, 'crlf.tsv.gz');
    writeFileSync(p, gzipSync(Buffer.from('tconst\taverageRating\tnumVotes\r\ntt0100275\t6.7\t75\r\ntt0112502\t4.0\t30', 'utf8')));
    const rows = await collect(readImdbTsv(p, ['tconst', 'numVotes'], new BuildReport()));
    expect(rows.map((r) => r.row.numVotes)).toEqual(['75', '30']);
  });

  it('a corrupt gzip is a DataError naming the file, not a crash', async () => {
    const p = join(dir, 'corrupt.tsv.gz');
    writeFileSync(p, Buffer.from('this is not gzip data at all\n'));
    const err = await collect(readImdbTsv(p, ['tconst'], new BuildReport())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).file).toBe('corrupt.tsv.gz');
    expect((err as DataError).message).toMatch(/cannot read or gunzip/);
  });

  it('a truncated gzip fails with the line reached', async () => {
    const whole = readFileSync(join(SAMPLE, 'title.akas.tsv.gz'));
    const p = join(dir, 'truncated.tsv.gz');
    writeFileSync(p, whole.subarray(0, Math.floor(whole.length / 2)));
    const report = new BuildReport();
    let seen = 0;
    const err = await (async () => {
      for await (const row of readImdbTsv(p, ['titleId'], report)) seen = row.line;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(seen).toBeGreaterThan(1000); // rows before the cut were delivered
    expect((err as DataError).line).toBeGreaterThan(seen);
    expect((err as DataError).file).toBe('truncated.tsv.gz');
  });

  it('ratings passed as basics: header error at line 1 naming the file', async () => {
    const wrong = mkdtempSync(join(tmpdir(), 'imdb-wrong-'));
    try {
      copyFileSync(join(SAMPLE, 'title.ratings.tsv.gz'), join(wrong, 'title.basics.tsv.gz'));
      copyFileSync(join(SAMPLE, 'title.ratings.tsv.gz'), join(wrong, 'title.ratings.tsv.gz'));
      copyFileSync(join(SAMPLE, 'title.akas.tsv.gz'), join(wrong, 'title.akas.tsv.gz'));
      const err = await readImdbDumps(wrong, new BuildReport(), () => false, { asOf: '2018' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).file).toBe('title.basics.tsv.gz');
      expect((err as DataError).line).toBe(1);
      expect((err as DataError).message).toMatch(/missing column\(s\) titleType, primaryTitle/);
    } finally {
      rmSync(wrong, { recursive: true, force: true });
    }
  });

  it('missing dump files are DataErrors; akas can be opted out', async () => {
    const partial = mkdtempSync(join(tmpdir(), 'imdb-partial-'));
    try {
      await expect(readImdbDumps(partial, new BuildReport(), () => false, { asOf: 'x' })).rejects.toThrow(
        /title\.basics\.tsv\.gz:0: file not found/,
      );
      copyFileSync(join(SAMPLE, 'title.basics.tsv.gz'), join(partial, 'title.basics.tsv.gz'));
      copyFileSync(join(SAMPLE, 'title.ratings.tsv.gz'), join(partial, 'title.ratings.tsv.gz'));
      await expect(readImdbDumps(partial, new BuildReport(), () => false, { asOf: 'x' })).rejects.toThrow(
        /title\.akas\.tsv\.gz:0: file not found/,
      );
      const recs = await readImdbDumps(partial, new BuildReport(), () => false, { asOf: 'x', akas: false });
      expect(recs.some((r) => r.altTitles)).toBe(false);
      expect(recs).toHaveLength(1644);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  });

  it('a user folder is dated by its newest file (deterministic)', () => {
    const user = mkdtempSync(join(tmpdir(), 'imdb-user-'));
    try {
      for (const f of ['title.basics.tsv.gz', 'title.ratings.tsv.gz']) copyFileSync(join(SAMPLE, f), join(user, f));
      utimesSync(join(user, 'title.basics.tsv.gz'), new Date('2026-03-01T12:00:00Z'), new Date('2026-03-01T12:00:00Z'));
      utimesSync(join(user, 'title.ratings.tsv.gz'), new Date('2026-03-04T23:30:00Z'), new Date('2026-03-04T23:30:00Z'));
      expect(imdbDumpAsOf(user)).toBe('2026-03-04');
      const { ratings } = createImdbDumpReaders({ dir: user, akas: false });
      expect(ratings.input).toMatchObject({ file: 'title.ratings.tsv.gz', asOf: '2026-03-04' });
    } finally {
      rmSync(user, { recursive: true, force: true });
    }
  });
});
