/**
 * FiveThirtyEight's Fandango comparison (Fandango pulled Aug. 24, 2015; CC BY 4.0): for 146 films of 2014–15, the
 * Tomatometer, RT user score, Metascore, Metacritic user score, IMDb score and Fandango's stars, with vote counts
 * where the file has them (Metacritic user, IMDb, Fandango; none for RT or the Metascore).
 *
 * Quirks:
 * - The year is only inside the title: "Ant-Man (2015)". It is split off.
 * - Fandango shows `Fandango_Stars` on the page and also has the exact average `Fandango_Ratingvalue`, which is
 *   lower (the point of the story). The stars are used: they are what Fandango presents as its rating. The *_norm
 *   columns are 538's rescalings, not source values, and are not read.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  mapRows,
  parseCount,
  parseNumber,
  parseYear,
  presentRatings,
  rating,
  readCsv,
  requireTitle,
  RowError,
  sourceRecord,
} from './csv';

const INPUT: DatasetInput = {
  id: 'fivethirtyeight-fandango',
  file: 'raw/fivethirtyeight/fandango_fandango_score_comparison.csv',
  name: 'FiveThirtyEight Fandango score comparison',
  origin: 'github:fivethirtyeight/data@fcf572c fandango/fandango_score_comparison.csv',
  licence: 'CC BY 4.0',
  asOf: '2015-08-24',
};

const COLUMNS = [
  'FILM',
  'RottenTomatoes',
  'RottenTomatoes_User',
  'Metacritic',
  'Metacritic_User',
  'IMDB',
  'Fandango_Stars',
  'Metacritic_user_vote_count',
  'IMDB_user_vote_count',
  'Fandango_votes',
] as const;

export const fandangoReader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    const asOf = INPUT.asOf;
    return mapRows(rows, INPUT.file, report, (row) => {
      const film = /^(.*)\((\d{4})\)\s*$/.exec(row.get('FILM'));
      if (film?.[1] === undefined || film[2] === undefined) throw new RowError('FILM has no "(yyyy)" year');
      const num = (column: (typeof COLUMNS)[number]): number | undefined => parseNumber(row.get(column), column);
      const count = (column: (typeof COLUMNS)[number]): number | undefined => parseCount(row.get(column), column);
      return sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        title: requireTitle(film[1], 'FILM'),
        year: parseYear(film[2], 'FILM'),
        kind: 'movie',
        ratings: presentRatings(
          rating('rt-critics', num('RottenTomatoes'), 100, asOf),
          rating('rt-audience', num('RottenTomatoes_User'), 100, asOf),
          rating('metacritic', num('Metacritic'), 100, asOf),
          rating('metacritic-user', num('Metacritic_User'), 10, asOf, count('Metacritic_user_vote_count')),
          rating('imdb', num('IMDB'), 10, asOf, count('IMDB_user_vote_count')),
          rating('fandango', num('Fandango_Stars'), 5, asOf, count('Fandango_votes')),
        ),
      });
    });
  },
};
