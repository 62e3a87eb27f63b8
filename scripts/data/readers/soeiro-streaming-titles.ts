/**
 * Victor Soeiro's Kaggle "<Service> TV Shows and Movies" titles.csv files (JustWatch US catalogs): IMDb score and
 * votes and the TMDb score per title, with the IMDb tt id. One input per file; both snapshots (July 2022 and early
 * 2023) are read in full and the merge prefers the newer as-of where a title is in both.
 *
 * Quirks:
 * - `description` has line breaks inside quoted cells in a few rows (hence a real CSV parser). It is copyrighted
 *   prose and is never read, nor are genres/countries (Python-list strings).
 * - `type` is MOVIE or SHOW. For a SHOW, `runtime` is an episode length, so it is not used as the runtime.
 * - `imdb_votes` and `runtime` are float exports ("588100.0"); `tmdb_score` is TMDb's vote average with no vote
 *   count and no TMDb id. Blank ids and scores are common (Disney+ especially).
 * - The 2022 Prime file lists three titles twice (identical rows): deduplicated by the JustWatch `id`. One Netflix
 *   2022 row has an empty title and is skipped.
 * - As-of: the 2022 files say "acquired in July 2022"; of the 2023 files only Netflix states "March 2023", the others
 *   come from the same April 2023 commit and are dated 2023.
 */
import type { DatasetInput, FilmKind } from '../../../lib/data/schema';
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

const DIR = 'raw/soeiro_streaming_titles';

type Snapshot = '2022-07' | '2023';

const REPOS: Record<Snapshot, string> = {
  '2022-07': 'github:DyPeterson/dbt-tv-movies@31d51cf',
  '2023': 'github:adishsp7/Streaming-Services-Title-Analysis@21e17a2',
};

/**
 * The input for one file. `key` names the service; the local file is `<key with _>_titles_<snapshot>.csv.gz`.
 * `repoPath` is the committed CSV in the snapshot's repository (SNAPSHOT_COMMIT.txt).
 */
function soeiroInput(
  snapshot: Snapshot,
  key: string,
  service: string,
  repoPath: string,
  asOf: string = snapshot,
): DatasetInput {
  return {
    id: `soeiro-${key}-${snapshot}`,
    file: `${DIR}/${key.replace(/-/g, '_')}_titles_${snapshot}.csv.gz`,
    name: `${service} titles, JustWatch US (Kaggle, Victor Soeiro, ${asOf})`,
    origin: `Kaggle (Victor Soeiro) via ${REPOS[snapshot]} ${repoPath}`,
    licence: 'not stated',
    asOf,
  };
}

const INPUTS: readonly DatasetInput[] = [
  soeiroInput('2022-07', 'netflix', 'Netflix', 'data/netflix-titles.csv'),
  soeiroInput('2022-07', 'amazon-prime', 'Amazon Prime Video', 'data/prime-titles.csv'),
  soeiroInput('2022-07', 'disney-plus', 'Disney+', 'data/disney-titles.csv'),
  soeiroInput('2022-07', 'hbo-max', 'HBO Max', 'data/hbo-titles.csv'),
  soeiroInput('2022-07', 'hulu', 'Hulu', 'data/hulu-titles.csv'),
  soeiroInput('2023', 'netflix', 'Netflix', 'netflix_titles.csv', '2023-03'),
  soeiroInput('2023', 'disney-plus', 'Disney+', 'disney_titles.csv'),
  soeiroInput('2023', 'hbo-max', 'HBO Max', 'hbo_titles.csv'),
  soeiroInput('2023', 'paramount-plus', 'Paramount+', 'paramount_titles.csv'),
  soeiroInput('2023', 'apple-tv-plus', 'Apple TV+', 'apple_titles.csv'),
];

const COLUMNS = [
  'id',
  'title',
  'type',
  'release_year',
  'runtime',
  'imdb_id',
  'imdb_score',
  'imdb_votes',
  'tmdb_score',
] as const;

const KINDS: Readonly<Record<string, FilmKind>> = { MOVIE: 'movie', SHOW: 'series' };

/** A reader for one Soeiro titles file. */
export function soeiroReader(input: DatasetInput): SourceReader {
  return {
    input,
    async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
      const rows = await readCsv(sourcesDir, input.file, report, COLUMNS);
      const seen = new FirstSeen<string>();
      return mapRows(rows, input.file, report, (row) => {
        const type = row.get('type').trim();
        const kind = KINDS[type];
        if (kind === undefined) throw new RowError(`type is "${type}", not MOVIE or SHOW`);
        const justWatchId = row.get('id').trim();
        const record = sourceRecord({
          inputId: input.id,
          line: row.line,
          imdbId: parseImdbId(row.get('imdb_id'), 'imdb_id'),
          title: requireTitle(row.get('title'), 'title'),
          year: parseYear(row.get('release_year'), 'release_year'),
          runtime: kind === 'movie' ? parseRuntime(row.get('runtime'), 'runtime') : undefined,
          kind,
          ratings: presentRatings(
            rating(
              'imdb',
              parseNumber(row.get('imdb_score'), 'imdb_score'),
              10,
              input.asOf,
              parseCount(row.get('imdb_votes'), 'imdb_votes'),
            ),
            rating('tmdb', parseNumber(row.get('tmdb_score'), 'tmdb_score'), 10, input.asOf),
          ),
        });
        if (justWatchId !== '') seen.claim(justWatchId, row.line, `JustWatch id ${justWatchId}`);
        return record;
      });
    },
  };
}

/** One reader per file, 2022-07 snapshots first. */
export const soeiroStreamingReaders: readonly SourceReader[] = INPUTS.map(soeiroReader);
