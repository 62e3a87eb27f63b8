/**
 * What a restarted worker answers from (issue #13, cold answers). Chrome stops an idle MV3 service worker after
 * about 30 s; reading every stored film back (the structured clones of 51,000 records: ~420 ms in Chromium) and
 * normalising every title again (~350 ms) made the next title wait ~600 ms. So whenever the background builds its
 * answering index it also stores this snapshot: one compact head per film (titles, year, runtime, kind, votes,
 * verdict) and the index's keys, as one JSON string with the strings packed (see Packed). A restart parses it and
 * matches at once; the full record of the film it answers with is then read from its chunk alone (lib/background/store.ts
 * `readFilmChunk`).
 *
 * `basis` says which data the snapshot describes (the bundled version and the IMDb imports laid over it): a
 * snapshot of other data is never used. Anything malformed reads as no snapshot: the worker then loads the full
 * data as before, and stores a fresh one.
 */
import { isRecord } from './guards';
import type { ImdbImportState } from './imdb-rows';
import { firstNotBefore } from './sorted';
import { CREDITS_STATES, type CreditsState, type FilmKind } from './schema';
import {
  popularity,
  restoreFilmIndex,
  type FilmIndex,
  type FilmList,
  type IndexKeys,
  type KeyLists,
  type MatchableFilm,
  type StringList,
} from './film-index';

/** A film as a restarted worker holds it: what matching, lists and the search read (the full record stays stored). */
export type FilmHead = MatchableFilm;

/** What answering data is: the bundled version and each import laid over it (import ids are never reused). */
export function basisOf(version: string, state: ImdbImportState): string {
  return [version, state.ratings?.importId ?? '', state.basics?.importId ?? '', state.akas?.importId ?? ''].join('|');
}

/** Bump when the stored shape changes: an older snapshot then reads as none. */
export const QUICK_FORMAT = 2;

/** The snapshot's strings, each list packed in one text (see Packed). */
const TEXTS = ['ids', 'titles', 'originals', 'alts', 'fullKeys', 'partKeys', 'names'] as const;
type TextName = (typeof TEXTS)[number];

export interface QuickSnapshot {
  basis: string;
  format: number;
  films: number;
  /** JSON of QuickData: numbers only. A string: stored and read back as one block, not 50,000 objects. */
  data: string;
  /**
   * The packed texts, outside the JSON: IndexedDB copies a string back at memory speed, while JSON.parse reads it
   * character by character (and the names of other scripts make the whole JSON a two-byte string).
   */
  texts: Record<TextName, string>;
}

const KINDS: readonly FilmKind[] = ['movie', 'series', 'episode', 'short', 'tv-movie', 'video', 'other'];

/**
 * Strings packed in one: the text of all, and each one's length. With the full IMDb import a snapshot holds about
 * 1.2 million strings (titles, keys, names): JSON.parse made each one a string, about 370 ms of a worker restart in
 * Chromium; packed, the restart parses only numbers (~30 ms). A string is cut out when a lookup reads it.
 */
interface Packed {
  text: string;
  lengths: number[];
}

function pack(list: readonly string[]): Packed {
  return { text: list.join(''), lengths: list.map((s) => s.length) };
}

/** Packed strings read by position (a StringList, as SortedLookup and prefix search read keys and names). */
class PackedStrings implements StringList {
  private readonly starts: Uint32Array;

  constructor(
    private readonly text: string,
    starts: Uint32Array,
  ) {
    this.starts = starts;
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    return this.text.slice(this.starts[index], this.starts[index + 1]);
  }
}

/** Each item's start in a list cut by `counts` (the total last), or undefined if a count is not a whole number. */
function startsOf(counts: readonly unknown[]): Uint32Array | undefined {
  const starts = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
    starts[i + 1] = (starts[i] ?? 0) + count;
  }
  return starts;
}

/** Packed strings from a text and its parsed lengths, when they agree (and `count` long if given). */
function unpack(text: unknown, lengths: unknown, count?: number): PackedStrings | undefined {
  if (typeof text !== 'string' || !Array.isArray(lengths) || (count !== undefined && lengths.length !== count)) return undefined;
  const starts = startsOf(lengths);
  return starts && starts[lengths.length] === text.length ? new PackedStrings(text, starts) : undefined;
}

/**
 * Heads in columns, and the index's keys: plain numbers, the lengths of the packed texts, and a head is made only
 * when a lookup reaches its film. `kinds` and `states` hold one digit per film (indexes into KINDS and
 * CREDITS_STATES); `more` lists the films with an original or alternative titles (ascending positions, with how
 * many of `alts` each has; an empty original is none).
 */
interface QuickData {
  lengths: Record<TextName, number[]>;
  years: number[];
  runtimes: number[];
  votes: number[];
  kinds: string;
  states: string;
  more: { positions: number[]; altCounts: number[] };
  keys: Pick<IndexKeys, 'fullPositions' | 'partEntries' | 'namePositions'>;
}

/** The snapshot read back: texts unpacked, every part checked for shape. */
interface Columns {
  ids: PackedStrings;
  titles: PackedStrings;
  years: number[];
  runtimes: number[];
  votes: number[];
  kinds: string;
  states: string;
  more: { positions: number[]; originals: PackedStrings; altStarts: Uint32Array; alts: PackedStrings };
  keys: KeyLists;
}

function encode(films: readonly MatchableFilm[], keys: IndexKeys): { data: QuickData; texts: Record<TextName, string> } {
  const positions: number[] = [];
  const originals: string[] = [];
  const altCounts: number[] = [];
  const alts: string[] = [];
  films.forEach((f, i) => {
    if (!f.originalTitle && !f.alt?.length) return;
    positions.push(i);
    originals.push(f.originalTitle ?? '');
    altCounts.push(f.alt?.length ?? 0);
    for (const alt of f.alt ?? []) alts.push(alt);
  });
  const packed: Record<TextName, Packed> = {
    ids: pack(films.map((f) => f.id)),
    titles: pack(films.map((f) => f.title)),
    originals: pack(originals),
    alts: pack(alts),
    fullKeys: pack(keys.fullKeys),
    partKeys: pack(keys.partKeys),
    names: pack(keys.names),
  };
  const texts = Object.fromEntries(TEXTS.map((name) => [name, packed[name].text])) as Record<TextName, string>;
  const lengths = Object.fromEntries(TEXTS.map((name) => [name, packed[name].lengths])) as Record<TextName, number[]>;
  return {
    texts,
    data: {
      lengths,
      years: films.map((f) => f.year ?? 0),
      runtimes: films.map((f) => f.runtime ?? 0),
      votes: films.map(popularity),
      kinds: films.map((f) => Math.max(0, KINDS.indexOf(f.kind))).join(''),
      states: films.map((f) => Math.max(0, CREDITS_STATES.indexOf(f.credits.state))).join(''),
      more: { positions, altCounts },
      keys: { fullPositions: keys.fullPositions, partEntries: keys.partEntries, namePositions: keys.namePositions },
    },
  };
}

const isNumbers = (value: unknown, count?: number): value is number[] =>
  Array.isArray(value) && (count === undefined || value.length === count);

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** The columns of parsed `data` over `texts`, or undefined if any part is missing or disagrees with another. */
function readColumns(value: unknown, texts: unknown, films: number): Columns | undefined {
  const d = record(value);
  const text = record(texts);
  const lengths = record(d.lengths);
  const list = (name: TextName, count?: number): PackedStrings | undefined => unpack(text[name], lengths[name], count);
  const { years, runtimes, votes, kinds, states } = d;
  if (!isNumbers(years, films) || !isNumbers(runtimes, films) || !isNumbers(votes, films)) return undefined;
  if (typeof kinds !== 'string' || typeof states !== 'string' || kinds.length !== films || states.length !== films) return undefined;
  const { positions, altCounts } = record(d.more);
  const { fullPositions, partEntries, namePositions } = record(d.keys);
  if (!isNumbers(positions) || !isNumbers(altCounts, positions.length)) return undefined;
  if (!isNumbers(fullPositions) || !Array.isArray(partEntries) || !isNumbers(namePositions)) return undefined;
  const altStarts = startsOf(altCounts);
  const ids = list('ids', films);
  const titles = list('titles', films);
  const originals = list('originals', positions.length);
  const alts = altStarts && list('alts', altStarts[positions.length]);
  const fullKeys = list('fullKeys', fullPositions.length);
  const partKeys = list('partKeys', partEntries.length);
  const names = list('names', namePositions.length);
  if (!ids || !titles || !altStarts || !originals || !alts || !fullKeys || !partKeys || !names) return undefined;
  return {
    ids,
    titles,
    years,
    runtimes,
    votes,
    kinds,
    states,
    more: { positions, originals, altStarts, alts },
    keys: { fullKeys, fullPositions, partKeys, partEntries: partEntries as number[][], names, namePositions },
  };
}

/** Where film `position` is in the ascending `positions`, or -1. */
function indexIn(positions: readonly number[], position: number): number {
  const i = firstNotBefore(0, positions.length, (j) => (positions[j] ?? 0) < position);
  return positions[i] === position ? i : -1;
}

/** Heads made on demand from the columns. */
function headList(data: Columns): FilmList<FilmHead> {
  const count = data.ids.length;
  const made: Array<FilmHead | undefined> = new Array<FilmHead | undefined>(count);
  const madeIds = new Map<string, number>();
  const at = (i: number): FilmHead | undefined => {
    if (!(i >= 0 && i < count)) return undefined;
    const cached = made[i];
    if (cached) return cached;
    const votes = data.votes[i] ?? 0;
    const film: { -readonly [K in keyof FilmHead]: FilmHead[K] } = {
      id: data.ids.at(i) ?? '',
      title: data.titles.at(i) ?? '',
      kind: KINDS[Number(data.kinds[i])] ?? 'other',
      ratings: votes > 0 ? [{ count: votes }] : [],
      credits: { state: (CREDITS_STATES[Number(data.states[i])] ?? 'unknown') as CreditsState },
    };
    const k = indexIn(data.more.positions, i);
    if (k >= 0) {
      const original = data.more.originals.at(k);
      if (original) film.originalTitle = original;
      const alt: string[] = [];
      for (let a = data.more.altStarts[k] ?? 0; a < (data.more.altStarts[k + 1] ?? 0); a++) alt.push(data.more.alts.at(a) ?? '');
      if (alt.length) film.alt = alt;
    }
    if (data.years[i]) film.year = data.years[i];
    if (data.runtimes[i]) film.runtime = data.runtimes[i];
    made[i] = film;
    madeIds.set(film.id, i);
    return film;
  };
  return {
    length: count,
    at,
    idAt: (i) => data.ids.at(i),
    yearAt: (i) => data.years[i] || undefined,
    all: () => Array.from({ length: count }, (_, i) => at(i) as FilmHead),
    madePosition: (id) => madeIds.get(id),
  };
}

/** The snapshot of an answering index over `basis`. */
export function encodeQuick(index: FilmIndex<MatchableFilm>, basis: string): QuickSnapshot {
  const { data, texts } = encode(index.films(), index.keys());
  return { basis, format: QUICK_FORMAT, films: index.size, data: JSON.stringify(data), texts };
}

/** The index a snapshot describes (over heads), or undefined for a snapshot of another basis or a bad one. */
export function decodeQuick(snapshot: QuickSnapshot | undefined, basis: string): FilmIndex<FilmHead> | undefined {
  if (!snapshot || snapshot.basis !== basis || snapshot.format !== QUICK_FORMAT || typeof snapshot.data !== 'string') return undefined;
  try {
    const columns = readColumns(JSON.parse(snapshot.data), snapshot.texts, snapshot.films);
    return columns ? restoreFilmIndex(headList(columns), columns.keys) : undefined;
  } catch {
    return undefined;
  }
}

/** The keys of the bundled dataset's index, shipped beside it (scripts/dataset-keys.ts). */
export const DATASET_KEYS_PATH = 'dataset-keys.json.gz';

/** Bump when the shipped keys' shape changes (plain IndexKeys, built with the extension). */
const DATASET_KEYS_FORMAT = 1;

/** The shipped keys file's text: the index keys of `version`'s films, in the dataset's order. */
export function encodeDatasetKeys(index: FilmIndex<MatchableFilm>, version: string): string {
  return JSON.stringify({ format: DATASET_KEYS_FORMAT, version, films: index.size, keys: index.keys() });
}

function isKeys(value: unknown): value is IndexKeys {
  if (!isRecord(value)) return false;
  const k = value;
  const lists = ['fullKeys', 'fullPositions', 'partKeys', 'partEntries', 'names', 'namePositions'].map((name) => k[name]);
  if (!lists.every(Array.isArray)) return false;
  const [fullKeys, fullPositions, partKeys, partEntries, names, namePositions] = lists as unknown[][];
  return fullKeys?.length === fullPositions?.length && partKeys?.length === partEntries?.length && names?.length === namePositions?.length;
}

/** The shipped keys, when they are this code's format for exactly these films; else undefined (index them then). */
export function decodeDatasetKeys(text: string, version: string, films: number): IndexKeys | undefined {
  try {
    const data = JSON.parse(text) as { format?: unknown; version?: unknown; films?: unknown; keys?: unknown };
    if (data.format !== DATASET_KEYS_FORMAT || data.version !== version || data.films !== films || !isKeys(data.keys)) return undefined;
    return data.keys;
  } catch {
    return undefined;
  }
}
