/**
 * vega-datasets `movies.json` (npm vega-datasets@3.2.1): IMDb rating and votes and the Tomatometer for about
 * 3,200 films released up to 2010, keyed by title and release date.
 *
 * The datapackage says this file contains intentional errors for teaching, so it is read conservatively:
 * - Release dates after 2011 are wrong: the list was compiled around 2010 and its latest real entries are a few
 *   announced 2011 releases. The 2015–2046 dates are 1915–1946 films with the century slipped (Birth of a Nation
 *   "2015", Gone with the Wind "2039"); keeping them would put old films on new years and could even merge them
 *   with a same-named remake. They are skipped (counted), not repaired.
 * - Some titles are JSON numbers (1776, 300, 2012) and one is null: numbers are read as text, null is skipped.
 * - A few titles are library-sorted ("Barbarians, The"): the article is moved back to the front.
 * - The file is a JSON array with one film object per line, which gives each film its physical line number.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import { DataError, type BuildReport, type SourceReader, type SourceRecord } from '../types';
import {
  mapRows,
  parseRuntime,
  presentRatings,
  rating,
  readJsonArray,
  requireTitle,
  RowError,
  sourceRecord,
} from './csv';

const INPUT: DatasetInput = {
  id: 'vega-movies',
  file: 'raw/vega_datasets/movies.json',
  name: 'vega-datasets movies.json',
  origin: 'npm vega-datasets@3.2.1 data/movies.json',
  licence: 'BSD-3-Clause (package)',
  asOf: '2010',
};

/** Latest release year that can be real in this file (see the header comment). */
export const VEGA_LATEST_YEAR = 2011;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface VegaRow {
  readonly line: number;
  readonly film: Readonly<Record<string, unknown>>;
}

/** A JSON number field, or undefined for null/absent; any other type is a malformed row. */
function numberField(film: VegaRow['film'], key: string): number | undefined {
  const value = film[key];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RowError(`${key} is not a number`);
  return value;
}

/** "Barbarians, The" → "The Barbarians". */
function unsortTitle(title: string): string {
  const match = /^(.*), (The|A|An)$/.exec(title);
  return match?.[1] !== undefined && match[2] !== undefined ? `${match[2]} ${match[1]}` : title;
}

/** Parses the array and pairs each element with the line its object starts on. */
async function readVegaRows(sourcesDir: string): Promise<VegaRow[]> {
  const { items: parsed, text } = await readJsonArray(sourcesDir, INPUT.file, 'expected a JSON array of films');
  const objectLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('{')) objectLines.push(i + 1);
  });
  // The line mapping relies on the one-object-per-line layout; refuse a reformatted file rather than mislabel.
  if (objectLines.length !== parsed.length) {
    const found = `${parsed.length} films, ${objectLines.length} object lines`;
    throw new DataError(INPUT.file, 1, `expected one film object per line (${found})`);
  }
  return parsed.map((film: unknown, i) => {
    const line = objectLines[i] ?? 0;
    if (typeof film !== 'object' || film === null || Array.isArray(film)) return { line, film: {} };
    return { line, film: film as Record<string, unknown> };
  });
}

export const vegaMoviesReader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readVegaRows(sourcesDir);
    if (rows[0] !== undefined && !('IMDB Rating' in rows[0].film && 'Release Date' in rows[0].film))
      throw new DataError(INPUT.file, rows[0].line, 'missing field "IMDB Rating" or "Release Date"');
    return mapRows(rows, INPUT.file, report, ({ line, film }) => {
      const rawTitle = film['Title'];
      if (typeof rawTitle !== 'string' && typeof rawTitle !== 'number') throw new RowError('no Title');
      const title = unsortTitle(requireTitle(String(rawTitle), 'Title'));

      const date = film['Release Date'];
      const match = typeof date === 'string' ? /^([A-Z][a-z]{2}) \d{2} (\d{4})$/.exec(date) : null;
      if (match?.[1] === undefined || match[2] === undefined || !MONTHS.includes(match[1]))
        throw new RowError(`Release Date is not "Mon dd yyyy": ${JSON.stringify(date)}`);
      const year = Number(match[2]);
      if (year > VEGA_LATEST_YEAR) throw new RowError(`impossible Release Date ${date} (known error in this file)`);

      const runtime = numberField(film, 'Running Time min');
      return sourceRecord({
        inputId: INPUT.id,
        line,
        title,
        year,
        runtime: runtime === undefined ? undefined : parseRuntime(String(runtime), 'Running Time min'),
        kind: 'movie',
        ratings: presentRatings(
          rating('imdb', numberField(film, 'IMDB Rating'), 10, INPUT.asOf, numberField(film, 'IMDB Votes')),
          rating('rt-critics', numberField(film, 'Rotten Tomatoes Rating'), 100, INPUT.asOf),
        ),
      });
    });
  },
};
