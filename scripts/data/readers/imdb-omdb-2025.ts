/**
 * Two files from a 2025 student project (github:IzaiahJCas/BoxOfficeEarnings), both keyed by IMDb tt id:
 *
 * `filtered_imdb_movies.csv.gz`: every IMDb movie of 2000–2025 with more than 5,000 votes, from an IMDb dataset
 * export of about the last week of April 2025 (Sinners, released 2025-04-18, has 25,803 votes).
 * - `numVotes` and `releaseYear` are float exports ("91660.0", "2001.0").
 * - Films with ≤ 5,000 votes are absent by design; that is not a "no".
 *
 * `omdb_movies_rows.csv.gz`: raw OMDb API answers fetched 2025-04-26/27 for 2,969 of those films.
 * - `imdbVotes` is formatted ("90,841"), `Metascore` is a float ("44.0"), `Rotten Tomatoes` is the OMDb critics
 *   value ("52%"), `Runtime` is "113 min". Blank cells mean OMDb had no value.
 * - `Plot`, `Awards` and the people columns are prose or not needed and are never read.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  FirstSeen,
  mapRows,
  parseCount,
  parseImdbId,
  parseNumber,
  parsePercent,
  parseRuntime,
  parseYear,
  presentRatings,
  rating,
  readCsv,
  requireTitle,
  RowError,
  sourceRecord,
} from './csv';

const ORIGIN_REPO = 'github:IzaiahJCas/BoxOfficeEarnings';

const FILTERED_INPUT: DatasetInput = {
  id: 'imdb-filtered-2025',
  file: 'raw/imdb_omdb_2000_2025/filtered_imdb_movies.csv.gz',
  name: 'IMDb movies 2000–2025 with more than 5,000 votes',
  origin: `${ORIGIN_REPO}@9c31132 Data_Fetching/filtered_imdb_movies.csv`,
  licence: 'not stated (IMDb data, non-commercial terms)',
  asOf: '2025-04',
};

const OMDB_INPUT: DatasetInput = {
  id: 'omdb-2025',
  file: 'raw/imdb_omdb_2000_2025/omdb_movies_rows.csv.gz',
  name: 'OMDb API responses (April 2025)',
  origin: `${ORIGIN_REPO}@2012669 Movies_rows.csv`,
  licence: 'not stated (OMDb/IMDb/Rotten Tomatoes/Metacritic data)',
  asOf: '2025-04-26',
};

const FILTERED_COLUMNS = ['id', 'title', 'type', 'averageRating', 'numVotes', 'releaseYear'] as const;

export const imdbFiltered2025Reader: SourceReader = {
  input: FILTERED_INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const { file, id, asOf } = FILTERED_INPUT;
    const rows = await readCsv(sourcesDir, file, report, FILTERED_COLUMNS);
    const seen = new FirstSeen<string>();
    return mapRows(rows, file, report, (row) => {
      const imdbId = parseImdbId(row.get('id'), 'id');
      if (imdbId === undefined) throw new RowError('no id');
      // The export was filtered to type "movie"; anything else would be a different file.
      if (row.get('type').trim() !== 'movie') throw new RowError(`type is "${row.get('type').trim()}", not movie`);
      const record = sourceRecord({
        inputId: id,
        line: row.line,
        imdbId,
        title: requireTitle(row.get('title'), 'title'),
        year: parseYear(row.get('releaseYear'), 'releaseYear'),
        kind: 'movie',
        ratings: presentRatings(
          rating(
            'imdb',
            parseNumber(row.get('averageRating'), 'averageRating'),
            10,
            asOf,
            parseCount(row.get('numVotes'), 'numVotes'),
          ),
        ),
      });
      seen.claim(imdbId, row.line, imdbId);
      return record;
    });
  },
};

const OMDB_COLUMNS = [
  'imdbID',
  'Title',
  'Year',
  'Runtime',
  'Metascore',
  'imdbRating',
  'imdbVotes',
  'Rotten Tomatoes',
] as const;

export const omdb2025Reader: SourceReader = {
  input: OMDB_INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const { file, id, asOf } = OMDB_INPUT;
    const rows = await readCsv(sourcesDir, file, report, OMDB_COLUMNS);
    const seen = new FirstSeen<string>();
    return mapRows(rows, file, report, (row) => {
      const imdbId = parseImdbId(row.get('imdbID'), 'imdbID');
      if (imdbId === undefined) throw new RowError('no imdbID');
      const record = sourceRecord({
        inputId: id,
        line: row.line,
        imdbId,
        title: requireTitle(row.get('Title'), 'Title'),
        year: parseYear(row.get('Year'), 'Year'),
        runtime: parseRuntime(row.get('Runtime'), 'Runtime'),
        kind: 'movie',
        ratings: presentRatings(
          rating(
            'imdb',
            parseNumber(row.get('imdbRating'), 'imdbRating'),
            10,
            asOf,
            parseCount(row.get('imdbVotes'), 'imdbVotes'),
          ),
          rating('metacritic', parseNumber(row.get('Metascore'), 'Metascore'), 100, asOf),
          rating('rt-critics', parsePercent(row.get('Rotten Tomatoes'), 'Rotten Tomatoes'), 100, asOf),
        ),
      });
      seen.claim(imdbId, row.line, imdbId);
      return record;
    });
  },
};
