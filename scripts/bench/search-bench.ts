/**
 * Popup search speed: `npx tsx scripts/bench/search-bench.ts` prints the metrics, and `npm run bench` reports them
 * from `measureSearch`.
 *
 * The unit of work is one keystroke: the popup searches again on every character, so every prefix of each query
 * is searched ("g", "gu", "gua", …), the way a person types it. Queries are drawn deterministically from the
 * dataset itself (a fixed-seed sample of the 3,000 most-voted films, so the set is the same on every run of the
 * same dataset): plain titles as people type them (lower case), titles with one typo (two adjacent letters
 * swapped or a letter dropped), and localized alternative titles. Each is cut at 40 characters: nobody types a
 * whole 80-character title into a search box.
 *
 * - search_p95_ms: 95th percentile of one keystroke's search (top 20) over the whole dataset.
 * - search_baseline_p95_ms: the same keystrokes through Fuse.js (keys title, originalTitle, alt; threshold 0.3;
 *   its index built beforehand and not timed), the well-known fuzzy-search library, as a yardstick.
 * - search_minisearch_p95_ms: the same keystrokes through MiniSearch, the common choice for client-side search
 *   (fields title, originalTitle, alt; prefix and fuzzy 0.2 as its docs suggest for search-as-you-type, title
 *   boosted 2×, accents folded as Fuse's ignoreDiacritics does; index built beforehand and not timed).
 * - search_found_at_3 / search_baseline_found_at_3 / search_minisearch_found_at_3: how often the film a query was
 *   drawn from is among the first three results once the whole query is typed, for each engine.
 * - search_build_ms: building the index over the whole dataset, as the background does at each worker start (the
 *   first build in the process, JIT cold, as in a fresh worker).
 * Details (CLI): p50 and max, warm build time.
 * No engine is measured while it compiles: ours and MiniSearch get one untimed pass over all keystrokes first, Fuse
 * (a tenth of a second and more per keystroke, so the full pass would double a long run) its first 20 keystrokes.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Film } from '../../lib/core/schema';
import { titleKey } from '../../lib/core/match/normalize';
import { buildSearchIndex } from '../../lib/core/search/search-index';
import { loadFilms, mostVoted, pick, seededRandom, runWhenMain } from './bench-utils';

const PLAIN_QUERIES = 24;
const TYPO_QUERIES = 10;
const LOCALIZED_QUERIES = 6;
const MAX_TYPED = 40;
const SAMPLE_POOL = 3000;
const LIMIT = 20;
const FUSE_WARM_UP = 20;

export interface SearchBench {
  search_p95_ms: number;
  search_baseline_p95_ms: number;
  search_minisearch_p95_ms: number;
  search_found_at_3: number;
  search_baseline_found_at_3: number;
  search_minisearch_found_at_3: number;
  search_build_ms: number;
  queries: number;
}

export interface SearchBenchDetails extends SearchBench {
  keystrokes: number;
  search_p50_ms: number;
  search_max_ms: number;
  search_baseline_p50_ms: number;
  search_build_warm_ms: number;
  sample: string[];
}

/** A benchmark query and the film it was drawn from. */
export interface BenchQuery {
  query: string;
  id: string;
}

/** A typo a person makes: two adjacent letters swapped, or one dropped, inside a word of 5+ letters. */
function withTypo(text: string, random: () => number): string {
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{5,}$/u.test(w));
  const chosen = long[Math.floor(random() * long.length)];
  if (!chosen) return text;
  const [word, index] = chosen;
  const at = 1 + Math.floor(random() * (word.length - 2));
  words[index] = random() < 0.5 ? word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
  return words.join(' ');
}

/**
 * A localized title a user might type: Latin script, a different title from the film's own (some alternatives
 * are the same title re-spelled, as "Karate Kid;The").
 */
function latinAlt(film: Film): string | undefined {
  const own = titleKey(film.title);
  return film.alt?.find((alt) => /^[\p{Script=Latin}\d\s\p{P}]+$/u.test(alt) && !alt.includes(';') && !titleKey(alt).includes(own));
}

/** The ~40 benchmark queries: plain, with a typo, localized. */
export function benchQueries(films: readonly Film[]): BenchQuery[] {
  const random = seededRandom(20_26);
  const popular = mostVoted(films, SAMPLE_POOL);
  const typed = (title: string): string => title.toLowerCase().slice(0, MAX_TYPED).trim();
  const plain = pick(popular, PLAIN_QUERIES + TYPO_QUERIES, random).map((f) => ({ query: typed(f.title), id: f.id }));
  const typos = plain.splice(PLAIN_QUERIES).map(({ query, id }) => ({ query: withTypo(query, random), id }));
  const localized = pick(popular.filter((f) => latinAlt(f) !== undefined), LOCALIZED_QUERIES, random).map((f) => ({
    query: typed(latinAlt(f) ?? f.title),
    id: f.id,
  }));
  return [...plain, ...typos, ...localized];
}

/** Every prefix a person types on the way to the query. */
export function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

interface Timing {
  /** Milliseconds per keystroke, sorted. */
  times: number[];
  /** Result ids of each keystroke that completes a query. */
  finals: Map<string, string[]>;
}

/** Times `run` on every keystroke after an untimed warm-up on the first `warmUp`. */
function timeKeystrokes(strokes: readonly string[], queries: ReadonlySet<string>, run: (q: string) => string[], warmUp: number): Timing {
  for (const q of strokes.slice(0, warmUp)) run(q);
  const finals = new Map<string, string[]>();
  const times = strokes.map((q) => {
    const t0 = performance.now();
    const ids = run(q);
    const ms = performance.now() - t0;
    if (queries.has(q)) finals.set(q, ids);
    return ms;
  });
  return { times: times.sort((a, b) => a - b), finals };
}

/** Share of queries whose film is among the first three results once the query is fully typed. */
function foundAt3(queries: readonly BenchQuery[], finals: Map<string, string[]>): number {
  const found = queries.filter(({ query, id }) => finals.get(query)?.slice(0, 3).includes(id)).length;
  return Math.round((found / Math.max(1, queries.length)) * 1000) / 1000;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** MiniSearch's search-as-you-type setup (its README): prefix and fuzzy matching, the title weighted above the rest. */
const MINISEARCH_OPTIONS = { prefix: true, fuzzy: 0.2, boost: { title: 2 } } as const;

/** Lower case without accents, the folding Fuse gets from ignoreDiacritics (MiniSearch's docs show this processTerm). */
const foldTerm = (term: string): string => term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

interface MiniDoc {
  id: string;
  title: string;
  originalTitle: string;
  alt: string;
}

/** MiniSearch over the same fields Fuse gets, built before any timing. */
function miniSearchOf(films: readonly Film[]): MiniSearch<MiniDoc> {
  const mini = new MiniSearch<MiniDoc>({ fields: ['title', 'originalTitle', 'alt'], processTerm: foldTerm });
  mini.addAll(films.map((f) => ({ id: f.id, title: f.title, originalTitle: f.originalTitle ?? '', alt: (f.alt ?? []).join(' ; ') })));
  return mini;
}

export async function measureSearchDetails(): Promise<SearchBenchDetails> {
  const films = await loadFilms();
  let t0 = performance.now();
  const index = buildSearchIndex(films);
  const buildCold = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    buildSearchIndex(films);
    warm.push(performance.now() - t0);
  }
  warm.sort((a, b) => a - b);

  const queries = benchQueries(films);
  const texts = queries.map((q) => q.query);
  const strokes = keystrokes(texts);
  const complete = new Set(texts);
  const ours = timeKeystrokes(strokes, complete, (q) => index.search(q, LIMIT).map((h) => h.id), strokes.length);

  const keys = ['title', 'originalTitle', 'alt'];
  const fuse = new Fuse(films, { keys, threshold: 0.3, ignoreDiacritics: true }, Fuse.createIndex(keys, films));
  // Fuse takes a tenth of a second or more per keystroke, long enough that a short warm-up suffices.
  const baseline = timeKeystrokes(strokes, complete, (q) => fuse.search(q, { limit: LIMIT }).map((r) => r.item.id), FUSE_WARM_UP);

  const mini = miniSearchOf(films);
  const minisearch = timeKeystrokes(strokes, complete, (q) => mini.search(q, MINISEARCH_OPTIONS).slice(0, LIMIT).map((r) => String(r.id)), strokes.length);

  return {
    search_p95_ms: round(percentile(ours.times, 0.95)),
    search_baseline_p95_ms: round(percentile(baseline.times, 0.95)),
    search_minisearch_p95_ms: round(percentile(minisearch.times, 0.95)),
    search_found_at_3: foundAt3(queries, ours.finals),
    search_baseline_found_at_3: foundAt3(queries, baseline.finals),
    search_minisearch_found_at_3: foundAt3(queries, minisearch.finals),
    search_build_ms: round(buildCold),
    queries: queries.length,
    keystrokes: strokes.length,
    search_p50_ms: round(percentile(ours.times, 0.5)),
    search_max_ms: round(ours.times[ours.times.length - 1] ?? 0),
    search_baseline_p50_ms: round(percentile(baseline.times, 0.5)),
    search_build_warm_ms: round(percentile(warm, 0.5)),
    sample: texts,
  };
}

export async function measureSearch(): Promise<SearchBench> {
  const d = await measureSearchDetails();
  return {
    search_p95_ms: d.search_p95_ms,
    search_baseline_p95_ms: d.search_baseline_p95_ms,
    search_minisearch_p95_ms: d.search_minisearch_p95_ms,
    search_found_at_3: d.search_found_at_3,
    search_baseline_found_at_3: d.search_baseline_found_at_3,
    search_minisearch_found_at_3: d.search_minisearch_found_at_3,
    search_build_ms: d.search_build_ms,
    queries: d.queries,
  };
}

async function main(): Promise<void> {
  const details = await measureSearchDetails();
  const verbose = process.argv.includes('--verbose');
  console.log(JSON.stringify(verbose ? details : { ...details, sample: details.sample.length }, null, 2));
}

runWhenMain(import.meta.filename, main);
