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
 * - The tt ids are not reliable: 641 JustWatch ids carry different tt ids in different files (Encanto is
 *   tt2953050 in the 2022 Disney+ file, as in IMDb's own export, but tt12537368 in the 2023 one). Such a row's
 *   id is dropped in every file, so the title joins its film by title + year instead of creating a duplicate
 *   under a wrong id.
 * - As-of: the 2022 files say "acquired in July 2022"; of the 2023 files only Netflix states "March 2023", the others
 *   come from the same April 2023 commit and are dated 2023.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetInput, FilmKind } from '../../../lib/core/schema';
import { BuildReport, type SourceReader, type SourceRecord } from '../types';
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

/**
 * JustWatch ids whose tt id differs between files, read once for all ten readers of a build. Keyed by the folder
 * and the files' sizes and times, so a changed file is read again.
 */
const contradictedIds = new Map<string, Promise<ReadonlySet<string>>>();

function findContradictedIds(sourcesDir: string): Promise<ReadonlySet<string>> {
  const key = [sourcesDir, ...INPUTS.map((i) => statSync(join(sourcesDir, i.file), { throwIfNoEntry: false }))]
    .map((st) => (typeof st === 'string' ? st : st ? `${st.size}:${st.mtimeMs}` : '-'))
    .join('|');
  let found = contradictedIds.get(key);
  if (!found) {
    found = (async () => {
      const ttByJustWatch = new Map<string, string>();
      const contradicted = new Set<string>();
      // A file that is missing here is reported by its own reader; the cross-check uses the files present.
      for (const input of INPUTS.filter((i) => existsSync(join(sourcesDir, i.file)))) {
        // A private report: each reader counts its own skipped rows once, in its own pass.
        for (const row of await readCsv(sourcesDir, input.file, new BuildReport(), ['id', 'imdb_id'] as const)) {
          const jw = row.get('id').trim();
          const tt = row.get('imdb_id').trim();
          if (!jw || !tt) continue;
          const known = ttByJustWatch.get(jw);
          if (known === undefined) ttByJustWatch.set(jw, tt);
          else if (known !== tt) contradicted.add(jw);
        }
      }
      return contradicted;
    })();
    contradictedIds.set(key, found);
  }
  return found;
}

/** A reader for one Soeiro titles file. */
export function soeiroReader(input: DatasetInput): SourceReader {
  return {
    input,
    async read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
      const rows = await readCsv(sourcesDir, input.file, report, COLUMNS);
      const contradicted = await findContradictedIds(sourcesDir);
      const seen = new FirstSeen<string>();
      return mapRows(rows, input.file, report, (row) => {
        const type = row.get('type').trim();
        const kind = KINDS[type];
        if (kind === undefined) throw new RowError(`type is "${type}", not MOVIE or SHOW`);
        const justWatchId = row.get('id').trim();
        const record = sourceRecord({
          inputId: input.id,
          line: row.line,
          imdbId: contradicted.has(justWatchId) ? undefined : parseImdbId(row.get('imdb_id'), 'imdb_id'),
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
