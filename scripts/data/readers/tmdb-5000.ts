/**
 * Kaggle "TMDB 5000 Movie Dataset" (2017): TMDb id, titles, release year, runtime and the TMDb vote average.
 *
 * Quirks:
 * - `runtime` is a float export ("139.0"); 0 and blank mean unknown.
 * - 62 films have `vote_count` 0 and `vote_average` 0.0: that is "no votes", not a score of 0, so no rating.
 * - One film has no `release_date`; it is kept without a year (it still has its TMDb id).
 * - `overview`, `tagline` and the JSON keyword/genre cells are never read (prose, and not needed).
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  cleanTitle,
  FirstSeen,
  mapRows,
  parseCount,
  parseNumber,
  parseRuntime,
  parseTmdbId,
  presentRatings,
  rating,
  readCsv,
  requireTitle,
  RowError,
  sourceRecord,
  yearOfIsoDate,
} from './csv';

const INPUT: DatasetInput = {
  id: 'tmdb-5000',
  file: 'raw/tmdb_5000/tmdb_5000_movies.csv.gz',
  name: 'TMDB 5000 Movie Dataset (Kaggle)',
  origin: 'Kaggle "TMDB 5000 Movie Dataset" via github:ajsar123/movies-recommender-system',
  licence: 'TMDb terms (Kaggle)',
  asOf: '2017',
};

const COLUMNS = ['id', 'title', 'original_title', 'release_date', 'runtime', 'vote_average', 'vote_count'] as const;

export const tmdb5000Reader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    const seen = new FirstSeen<number>();
    return mapRows(rows, INPUT.file, report, (row) => {
      const tmdbId = parseTmdbId(row.get('id'), 'id');
      if (tmdbId === undefined) throw new RowError('no id');
      const title = requireTitle(row.get('title'), 'title');
      const originalTitle = cleanTitle(row.get('original_title'));
      const votes = parseCount(row.get('vote_count'), 'vote_count');
      const average = parseNumber(row.get('vote_average'), 'vote_average');
      const record = sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        tmdbId,
        title,
        originalTitle: originalTitle !== '' && originalTitle !== title ? originalTitle : undefined,
        year: yearOfIsoDate(row.get('release_date'), 'release_date'),
        runtime: parseRuntime(row.get('runtime'), 'runtime'),
        kind: 'movie',
        ratings: presentRatings(votes ? rating('tmdb', average, 10, INPUT.asOf, votes) : undefined),
      });
      seen.claim(tmdbId, row.line, `TMDb id ${tmdbId}`);
      return record;
    });
  },
};
