/**
 * Matcher accuracy on real catalogue strings: `npx tsx scripts/bench/match-accuracy.ts` prints the metrics, and
 * `npm run bench` reports match_precision_high and match_recall from `measureMatchAccuracy`.
 *
 * Queries are the titles exactly as three streaming catalogues list them (Kaggle "Amazon Prime / Netflix /
 * Disney+ Movies and TV Shows", ~2021, raw/svod_catalogs): title, release_year and duration ("113 min"), asked as
 * kind 'movie', the way a player page would ask. Those files carry no ids, so each movie row is labelled with an
 * IMDb id by joins that do not use the matcher:
 * - title+year: the same service's Soeiro/JustWatch titles files (2022-07 and 2023, raw/soeiro_streaming_titles)
 *   list the title with its tt id. Joined on a deliberately plain normalisation (lower case, accents and
 *   punctuation dropped: none of the matcher's rules) and the exact year; a key with two tt ids is dropped.
 * - description: the same synopsis (at least 60 characters, plain-normalised) in the Soeiro file, year ±1. Finds
 *   rows whose title differs between the catalogues ("Blame it On Fidel" / "La faute à Fidel!").
 * - director+cast: IMDb 5000 and the OMDb rows (raw/imdb_5000, raw/imdb_omdb_2000_2025) carry tt ids with
 *   director and lead actors: a row shares a director and two actors, the exact year, and a runtime within 5
 *   minutes. Independent of the title string altogether ("Marvel Studios' Iron Man" / "Iron Man").
 * A row whose methods disagree is dropped. A label is trusted only if its tt id is a film in the dataset, not a
 * series, with a year within one of the catalogue's and a runtime not far from the catalogue's (over 15 minutes
 * and 20% apart): Soeiro ids can be wrong, and the pipeline only drops those that contradict each other across
 * snapshots.
 *
 * Metrics:
 * - match_recall: labelled movies whose best answer (any confidence) is the labelled film / labelled movies.
 * - match_precision_high: correct high-confidence answers / all high-confidence answers, where "all" also counts
 *   every high answer to a TV show of the same catalogues asked as kind 'movie' (a player that cannot tell a show
 *   from a film: any high answer there is wrong). TV shows asked as kind 'episode' must get no answer at all.
 * - details.holdout: half the labelled films (by a hash of the id) are removed from the index and their rows asked
 *   again: the film is then not in the dataset, so every answer is a false one. Reported, not folded into
 *   precision: a "false" answer there is sometimes the same film recorded twice in the dataset ("twin").
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { buildFilmIndex, type Confidence, type FilmIndex } from '../../lib/core/film-index';
import { parseDatasetBytes } from '../../lib/core/load-dataset';
import { DATASET_PATH, type Film } from '../../lib/core/schema';
import { matchFilm, type MatchQuery } from '../../lib/core/match/match';
import { runWhenMain } from './bench-utils';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = resolve(process.env.CREDITS_CUE_SOURCES ?? resolve(ROOT, '../shared/data'));

type Row = Record<string, string | undefined>;
type Method = 'title+year' | 'description' | 'director+cast';

interface Catalogue {
  name: string;
  file: string;
  soeiro: string[];
}

const CATALOGUES: Catalogue[] = [
  {
    name: 'prime',
    file: 'raw/svod_catalogs/amazon_prime_titles.csv.gz',
    soeiro: ['raw/soeiro_streaming_titles/amazon_prime_titles_2022-07.csv.gz'],
  },
  {
    name: 'netflix',
    file: 'raw/svod_catalogs/netflixData.csv.gz',
    soeiro: ['raw/soeiro_streaming_titles/netflix_titles_2022-07.csv.gz', 'raw/soeiro_streaming_titles/netflix_titles_2023.csv.gz'],
  },
  {
    name: 'disney',
    file: 'raw/svod_catalogs/disney_plus_titles.csv.gz',
    soeiro: ['raw/soeiro_streaming_titles/disney_plus_titles_2022-07.csv.gz', 'raw/soeiro_streaming_titles/disney_plus_titles_2023.csv.gz'],
  },
];

async function readCsv(file: string): Promise<Row[]> {
  let bytes = await readFile(resolve(SOURCES, file));
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  return parse(bytes, { columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, relax_column_count: true }) as Row[];
}

/** The labelling's own normalisation: deliberately plainer than the matcher's, so labels do not inherit its rules. */
function plain(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function int(text: string | undefined): number | undefined {
  const n = Number.parseFloat(text ?? '');
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

function minutes(text: string | undefined): number | undefined {
  const m = /^(\d+)\s*min/.exec((text ?? '').trim());
  return m ? Number(m[1]) : undefined;
}

function names(text: string | undefined): string[] {
  return (text ?? '').split(',').map(plain).filter(Boolean);
}

/** Adds `value` under `key`; the set tells a unique join from an ambiguous one. */
function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function unique(set: Set<string> | undefined): string | undefined {
  return set && set.size === 1 ? [...set][0] : undefined;
}

interface CastRef {
  tt: string;
  year: number;
  runtime?: number;
  cast: string[];
}

/** IMDb 5000 and OMDb rows by director: the tt-carrying side of the director+cast join. */
async function readCastRefs(): Promise<Map<string, CastRef[]>> {
  const byDirector = new Map<string, CastRef[]>();
  const add = (director: string, ref: CastRef): void => {
    const list = byDirector.get(director);
    if (list) list.push(ref);
    else byDirector.set(director, [ref]);
  };
  for (const r of await readCsv('raw/imdb_5000/movie_metadata.csv')) {
    const tt = /tt\d+/.exec(r.movie_imdb_link ?? '')?.[0];
    const year = int(r.title_year);
    if (!tt || !year || !r.director_name) continue;
    add(plain(r.director_name), { tt, year, runtime: int(r.duration), cast: [r.actor_1_name, r.actor_2_name, r.actor_3_name].map(plain).filter(Boolean) });
  }
  for (const r of await readCsv('raw/imdb_omdb_2000_2025/omdb_movies_rows.csv.gz')) {
    const tt = /^tt\d+$/.exec(r.imdbID ?? '')?.[0];
    const year = int(r.Year?.slice(0, 4));
    if (!tt || !year) continue;
    for (const d of names(r.Director)) add(d, { tt, year, runtime: minutes(r.Runtime), cast: names(r.Actors) });
  }
  return byDirector;
}

export interface LabelledQuery {
  catalogue: string;
  query: MatchQuery;
  /** Expected film id; undefined for a negative (a TV show). */
  expected?: string;
  methods: Method[];
}

export interface Labelling {
  positives: LabelledQuery[];
  shows: LabelledQuery[];
  stats: Record<string, number>;
}

/** The labelled queries (positives) and the TV-show queries (negatives) over `index`'s films. */
export async function labelledQueries(index: FilmIndex): Promise<Labelling> {
  const castRefs = await readCastRefs();
  const positives: LabelledQuery[] = [];
  const shows: LabelledQuery[] = [];
  const stats: Record<string, number> = {};
  const bump = (key: string): void => {
    stats[key] = (stats[key] ?? 0) + 1;
  };

  for (const cat of CATALOGUES) {
    const byTitle = new Map<string, Set<string>>();
    const byDescription = new Map<string, Set<string>>();
    for (const file of cat.soeiro) {
      for (const r of await readCsv(file)) {
        const tt = /^tt\d+$/.exec(r.imdb_id ?? '')?.[0];
        const year = int(r.release_year);
        if (!tt || !year || r.type !== 'MOVIE') continue;
        addTo(byTitle, `${plain(r.title)}|${year}`, tt);
        const desc = plain(r.description);
        if (desc.length >= 60) for (const y of [year - 1, year, year + 1]) addTo(byDescription, `${desc}|${y}`, tt);
      }
    }

    for (const r of await readCsv(cat.file)) {
      const title = r.title ?? '';
      const year = int(r.release_year);
      if (!title.trim() || !year) continue;
      if (r.type === 'TV Show') {
        shows.push({ catalogue: cat.name, query: { title, year, kind: 'movie' }, methods: [] });
        continue;
      }
      if (r.type !== 'Movie') continue;
      bump(`${cat.name}_movies`);
      const runtime = minutes(r.duration);

      const found = new Map<Method, string>();
      const byT = unique(byTitle.get(`${plain(title)}|${year}`));
      if (byT) found.set('title+year', byT);
      const desc = plain(r.description);
      const byD = desc.length >= 60 ? unique(byDescription.get(`${desc}|${year}`)) : undefined;
      if (byD) found.set('description', byD);
      const cast = new Set(names(r.cast));
      const castHits = new Set<string>();
      for (const director of names(r.director)) {
        for (const ref of castRefs.get(director) ?? []) {
          if (ref.year !== year) continue;
          if (runtime !== undefined && ref.runtime !== undefined && Math.abs(ref.runtime - runtime) > 5) continue;
          if (ref.cast.filter((a) => cast.has(a)).length >= 2) castHits.add(ref.tt);
        }
      }
      const byC = unique(castHits);
      if (byC) found.set('director+cast', byC);

      if (found.size === 0) continue;
      const ids = new Set(found.values());
      if (ids.size > 1) {
        bump('dropped_methods_disagree');
        continue;
      }
      const tt = [...ids][0] ?? '';
      const film = index.get(tt);
      if (!film || film.kind === 'series' || film.year === undefined || Math.abs(film.year - year) > 1) {
        bump('dropped_untrusted');
        continue;
      }
      // A runtime far from the catalogue's says the id belongs to another film (Soeiro's "The Wall" 2017 carries
      // the id of a 5-minute short): the label is dropped, whatever the matcher would answer.
      if (runtime !== undefined && film.runtime !== undefined && Math.abs(film.runtime - runtime) > Math.max(15, film.runtime * 0.2)) {
        bump('dropped_runtime_contradicts');
        continue;
      }
      const methods = [...found.keys()];
      for (const m of methods) bump(`by_${m}`);
      bump(`${cat.name}_labelled`);
      positives.push({ catalogue: cat.name, query: { title, year, runtime, kind: 'movie' }, expected: tt, methods });
    }
  }
  return { positives, shows, stats };
}

interface Tally {
  queries: number;
  high: number;
  highCorrect: number;
  medium: number;
  mediumCorrect: number;
  low: number;
  lowCorrect: number;
  none: number;
}

function emptyTally(): Tally {
  return { queries: 0, high: 0, highCorrect: 0, medium: 0, mediumCorrect: 0, low: 0, lowCorrect: 0, none: 0 };
}

interface Miss {
  query: MatchQuery;
  expected: { id: string; title: string; year?: number } | null;
  got: { id: string; title: string; year?: number; confidence: Confidence } | null;
}

function brief(film: Film): { id: string; title: string; year?: number } {
  return { id: film.id, title: film.title, year: film.year };
}

function run(index: FilmIndex, queries: readonly LabelledQuery[], transform: (q: MatchQuery) => MatchQuery, misses?: Miss[]): Tally {
  const t = emptyTally();
  for (const lq of queries) {
    t.queries++;
    const { best } = matchFilm(index, transform(lq.query));
    if (!best) {
      t.none++;
      continue;
    }
    const correct = best.film.id === lq.expected;
    t[best.confidence]++;
    if (correct) t[`${best.confidence}Correct`]++;
    if (!correct && misses && best.confidence !== 'low') {
      const exp = lq.expected ? index.get(lq.expected) : undefined;
      misses.push({ query: lq.query, expected: exp ? brief(exp) : null, got: { ...brief(best.film), confidence: best.confidence } });
    }
  }
  return t;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

function stableHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Answers to queries whose film was removed from the index: every answer is a false one. */
interface HoldoutTally {
  queries: number;
  high: number;
  medium: number;
  low: number;
  /** High answers with the removed film's plain title and year ±1: often the same film recorded twice. */
  highTwin: number;
}

export interface MatchAccuracy {
  match_precision_high: number;
  match_recall: number;
  labelled: number;
  high: number;
  index_build_ms: number;
  details: {
    labelling: Record<string, number>;
    positives: Tally;
    positives_title_joined: Tally;
    positives_not_title_joined: Tally;
    positives_no_runtime: Tally;
    positives_no_year: Tally;
    shows_as_movie: Tally;
    shows_as_episode: { queries: number; answered: number };
    holdout: HoldoutTally;
    holdout_no_year: HoldoutTally;
    match_us_p50: number;
    match_us_p99: number;
    wrong_answers: Miss[];
  };
}

export async function measureMatchAccuracy(): Promise<MatchAccuracy> {
  const dataset = await parseDatasetBytes(await readFile(resolve(ROOT, 'assets', DATASET_PATH)));
  const builds: number[] = [];
  let index: FilmIndex | undefined;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    index = buildFilmIndex(dataset.films);
    builds.push(performance.now() - started);
  }
  if (!index) throw new Error('no index');
  builds.sort((a, b) => a - b);

  const { positives, shows, stats } = await labelledQueries(index);
  const misses: Miss[] = [];
  const pos = run(index, positives, (q) => q, misses);
  // The title+year join labels rows whose title the two catalogues spell alike: the easy part. Rows labelled
  // only by synopsis or by director and cast are where the catalogue's title differs from the dataset's.
  const titleJoined = run(index, positives.filter((p) => p.methods.includes('title+year')), (q) => q);
  const otherJoined = run(index, positives.filter((p) => !p.methods.includes('title+year')), (q) => q);
  const noRuntime = run(index, positives, ({ runtime: _r, ...q }) => q);
  const noYear = run(index, positives, ({ year: _y, ...q }) => q);
  const showMisses: Miss[] = [];
  const showsAsMovie = run(index, shows, (q) => q, showMisses);
  let episodeAnswered = 0;
  for (const s of shows) if (matchFilm(index, { ...s.query, kind: 'episode' }).best) episodeAnswered++;

  // Holdout: the labelled film is not in the index, so any answer is a false one.
  const heldOut = new Set(positives.map((p) => p.expected ?? '').filter((id) => stableHash(id) % 2 === 0));
  const holdoutIndex = buildFilmIndex(dataset.films.filter((f) => !heldOut.has(f.id)));
  const plainKey = (f: Film): string => plain(f.title);
  const runHoldout = (transform: (q: MatchQuery) => MatchQuery): HoldoutTally => {
    const tally: HoldoutTally = { queries: 0, high: 0, medium: 0, low: 0, highTwin: 0 };
    for (const p of positives) {
      if (!p.expected || !heldOut.has(p.expected)) continue;
      tally.queries++;
      const { best } = matchFilm(holdoutIndex, transform(p.query));
      if (!best) continue;
      tally[best.confidence]++;
      const gone = index.get(p.expected);
      if (best.confidence === 'high' && gone && plainKey(gone) === plainKey(best.film) && Math.abs((gone.year ?? 0) - (best.film.year ?? 0)) <= 1) {
        tally.highTwin++;
      }
    }
    return tally;
  };
  const holdout = runHoldout((q) => q);
  const holdoutNoYear = runHoldout(({ year: _y, ...q }) => q);

  // Per-query latency on the labelled queries (microseconds).
  const times: number[] = [];
  for (const p of positives) {
    const started = performance.now();
    matchFilm(index, p.query);
    times.push((performance.now() - started) * 1000);
  }
  times.sort((a, b) => a - b);
  const pct = (q: number): number => +(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);

  const high = pos.high + showsAsMovie.high;
  return {
    match_precision_high: ratio(pos.highCorrect, high),
    match_recall: ratio(pos.highCorrect + pos.mediumCorrect + pos.lowCorrect, positives.length),
    labelled: positives.length,
    high,
    index_build_ms: Math.round(builds[1] ?? 0),
    details: {
      labelling: { ...stats, tv_shows: shows.length },
      positives: pos,
      positives_title_joined: titleJoined,
      positives_not_title_joined: otherJoined,
      positives_no_runtime: noRuntime,
      positives_no_year: noYear,
      shows_as_movie: showsAsMovie,
      shows_as_episode: { queries: shows.length, answered: episodeAnswered },
      holdout,
      holdout_no_year: holdoutNoYear,
      match_us_p50: pct(0.5),
      match_us_p99: pct(0.99),
      wrong_answers: [...misses, ...showMisses.filter((m) => m.got?.confidence === 'high')].slice(0, 60),
    },
  };
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const result = await measureMatchAccuracy();
  const { details, ...metrics } = result;
  console.log(JSON.stringify({ ...metrics, details: verbose ? details : { ...details, wrong_answers: details.wrong_answers.length } }, null, 2));
}

runWhenMain(import.meta.filename, main);
