/**
 * In-memory lookup over the films of one dataset version. The background builds it from IndexedDB (or from the
 * freshly parsed asset while seeding) and the `lookup` CLI builds it from the asset on disk, so both answer with
 * the same code. Lookups are Map reads and a binary search: well under a millisecond for the whole dataset.
 */
import { bucketFilms, createCandidateKeys, findCandidates, indexFilmTitles, MIN_BEGINNING, titlesOf, type TitleCandidate } from '../match/candidates';
import { matchKey, normalizeTitle } from '../match/normalize';
import type { Film } from './schema';

export type Confidence = 'high' | 'medium' | 'low';

export interface FilmHit {
  film: Film;
  confidence: Confidence;
}

/** What search results carry: enough to list a film without sending its whole record. */
export interface FilmSummary {
  id: string;
  title: string;
  year?: number;
  kind: Film['kind'];
  credits: Film['credits']['state'];
}

export interface FilmIndex {
  readonly size: number;
  get(id: string): Film | undefined;
  /** Every film of the index (for building other indexes over the same version). */
  films(): readonly Film[];
  /** Films whose title, original or alternative title has the same match key (matchKey), best first. */
  find(title: string, year?: number): FilmHit[];
  /** Films with a title word sequence starting with `prefix`, most popular first. */
  prefix(prefix: string, limit?: number): FilmSummary[];
  /**
   * Every film a page title could mean, with how close the title is (lib/match/candidates.ts); unscored. The year
   * only widens the search (spelling variants of that year when nothing closer exists); it filters nothing.
   */
  candidates(title: string, year?: number): TitleCandidate[];
}

/** Votes behind the film's best-known rating: ranks popular films first. */
export function popularity(film: Film): number {
  let best = 0;
  for (const r of film.ratings) if ((r.count ?? 0) > best) best = r.count ?? 0;
  return best;
}

export function summarize(film: Film): FilmSummary {
  return { id: film.id, title: film.title, year: film.year, kind: film.kind, credits: film.credits.state };
}

/**
 * Year agreement decides confidence for an exact title-key hit. This is `find`, the plain "films of this title"
 * search; matching a page title (runtime, kind, looser title forms, rivals) is lib/match/match.ts.
 */
function confidenceFor(film: Film, year: number | undefined, candidates: number): Confidence {
  if (year === undefined || film.year === undefined) return candidates === 1 ? 'medium' : 'low';
  const diff = Math.abs(film.year - year);
  if (diff === 0) return 'high';
  return diff === 1 ? 'medium' : 'low';
}

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

export function buildFilmIndex(films: readonly Film[]): FilmIndex {
  const byId = new Map<string, Film>();
  // [normalised title, film] sorted by title, for prefix search by binary search.
  const names: Array<[string, Film]> = [];
  // The matcher's keys are built in the same pass, so a worker start normalises each title once.
  const candidateKeys = createCandidateKeys();

  for (const film of films) {
    byId.set(film.id, film);
    const titles = titlesOf(film);
    const normalized = titles.map(normalizeTitle);
    for (const name of normalized) if (name) names.push([name, film]);
    indexFilmTitles(candidateKeys, film, titles, normalized);
  }
  names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1].id < b[1].id ? -1 : 1));

  /** Index of the first name not below `p` (binary search). */
  const lowerBound = (p: string): number => {
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((names[mid]?.[0] ?? '') < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** Films with a title that starts with the words of `title` and goes on (the matcher's widest net; capped). */
  const beginningsOf = (title: string): Film[] => {
    const p = normalizeTitle(title);
    if (p.length < MIN_BEGINNING || !p.includes(' ')) return [];
    const films: Film[] = [];
    for (let i = lowerBound(`${p} `); i < names.length && films.length < 50; i++) {
      const entry = names[i];
      if (!entry || !entry[0].startsWith(`${p} `)) break;
      if (!films.includes(entry[1])) films.push(entry[1]);
    }
    return films;
  };

  return {
    size: byId.size,
    get: (id) => byId.get(id),
    films: () => films,
    find(title, year) {
      const candidates = bucketFilms(candidateKeys.full.get(matchKey(title)));
      const near = year === undefined ? candidates : candidates.filter((f) => f.year === undefined || Math.abs(f.year - year) <= 1);
      return near
        .map((film) => ({ film, confidence: confidenceFor(film, year, near.length) }))
        .sort((a, b) => RANK[a.confidence] - RANK[b.confidence] || popularity(b.film) - popularity(a.film));
    },
    prefix(prefix, limit = 20) {
      const p = normalizeTitle(prefix);
      if (!p) return [];
      const lo = lowerBound(p);
      const seen = new Set<string>();
      const hits: Film[] = [];
      for (let i = lo; i < names.length; i++) {
        const entry = names[i];
        if (!entry || !entry[0].startsWith(p)) break;
        if (!seen.has(entry[1].id)) {
          seen.add(entry[1].id);
          hits.push(entry[1]);
        }
      }
      return hits
        .sort((a, b) => popularity(b) - popularity(a) || (a.id < b.id ? -1 : 1))
        .slice(0, Math.max(0, Math.min(limit, 100)))
        .map(summarize);
    },
    candidates: (title, year) => findCandidates(candidateKeys, title, year, beginningsOf),
  };
}
