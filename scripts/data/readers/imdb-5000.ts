/**
 * Kaggle "IMDB 5000 Movie Dataset" (2016 scrape): IMDb score and vote count per tt id.
 *
 * Quirks:
 * - `movie_title` ends in a non-breaking space (plus padding spaces on some rows); `cleanTitle` removes it.
 * - 5,043 rows but only 4,918 distinct tt ids: the scrape listed some films twice, sometimes with scores read at
 *   different moments. The first row wins, later ones are counted as skipped duplicates.
 * - Rows without `title_year` are TV series (the scrape mixed some in; every one of them that the Soeiro catalogs
 *   also list is a SHOW there, none a MOVIE). Their kind is left unknown and their `duration` (an episode length)
 *   is not used as a runtime.
 * - One row ("Sanctuary") is truncated after the genres: no link, no score. It is skipped.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  FirstSeen,
  mapRows,
  parseCount,
  parseImdbId,
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
  id: 'imdb-5000',
  file: 'raw/imdb_5000/movie_metadata.csv',
  name: 'IMDB 5000 Movie Dataset (Kaggle)',
  origin: 'Kaggle "IMDB 5000 Movie Dataset" via github:LucasIssler/movie_metadata.csv',
  licence: 'not stated',
  asOf: '2016',
};

const COLUMNS = ['movie_title', 'movie_imdb_link', 'title_year', 'duration', 'imdb_score', 'num_voted_users'] as const;

export const imdb5000Reader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    const seen = new FirstSeen<string>();
    return mapRows(rows, INPUT.file, report, (row) => {
      const imdbId = parseImdbId(row.get('movie_imdb_link'), 'movie_imdb_link');
      if (imdbId === undefined) throw new RowError('no movie_imdb_link (truncated row)');
      const year = parseYear(row.get('title_year'), 'title_year');
      const isFilm = year !== undefined;
      const record = sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        imdbId,
        title: requireTitle(row.get('movie_title'), 'movie_title'),
        year,
        runtime: isFilm ? parseRuntime(row.get('duration'), 'duration') : undefined,
        kind: isFilm ? 'movie' : undefined,
        ratings: presentRatings(
          rating(
            'imdb',
            parseNumber(row.get('imdb_score'), 'imdb_score'),
            10,
            INPUT.asOf,
            parseCount(row.get('num_voted_users'), 'num_voted_users'),
          ),
        ),
      });
      // Claimed only once the row parsed, so a bad first copy does not hide a good second one.
      seen.claim(imdbId, row.line, imdbId);
      return record;
    });
  },
};
