/**
 * What a restarted worker answers from (issue #13, cold answers). Chrome stops an idle MV3 service worker after
 * about 30 s; reading every stored film back (the structured clones of 51,000 records: ~420 ms in Chromium) and
 * normalising every title again (~350 ms) made the next title wait ~600 ms. So whenever the background builds its
 * answering index it also stores this snapshot: one compact head per film (titles, year, runtime, kind, votes,
 * verdict) and the index's keys, as one JSON string. A restart parses it and matches at once; the full record of
 * the film it answers with is then read from its chunk alone (lib/data/store.ts `readFilmAt`).
 *
 * `basis` says which data the snapshot describes (the bundled version and the IMDb imports laid over it): a
 * snapshot of other data is never used. Anything malformed reads as no snapshot: the worker then loads the full
 * data as before, and stores a fresh one.
 */
import type { ImdbImportState } from './imdb-layers';
import { CREDITS_STATES, type CreditsState, type FilmKind } from './schema';
import { popularity, restoreFilmIndex, type FilmIndex, type FilmList, type IndexKeys, type MatchableFilm } from './film-index';

/** A film as a restarted worker holds it: what matching, lists and the search read (the full record stays stored). */
export type FilmHead = MatchableFilm;

/** What answering data is: the bundled version and each import laid over it (import ids are never reused). */
export function basisOf(version: string, state: ImdbImportState): string {
  return [version, state.ratings?.importId ?? '', state.basics?.importId ?? '', state.akas?.importId ?? ''].join('|');
}

/** Bump when the stored shape changes: an older snapshot then reads as none. */
export const QUICK_FORMAT = 1;

export interface QuickSnapshot {
  basis: string;
  format: number;
  films: number;
  /** JSON of QuickData. A string: stored and read back as one block, not 50,000 objects. */
  data: string;
}

const KINDS: readonly FilmKind[] = ['movie', 'series', 'episode', 'short', 'tv-movie', 'video', 'other'];

/**
 * Heads in columns: JSON of plain strings and numbers parses faster than 50,000 small arrays, and a head is made
 * only when a lookup reaches its film. `kinds` and `states` hold one digit per film (indexes into KINDS and
 * CREDITS_STATES); `more` lists the films with an original or alternative titles.
 */
interface QuickData {
  ids: string[];
  titles: string[];
  years: number[];
  runtimes: number[];
  votes: number[];
  kinds: string;
  states: string;
  more: Array<[number, string | 0, string[] | 0]>;
  keys: IndexKeys;
}

function encodeData(films: readonly MatchableFilm[], keys: IndexKeys): QuickData {
  const more: QuickData['more'] = [];
  films.forEach((f, i) => {
    if (f.originalTitle || f.alt?.length) more.push([i, f.originalTitle ?? 0, f.alt?.length ? [...f.alt] : 0]);
  });
  return {
    ids: films.map((f) => f.id),
    titles: films.map((f) => f.title),
    years: films.map((f) => f.year ?? 0),
    runtimes: films.map((f) => f.runtime ?? 0),
    votes: films.map(popularity),
    kinds: films.map((f) => Math.max(0, KINDS.indexOf(f.kind))).join(''),
    states: films.map((f) => Math.max(0, CREDITS_STATES.indexOf(f.credits.state))).join(''),
    more,
    keys,
  };
}

/** Heads made on demand from the columns. */
function headList(data: QuickData): FilmList<FilmHead> {
  const made: Array<FilmHead | undefined> = new Array<FilmHead | undefined>(data.ids.length);
  let extra: Map<number, [string | 0, string[] | 0]> | undefined;
  const at = (i: number): FilmHead | undefined => {
    if (i < 0 || i >= data.ids.length) return undefined;
    const cached = made[i];
    if (cached) return cached;
    extra ??= new Map(data.more.map(([p, original, alt]) => [p, [original, alt]]));
    const votes = data.votes[i] ?? 0;
    const film: { -readonly [K in keyof FilmHead]: FilmHead[K] } = {
      id: data.ids[i] ?? '',
      title: data.titles[i] ?? '',
      kind: KINDS[Number(data.kinds[i])] ?? 'other',
      ratings: votes > 0 ? [{ count: votes }] : [],
      credits: { state: (CREDITS_STATES[Number(data.states[i])] ?? 'unknown') as CreditsState },
    };
    const [original, alt] = extra.get(i) ?? [0, 0];
    if (original) film.originalTitle = original;
    if (alt) film.alt = alt;
    if (data.years[i]) film.year = data.years[i];
    if (data.runtimes[i]) film.runtime = data.runtimes[i];
    made[i] = film;
    return film;
  };
  return {
    length: data.ids.length,
    at,
    idAt: (i) => data.ids[i],
    yearAt: (i) => data.years[i] || undefined,
    all: () => data.ids.map((_, i) => at(i) as FilmHead),
  };
}

/** The snapshot of an answering index over `basis`. */
export function encodeQuick(index: FilmIndex<MatchableFilm>, basis: string): QuickSnapshot {
  return { basis, format: QUICK_FORMAT, films: index.size, data: JSON.stringify(encodeData(index.films(), index.keys())) };
}

function isKeys(value: unknown): value is IndexKeys {
  if (typeof value !== 'object' || value === null) return false;
  const k = value as Record<string, unknown>;
  const lists = ['fullKeys', 'fullPositions', 'partKeys', 'partEntries', 'names', 'namePositions'].map((name) => k[name]);
  if (!lists.every(Array.isArray)) return false;
  const [fullKeys, fullPositions, partKeys, partEntries, names, namePositions] = lists as unknown[][];
  return fullKeys?.length === fullPositions?.length && partKeys?.length === partEntries?.length && names?.length === namePositions?.length;
}

function isData(value: unknown, films: number): value is QuickData {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  const columns = ['ids', 'titles', 'years', 'runtimes', 'votes'].map((name) => d[name]);
  if (!columns.every((c) => Array.isArray(c) && c.length === films)) return false;
  if (typeof d.kinds !== 'string' || typeof d.states !== 'string' || d.kinds.length !== films || d.states.length !== films) return false;
  return Array.isArray(d.more) && isKeys(d.keys);
}

/** The index a snapshot describes (over heads), or undefined for a snapshot of another basis or a bad one. */
export function decodeQuick(snapshot: QuickSnapshot | undefined, basis: string): FilmIndex<FilmHead> | undefined {
  if (!snapshot || snapshot.basis !== basis || snapshot.format !== QUICK_FORMAT || typeof snapshot.data !== 'string') return undefined;
  try {
    const data: unknown = JSON.parse(snapshot.data);
    if (!isData(data, snapshot.films)) return undefined;
    return restoreFilmIndex(headList(data), data.keys);
  } catch {
    return undefined;
  }
}

/** The keys of the bundled dataset's index, shipped beside it (scripts/dataset-keys.ts). */
export const DATASET_KEYS_PATH = 'dataset-keys.json.gz';

/** The shipped keys file's text: the index keys of `version`'s films, in the dataset's order. */
export function encodeDatasetKeys(index: FilmIndex<MatchableFilm>, version: string): string {
  return JSON.stringify({ format: QUICK_FORMAT, version, films: index.size, keys: index.keys() });
}

/** The shipped keys, when they are this code's format for exactly these films; else undefined (index them then). */
export function decodeDatasetKeys(text: string, version: string, films: number): IndexKeys | undefined {
  try {
    const data = JSON.parse(text) as { format?: unknown; version?: unknown; films?: unknown; keys?: unknown };
    if (data.format !== QUICK_FORMAT || data.version !== version || data.films !== films || !isKeys(data.keys)) return undefined;
    return data.keys;
  } catch {
    return undefined;
  }
}
