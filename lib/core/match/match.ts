/**
 * Matching a title read from a page against the dataset: candidates come from the index's title keys
 * (lib/core/match/candidates.ts), then each is scored on title closeness, year (±1), runtime and kind, and the best one
 * gets a confidence:
 * - high: the same title and year (or a year off by one that the runtime confirms), nothing contradicts it, and
 *   no other film fits as well. Shown as the answer.
 * - medium: probably this film (off-by-one year, no year, a looser title form, or a near twin in the dataset).
 * - low: a guess worth offering, not asserting.
 * Not in the dataset → best null, so the UI can say so and offer a search instead of a wrong film.
 */
import type { Confidence, FilmIndex, FilmSummary, MatchableFilm } from '../film-index';
import { popularity, summarize } from '../film-index';
import type { Film } from '../schema';
import { cleanMatchTitle, indexedTitle, titlesOf, titleWords, type TitleCandidate, type TitleTier } from './candidates';
import { matchKeyOfWords, normalizeTitle } from './normalize';

export interface MatchQuery {
  title: string;
  year?: number;
  /** Minutes. */
  runtime?: number;
  kind?: 'movie' | 'episode' | 'series';
}

export interface MatchResult<F extends MatchableFilm = Film> {
  best: { film: F; confidence: Confidence } | null;
  /** Other plausible films, best first (for "Wrong film?"), without `best`. */
  others: FilmSummary[];
}


const MAX_OTHERS = 5;

export type RuntimeFit = 'match' | 'near' | 'unknown' | 'mismatch';

/** One candidate with the evidence for and against it. */
export interface ScoredCandidate<F extends MatchableFilm = Film> {
  film: F;
  tier: TitleTier;
  /** See TitleCandidate.pageSaysMore. */
  pageSaysMore: boolean;
  /** Tier 0 only by dropping a leading article from one side ("Informer" / "The Informer", "La Niña" / "Nina"). */
  articleDiff: boolean;
  /** Tier 0 only through an alternative title: IMDb's akas include short local forms ("Pablo" for "Loving Pablo"). */
  akaOnly: boolean;
  /** The page title and one of the film's titles have the same words in the same order. */
  exact: boolean;
  /** |film year − query year|, undefined when either is unknown. */
  yearDiff: number | undefined;
  runtime: RuntimeFit;
  kindFits: boolean;
  /** What the candidate's own evidence supports (baseConfidence), before rivals are considered. */
  base: Confidence;
}

/** Page values are untrusted: a year or runtime that cannot be real is treated as absent, never as an error. */
function saneYear(year: unknown): number | undefined {
  return typeof year === 'number' && Number.isInteger(year) && year >= 1870 && year <= 2200 ? year : undefined;
}

function saneRuntime(runtime: unknown): number | undefined {
  return typeof runtime === 'number' && Number.isFinite(runtime) && runtime >= 1 && runtime <= 1000 ? Math.round(runtime) : undefined;
}

/**
 * Runtimes differ between a player and a database by a few minutes (credits, intros, PAL speed-up is 4%), so
 * "match" allows 5 minutes or 6%; a gap over 15 minutes and 20% means another cut or another film.
 */
export function runtimeFit(query: number | undefined, film: number | undefined): RuntimeFit {
  if (query === undefined || film === undefined || film <= 0) return 'unknown';
  const diff = Math.abs(query - film);
  if (diff <= Math.max(5, film * 0.06)) return 'match';
  if (diff > Math.max(15, film * 0.2)) return 'mismatch';
  return 'near';
}

/** A 'movie' query must not land on a series, a 'series' query prefers series; no kind fits both. */
function kindFits(kind: MatchQuery['kind'], film: MatchableFilm): boolean {
  if (kind === 'series') return film.kind === 'series';
  if (kind === 'movie') return film.kind !== 'series' && film.kind !== 'episode';
  return film.kind !== 'episode';
}

const RUNTIME_RANK: Record<RuntimeFit, number> = { match: 0, near: 1, unknown: 1, mismatch: 2 };
const CONFIDENCE_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

function yearRank(diff: number | undefined): number {
  return diff === undefined ? 2 : Math.min(diff, 3);
}

/**
 * Everything that makes a candidate a better answer, except popularity. The confidence the evidence supports
 * comes first, so "The Wind" (2018, runtime fits) beats "Wind" (2019, a short) for a 2019 page of 88 minutes:
 * one year off with a fitting runtime is better evidence than the right year with a contradicting one.
 */
function compareFit(a: ScoredCandidate<MatchableFilm>, b: ScoredCandidate<MatchableFilm>): number {
  return (
    Number(b.kindFits) - Number(a.kindFits) ||
    CONFIDENCE_RANK[a.base] - CONFIDENCE_RANK[b.base] ||
    a.tier - b.tier ||
    yearRank(a.yearDiff) - yearRank(b.yearDiff) ||
    RUNTIME_RANK[a.runtime] - RUNTIME_RANK[b.runtime] ||
    Number(a.articleDiff) - Number(b.articleDiff) ||
    Number(a.akaOnly) - Number(b.akaOnly) ||
    Number(b.exact) - Number(a.exact)
  );
}

/** Ties go to the better-known record: it carries the ratings and verdicts users came for. */
function compareAll(a: ScoredCandidate<MatchableFilm>, b: ScoredCandidate<MatchableFilm>): number {
  return compareFit(a, b) || popularity(b.film) - popularity(a.film) || (a.film.id < b.film.id ? -1 : a.film.id > b.film.id ? 1 : 0);
}

/**
 * Confidence from the candidate's own evidence. A looser title (tier 1, or tier 0 only through a dropped article or
 * an alternative title) needs the runtime to confirm it before it is asserted: "The Informer" (a film) and
 * "Informer" (a series) are different works of the same year.
 */
function baseConfidence(s: Omit<ScoredCandidate<MatchableFilm>, 'base'>): Confidence {
  const { tier, yearDiff, runtime } = s;
  const loose = tier > 0 || s.articleDiff || s.akaOnly;
  if (!s.kindFits || (runtime === 'mismatch' && loose)) return 'low';
  if (!loose) {
    if (yearDiff === 0) return runtime === 'mismatch' ? 'medium' : 'high';
    if (yearDiff === 1) return runtime === 'match' ? 'high' : runtime === 'mismatch' ? 'low' : 'medium';
    return runtime === 'mismatch' ? 'low' : 'medium';
  }
  if (tier <= 1) {
    if (yearDiff === 0) return runtime === 'match' ? 'high' : 'medium';
    return (yearDiff === 1 && runtime === 'match') || (yearDiff === undefined && runtime !== 'mismatch') ? 'medium' : 'low';
  }
  if (tier === 2) return yearDiff === 0 && runtime === 'match' ? 'medium' : 'low';
  return 'low';
}

const DOWNGRADE: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

/**
 * Another candidate that could just as well be the film: it fits the kind, its title is at least a main-title
 * match, its year is as close, and its runtime does not rule it out. Such a pair is two films of one title (or
 * one film recorded twice in the dataset): the matcher cannot assert either.
 */
function isRival(best: ScoredCandidate<MatchableFilm>, other: ScoredCandidate<MatchableFilm>, kind: MatchQuery['kind'], runtime: number | undefined): boolean {
  if (yearRank(other.yearDiff) > yearRank(best.yearDiff)) return false;
  if (!other.kindFits) {
    // The page says "movie", but a series of the very same title and year exists: players do mislabel shows,
    // so only a runtime that fits the film settles it.
    return kind === 'movie' && other.film.kind === 'series' && other.tier === 0 && best.runtime !== 'match';
  }
  if (other.tier > 2 || other.runtime === 'mismatch') return false;
  // A film whose title is only part of the page's ("Léon" for a page "Leon: The Professional" that another film
  // carries in full) is a rival only with better runtime evidence. The other way round it is: a page "Zathura" may
  // well mean "Zathura: A Space Adventure" (and the dataset holds both records of that film).
  if (other.pageSaysMore && other.tier > best.tier && RUNTIME_RANK[other.runtime] >= RUNTIME_RANK[best.runtime]) return false;
  // Only two known runtimes can separate two films, and only when one is clearly closer: 4 against 7 minutes off
  // is a coin toss. An unknown runtime separates nothing (it is often the same film recorded twice).
  if (runtime === undefined || best.runtime !== 'match' || other.film.runtime === undefined || best.film.runtime === undefined) return true;
  return Math.abs(runtime - other.film.runtime) - Math.abs(runtime - best.film.runtime) < RUNTIME_SEPARATION;
}

/** Minutes by which one film's runtime must be closer to the page's than another's for the runtime to pick it. */
const RUNTIME_SEPARATION = 10;

interface SaneQuery {
  /** The cleaned page title. */
  title: string;
  /** normalizeTitle of it, for the exact-words check. */
  words: string;
  /** Its match key, and the same keeping a leading article, for the article check. */
  key: string;
  keyWithArticle: string;
  year?: number;
  runtime?: number;
  kind?: MatchQuery['kind'];
}

/** The match key without dropping a leading article: tells "The Informer" from "Informer" once keys agree. */
function keepArticleKey(words: readonly string[]): string {
  return words.filter((w) => w !== 'and').join('');
}

function score<F extends MatchableFilm>(query: SaneQuery, { film, tier, pageSaysMore }: TitleCandidate<F>): ScoredCandidate<F> {
  // The film's titles as the index read them, so these checks see the words its keys were made from.
  const titles = titlesOf(film).map(indexedTitle);
  let sameArticle = false;
  let primaryHit = false;
  if (tier === 0) {
    const primaries = film.originalTitle ? 2 : 1;
    titles.forEach((t, i) => {
      const words = titleWords(t);
      if (matchKeyOfWords(words) !== query.key) return;
      if (i < primaries) primaryHit = true;
      if (keepArticleKey(words) === query.keyWithArticle) sameArticle = true;
    });
  }
  const evidence = {
    film,
    tier,
    pageSaysMore,
    articleDiff: tier === 0 && !sameArticle,
    akaOnly: tier === 0 && !primaryHit,
    exact: titles.some((t) => normalizeTitle(t) === query.words),
    yearDiff: query.year !== undefined && film.year !== undefined ? Math.abs(film.year - query.year) : undefined,
    runtime: runtimeFit(query.runtime, film.runtime),
    kindFits: kindFits(query.kind, film),
  };
  return { ...evidence, base: baseConfidence(evidence) };
}

function saneQuery(query: MatchQuery): SaneQuery | undefined {
  const raw = typeof query.title === 'string' ? query.title : '';
  const cleaned = cleanMatchTitle(raw);
  const words = normalizeTitle(cleaned.title);
  if (!words) return undefined;
  const mw = titleWords(cleaned.title);
  return {
    title: cleaned.title,
    words,
    key: matchKeyOfWords(mw),
    keyWithArticle: keepArticleKey(mw),
    year: saneYear(query.year) ?? cleaned.year,
    runtime: saneRuntime(query.runtime),
    kind: query.kind,
  };
}

/**
 * Every candidate for the query, scored and ranked best first; `inWindow` are those whose year is within one of
 * the query's (or unknown). Exported for diagnostics (the accuracy bench); the extension calls matchFilm.
 */
export function rankCandidates<F extends MatchableFilm>(
  index: FilmIndex<F>,
  query: MatchQuery,
): { inWindow: Array<ScoredCandidate<F>>; outside: Array<ScoredCandidate<F>> } {
  const sane = query.kind === 'episode' ? undefined : saneQuery(query);
  if (!sane) return { inWindow: [], outside: [] };
  const scored = index.candidates(sane.title, sane.year).map((c) => score(sane, c));
  // A year more than one off is another film (a remake, a namesake): offered as an alternative, never as the answer.
  return {
    inWindow: scored.filter((s) => s.yearDiff === undefined || s.yearDiff <= 1).sort(compareAll),
    outside: scored.filter((s) => s.yearDiff !== undefined && s.yearDiff > 1).sort(compareAll),
  };
}

export function matchFilm<F extends MatchableFilm = Film>(index: FilmIndex<F>, query: MatchQuery): MatchResult<F> {
  // An episode never matches a film: its credits are not the film's.
  if (query.kind === 'episode') return { best: null, others: [] };
  const { inWindow, outside } = rankCandidates(index, query);
  const exactElsewhere = overYear(inWindow[0], outside);
  if (exactElsewhere) {
    // The page's own title, in another year: a stale or wrong year on the page (a detail page left over from the
    // previous film) must not hand the answer to a film that merely shares part of the title.
    const others = [...inWindow, ...outside.filter((s) => s !== exactElsewhere && s.tier <= 1)].slice(0, MAX_OTHERS).map((s) => summarize(s.film));
    return { best: { film: exactElsewhere.film, confidence: exactElsewhere.runtime === 'match' ? 'medium' : 'low' }, others };
  }
  const [best, ...rest] = inWindow;
  // Alternatives: every other film of the year window, and of other years only namesakes (a remake, a film of
  // the same name), not films that merely share a word-part of the title.
  const others = [...rest, ...outside.filter((s) => s.tier <= 1)].slice(0, MAX_OTHERS).map((s) => summarize(s.film));
  if (!best) return { best: null, others };
  let confidence = best.base;
  const runtime = saneRuntime(query.runtime);
  if (rest.some((other) => isRival(best, other, query.kind, runtime))) confidence = DOWNGRADE[confidence];
  return { best: { film: best.film, confidence }, others };
}

/**
 * Issue #13: an exact title never loses to another title on the year alone. When the year window's best is only
 * another title that shares a part with the page's (tier 3, or a film whose title is a part of the page's), and a
 * film of exactly the page's title exists in another year, that film is the answer, at most at medium confidence
 * (the runtime must confirm it even for that). A window best whose full title the page gives ("Dune" for "Dune:
 * Part One") still wins: the page may well mean it. Without any window candidate nothing changes: a remake of
 * another year is offered, never asserted.
 */
function overYear<F extends MatchableFilm>(best: ScoredCandidate<F> | undefined, outside: ReadonlyArray<ScoredCandidate<F>>): ScoredCandidate<F> | undefined {
  if (!best || best.tier < 2 || (best.tier === 2 && !best.pageSaysMore)) return undefined;
  return outside.find((s) => s.tier === 0 && s.exact && s.kindFits && s.runtime !== 'mismatch');
}
