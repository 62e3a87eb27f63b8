/**
 * A 2024 scrape of Rotten Tomatoes' "movies at home" listing: Audience Score and Tomatometer (Critics Score) by
 * title. As of October 2024 (the repo commit; streaming dates run to Oct 2024).
 *
 * Quirks:
 * - 0 means "no score" in this scrape (the page shows none), not 0 %: that score is left out, and a row with
 *   neither score says nothing and is skipped.
 * - There is no release year: "Steam Date" is when the film started streaming (Shrek: 2015), so it is not used.
 *   Several titles appear twice (Dune, Road House, The Omen…): different films of the same name. All are kept;
 *   without a year the merge has to decide whether it can place them.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import { mapRows, parseNumber, presentRatings, rating, readCsv, requireTitle, RowError, sourceRecord } from './csv';

const INPUT: DatasetInput = {
  id: 'rt-streaming-2024',
  file: 'raw/rt_streaming_2024/rotten_tomatoes_streaming_2024.csv',
  name: 'Rotten Tomatoes streaming movies scrape (2024)',
  origin: 'github:hengnan/pythonWebScraper@b29725d rotten_tomatoes_movies.csv',
  licence: 'MIT (repo); Rotten Tomatoes data',
  asOf: '2024-10',
};

const COLUMNS = ['Title', 'Audience Score', 'Critics Score'] as const;

/** 0 is this scrape's "no score". */
function score(text: string, column: string): number | undefined {
  const value = parseNumber(text, column);
  return value === 0 ? undefined : value;
}

export const rtStreaming2024Reader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    return mapRows(rows, INPUT.file, report, (row) => {
      const ratings = presentRatings(
        rating('rt-critics', score(row.get('Critics Score'), 'Critics Score'), 100, INPUT.asOf),
        rating('rt-audience', score(row.get('Audience Score'), 'Audience Score'), 100, INPUT.asOf),
      );
      if (ratings.length === 0) throw new RowError('no score (both 0)');
      return sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        title: requireTitle(row.get('Title'), 'Title'),
        kind: 'movie',
        ratings,
      });
    });
  },
};
