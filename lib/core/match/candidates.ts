/**
 * The title side of matching: the keys every film is indexed under (built once with the film index) and the forms a
 * title read from a page is looked up by. A page title is messier than a dataset title ("Uzumaki (Spiral) (English
 * subtitled)", "Marvel Studios' Iron Man", "Léon: The Professional" for a dataset "Léon"), so each query yields a few
 * forms, each with a tier: how far from "the same title" that form is. The scorer in match.ts turns tiers, years,
 * runtimes and kinds into a confidence.
 *
 * Everything here is pure and total: hostile page strings are capped (MAX_QUERY) before any regex sees them, and no
 * regex nests quantifiers, so the worst case is quadratic in that small cap, never exponential.
 */
import { editDistance } from '../edit-distance';
import type { CreditsState, Film } from '../schema';
import { cleanTitleParts, endsWithCopyPhrase, hasCopyWord, type CleanedTitle } from '../clean-title';
import {
  hasLeadingElision,
  matchKey,
  matchKeyOfWords,
  matchWords,
  matchWordsOfNormalized,
  normalizeTitle,
} from './normalize';

/** Longest page title we read; real titles are far shorter, and the cap keeps every step linear and cheap. */
const MAX_QUERY = 300;

/**
 * How far a hit is from "the same title":
 * 0 same canonical key (case, accents, punctuation, articles, numerals aside);
 * 1 the same segments in another order ("Lonestar: Stevie Ray Vaughan" / "Stevie Ray Vaughan: Lonestar"), a brand
 *   prefix dropped ("Marvel Studios' Thor"), or a ": The Movie" suffix;
 * 2 a part of one title (before or after a colon or dash, or outside brackets) is the other whole title, or the
 *   keys differ by a letter or two in the same year ("Bowery Blitzkreig" / "Bowery Blitzkrieg");
 * 3 only parts of both titles agree.
 */
export type TitleTier = 0 | 1 | 2 | 3;

/**
 * What matching reads of a film: its titles, year, runtime and kind, vote counts (popularity) and verdict (lists).
 * A full `Film` is one; so is the compact head a restarted worker answers from (lib/core/quick-index.ts).
 */
export type MatchableFilm = Pick<Film, 'id' | 'title' | 'originalTitle' | 'alt' | 'year' | 'runtime' | 'kind'> & {
  readonly ratings: ReadonlyArray<{ readonly count?: number }>;
  readonly credits: { readonly state: CreditsState };
};

export interface TitleCandidate<F extends MatchableFilm = Film> {
  film: F;
  tier: TitleTier;
  /**
   * The film's title is only a part of the page's ("Léon" for a page titled "Leon: The Professional"). A page
   * that says more than a film's title is rarely that film when another film carries the whole title; a page that
   * says less (a film's main title) may well mean the longer one.
   */
  pageSaysMore: boolean;
}

/** Read-only strings by position: an array, or a view over strings stored otherwise (lib/core/quick-index.ts). */
export interface StringList {
  readonly length: number;
  at(index: number): string | undefined;
}

/**
 * The spelling-variant fallback's films of one year: `keys.at(i)` is a full key of the film at position `films[i]`
 * (parallel lists, in film order).
 */
export interface YearKeys {
  keys: StringList;
  films: readonly number[];
}

/** A YearKeys while an index is built. */
export interface YearBucket extends YearKeys {
  keys: string[];
  films: number[];
}

/**
 * Film positions under one key. Almost every key names one film, so a lone position is stored as itself: a
 * one-element array per key would be 50,000 allocations at every index build.
 */
export type FilmBucket = number | number[];

export function bucketPositions(bucket: FilmBucket | undefined): readonly number[] {
  return bucket === undefined ? [] : Array.isArray(bucket) ? bucket : [bucket];
}

/** A read-only key lookup: a Map while an index is built, sorted arrays once restored (lib/core/film-index.ts). */
export interface KeyLookup<V> {
  get(key: string): V | undefined;
}

/**
 * The keys of all films, by kind of key; films are named by their position in the index's film list, so the same
 * keys serve heads and full records alike (and can be stored). A film appears once per distinct key of each kind.
 */
export interface CandidateKeys {
  full: KeyLookup<FilmBucket>;
  /**
   * Keys of title parts (before or after ": " / " - "): tier 1 when the rest is only "The Movie", else 2; and
   * segment keys (splitTitle), tier 1. Each entry is `position * 2 + tier - 1`.
   */
  part: KeyLookup<readonly number[]>;
  /** Full keys by film year, for the spelling-variant fallback (made on first use by a restored index). */
  byYear(): ReadonlyMap<number, YearKeys>;
}

/** The keys while an index is built. */
export interface BuildingKeys {
  full: Map<string, FilmBucket>;
  part: Map<string, number[]>;
  byYear: Map<number, YearBucket>;
}

/** A part entry: position and tier in one number (see CandidateKeys.part). */
export function partEntry(position: number, tier: 1 | 2): number {
  return position * 2 + tier - 1;
}

function partOf(entry: number): { position: number; tier: 1 | 2 } {
  return { position: entry >>> 1, tier: entry & 1 ? 2 : 1 };
}

/** Separators between a main title and its subtitle: a colon, or a dash with spaces around it. */
const SUBTITLE_SEPARATOR = /\s*:\s*|\s+[-–—]\s+|\s*[–—]\s*/u;

const SEPARATOR_CHAR = /[:\-–—]/u;
/** Brackets, separators, a comma (trailing article) or an apostrophe (elided article): a title that may change. */
const MAY_CHANGE = /[([:\-–—,'’`´]/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Subtitles that only say what the thing is: "Rugrats in Paris: The Movie" is the film "Rugrats in Paris". */
const GENERIC_SUBTITLES = new Set(['the movie', 'movie', 'the film', 'film', 'der film', 'le film', 'la pelicula', 'il film']);

/** A title part shorter than this (as a key) says too little to find a film by: "It", "Up", "X". */
const MIN_PART_KEY = 3;
/** At most this many separators are read in one title: real titles have one or two. */
const MAX_SPLITS = 4;

/** A catalogue's "Matrix, The" / "Boot, Das": the article moved behind a comma. */
const TRAILING_ARTICLE =
  /^(.*?\S)\s*,\s*(the|a|an|der|die|das|le|la|les|l['’]|el|los|las|il|lo|gli|o|os|as|de|het|een)\s*$/iu;
const TRAILING_ARTICLE_HINT = /,\s*\S{1,3}\s*$/u;

/** "Matrix, The" → "The Matrix"; any other title is returned as it is. */
export function frontArticle(title: string): string {
  const text = title.slice(0, MAX_QUERY);
  if (!TRAILING_ARTICLE_HINT.test(text)) return text;
  const m = TRAILING_ARTICLE.exec(text);
  return m ? `${m[2] ?? ''} ${m[1] ?? ''}` : text;
}

/**
 * A dataset title as the index reads it: cleaned like a page title (copy notes and a bracketed year dropped,
 * "Halloween II (2009)" is "Halloween II"), so both sides of a match go through the same steps. Only titles with
 * a bracket, a separator or a trailing copy phrase can change, so the rest skip the work.
 */
export function indexedTitle(title: string): string {
  const raw = title.slice(0, MAX_QUERY);
  const needsCleaning = /[([]/u.test(raw) || endsWithCopyPhrase(raw) || (SEPARATOR_CHAR.test(raw) && hasCopyWord(raw));
  return needsCleaning ? cleanMatchTitle(raw).title : raw;
}

/** The matcher's words of a title: `matchWords` after moving a trailing article to the front. */
export function titleWords(title: string): string[] {
  return matchWords(frontArticle(title));
}

export function titlesOf(film: MatchableFilm): string[] {
  // The common case (one title) without spreading: this runs for every film at every worker start.
  if (!film.originalTitle && !film.alt?.length) return [film.title];
  return [film.title, ...(film.originalTitle ? [film.originalTitle] : []), ...(film.alt ?? [])];
}

interface TitlePart {
  text: string;
  /** What the part leaves out: if only "The Movie", the part is the film's name. */
  rest: string;
  side: 'before' | 'after';
}

/**
 * The parts of a title around each separator: "A: B - C" gives before-parts "A" and "A: B" and after-parts
 * "B - C" and "C". Before-parts find "Mission: Impossible" in "Mission: Impossible – Dead Reckoning"; after-parts
 * find "Nate: A One Man Show" in "Natalie Palamides: Nate - A One Man Show".
 */
export function titleParts(title: string): TitlePart[] {
  const text = title.slice(0, MAX_QUERY);
  const cuts: Array<{ start: number; end: number }> = [];
  const re = new RegExp(SUBTITLE_SEPARATOR.source, 'gu');
  for (let m = re.exec(text); m && cuts.length < MAX_SPLITS; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    cuts.push({ start: m.index, end: m.index + m[0].length });
  }
  const parts: TitlePart[] = [];
  for (const cut of cuts) {
    const before = text.slice(0, cut.start).trim();
    const after = text.slice(cut.end).trim();
    if (!HAS_WORD.test(before) || !HAS_WORD.test(after)) continue;
    parts.push({ text: before, rest: after, side: 'before' }, { text: after, rest: before, side: 'after' });
  }
  return parts;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addToBucket(map: Map<string, FilmBucket>, key: string, position: number): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, position);
  else if (Array.isArray(bucket)) bucket.push(position);
  else map.set(key, [bucket, position]);
}

export function createCandidateKeys(): BuildingKeys {
  return { full: new Map(), part: new Map(), byYear: new Map() };
}

/**
 * Indexes one film's titles under their full and part keys. `normalized[i]` is `normalizeTitle(titles[i])`: the
 * film index has it already, and normalising is a large part of the cost of a build.
 */
export function indexFilmTitles(
  keys: BuildingKeys,
  position: number,
  year: number | undefined,
  titles: readonly string[],
  normalized: readonly string[],
): void {
  // Most films have one title, and then nothing needs de-duplicating: the arrays are made only for the few others
  // (at that size arrays beat Sets).
  const seenFull: string[] | undefined = titles.length > 1 ? [] : undefined;
  let seenPart: string[] | undefined;
  let bucket = year === undefined ? undefined : keys.byYear.get(year);
  for (let i = 0; i < titles.length; i++) {
    const raw = titles[i] ?? '';
    // Most titles have none of the characters that cleaning, a trailing article or an elided article need.
    const plain = !MAY_CHANGE.test(raw) && !endsWithCopyPhrase(raw);
    const title = plain ? raw : indexedTitle(raw);
    // The normalised title can stand in for the raw one unless cleaning changed it or an article needs the raw
    // punctuation.
    const direct = plain || (title === raw && !hasLeadingElision(raw) && !TRAILING_ARTICLE_HINT.test(raw));
    const words = direct ? matchWordsOfNormalized(normalized[i] ?? '') : titleWords(title);
    const full = matchKeyOfWords(words);
    if (full && !seenFull?.includes(full)) {
      seenFull?.push(full);
      addToBucket(keys.full, full, position);
      if (year !== undefined) {
        if (!bucket) keys.byYear.set(year, (bucket = { keys: [], films: [] }));
        bucket.keys.push(full);
        bucket.films.push(position);
      }
    }
    // Only titles with a separator have parts; most have none, so the split is skipped cheaply.
    if (plain || !SEPARATOR_CHAR.test(title)) continue;
    seenPart ??= [];
    const split = splitTitle(title);
    for (const part of split.parts) {
      if (part.key.length < MIN_PART_KEY || part.key === full || seenPart.includes(part.key)) continue;
      seenPart.push(part.key);
      push(keys.part, part.key, partEntry(position, part.generic ? 1 : 2));
    }
    const segments = split.segments;
    if (segments && !seenPart.includes(segments)) {
      seenPart.push(segments);
      push(keys.part, segments, partEntry(position, 1));
    }
  }
}

/** Separators and brackets: the boundaries of a title's segments. */
const SEGMENT_BOUNDARY = /[:()[\]–—]|\s-\s/u;

interface KeyedPart {
  key: string;
  side: 'before' | 'after';
  /** A before-part whose rest only says "The Movie": the part is the film's name. */
  generic: boolean;
}

/**
 * A title's part keys (titleParts) and its segment key: the keys of its segments in any order, so "Lonestar:
 * Stevie Ray Vaughan - 1984-1989" and "Stevie Ray Vaughan - 1984-1989: Lonestar", or "Star Wars: Episode V - The
 * Empire Strikes Back" and "Star Wars: The Empire Strikes Back (Episode V)", are one title with its parts
 * shuffled (undefined for one segment; the "|" keeps these keys apart from part keys in the shared map). Each
 * distinct text is normalised once: with one separator the two parts are the two segments.
 */
export function splitTitle(title: string): { parts: KeyedPart[]; segments: string | undefined } {
  const memo = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = memo.get(text);
    if (key === undefined) memo.set(text, (key = matchKey(text)));
    return key;
  };
  const parts = titleParts(title).map((p) => ({
    key: keyOf(p.text),
    side: p.side,
    generic: p.side === 'before' && GENERIC_HINT.test(p.rest) && isGeneric(p.rest),
  }));
  const segmentKeys: string[] = [];
  for (const segment of title.slice(0, MAX_QUERY).split(SEGMENT_BOUNDARY).slice(0, MAX_SPLITS + 2)) {
    const key = keyOf(segment.trim());
    if (key && !segmentKeys.includes(key)) segmentKeys.push(key);
  }
  return { parts, segments: segmentKeys.length > 1 ? segmentKeys.sort().join('|') : undefined };
}

/** Cheap pre-check for GENERIC_SUBTITLES, so most subtitles are never normalised for it. */
const GENERIC_HINT = /movie|film|pel[ií]cula/iu;

function isGeneric(subtitle: string): boolean {
  return GENERIC_SUBTITLES.has(normalizeTitle(subtitle));
}

/**
 * A title for matching: the one title cleaner (lib/core/clean-title.ts, shared with the page adapters, so copy
 * notes mean the same on both sides) without its season step, a bracketed year read out ("Aladdin (1992)"), a
 * trailing article moved to the front ("Matrix, The"). A title that cleans to nothing stays as it was.
 */
export function cleanMatchTitle(raw: string): CleanedTitle {
  const cleaned = cleanTitleParts(raw, { seasons: false, pageText: false });
  const title = normalizeTitle(cleaned.title) ? frontArticle(cleaned.title) : raw.slice(0, MAX_QUERY);
  return cleaned.year === undefined ? { title } : { title, year: cleaned.year };
}

/**
 * A possessive brand prefix on a streaming title: "Marvel Studios' Iron Man", "Tim Burton's The Nightmare Before
 * Christmas", "Disney's The Kid". Only when the owner or the rest has two words or more, so "Ocean's Eleven" and
 * "Schindler's List" are not read as "Eleven" and "List".
 */
function withoutPossessivePrefix(title: string): string | undefined {
  const tokens = title.split(' ');
  for (let i = 0; i < Math.min(3, tokens.length - 1); i++) {
    if (!/(?:['’]s|s['’])$/iu.test(tokens[i] ?? '')) continue;
    const rest = tokens.slice(i + 1);
    return i >= 1 || rest.length >= 2 ? rest.join(' ') : undefined;
  }
  return undefined;
}

/** A bracket group that is not a copy note, e.g. an alternative title: "Uzumaki (Spiral)", "Mokalik (Mechanic)". */
const INNER_GROUP = /^(.*?)\s*[([]([^()[\]]{1,80})[)\]]\s*(.*)$/u;

interface QueryForm {
  key: string;
  /** Which film keys the form is looked up in, and the tier a hit there gets. */
  probes: Array<{ map: 'full' | 'part'; tier: TitleTier }>;
  /** The form is only part of the page title (see TitleCandidate.pageSaysMore). */
  fragment: boolean;
}

/** The forms a (cleaned) page title is looked up by. */
export function queryForms(pageTitle: string): QueryForm[] {
  const title = pageTitle.slice(0, MAX_QUERY);
  const forms: QueryForm[] = [];
  const add = (text: string, probes: QueryForm['probes'], fragment: boolean): void => {
    const key = matchKey(text);
    if (key) forms.push({ key, probes, fragment });
  };

  // Against a film's title part the tier is the part's own (1 when the rest is "The Movie", else 2).
  add(
    title,
    [
      { map: 'full', tier: 0 },
      { map: 'part', tier: 1 },
    ],
    false,
  );

  const brandless = withoutPossessivePrefix(title);
  if (brandless) add(brandless, [{ map: 'full', tier: 1 }], true);

  const split = splitTitle(title);
  for (const part of split.parts) {
    if (part.key.length < MIN_PART_KEY) continue;
    forms.push({
      key: part.key,
      probes: [
        { map: 'full', tier: part.generic ? 1 : 2 },
        { map: 'part', tier: 3 },
      ],
      fragment: true,
    });
  }
  if (split.segments) forms.push({ key: split.segments, probes: [{ map: 'part', tier: 1 }], fragment: false });

  const group = INNER_GROUP.exec(title);
  if (group) {
    const outside = `${group[1] ?? ''} ${group[3] ?? ''}`.trim();
    if (normalizeTitle(outside)) add(outside, [{ map: 'full', tier: 2 }], true);
    add(group[2] ?? '', [{ map: 'full', tier: 2 }], true);
  }
  return forms;
}

/**
 * Every film any form of `title` hits, each once at its best tier. With a year, and nothing within a year of it
 * at tier 2 or better, two wider nets are cast over that year (±1), both at tier 2: spelling variants
 * (findSpellingVariants) and films whose title begins with the page title (`beginningsOf`, from the film index's
 * sorted names: "Mission: Impossible – Dead Reckoning" for "… Dead Reckoning Part One").
 */
/** The films an index holds, by position (see FilmList in lib/core/film-index.ts). */
export interface FilmsByPosition<F> {
  at(position: number): F | undefined;
  yearAt(position: number): number | undefined;
}

export function findCandidates<F extends MatchableFilm>(
  keys: CandidateKeys,
  films: FilmsByPosition<F>,
  title: string,
  year?: number,
  beginningsOf?: (title: string) => readonly number[],
): TitleCandidate<F>[] {
  const found = findByForms(keys, title);
  const resolve = (list: ReadonlyArray<PositionCandidate>): TitleCandidate<F>[] =>
    list.flatMap((c) => {
      const film = films.at(c.position);
      return film ? [{ film, tier: c.tier, pageSaysMore: c.pageSaysMore }] : [];
    });
  if (year === undefined) return resolve(found);
  const inWindow = (position: number): boolean => {
    const filmYear = films.yearAt(position);
    return filmYear !== undefined && Math.abs(filmYear - year) <= 1;
  };
  if (found.some((c) => c.tier <= 2 && (films.yearAt(c.position) === undefined || inWindow(c.position)))) return resolve(found);
  const beginnings = (beginningsOf ? beginningsOf(title) : []).filter(inWindow);
  const wider: PositionCandidate[] = [
    ...findSpellingVariants(keys, title, year),
    ...beginnings.map((position) => ({ position, tier: 2 as const, pageSaysMore: false })),
  ];
  for (const w of wider) if (!found.some((c) => c.position === w.position)) found.push(w);
  return resolve(found);
}

/** The shortest page title (normalised) worth looking for as the beginning of longer titles. */
export const MIN_BEGINNING = 8;

/** A candidate before its film is looked up: its position in the index's film list. */
interface PositionCandidate {
  position: number;
  tier: TitleTier;
  pageSaysMore: boolean;
}

function findByForms(keys: CandidateKeys, title: string): PositionCandidate[] {
  // (Returns a fresh array: findCandidates may append to it.)
  const best = new Map<number, PositionCandidate>();
  const offer = (position: number, tier: TitleTier, pageSaysMore: boolean): void => {
    const seen = best.get(position);
    if (!seen || tier < seen.tier || (tier === seen.tier && seen.pageSaysMore && !pageSaysMore)) best.set(position, { position, tier, pageSaysMore });
  };
  for (const form of queryForms(title)) {
    for (const probe of form.probes) {
      if (probe.map === 'part') {
        for (const entry of keys.part.get(form.key) ?? []) {
          const hit = partOf(entry);
          offer(hit.position, Math.max(probe.tier, hit.tier) as TitleTier, form.fragment);
        }
      } else {
        for (const position of bucketPositions(keys.full.get(form.key))) offer(position, probe.tier, form.fragment);
      }
    }
  }
  return [...best.values()];
}

/** Keys shorter than this are too short for a spelling variant to mean the same title ("Gold" / "Gods"). */
const MIN_FUZZY_KEY = 6;
const MAX_FUZZY_KEY = 60;

/** The digits of a key: sequel and part numbers must agree exactly, "Rocky 2" is never a typo of "Rocky 3". */
function digitsOf(key: string): string {
  return key.replace(/\D+/g, '');
}

/**
 * Spelling variants of the same title in the same year (±1): transliterations ("Aashik Awara" / "Aashik
 * Aawara"), typos in catalogues ("Bowery Blitzkreig"). One edit for keys up to 11 letters, two beyond. The matcher
 * asks only when nothing closer was found, and never trusts such a hit beyond "medium".
 */
export function findSpellingVariants(keys: CandidateKeys, title: string, year: number): PositionCandidate[] {
  const key = matchKey(title);
  if (key.length < MIN_FUZZY_KEY || key.length > MAX_FUZZY_KEY) return [];
  const max = key.length >= 12 ? 2 : 1;
  const digits = digitsOf(key);
  const hits: PositionCandidate[] = [];
  for (const y of [year - 1, year, year + 1]) {
    const bucket = keys.byYear().get(y);
    if (!bucket) continue;
    for (let i = 0; i < bucket.films.length; i++) {
      const other = bucket.keys.at(i) ?? '';
      const position = bucket.films[i];
      if (position === undefined || Math.abs(other.length - key.length) > max || other === key || digitsOf(other) !== digits) continue;
      if (editDistance(key, other, max) <= max && !hits.some((h) => h.position === position)) hits.push({ position, tier: 2, pageSaysMore: false });
    }
  }
  return hits;
}
