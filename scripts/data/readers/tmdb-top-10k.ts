/**
 * Kaggle "Top 10000 popular movies (TMDB)" (about July 2022, latest release 2022-07-13): TMDb id, title, release
 * year and the TMDb vote average with its vote count. No IMDb ids: the build bridges them through MovieLens.
 *
 * Quirks:
 * - CRLF line endings, no final newline, and a few `overview` cells with line breaks inside (a real CSV parser is
 *   needed; line numbers come from `readCsv`). `overview` is TMDb prose and is never read.
 */
import type { DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import {
  FirstSeen,
  mapRows,
  parseCount,
  parseNumber,
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
  id: 'tmdb-top-10k',
  file: 'raw/tmdb_top10k/top10K-TMDB-movies.csv.gz',
  name: 'Top 10000 popular movies, TMDB (Kaggle)',
  origin: 'github:vartika51/recommender-system@b8e27d4 top10K-TMDB-movies.csv',
  licence: 'not stated (TMDb data; TMDb terms of use apply)',
  asOf: '2022-07',
};

const COLUMNS = ['id', 'title', 'release_date', 'vote_average', 'vote_count'] as const;

export const tmdbTop10kReader: SourceReader = {
  input: INPUT,
  async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
    const rows = await readCsv(sourcesDir, INPUT.file, report, COLUMNS);
    const seen = new FirstSeen<number>();
    return mapRows(rows, INPUT.file, report, (row) => {
      const tmdbId = parseTmdbId(row.get('id'), 'id');
      if (tmdbId === undefined) throw new RowError('no id');
      const votes = parseCount(row.get('vote_count'), 'vote_count');
      const average = parseNumber(row.get('vote_average'), 'vote_average');
      const record = sourceRecord({
        inputId: INPUT.id,
        line: row.line,
        tmdbId,
        title: requireTitle(row.get('title'), 'title'),
        year: yearOfIsoDate(row.get('release_date'), 'release_date'),
        kind: 'movie',
        ratings: presentRatings(
          // A 0 vote count would mean "no votes", not a score; the file has none but the rule is the TMDb one.
          votes ? rating('tmdb', average, 10, INPUT.asOf, votes) : undefined,
        ),
      });
      seen.claim(tmdbId, row.line, `TMDb id ${tmdbId}`);
      return record;
    });
  },
};
