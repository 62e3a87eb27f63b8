/**
 * A 2019 scrape of Metacritic movie pages: Metascore (0–100) and user score (0–10) with the number of critic and
 * user reviews behind each, keyed by title and release date only.
 *
 * Quirks:
 * - `release_date` is "d-Mon-yy" with a two-digit year. The scrape is from 2019 (latest release 2019-10-04), so a
 *   year after the snapshot's own year cannot be 20yy: yy > 19 reads as 19yy. (Any pivot from 19 to 99 gives the
 *   same years on this file; tying it to the snapshot keeps it right if the build runs in another decade.)
 * - `userscore` is "tbd" where Metacritic shows no user score yet (fewer than 4 user ratings): no rating.
 * - Review counts come split into positive / mixed / negative; the count is their sum. User counts have thousands
 *   separators ("1,234").
 * - One exact duplicate row (Godzilla: King of the Monsters, 31-May-19): the first is kept.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  FirstSeen,
  mapRows,
  parseCount,
  parseNumber,
  presentRatings,
  rating,
  readCsv,
  requireTitle,
  RowError,
  sourceRecord,
} from './csv';

const INPUT: DatasetInput = {
  id: 'metacritic-scrape',
  file: 'raw/metacritic_scrape/metacritic_movies.csv',
  name: 'Metacritic movies scrape (2019)',
  origin: 'github:zsowen/Movie_Database@3d8b143 Resources/metacritic_movies.csv',
  licence: 'not stated (Metacritic data)',
  asOf: '2019-10',
};

const COLUMNS = [
  'movie_title',
  'release_date',
  'metascore',
  'meta_positive',
  'meta_mixed',
  'meta_negative',
  'userscore',
  'user_positive',
  'user_mixed',
  'user_negative',
] as const;

/** Two-digit years after this are 19yy: the snapshot's own year (see the header comment). */
export const METACRITIC_PIVOT_YY = Number(INPUT.asOf.slice(2, 4));

/** "1-Jul-59" → 1959, "31-May-19" → 2019. */
export function metacriticYear(text: string): number {
  const match = /^\d{1,2}-[A-Z][a-z]{2}-(\d{2})$/.exec(text.trim());
  if (match?.[1] === undefined) throw new RowError(`release_date is not d-Mon-yy: "${text.trim()}"`);
  const yy = Number(match[1]);
  return yy > METACRITIC_PIVOT_YY ? 1900 + yy : 2000 + yy;
}

/** Sum of the split review counts; undefined when none is given or all are 0 (no reviews counted). */
function sumCounts(cells: string[], column: string): number | undefined {
  let total = 0;
  for (const cell of cells) total += parseCount(cell, column) ?? 0;
  return total > 0 ? total : undefined;
}

export const metacriticReader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    const seen = new FirstSeen<string>();
    return mapRows(rows, INPUT.file, report, (row) => {
      const title = requireTitle(row.get('movie_title'), 'movie_title');
      const userText = row.get('userscore').trim();
      const record = sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        title,
        year: metacriticYear(row.get('release_date')),
        kind: 'movie',
        ratings: presentRatings(
          rating(
            'metacritic',
            parseNumber(row.get('metascore'), 'metascore'),
            100,
            INPUT.asOf,
            sumCounts([row.get('meta_positive'), row.get('meta_mixed'), row.get('meta_negative')], 'meta_*'),
          ),
          rating(
            'metacritic-user',
            userText === 'tbd' ? undefined : parseNumber(userText, 'userscore'),
            10,
            INPUT.asOf,
            sumCounts([row.get('user_positive'), row.get('user_mixed'), row.get('user_negative')], 'user_*'),
          ),
        ),
      });
      seen.claim(`${title}|${row.get('release_date').trim()}`, row.line, 'title+release_date');
      return record;
    });
  },
};
