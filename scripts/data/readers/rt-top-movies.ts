/**
 * Kaggle "Rotten Tomatoes Top Movies" (thedevastator): RT's top-100 lists of 17 genres, with the Tomatometer and
 * its review count and the audience score and its rating count. Latest film 2020; no scrape date is stated.
 *
 * Quirks:
 * - A film is listed once per genre list it is in: 1,610 rows, 993 films. Rows are deduplicated by the RT page
 *   `link`, first row kept (two films' later copies differ by a review or so: Rebecca, A Quiet Place).
 * - `total_ratings` is RT's rounded display ("50,000+", "2,500+ Verified"): the number is a lower bound and is
 *   used as the audience count as shown; "Fewer than 50" (2 rows) gives a score without a count.
 * - `runtime` is "2h 14m". `synopsis` and `consensus` are RT prose and are never read.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  FirstSeen,
  mapRows,
  parseCount,
  parseNumber,
  parseRuntime,
  parseYear,
  presentRatings,
  rating,
  readCsv,
  requireTitle,
  RowError,
  sourceRecord,
} from './csv';

const INPUT: DatasetInput = {
  id: 'rt-top-movies',
  file: 'raw/rt_top_movies/rotten_tomatoes_top_movies.csv.gz',
  name: 'Rotten Tomatoes Top Movies (Kaggle)',
  origin:
    'Kaggle "Rotten Tomatoes Top Movies Ratings and Technical" via github:AI-Bassem/moviebot@c9fc20c ' +
    'rotten_tomatoes_top_movies.csv',
  licence: 'not stated',
  asOf: '2020',
};

const COLUMNS = [
  'title',
  'year',
  'critic_score',
  'people_score',
  'total_reviews',
  'total_ratings',
  'runtime',
  'link',
] as const;

/**
 * "50,000+" / "2,500+ Verified" → 50000 / 2500 (the displayed lower bound). "Fewer than 50" gives no count: the
 * score stays, but an upper bound is not a count.
 */
export function displayedCount(text: string): number | undefined {
  if (/^Fewer than \d+$/.test(text.trim())) return undefined;
  return parseCount(text.replace(/\+(\s*Verified)?\s*$/, ''), 'total_ratings');
}

export const rtTopMoviesReader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    const seen = new FirstSeen<string>();
    return mapRows(rows, INPUT.file, report, (row) => {
      const link = row.get('link').trim();
      if (link === '') throw new RowError('no link');
      const record = sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        title: requireTitle(row.get('title'), 'title'),
        year: parseYear(row.get('year'), 'year'),
        runtime: parseRuntime(row.get('runtime'), 'runtime'),
        kind: 'movie',
        ratings: presentRatings(
          rating(
            'rt-critics',
            parseNumber(row.get('critic_score'), 'critic_score'),
            100,
            INPUT.asOf,
            parseCount(row.get('total_reviews'), 'total_reviews'),
          ),
          rating(
            'rt-audience',
            parseNumber(row.get('people_score'), 'people_score'),
            100,
            INPUT.asOf,
            displayedCount(row.get('total_ratings')),
          ),
        ),
      });
      seen.claim(link, row.line, 'link');
      return record;
    });
  },
};
