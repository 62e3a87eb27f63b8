/**
 * Kaggle "IMDB Movies Dataset" top 1000 (converted from `;` to `,` by the repo it came from): IMDb rating and
 * votes plus the Metascore, keyed by title and year only (no ids).
 *
 * Quirks:
 * - Two rows (Le scaphandre et le papillon, Rain Man) have a `;` inside `Overview`, which the conversion turned
 *   into an extra field: every later cell is shifted, so `readCsv` skips them for their field count.
 * - Apollo 13 has "PG" in `Released_Year` (the certificate slid one column left): skipped, not guessed.
 * - `Runtime` is "142 min"; `Meta_score` is blank for 157 films.
 * - No scrape date is given; the as-of is the latest release year in the file.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
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
  id: 'imdb-top-1000',
  file: 'raw/imdb_top_1000/imdb_top_1000.csv',
  name: 'IMDB Movies Dataset, top 1000 (Kaggle)',
  origin: 'Kaggle "IMDB Movies Dataset" (top 1000) via github:eder-projetos-dev/top1000-filmes-imdb',
  licence: 'not stated',
  asOf: '2020',
};

const COLUMNS = ['Series_Title', 'Released_Year', 'Runtime', 'IMDB_Rating', 'Meta_score', 'No_of_Votes'] as const;

export const imdbTop1000Reader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    return mapRows(rows, INPUT.file, report, (row) => {
      const year = parseYear(row.get('Released_Year'), 'Released_Year');
      // Without ids the year is half of the join key: a row without one cannot be placed.
      if (year === undefined) throw new RowError('no Released_Year');
      return sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        title: requireTitle(row.get('Series_Title'), 'Series_Title'),
        year,
        runtime: parseRuntime(row.get('Runtime'), 'Runtime'),
        kind: 'movie',
        ratings: presentRatings(
          rating(
            'imdb',
            parseNumber(row.get('IMDB_Rating'), 'IMDB_Rating'),
            10,
            INPUT.asOf,
            parseCount(row.get('No_of_Votes'), 'No_of_Votes'),
          ),
          rating('metacritic', parseNumber(row.get('Meta_score'), 'Meta_score'), 100, INPUT.asOf),
        ),
      });
    });
  },
};
