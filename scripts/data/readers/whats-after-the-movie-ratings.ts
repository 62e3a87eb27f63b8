/**
 * The ratings shown on the "What's After the Movie?" page for Never Let Me Go (2010), the page this product was
 * designed from (one row). Its end-credits verdict is read by the credits reader under its own input; this input
 * carries only the ratings, each on the scale the page shows it: Metascore 69/100, Metacritic user 7.1/10, IMDb
 * 7.1/10, TMDb user score 69 % (kept on 100, as shown, rather than converted to TMDb's usual 10).
 *
 * The page's Tomatometer is empty and its RT audience field shows "0%" next to an empty value; both are blank in
 * the file and stay absent.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  mapRows,
  parseImdbId,
  parseNumber,
  parsePercent,
  parseYear,
  presentRatings,
  rating,
  readCsv,
  requireTitle,
  sourceRecord,
} from './csv';

const INPUT: DatasetInput = {
  id: 'whats-after-the-movie-ratings',
  file: 'raw/whats_after_the_movie/whats_after_the_movie.csv',
  name: "What's After the Movie? film page (ratings)",
  origin: "What's After the Movie? film page for Never Let Me Go (site footer 2024)",
  licence: "not stated (What's After the Movie? site)",
  asOf: '2024',
};

const COLUMNS = [
  'title',
  'year',
  'imdb_id',
  'metascore',
  'metacritic_user_score',
  'imdb_rating',
  'tmdb_user_score_pct',
  'tomatometer_pct',
  'rt_audience_pct',
] as const;

export const whatsAfterTheMovieRatingsReader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    const asOf = INPUT.asOf;
    return mapRows(rows, INPUT.file, report, (row) =>
      sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        imdbId: parseImdbId(row.get('imdb_id'), 'imdb_id'),
        title: requireTitle(row.get('title'), 'title'),
        year: parseYear(row.get('year'), 'year'),
        kind: 'movie',
        ratings: presentRatings(
          rating('imdb', parseNumber(row.get('imdb_rating'), 'imdb_rating'), 10, asOf),
          rating('metacritic', parseNumber(row.get('metascore'), 'metascore'), 100, asOf),
          rating('metacritic-user', parseNumber(row.get('metacritic_user_score'), 'metacritic_user_score'), 10, asOf),
          rating('tmdb', parsePercent(row.get('tmdb_user_score_pct'), 'tmdb_user_score_pct'), 100, asOf),
          rating('rt-critics', parsePercent(row.get('tomatometer_pct'), 'tomatometer_pct'), 100, asOf),
          rating('rt-audience', parsePercent(row.get('rt_audience_pct'), 'rt_audience_pct'), 100, asOf),
        ),
      }),
    );
  },
};
