/**
 * Kaggle "Movies on Netflix, Prime Video, Hulu and Disney+" (Ruchi Bhatia), the 2020 version: IMDb rating and the
 * Tomatometer for about 16,700 films, keyed by title and year.
 *
 * Quirks:
 * - `IMDb` is a bare number ("8.8"); 4 rows have 0, which is not an IMDb value (the scale starts at 1) but the
 *   export's "none". No vote count is given.
 * - `Rotten Tomatoes` is the Tomatometer as "87%" (spot checks match: Inception 87%, The Social Network 96%).
 * - `Runtime` is minutes; a few are impossible (Colorado 1940: 1256) and are dropped by `parseRuntime`.
 * - Titles are the platforms' spellings ("22-Jul" for 22 July); the merge's title normalisation has to cope.
 *
 * The 2021 version of this dataset (MoviesOnStreamingPlatforms_2021.csv.gz, same folder) is deliberately NOT
 * read: it has no IMDb column, and its "Rotten Tomatoes" column ("86/100") is not the Tomatometer (only 38 of
 * 2,061 overlapping films agree with the 2020 file), so shipping it as an RT score would be wrong.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  mapRows,
  parseNumber,
  parsePercent,
  parseRuntime,
  parseYear,
  presentRatings,
  rating,
  readCsv,
  requireTitle,
  sourceRecord,
} from './csv';

const INPUT: DatasetInput = {
  id: 'movies-on-streaming-2020',
  file: 'raw/movies_on_streaming_platforms/MoviesOnStreamingPlatforms_updated_2020.csv.gz',
  name: 'Movies on Netflix, Prime Video, Hulu and Disney+ (Kaggle, 2020)',
  origin: 'Kaggle (Ruchi Bhatia) via github:amankharwal/Website-data@84aad1b MoviesOnStreamingPlatforms_updated.csv',
  licence: 'not stated in repo; reported elsewhere as public domain (CC0)',
  asOf: '2020',
};

const COLUMNS = ['Title', 'Year', 'IMDb', 'Rotten Tomatoes', 'Runtime'] as const;

export const moviesOnStreaming2020Reader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    return mapRows(rows, INPUT.file, report, (row) => {
      const imdb = parseNumber(row.get('IMDb'), 'IMDb');
      return sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        title: requireTitle(row.get('Title'), 'Title'),
        year: parseYear(row.get('Year'), 'Year'),
        runtime: parseRuntime(row.get('Runtime'), 'Runtime'),
        kind: 'movie',
        ratings: presentRatings(
          rating('imdb', imdb === 0 ? undefined : imdb, 10, INPUT.asOf),
          rating('rt-critics', parsePercent(row.get('Rotten Tomatoes'), 'Rotten Tomatoes'), 100, INPUT.asOf),
        ),
      });
    });
  },
};
