// @vitest-environment node
/**
 * The ratings and catalog readers, on the real files in ../shared/data (facts checked by hand against the
 * files: grep -n / sed -n) and on small malformed fixtures written to a temp dir.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rating, RatingSourceId } from '../../../lib/core/schema';
import {
  mapRows,
  parseCount,
  parseImdbId,
  parsePercent,
  parseRuntime,
  parseYear,
  readCsv,
  RowError,
} from '../../../scripts/data/readers/csv';
import { fandangoReader } from '../../../scripts/data/readers/fivethirtyeight-fandango';
import { imdb5000Reader } from '../../../scripts/data/readers/imdb-5000';
import { imdbFiltered2025Reader, omdb2025Reader } from '../../../scripts/data/readers/imdb-omdb-2025';
import { imdbTop1000Reader } from '../../../scripts/data/readers/imdb-top-1000';
import { metacriticReader, metacriticYear } from '../../../scripts/data/readers/metacritic';
import { readMovielensCrosswalk } from '../../../scripts/data/readers/movielens-crosswalk';
import { moviesOnStreaming2020Reader } from '../../../scripts/data/readers/movies-on-streaming-platforms';
import { rtStreaming2024Reader } from '../../../scripts/data/readers/rt-streaming-2024';
import { displayedCount, rtTopMoviesReader } from '../../../scripts/data/readers/rt-top-movies';
import { soeiroStreamingReaders } from '../../../scripts/data/readers/soeiro-streaming-titles';
import { tmdb5000Reader } from '../../../scripts/data/readers/tmdb-5000';
import { tmdbTop10kReader } from '../../../scripts/data/readers/tmdb-top-10k';
import { vegaMoviesReader } from '../../../scripts/data/readers/vega-movies';
import { whatsAfterTheMovieRatingsReader } from '../../../scripts/data/readers/whats-after-the-movie-ratings';
import { BuildReport, DataError, type SourceReader, type SourceRecord } from '../../../scripts/data/types';
import { SHARED_DATA } from '../../helpers/shared-data';

const DATA = SHARED_DATA;

interface ReadResult {
  records: SourceRecord[];
  report: BuildReport;
}

async function readReal(reader: SourceReader): Promise<ReadResult> {
  const report = new BuildReport();
  return { records: await reader.read(DATA, report), report };
}

function at(records: SourceRecord[], line: number): SourceRecord {
  const found = records.find((r) => r.line === line);
  if (found === undefined) throw new Error(`no record at line ${line}`);
  return found;
}

function ratingOf(record: SourceRecord, source: RatingSourceId): Rating | undefined {
  return record.ratings?.find((r) => r.source === source);
}

function skipsOf(report: BuildReport, file: string): number {
  return report.skipped.get(file)?.count ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Real files

describe('readers on the real source files', () => {
  it('every reader declares a complete, kebab-case input and tags records with it', async () => {
    const readers: SourceReader[] = [
      imdb5000Reader,
      imdbTop1000Reader,
      tmdb5000Reader,
      tmdbTop10kReader,
      metacriticReader,
      rtStreaming2024Reader,
      vegaMoviesReader,
      fandangoReader,
      imdbFiltered2025Reader,
      omdb2025Reader,
      moviesOnStreaming2020Reader,
      rtTopMoviesReader,
      ...soeiroStreamingReaders,
      whatsAfterTheMovieRatingsReader,
    ];
    const ids = readers.map((r) => r.input.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { input } of readers) {
      expect(input.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(input.asOf).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
      for (const field of [input.file, input.name, input.origin, input.licence]) {
        expect(field.length).toBeGreaterThan(0);
      }
    }
    const results = await Promise.all(readers.map((r) => readReal(r)));
    // Problems are collected rather than asserted one by one: there are ~100k records.
    const problems: string[] = [];
    results.forEach(({ records }, i) => {
      const input = readers[i]?.input;
      if (input === undefined || records.length === 0) problems.push(`reader ${i}: no records`);
      for (const r of records) {
        const where = `${input?.id}:${r.line}`;
        if (r.inputId !== input?.id) problems.push(`${where}: inputId ${r.inputId}`);
        const check = (ok: boolean, what: string): void => {
          if (!ok) problems.push(`${where}: ${what}`);
        };
        check(r.title !== '' && r.title === r.title.replace(/\s+/g, ' ').trim(), `title ${JSON.stringify(r.title)}`);
        check(r.imdbId === undefined || /^tt\d{7,}$/.test(r.imdbId), `imdbId ${r.imdbId}`);
        check(r.runtime === undefined || (Number.isInteger(r.runtime) && r.runtime > 0), `runtime ${r.runtime}`);
        check(r.year === undefined || Number.isInteger(r.year), `year ${r.year}`);
        for (const rating of r.ratings ?? []) {
          check(rating.asOf === input?.asOf, `asOf ${rating.asOf}`);
          check(rating.value >= 0 && rating.value <= rating.scale, `${rating.source} ${rating.value}`);
          check(rating.count === undefined || Number.isInteger(rating.count), `count ${rating.count}`);
        }
      }
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('imdb_5000: tt id from the link, NBSP-free title, first of duplicate links kept', async () => {
    const { records, report } = await readReal(imdb5000Reader);
    expect(records).toHaveLength(4918);
    expect(at(records, 2)).toEqual({
      inputId: 'imdb-5000',
      line: 2,
      imdbId: 'tt0499549',
      title: 'Avatar',
      year: 2009,
      runtime: 178,
      kind: 'movie',
      ratings: [{ source: 'imdb', value: 7.9, scale: 10, count: 886204, asOf: '2016', input: 0 }],
    });
    // 124 duplicate links + the truncated "Sanctuary" row (line 5033).
    expect(skipsOf(report, imdb5000Reader.input.file)).toBe(125);
    expect(records.some((r) => r.line === 5033)).toBe(false);
    // Line 6 has no title_year (a non-film entry): no kind, no runtime, but its score stays.
    const noYear = at(records, 6);
    expect(noYear.title).toBe('Star Wars: Episode VII - The Force Awakens');
    expect(noYear.kind).toBeUndefined();
    expect(noYear.runtime).toBeUndefined();
    expect(ratingOf(noYear, 'imdb')?.value).toBe(7.1);
  });

  it('imdb_top_1000: IMDb + Metascore, shifted rows and junk years skipped', async () => {
    const { records, report } = await readReal(imdbTop1000Reader);
    expect(records).toHaveLength(997);
    expect(at(records, 2)).toMatchObject({ title: 'The Shawshank Redemption', year: 1994, runtime: 142 });
    expect(at(records, 2).ratings).toEqual([
      { source: 'imdb', value: 9.3, scale: 10, count: 2343110, asOf: '2020', input: 0 },
      { source: 'metacritic', value: 80, scale: 100, asOf: '2020', input: 0 },
    ]);
    const examples = report.skipped.get(imdbTop1000Reader.input.file)?.examples ?? [];
    expect(examples).toEqual([
      'line 367: expected 16 fields, found 17 (shifted columns)',
      'line 406: expected 16 fields, found 17 (shifted columns)',
      'line 968: Released_Year is not a year: "PG"',
    ]);
  });

  it('tmdb_5000: id, original title, runtime; vote_count 0 gives no rating', async () => {
    const { records } = await readReal(tmdb5000Reader);
    expect(records).toHaveLength(4803);
    const avatar = records.find((r) => r.tmdbId === 19995);
    expect(avatar).toMatchObject({ title: 'Avatar', year: 2009, runtime: 162, line: 2 });
    expect(avatar?.originalTitle).toBeUndefined();
    expect(avatar?.ratings).toEqual([{ source: 'tmdb', value: 7.2, scale: 10, count: 11800, asOf: '2017', input: 0 }]);
    expect(records.find((r) => r.tmdbId === 315011)?.originalTitle).toBe('シン・ゴジラ');
    expect(records.filter((r) => r.ratings?.length === 0)).toHaveLength(62);
    expect(records.find((r) => r.title === 'Barbershop 2: Back in Business')).toBeDefined();
  });

  it('tmdb_top10k: CRLF file with line breaks in overviews keeps physical line numbers', async () => {
    const { records, report } = await readReal(tmdbTop10kReader);
    expect(records).toHaveLength(10000);
    expect(report.skippedTotal).toBe(0);
    expect(at(records, 2)).toMatchObject({ tmdbId: 278, title: 'The Shawshank Redemption', year: 1994 });
    expect(ratingOf(at(records, 2), 'tmdb')).toEqual({
      source: 'tmdb',
      value: 8.7,
      scale: 10,
      count: 21862,
      asOf: '2022-07',
      input: 0,
    });
    // The breaks inside overviews are lone CRs (10,005 CR, 10,000 LF, no final newline): they do not end a line,
    // so the 10,000th data row starts on line 10,001.
    expect(Math.max(...records.map((r) => r.line))).toBe(10001);
  });

  it('metacritic: two-digit years, tbd user score, summed review counts, duplicate row', async () => {
    const { records, report } = await readReal(metacriticReader);
    expect(records).toHaveLength(9120);
    const anatomy = at(records, 2);
    expect(anatomy).toMatchObject({ title: 'Anatomy of a Murder', year: 1959 });
    expect(anatomy.ratings).toEqual([
      { source: 'metacritic', value: 95, scale: 100, count: 15, asOf: '2019-10', input: 0 },
    ]);
    const godzilla = at(records, 1917);
    expect(godzilla.year).toBe(2019);
    expect(ratingOf(godzilla, 'metacritic')).toMatchObject({ value: 48, count: 46 });
    expect(ratingOf(godzilla, 'metacritic-user')).toMatchObject({ value: 7.3, scale: 10, count: 687 });
    expect(report.skipped.get(metacriticReader.input.file)?.examples).toEqual([
      'line 1918: duplicate title+release_date of line 1917',
    ]);
    // 508 'tbd' user scores → 9,120 - 508 + (the duplicate was a rated row) user ratings.
    expect(records.filter((r) => ratingOf(r, 'metacritic-user') !== undefined)).toHaveLength(9120 - 508);
    expect(records.find((r) => r.title === 'Hugo')).toBeDefined();
  });

  it('rt_streaming_2024: 0 means no score; rows with neither are skipped', async () => {
    const { records, report } = await readReal(rtStreaming2024Reader);
    expect(records).toHaveLength(511);
    expect(skipsOf(report, rtStreaming2024Reader.input.file)).toBe(27);
    expect(at(records, 3)).toMatchObject({ title: 'Kung Fu Panda 4' });
    expect(at(records, 3).year).toBeUndefined();
    expect(at(records, 3).ratings).toEqual([
      { source: 'rt-critics', value: 72, scale: 100, asOf: '2024-10', input: 0 },
      { source: 'rt-audience', value: 86, scale: 100, asOf: '2024-10', input: 0 },
    ]);
    for (const r of records) for (const rating of r.ratings ?? []) expect(rating.value).toBeGreaterThan(0);
  });

  it('vega movies.json: impossible dates skipped, numeric titles read, sorted titles unsorted', async () => {
    const { records, report } = await readReal(vegaMoviesReader);
    expect(records).toHaveLength(3178);
    // 22 dates after 2011 (the century-slipped 1915–1946 films) + one null title.
    expect(skipsOf(report, vegaMoviesReader.input.file)).toBe(23);
    expect(records.some((r) => r.line === 11)).toBe(false); // Duel in the Sun, "Dec 31 2046"
    expect(Math.max(...records.map((r) => r.year ?? 0))).toBe(2011);
    expect(at(records, 2)).toEqual({
      inputId: 'vega-movies',
      line: 2,
      title: 'The Land Girls',
      year: 1998,
      kind: 'movie',
      ratings: [{ source: 'imdb', value: 6.1, scale: 10, count: 1071, asOf: '2010', input: 0 }],
    });
    expect(at(records, 72).title).toBe('The Barbarians');
    expect(records.find((r) => r.title === '300')).toBeDefined();
  });

  it('fandango: title year split off, six ratings with their counts', async () => {
    const { records } = await readReal(fandangoReader);
    expect(records).toHaveLength(146);
    const ultron = at(records, 2);
    expect(ultron).toMatchObject({ title: 'Avengers: Age of Ultron', year: 2015 });
    const asOf = '2015-08-24';
    expect(ultron.ratings).toEqual([
      { source: 'rt-critics', value: 74, scale: 100, asOf, input: 0 },
      { source: 'rt-audience', value: 86, scale: 100, asOf, input: 0 },
      { source: 'metacritic', value: 66, scale: 100, asOf, input: 0 },
      { source: 'metacritic-user', value: 7.1, scale: 10, count: 1330, asOf, input: 0 },
      { source: 'imdb', value: 7.8, scale: 10, count: 271107, asOf, input: 0 },
      { source: 'fandango', value: 5, scale: 5, count: 14846, asOf, input: 0 },
    ]);
  });

  it('filtered_imdb_movies: float votes and years read as integers', async () => {
    const { records } = await readReal(imdbFiltered2025Reader);
    expect(records).toHaveLength(11881);
    const sinners = at(records, 8682);
    expect(sinners).toMatchObject({ imdbId: 'tt31193180', title: 'Sinners', year: 2025, kind: 'movie' });
    expect(sinners.ratings).toEqual([
      { source: 'imdb', value: 8.2, scale: 10, count: 25803, asOf: '2025-04', input: 0 },
    ]);
  });

  it('omdb rows: formatted votes, float Metascore, RT percent, runtime', async () => {
    const { records } = await readReal(omdb2025Reader);
    expect(records).toHaveLength(2969);
    const kate = at(records, 2);
    expect(kate).toMatchObject({ imdbId: 'tt0035423', title: 'Kate & Leopold', year: 2001, runtime: 118 });
    expect(kate.ratings).toEqual([
      { source: 'imdb', value: 6.4, scale: 10, count: 90841, asOf: '2025-04-26', input: 0 },
      { source: 'metacritic', value: 44, scale: 100, asOf: '2025-04-26', input: 0 },
      { source: 'rt-critics', value: 52, scale: 100, asOf: '2025-04-26', input: 0 },
    ]);
    expect(records.filter((r) => ratingOf(r, 'rt-critics') !== undefined)).toHaveLength(2506);
    // No prose columns leak into records.
    expect(JSON.stringify(records)).not.toContain('inadvertently dragged');
  });

  it('movies on streaming 2020: IMDb number, Tomatometer %, IMDb 0 and absurd runtimes dropped', async () => {
    const { records } = await readReal(moviesOnStreaming2020Reader);
    expect(records).toHaveLength(16744);
    expect(at(records, 2)).toEqual({
      inputId: 'movies-on-streaming-2020',
      line: 2,
      title: 'Inception',
      year: 2010,
      runtime: 148,
      kind: 'movie',
      ratings: [
        { source: 'imdb', value: 8.8, scale: 10, asOf: '2020', input: 0 },
        { source: 'rt-critics', value: 87, scale: 100, asOf: '2020', input: 0 },
      ],
    });
    expect(at(records, 4361).ratings).toEqual([]); // "9/11: 15 years later": IMDb 0, no RT
    expect(at(records, 13181).runtime).toBeUndefined(); // Colorado (1940): 1256 min
  });

  it('rt top movies: deduplicated by link, counts from total_reviews / total_ratings', async () => {
    const { records, report } = await readReal(rtTopMoviesReader);
    expect(records).toHaveLength(993);
    expect(skipsOf(report, rtTopMoviesReader.input.file)).toBe(1610 - 993);
    expect(at(records, 2)).toMatchObject({ title: 'Black Panther', year: 2018, runtime: 134 });
    expect(at(records, 2).ratings).toEqual([
      { source: 'rt-critics', value: 96, scale: 100, count: 519, asOf: '2020', input: 0 },
      { source: 'rt-audience', value: 79, scale: 100, count: 50000, asOf: '2020', input: 0 },
    ]);
    expect(JSON.stringify(records)).not.toContain('Wakanda');
  });

  it('soeiro titles: one input per file, MOVIE/SHOW kinds, duplicates and empty titles skipped', async () => {
    expect(soeiroStreamingReaders).toHaveLength(10);
    const netflix2023 = soeiroStreamingReaders.find((r) => r.input.id === 'soeiro-netflix-2023');
    if (netflix2023 === undefined) throw new Error('no netflix 2023 reader');
    expect(netflix2023.input.asOf).toBe('2023-03');
    const { records } = await readReal(netflix2023);
    expect(records).toHaveLength(6137);
    expect(at(records, 2)).toMatchObject({ title: 'Five Came Back: The Reference Films', year: 1945, kind: 'series' });
    expect(at(records, 2).runtime).toBeUndefined();
    expect(at(records, 2).ratings).toEqual([]);
    expect(at(records, 3)).toEqual({
      inputId: 'soeiro-netflix-2023',
      line: 3,
      imdbId: 'tt0075148',
      title: 'Rocky',
      year: 1976,
      runtime: 119,
      kind: 'movie',
      ratings: [
        { source: 'imdb', value: 8.1, scale: 10, count: 588100, asOf: '2023-03', input: 0 },
        { source: 'tmdb', value: 7.782, scale: 10, asOf: '2023-03', input: 0 },
      ],
    });

    const prime = soeiroStreamingReaders.find((r) => r.input.id === 'soeiro-amazon-prime-2022-07');
    const netflix2022 = soeiroStreamingReaders.find((r) => r.input.id === 'soeiro-netflix-2022-07');
    if (prime === undefined || netflix2022 === undefined) throw new Error('missing 2022 readers');
    const primeRead = await readReal(prime);
    expect(primeRead.records).toHaveLength(9871 - 3);
    expect(primeRead.report.skipped.get(prime.input.file)?.examples[0]).toBe(
      'line 482: duplicate JustWatch id tm89134 of line 481',
    );
    const netflixRead = await readReal(netflix2022);
    expect(netflixRead.report.skipped.get(netflix2022.input.file)?.examples).toEqual(['line 1937: empty title']);
    // docs/data-sources.md: 3,407 Netflix 2022 movies with an IMDb score.
    const moviesWithImdb = netflixRead.records.filter((r) => r.kind === 'movie' && ratingOf(r, 'imdb') !== undefined);
    expect(moviesWithImdb).toHaveLength(3407);
  });

  it("what's after the movie: the page's four ratings on the page's scales", async () => {
    const { records } = await readReal(whatsAfterTheMovieRatingsReader);
    expect(records).toEqual([
      {
        inputId: 'whats-after-the-movie-ratings',
        line: 2,
        imdbId: 'tt1334260',
        title: 'Never Let Me Go',
        year: 2010,
        kind: 'movie',
        ratings: [
          { source: 'imdb', value: 7.1, scale: 10, asOf: '2024', input: 0 },
          { source: 'metacritic', value: 69, scale: 100, asOf: '2024', input: 0 },
          { source: 'metacritic-user', value: 7.1, scale: 10, asOf: '2024', input: 0 },
          { source: 'tmdb', value: 69, scale: 100, asOf: '2024', input: 0 },
        ],
      },
    ]);
  });

  it('movielens crosswalk: TMDb → padded tt id, ambiguous TMDb ids dropped', async () => {
    const report = new BuildReport();
    const map = await readMovielensCrosswalk(DATA, report);
    expect(map.get(862)).toBe('tt0114709'); // Toy Story, imdbId "0114709"
    expect(map.get(299534)).toBe('tt4154796'); // Endgame
    expect(map.has(105045)).toBe(false); // linked to tt0111613 and tt0117398
    expect(map.size).toBe(62247);
    expect(skipsOf(report, 'raw/movielens_ml25m/links.csv')).toBe(35);
  });

  it('reads everything quickly', async () => {
    const start = performance.now();
    const readers = [imdb5000Reader, metacriticReader, moviesOnStreaming2020Reader, ...soeiroStreamingReaders];
    await Promise.all(readers.map((r) => readReal(r)));
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

describe('readers on malformed fixtures', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readers-ratings-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(file: string, text: string): void {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.endsWith('.gz') ? gzipSync(Buffer.from(text)) : text);
  }

  it('a missing file is a DataError naming the file', async () => {
    const err = await metacriticReader.read(join(dir, 'nowhere'), new BuildReport()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).file).toBe('raw/metacritic_scrape/metacritic_movies.csv');
    expect((err as DataError).message).toContain('ENOENT');
  });

  it('a header without a required column is a DataError at line 1 naming the column', async () => {
    write(metacriticReader.input.file, 'movie_title,release_date,metascore\nAlien,25-May-79,89\n');
    const err = await metacriticReader.read(dir, new BuildReport()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).line).toBe(1);
    expect((err as DataError).message).toBe(
      'raw/metacritic_scrape/metacritic_movies.csv:1: missing column "meta_positive"',
    );
  });

  it('metacritic: tbd user score, bad numbers and bad dates skip only their row', async () => {
    const header =
      'movie_title,release_date,genre,meta_mixed,meta_negative,meta_positive,metascore,' +
      'user_mixed,user_negative,user_positive,userscore';
    write(
      metacriticReader.input.file,
      [
        header,
        'Alien ,25-May-79,Horror,1,0,20,89,"1,204",3,10,8.9',
        'Quiet One,1-Jan-18,Drama,0,0,2,70,0,0,1,tbd',
        'Broken,1-Jan-18,Drama,0,0,2,seventy,0,0,1,7',
        'Dateless,2018,Drama,0,0,2,70,0,0,1,7',
        'Too High,1-Jan-18,Drama,0,0,2,170,0,0,1,7',
      ].join('\n'),
    );
    const report = new BuildReport();
    const records = await metacriticReader.read(dir, report);
    expect(records.map((r) => [r.line, r.title, r.year])).toEqual([
      [2, 'Alien', 1979],
      [3, 'Quiet One', 2018],
    ]);
    expect(ratingOf(at(records, 2), 'metacritic-user')).toEqual({
      source: 'metacritic-user', value: 8.9, scale: 10, count: 1217, asOf: '2019-10', input: 0,
    });
    expect(ratingOf(at(records, 3), 'metacritic-user')).toBeUndefined();
    expect(report.skipped.get(metacriticReader.input.file)?.examples).toEqual([
      'line 4: metascore is not a number: "seventy"',
      'line 5: release_date is not d-Mon-yy: "2018"',
      'line 6: metacritic rating 170 is outside 0–100',
    ]);
  });

  it('imdb_5000: duplicate tt ids keep the first row, a bad score skips its row but not a later copy', async () => {
    const header = 'movie_title,movie_imdb_link,title_year,duration,imdb_score,num_voted_users';
    const link = (id: string): string => `http://www.imdb.com/title/${id}/?ref_=fn_tt_tt_1`;
    write(
      imdb5000Reader.input.file,
      [
        header,
        `Bad Score\u00a0,${link('tt0000001')},2001,90,"7,9",10`,
        `Good Copy\u00a0,${link('tt0000001')},2001,90,7.9,10`,
        `Later Copy\u00a0,${link('tt0000001')},2001,90,5.0,99`,
        'No Link,,2001,90,6.0,10',
      ].join('\r\n'),
    );
    const report = new BuildReport();
    const records = await imdb5000Reader.read(dir, report);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 3, title: 'Good Copy', imdbId: 'tt0000001' });
    expect(report.skipped.get(imdb5000Reader.input.file)?.examples).toEqual([
      'line 2: imdb_score is not a number: "7,9"',
      'line 4: duplicate tt0000001 of line 3',
      'line 5: no movie_imdb_link (truncated row)',
    ]);
  });

  it('soeiro (gzipped): embedded line breaks keep physical line numbers; unknown type skipped', async () => {
    const reader = soeiroStreamingReaders[0];
    if (reader === undefined) throw new Error('no reader');
    const header =
      'id,title,type,description,release_year,age_certification,runtime,genres,production_countries,seasons,' +
      'imdb_id,imdb_score,imdb_votes,tmdb_popularity,tmdb_score';
    write(
      reader.input.file,
      [
        header,
        'tm1,One,MOVIE,"line one\nline two\r\nline three",2001,PG,95.0,[],[],,tt0000042,7.0,1000.0,1.0,6.5',
        'ts2,Two,SHOW,plain,2002,,45,[],[],2.0,tt1234567,8.0,10.0,1.0,',
        'tm3,Three,EPISODE,plain,2003,,45,[],[],,,,,,',
        'tm4,Four,MOVIE,plain,2004,,0,[],[],,,,,,',
      ].join('\r\n'),
    );
    const report = new BuildReport();
    const records = await reader.read(dir, report);
    expect(records.map((r) => [r.line, r.title, r.kind, r.runtime])).toEqual([
      [2, 'One', 'movie', 95],
      [5, 'Two', 'series', undefined],
      [7, 'Four', 'movie', undefined],
    ]);
    expect(records[0]?.imdbId).toBe('tt0000042');
    expect(report.skipped.get(reader.input.file)?.examples).toEqual(['line 6: type is "EPISODE", not MOVIE or SHOW']);
  });

  it('soeiro: a JustWatch id with different tt ids in two files loses its id in both', async () => {
    const [older, newer] = [soeiroStreamingReaders[2], soeiroStreamingReaders[6]];
    if (older === undefined || newer === undefined) throw new Error('no reader');
    const header =
      'id,title,type,description,release_year,age_certification,runtime,genres,production_countries,seasons,' +
      'imdb_id,imdb_score,imdb_votes,tmdb_popularity,tmdb_score';
    write(older.input.file, [header, 'tm9,Nine,MOVIE,x,2021,,99.0,[],[],,tt2953050,7.2,10.0,1.0,7.6', 'tm8,Eight,MOVIE,x,2020,,90.0,[],[],,tt0000008,7.0,10.0,1.0,7.0'].join('\n'));
    write(newer.input.file, [header, 'tm9,Nine,MOVIE,x,2021,,99.0,[],[],,tt12537368,7.3,20.0,1.0,7.6', 'tm8,Eight,MOVIE,x,2020,,90.0,[],[],,tt0000008,7.0,10.0,1.0,7.0'].join('\n'));
    const report = new BuildReport();
    const [a, b] = [await older.read(dir, report), await newer.read(dir, report)];
    expect([a[0]?.imdbId, b[0]?.imdbId]).toEqual([undefined, undefined]);
    expect([a[1]?.imdbId, b[1]?.imdbId]).toEqual(['tt0000008', 'tt0000008']);
    expect(report.skippedTotal).toBe(0);
  });

  it('vega: a date past the data\'s era is skipped; a reformatted file is refused', async () => {
    const film = (title: string, date: string, imdb: number | string, runtime: number | null): string =>
      JSON.stringify({
        Title: title,
        'Release Date': date,
        'IMDB Rating': imdb,
        'IMDB Votes': 10,
        'Rotten Tomatoes Rating': null,
        'Running Time min': runtime,
      });
    const films = [
      film('Old', 'Jan 01 1950', 7, 90),
      film('Slipped', 'Jan 01 2039', 7, null),
      film('Odd', 'Jan 01 1950', '7', null),
    ];
    // The real file's layout: "[", one object per line, "]".
    write(vegaMoviesReader.input.file, `[\n${films.map((f) => `    ${f}`).join(',\n')}\n]`);
    const report = new BuildReport();
    const records = await vegaMoviesReader.read(dir, report);
    expect(records.map((r) => [r.line, r.title, r.year, r.runtime])).toEqual([[2, 'Old', 1950, 90]]);
    expect(report.skipped.get(vegaMoviesReader.input.file)?.examples).toEqual([
      'line 3: impossible Release Date Jan 01 2039 (known error in this file)',
      'line 4: IMDB Rating is not a number',
    ]);

    write(vegaMoviesReader.input.file, `[${films.join(', ')}]`);
    await expect(vegaMoviesReader.read(dir, new BuildReport())).rejects.toThrow(DataError);
  });

  it('readCsv: broken quoting refuses the file; a short row is skipped with its line', async () => {
    write('q/broken.csv', 'a,b\n1,"never closed\n2,x\n');
    await expect(readCsv(dir, 'q/broken.csv', new BuildReport(), ['a'])).rejects.toThrow(DataError);

    write('q/short.csv', 'a,b\n1,2\n3\n\n4,5\n');
    const report = new BuildReport();
    const rows = await readCsv(dir, 'q/short.csv', report, ['a', 'b']);
    expect(rows.map((r) => [r.line, r.get('a'), r.get('b')])).toEqual([
      [2, '1', '2'],
      [5, '4', '5'],
    ]);
    expect(report.skipped.get('q/short.csv')?.examples).toEqual([
      'line 3: expected 2 fields, found 1 (shifted columns)',
    ]);

    write('q/empty.csv', '');
    await expect(readCsv(dir, 'q/empty.csv', new BuildReport(), ['a'])).rejects.toThrow('empty file');
  });

  it('mapRows: only RowError is a skip; other errors are bugs and propagate', () => {
    const report = new BuildReport();
    const rows = [{ line: 2 }, { line: 3 }];
    expect(
      mapRows(rows, 'f.csv', report, (row) => {
        if (row.line === 2) throw new RowError('bad');
        return row.line;
      }),
    ).toEqual([3]);
    expect(report.skippedTotal).toBe(1);
    expect(() =>
      mapRows(rows, 'f.csv', report, () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});

describe('value parsers', () => {
  it('parseImdbId pads to 7 digits and accepts bare numbers and imdb.com links', () => {
    expect(parseImdbId('0114709', 'c')).toBe('tt0114709');
    expect(parseImdbId('114709', 'c')).toBe('tt0114709');
    expect(parseImdbId('tt123', 'c')).toBe('tt0000123');
    expect(parseImdbId('tt10676048', 'c')).toBe('tt10676048');
    expect(parseImdbId('http://www.imdb.com/title/tt0499549/?ref_=fn_tt_tt_1', 'c')).toBe('tt0499549');
    expect(parseImdbId(' ', 'c')).toBeUndefined();
    expect(() => parseImdbId('nm0000123', 'c')).toThrow(RowError);
  });

  it('parseCount accepts separators and float exports, not fractions', () => {
    expect(parseCount('90,841', 'c')).toBe(90841);
    expect(parseCount('1,234,567', 'c')).toBe(1234567);
    expect(parseCount('91660.0', 'c')).toBe(91660);
    expect(parseCount('', 'c')).toBeUndefined();
    expect(() => parseCount('12.5', 'c')).toThrow(RowError);
    expect(() => parseCount('12,34', 'c')).toThrow(RowError);
  });

  it('parseRuntime reads the formats in use and drops 0 and absurd values', () => {
    expect(parseRuntime('142 min', 'c')).toBe(142);
    expect(parseRuntime('139.0', 'c')).toBe(139);
    expect(parseRuntime('2h 14m', 'c')).toBe(134);
    expect(parseRuntime('2h', 'c')).toBe(120);
    expect(parseRuntime('45m', 'c')).toBe(45);
    expect(parseRuntime('0', 'c')).toBeUndefined();
    expect(parseRuntime('1256', 'c')).toBeUndefined();
    expect(() => parseRuntime('N Seasons', 'c')).toThrow(RowError);
  });

  it('parsePercent, parseYear, metacriticYear, displayedCount', () => {
    expect(parsePercent('87%', 'c')).toBe(87);
    expect(parsePercent('', 'c')).toBeUndefined();
    expect(() => parsePercent('187%', 'c')).toThrow(RowError);
    expect(parseYear('2001.0', 'c')).toBe(2001);
    expect(() => parseYear('PG', 'c')).toThrow(RowError);
    expect(metacriticYear('1-Jul-59')).toBe(1959);
    expect(metacriticYear('31-May-19')).toBe(2019);
    expect(metacriticYear('4-Oct-00')).toBe(2000);
    expect(metacriticYear('4-Oct-20')).toBe(1920);
    expect(displayedCount('50,000+')).toBe(50000);
    expect(displayedCount('2,500+ Verified')).toBe(2500);
    expect(displayedCount('Fewer than 50')).toBeUndefined();
  });
});
