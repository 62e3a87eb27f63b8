/**
 * In-memory lookup over the films of one dataset version. The background builds it from IndexedDB (or from the
 * freshly parsed asset while seeding) and the `lookup` CLI builds it from the asset on disk, so both answer with
 * the same code. Lookups are Map reads and a binary search: well under a millisecond for the whole dataset.
 *
 * Keys name films by their position in the film list, so the same keys serve full records and the compact heads a
 * restarted worker answers from (lib/core/quick-index.ts): building the keys (normalising every title) is most of
 * the cost of an index, and keys that were stored, or shipped with the dataset, make an index without that cost.
 */
import {
  bucketPositions,
  createCandidateKeys,
  findCandidates,
  indexFilmTitles,
  MIN_BEGINNING,
  titlesOf,
  type CandidateKeys,
  type FilmBucket,
  type KeyLookup,
  type MatchableFilm,
  type StringList,
  type TitleCandidate,
  type YearKeys,
} from './match/candidates';
import { matchKey, normalizeTitle } from './match/normalize';
import { firstNotBefore } from './sorted';
import type { Film } from './schema';

export type { MatchableFilm, StringList } from './match/candidates';

export type Confidence = 'high' | 'medium' | 'low';

export interface FilmHit<F extends MatchableFilm = Film> {
  film: F;
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

/**
 * The keys of an index as plain data (parallel arrays), to store and restore without normalising a title: full
 * keys with their film positions and part keys with their entries (CandidateKeys.part), both sorted by key, and
 * every normalised title in sorted order with its film's position (prefix search).
 */
export interface IndexKeys {
  fullKeys: string[];
  fullPositions: FilmBucket[];
  partKeys: string[];
  partEntries: number[][];
  names: string[];
  namePositions: number[];
}

/**
 * Keys to restore an index from: IndexKeys, or the same lists in another form (a quick snapshot's packed strings,
 * which parse several times faster than 500,000 separate strings).
 */
export interface KeyLists {
  fullKeys: StringList;
  fullPositions: readonly FilmBucket[];
  partKeys: StringList;
  partEntries: ReadonlyArray<readonly number[]>;
  names: StringList;
  namePositions: readonly number[];
}

function toArray(list: StringList): string[] {
  return Array.from({ length: list.length }, (_, i) => list.at(i) ?? '');
}

/** The plain form of restored keys: IndexKeys as they came, other lists copied into arrays. */
function plainKeys(keys: KeyLists): IndexKeys {
  if (Array.isArray(keys.fullKeys) && Array.isArray(keys.partKeys) && Array.isArray(keys.names)) return keys as IndexKeys;
  return {
    fullKeys: toArray(keys.fullKeys),
    fullPositions: [...keys.fullPositions],
    partKeys: toArray(keys.partKeys),
    partEntries: keys.partEntries.map((e) => [...e]),
    names: toArray(keys.names),
    namePositions: [...keys.namePositions],
  };
}

export interface FilmIndex<F extends MatchableFilm = Film> {
  readonly size: number;
  get(id: string): F | undefined;
  /** The film's position in `films()`, or undefined. */
  position(id: string): number | undefined;
  /** Every film of the index (for building other indexes over the same version). */
  films(): readonly F[];
  /** Films whose title, original or alternative title has the same match key (matchKey), best first. */
  find(title: string, year?: number): Array<FilmHit<F>>;
  /**
   * Every film a page title could mean, with how close the title is (lib/core/match/candidates.ts); unscored. The year
   * only widens the search (spelling variants of that year when nothing closer exists); it filters nothing.
   */
  candidates(title: string, year?: number): Array<TitleCandidate<F>>;
  /** The keys as plain data (see IndexKeys), as a restored index reads them. */
  keys(): IndexKeys;
  /** The same keys over other records of the same films, position for position (heads → full records). */
  withFilms<G extends MatchableFilm>(films: readonly G[]): FilmIndex<G>;
}

/** Votes behind the film's best-known rating: ranks popular films first. */
export function popularity(film: MatchableFilm): number {
  let best = 0;
  for (const r of film.ratings) if ((r.count ?? 0) > best) best = r.count ?? 0;
  return best;
}

export function summarize(film: MatchableFilm): FilmSummary {
  return { id: film.id, title: film.title, year: film.year, kind: film.kind, credits: film.credits.state };
}

/**
 * Year agreement decides confidence for an exact title-key hit. This is `find`, the plain "films of this title"
 * search; matching a page title (runtime, kind, looser title forms, rivals) is lib/core/match/match.ts.
 */
function confidenceFor(film: MatchableFilm, year: number | undefined, candidates: number): Confidence {
  if (year === undefined || film.year === undefined) return candidates === 1 ? 'medium' : 'low';
  const diff = Math.abs(film.year - year);
  if (diff === 0) return 'high';
  return diff === 1 ? 'medium' : 'low';
}

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/**
 * The films of an index by position. An array of records is one; a restarted worker's heads are another, made one
 * by one when a lookup first reaches them (lib/core/quick-index.ts), so a restart does not build 50,000 objects
 * before its first answer.
 */
export interface FilmList<F> {
  readonly length: number;
  at(position: number): F | undefined;
  idAt(position: number): string | undefined;
  yearAt(position: number): number | undefined;
  /** Every film (made now if need be). */
  all(): readonly F[];
  /**
   * The position of a film `at` has already made, by id (heads: the films a lookup reached). The film a match
   * answers with is always one, so its record is found without a map of every id (~15 ms with the IMDb import).
   */
  madePosition?(id: string): number | undefined;
}

export function arrayFilmList<F extends MatchableFilm>(films: readonly F[]): FilmList<F> {
  return {
    length: films.length,
    at: (position) => films[position],
    idAt: (position) => films[position]?.id,
    yearAt: (position) => films[position]?.year,
    all: () => films,
  };
}

/** Sorted keys and their values (parallel arrays), read by binary search: a restored index builds no Map. */
class SortedLookup<V> implements KeyLookup<V> {
  constructor(
    private readonly keys: StringList,
    private readonly values: readonly V[],
  ) {}

  get(key: string): V | undefined {
    const i = firstNotBefore(0, this.keys.length, (j) => (this.keys.at(j) ?? '') < key);
    return this.keys.at(i) === key ? this.values[i] : undefined;
  }
}

interface Built {
  keys: CandidateKeys;
  /** The keys as plain data (made when first asked for, from a built index). */
  plain: () => IndexKeys;
  names: StringList;
  namePositions: readonly number[];
}

/** Map entries sorted by key, as parallel arrays (the stored form, read by SortedLookup). */
function sortedEntries<V>(map: ReadonlyMap<string, V>): { keys: string[]; values: V[] } {
  const entries = [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { keys: entries.map((e) => e[0]), values: entries.map((e) => e[1]) };
}

/** Normalises every title once and derives every key from it. */
function buildKeys(films: readonly MatchableFilm[]): Built {
  // [normalised title, position] sorted by title, for prefix search by binary search.
  const entries: Array<[string, number]> = [];
  const building = createCandidateKeys();
  for (let position = 0; position < films.length; position++) {
    const film = films[position] as MatchableFilm;
    const titles = titlesOf(film);
    const normalized = titles.map(normalizeTitle);
    for (const name of normalized) if (name) entries.push([name, position]);
    indexFilmTitles(building, position, film.year, titles, normalized);
  }
  const id = (position: number): string => films[position]?.id ?? '';
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : id(a[1]) < id(b[1]) ? -1 : 1));
  const names = entries.map((e) => e[0]);
  const namePositions = entries.map((e) => e[1]);
  return {
    keys: { full: building.full, part: building.part, byYear: () => building.byYear },
    plain: () => {
      const full = sortedEntries(building.full);
      const part = sortedEntries(building.part);
      return { fullKeys: full.keys, fullPositions: full.values, partKeys: part.keys, partEntries: part.values, names, namePositions };
    },
    names,
    namePositions,
  };
}

/**
 * Stored keys as they are: lookups by binary search, and the spelling-variant buckets (rarely needed) derived from
 * the full keys and the films' years on first use.
 */
function restoreKeys(films: FilmList<unknown>, stored: KeyLists): Built {
  let byYear: Map<number, YearKeys> | undefined;
  return {
    keys: {
      full: new SortedLookup(stored.fullKeys, stored.fullPositions),
      part: new SortedLookup(stored.partKeys, stored.partEntries),
      byYear: () => (byYear ??= yearKeys(films, stored)),
    },
    plain: () => plainKeys(stored),
    names: stored.names,
    namePositions: stored.namePositions,
  };
}

/**
 * The spelling-variant buckets of stored keys: each film's full keys by its year, in film order as a build makes
 * them. With the full IMDb import that is 400,000 keys, so the pairs are ordered by a counting sort over typed
 * arrays and the keys stay where they are (a bucket reads them through their index): sorting tuples of them took
 * ~300 ms, the first time a title's year found nothing.
 */
function yearKeys(films: FilmList<unknown>, stored: KeyLists): Map<number, YearKeys> {
  const n = films.length;
  const { fullKeys, fullPositions } = stored;
  const each = (visit: (keyIndex: number, position: number) => void): void => {
    for (let i = 0; i < fullKeys.length; i++) {
      const bucket = fullPositions[i];
      if (typeof bucket === 'number') visit(i, bucket);
      else for (const position of bucket ?? []) visit(i, position);
    }
  };
  // starts[p] .. starts[p + 1]: the pairs of the film at position p.
  const starts = new Uint32Array(n + 1);
  each((_, p) => {
    if (p >= 0 && p < n) starts[p + 1] = (starts[p + 1] ?? 0) + 1;
  });
  for (let p = 0; p < n; p++) starts[p + 1] = (starts[p + 1] ?? 0) + (starts[p] ?? 0);
  const keyAt = new Uint32Array(starts[n] ?? 0);
  const fill = starts.slice(0, n);
  each((i, p) => {
    if (p < 0 || p >= n) return;
    const at = fill[p] ?? 0;
    keyAt[at] = i;
    fill[p] = at + 1;
  });
  const buckets = new Map<number, { keyIndexes: number[]; films: number[] }>();
  for (let p = 0; p < n; p++) {
    const year = films.yearAt(p);
    if (year === undefined) continue;
    for (let j = starts[p] ?? 0; j < (starts[p + 1] ?? 0); j++) {
      let bucket = buckets.get(year);
      if (!bucket) buckets.set(year, (bucket = { keyIndexes: [], films: [] }));
      bucket.keyIndexes.push(keyAt[j] ?? 0);
      bucket.films.push(p);
    }
  }
  const out = new Map<number, YearKeys>();
  for (const [year, { keyIndexes, films: positions }] of buckets) {
    const at = (j: number): string | undefined => (j >= 0 && j < keyIndexes.length ? fullKeys.at(keyIndexes[j] ?? 0) : undefined);
    out.set(year, { keys: { length: keyIndexes.length, at }, films: positions });
  }
  return out;
}

function createIndex<F extends MatchableFilm>(list: FilmList<F>, built: Built): FilmIndex<F> {
  const { keys, names, namePositions } = built;
  // Made on the first lookup by id: matching never needs it, and a restarted worker answers before it exists.
  let byId: Map<string, number> | undefined;
  const positionOf = (id: string): number | undefined => {
    const made = list.madePosition?.(id);
    if (made !== undefined) return made;
    if (!byId) {
      byId = new Map();
      for (let p = 0; p < list.length; p++) byId.set(list.idAt(p) ?? '', p);
    }
    return byId.get(id);
  };

  /** Index of the first name not below `p`. */
  const lowerBound = (p: string): number => firstNotBefore(0, names.length, (i) => (names.at(i) ?? '') < p);

  /** Films with a title that starts with the words of `title` and goes on (the matcher's widest net; capped). */
  const beginningsOf = (title: string): number[] => {
    const p = normalizeTitle(title);
    if (p.length < MIN_BEGINNING || !p.includes(' ')) return [];
    const found: number[] = [];
    for (let i = lowerBound(`${p} `); i < names.length && found.length < 50; i++) {
      if (!(names.at(i) ?? '').startsWith(`${p} `)) break;
      const position = namePositions[i] ?? -1;
      if (!found.includes(position)) found.push(position);
    }
    return found;
  };

  const byPosition = { at: (p: number) => list.at(p), yearAt: (p: number) => list.yearAt(p) };

  return {
    size: list.length,
    get: (id) => {
      const position = positionOf(id);
      return position === undefined ? undefined : list.at(position);
    },
    position: positionOf,
    films: () => list.all(),
    find(title, year) {
      const candidates = bucketPositions(keys.full.get(matchKey(title))).flatMap((p) => list.at(p) ?? []);
      const near = year === undefined ? candidates : candidates.filter((f) => f.year === undefined || Math.abs(f.year - year) <= 1);
      return near
        .map((film) => ({ film, confidence: confidenceFor(film, year, near.length) }))
        .sort((a, b) => RANK[a.confidence] - RANK[b.confidence] || popularity(b.film) - popularity(a.film));
    },
    candidates: (title, year) => findCandidates(keys, byPosition, title, year, beginningsOf),
    keys: built.plain,
    withFilms: (other) => createIndex(arrayFilmList(other), built),
  };
}

export function buildFilmIndex<F extends MatchableFilm>(films: readonly F[]): FilmIndex<F> {
  return createIndex(arrayFilmList(films), buildKeys(films));
}

/**
 * An index over `films` from the plain keys (`keys()`) of an index over the same films, position for position:
 * nothing is normalised and no key map is built.
 */
export function restoreFilmIndex<F extends MatchableFilm>(films: FilmList<F>, keys: KeyLists): FilmIndex<F> {
  return createIndex(films, restoreKeys(films, keys));
}
