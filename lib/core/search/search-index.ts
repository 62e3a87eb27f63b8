/**
 * The popup's film search: every film of the dataset by title, original title or alternative/localized title, as
 * the user types. Accent- and case-insensitive (normalizeTitle), each typed word matches a title word by prefix
 * ("guard gal" → Guardians of the Galaxy), sequel numerals match digits, a leading article is optional, and a word
 * of 4+ letters may carry a typo (1 edit, 2 from 8 letters).
 *
 * Ranking, best first:
 *   tier 0  the whole title is the query (title or original title);
 *   tier 1  an alternative title is the query, or a title starts with it;
 *   tier 2  every typed word starts a word of the title, in any order;
 *   tier 3  the same with typos (fewer edits first).
 * Within a tier, the more popular film (votes: popularity()) first, then the newer.
 *
 * Speed: the background builds this on every worker start, and the popup asks on every keystroke, so both are
 * flat arrays: a sorted vocabulary of title words (a typed prefix is one contiguous id range), word → entries
 * postings, and a trigram index over the long vocabulary words. A keystroke walks only the postings of its
 * rarest word; a very common one ("s") instead walks the titles in popularity order and stops at the first page
 * of title-prefix hits. When exact and prefix matches leave the page short, a word typed without its space is
 * split ("ironman" → iron man, ranked as if typed so), and then typos are looked for (they rank below all that):
 * a short word's one-edit variants are looked up in the sorted vocabulary (exact), a long word's two-edit
 * candidates come from shared trigrams and are verified by a bounded edit distance.
 *
 * A search is synchronous and reuses the index's scratch arrays (no allocation per candidate), so an index must
 * not be searched from inside its own search; nothing here calls out, so nothing can.
 */
import { popularity } from '../film-index';
import type { CreditsState, FilmKind } from '../schema';
import type { MatchableFilm } from '../film-index';
import { normalizeTitle } from '../match/normalize';
import { typoCost } from '../edit-distance';
import { firstNotBefore } from '../sorted';
import {
  allowedEdits,
  formsOfNormalized,
  joinHyphens,
  joinLetterRuns,
  MAX_QUERY_WORDS,
  titleForms,
  type TitleForms,
} from './search-text';

export interface SearchHit {
  id: string;
  title: string;
  year?: number;
  kind: FilmKind;
  credits: CreditsState;
  /** The title, original title or alternative title that matched, as the dataset writes it. */
  matched: string;
  /** Match quality: 1 exact title, 0.75 title prefix, 0.5 word prefixes, at most 0.125 typos. Hits come best first. */
  score: number;
}

export interface SearchIndex {
  /** Films indexed. */
  readonly size: number;
  /** Films for a typed query, best first; never throws, whatever the input. */
  search(query: string, limit?: number): SearchHit[];
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** No match of this query word on this vocabulary word. */
const NONE = 255;
const COST_EXACT = 0;
const COST_PREFIX = 1;
/**
 * A typo costs 2·edits, plus 1 when only a prefix of the word is that close (typoCost): one edit on the whole
 * word 2, one edit on a prefix 3, two edits 4 and 5. An entry's typo sub-rank is the sum over its words of
 * (cost - 1), capped at MAX_SUB.
 */
const COST_TYPO_WHOLE = 2;
const COST_TYPO_PREFIX = 3;
const MAX_SUB = 15;

/** Entry keys are (tier·16 + sub-rank)·RANK_SPAN + popularity rank (more films than this are not expected). */
const RANK_SPAN = 1 << 20;

/** Trigram buckets: a hash of three characters (collisions only add candidates, which are verified anyway). */
const GRAM_BITS = 17;
/** "^" marks the start of a word, so first letters weigh in candidate generation as they do in typing. */
const WORD_START = 94;
/** Longest prefix of a vocabulary word that gets trigrams, and longest typed word looked at for typos. */
const MAX_GRAM_WORD = 24;
/** Shortest vocabulary word with trigrams: a typed word of 8+ letters (two edits) is within 2 of 6+ letters only. */
const MIN_GRAM_WORD = 6;
/** Typo candidates verified per typed word, best trigram overlap first: bounds the cost of a keystroke. */
const MAX_VERIFY = 400;
/** Letters tried in one-edit variants besides the typed word's own: folded titles are mostly these. */
const VARIANT_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
/**
 * A query whose rarest word has more postings than this ("s", "the") is answered by walking titles in popularity
 * order instead: its first page is all title-prefix hits, found after a few hundred titles.
 */
const POPULAR_SCAN_POSTINGS = 4000;
/** Space-less splits of a word tried per query ("ironman" → iron man): each costs one more candidate walk. */
const MAX_SPLITS = 2;

/** The flat build output: parallel arrays, read-only once built. */
interface Tables {
  films: readonly MatchableFilm[];
  /** Sorted vocabulary (UTF-16 order, as `<`): all words starting with a prefix are one id range. */
  vocab: string[];
  /** Entries (one per distinct title form of a film): parallel arrays. */
  entryFilm: Int32Array;
  entryAlt: Uint8Array;
  entryDisplay: string[];
  /** TitleForms.text and .bare of each entry (tier tests). */
  entryText: string[];
  entryBare: string[];
  /** Word ids of entry e: entryWords[entryWordStart[e] .. entryWordStart[e + 1]). */
  entryWordStart: Int32Array;
  entryWords: Int32Array;
  /** Entries of word w: postings[postingStart[w] .. postingStart[w + 1]), ascending. */
  postingStart: Int32Array;
  postings: Int32Array;
  /** Vocabulary ids per trigram bucket. */
  gramStart: Int32Array;
  gramWords: Int32Array;
  /** Position of each film in popularity order (0 = most votes). */
  popRank: Int32Array;
  /** All entries, most popular film first (a film's entries in entry order: title before alternatives). */
  entriesByPopularity: Int32Array;
}

function gramHash(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> (32 - GRAM_BITS);
}

/** Distinct trigram buckets of "^" + word (first MAX_GRAM_WORD letters), into `out`; returns how many. */
function wordGrams(word: string, out: number[]): number {
  out.length = 0;
  const n = Math.min(word.length, MAX_GRAM_WORD);
  for (let i = -1; i + 2 < n; i++) {
    const a = i < 0 ? WORD_START : word.charCodeAt(i);
    const h = gramHash(a, word.charCodeAt(i + 1), word.charCodeAt(i + 2));
    if (!out.includes(h)) out.push(h);
  }
  return out.length;
}

/** First index in sorted `vocab` whose word is not below `word`. */
function lowerBound(vocab: readonly string[], word: string): number {
  return firstNotBefore(0, vocab.length, (i) => (vocab[i] ?? '') < word);
}

/** [lo, hi) of the vocabulary words starting with `prefix` (contiguous in sorted order). */
function prefixRange(vocab: readonly string[], prefix: string): [number, number] {
  const lo = lowerBound(vocab, prefix);
  return [lo, firstNotBefore(lo, vocab.length, (i) => (vocab[i] ?? '').startsWith(prefix))];
}

/** Bits of a film's index in the popularity sort key (votes 23 + year 12 + index 17 = 52, exact in a double). */
const INDEX_SPAN = 1 << 17;

/**
 * Ranks films by votes, then newer first, then dataset order. One numeric sort key per film instead of a
 * comparator: a comparator sort of 52k films costs several times more at every worker start.
 */
function popularityRanks(films: readonly MatchableFilm[]): Int32Array {
  const n = films.length;
  const votes = new Float64Array(n);
  const years = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const film = films[i] as MatchableFilm;
    votes[i] = Math.min(popularity(film), 2 ** 23 - 1);
    years[i] = Math.max(0, Math.min(film.year ?? 0, 4095));
  }
  const rank = new Int32Array(n);
  if (n >= INDEX_SPAN) {
    // Beyond the packed key's room (not the case for the bundled dataset): the same order by comparator.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (votes[b] ?? 0) - (votes[a] ?? 0) || (years[b] ?? 0) - (years[a] ?? 0) || a - b);
    order.forEach((film, r) => {
      rank[film] = r;
    });
    return rank;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = ((votes[i] ?? 0) * 4096 + (years[i] ?? 0)) * INDEX_SPAN + (INDEX_SPAN - 1 - i);
  }
  keys.sort();
  for (let r = 0; r < n; r++) rank[INDEX_SPAN - 1 - ((keys[n - 1 - r] ?? 0) % INDEX_SPAN)] = r;
  return rank;
}

/** Entries ordered by their film's popularity rank; entries of one film are contiguous from `filmFirstEntry`. */
function entriesInPopularityOrder(popRank: Int32Array, filmFirstEntry: Int32Array): Int32Array {
  const byRank = new Int32Array(popRank.length);
  popRank.forEach((rank, film) => {
    byRank[rank] = film;
  });
  const out = new Int32Array(filmFirstEntry[popRank.length] ?? 0);
  let k = 0;
  for (const film of byRank) {
    for (let e = filmFirstEntry[film] ?? 0, end = filmFirstEntry[film + 1] ?? 0; e < end; e++) out[k++] = e;
  }
  return out;
}

/**
 * Compressed rows by counting sort: item i (members[i]) belongs to group groups[i]. Returns start offsets (group g
 * is out[start[g] .. start[g + 1])) and the members, in item order within each group.
 */
function groupInto(groupCount: number, groups: ArrayLike<number>, members: ArrayLike<number>): [Int32Array, Int32Array] {
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < groups.length; i++) {
    const at = (groups[i] ?? 0) + 1;
    start[at] = (start[at] ?? 0) + 1;
  }
  for (let g = 0; g < groupCount; g++) start[g + 1] = (start[g + 1] ?? 0) + (start[g] ?? 0);
  const fill = start.slice(0, groupCount);
  const out = new Int32Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] ?? 0;
    out[fill[g] ?? 0] = members[i] ?? 0;
    fill[g] = (fill[g] ?? 0) + 1;
  }
  return [start, out];
}

/** Collects entries and their words while films are walked; buildTables then packs them into typed arrays. */
class TableBuilder {
  readonly entryFilm: number[] = [];
  readonly entryAlt: number[] = [];
  readonly entryDisplay: string[] = [];
  readonly entryText: string[] = [];
  readonly entryBare: string[] = [];
  readonly entryWordStart: number[] = [0];
  /** Provisional word ids (order of first sight), renumbered in sorted vocabulary order by buildTables. */
  readonly entryWords: number[] = [];
  readonly wordIds = new Map<string, number>();
  readonly words: string[] = [];

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.wordIds.set(word, id);
    }
    return id;
  }

  private pushWord(word: string, first: number): void {
    const id = this.wordId(word);
    for (let k = first; k < this.entryWords.length; k++) if (this.entryWords[k] === id) return;
    this.entryWords.push(id);
  }

  addEntry(film: number, display: string, alt: boolean, forms: TitleForms): void {
    this.entryFilm.push(film);
    this.entryAlt.push(alt ? 1 : 0);
    this.entryDisplay.push(display);
    this.entryText.push(forms.text);
    this.entryBare.push(forms.bare);
    const first = this.entryWords.length;
    for (const word of forms.words) this.pushWord(word, first);
    if (forms.canonical !== forms.words) for (const word of forms.canonical) this.pushWord(word, first);
    this.entryWordStart.push(this.entryWords.length);
  }
}

/** Adds a normalised spelling of a film's title unless the film already has it; returns its forms. */
function addSpelling(
  b: TableBuilder,
  film: number,
  display: string,
  alt: boolean,
  normalized: string,
  seen: string[],
): TitleForms | undefined {
  if (!normalized || seen.includes(normalized)) return undefined;
  seen.push(normalized);
  const forms = formsOfNormalized(normalized);
  if (forms) b.addEntry(film, display, alt, forms);
  return forms;
}

/**
 * Adds one title of a film, plus the spellings people type for it: hyphens dropped ("spiderman") and single
 * letters joined ("et", "swat"). Each spelling is an entry of its own, so it matches as a whole title and as a
 * prefix, not only word by word.
 */
function addTitle(b: TableBuilder, film: number, text: string, alt: boolean, seen: string[]): void {
  const forms = addSpelling(b, film, text, alt, normalizeTitle(text), seen);
  const joined = joinHyphens(text);
  if (joined !== undefined) addSpelling(b, film, text, alt, normalizeTitle(joined), seen);
  const letters = forms && joinLetterRuns(forms.words);
  if (letters !== undefined) addSpelling(b, film, text, alt, letters, seen);
}

/** Trigram buckets → vocabulary ids, for the words long enough to be a two-edit typo target. */
function buildGrams(vocab: readonly string[]): [Int32Array, Int32Array] {
  const groups: number[] = [];
  const members: number[] = [];
  const grams: number[] = [];
  vocab.forEach((word, id) => {
    if (word.length < MIN_GRAM_WORD) return;
    wordGrams(word, grams);
    for (const h of grams) {
      groups.push(h);
      members.push(id);
    }
  });
  return groupInto(1 << GRAM_BITS, groups, members);
}

function buildTables(films: readonly MatchableFilm[]): Tables {
  const b = new TableBuilder();
  const filmFirstEntry = new Int32Array(films.length + 1);
  const seen: string[] = [];
  for (let f = 0; f < films.length; f++) {
    const film = films[f] as MatchableFilm;
    seen.length = 0;
    // Title first, then original, then alternatives: the order `matched` prefers among equal hits.
    addTitle(b, f, film.title, false, seen);
    if (film.originalTitle) addTitle(b, f, film.originalTitle, false, seen);
    for (const alt of film.alt ?? []) addTitle(b, f, alt, true, seen);
    filmFirstEntry[f + 1] = b.entryFilm.length;
  }

  // Default sort compares UTF-16 code units like `<` and `startsWith`, so prefix ranges are contiguous.
  const vocab = b.words.slice().sort();
  const renumber = new Int32Array(b.words.length);
  for (let id = 0; id < vocab.length; id++) renumber[b.wordIds.get(vocab[id] ?? '') ?? 0] = id;
  const entryWords = new Int32Array(b.entryWords.length);
  for (let k = 0; k < entryWords.length; k++) entryWords[k] = renumber[b.entryWords[k] ?? 0] ?? 0;
  const entryWordStart = Int32Array.from(b.entryWordStart);

  // Postings: for every (entry, word) pair, the entry under the word. Entries ascend within a word.
  const pairEntries = new Int32Array(entryWords.length);
  for (let e = 0; e + 1 < entryWordStart.length; e++) {
    pairEntries.fill(e, entryWordStart[e] ?? 0, entryWordStart[e + 1] ?? 0);
  }
  const [postingStart, postings] = groupInto(vocab.length, entryWords, pairEntries);
  const [gramStart, gramWords] = buildGrams(vocab);
  const popRank = popularityRanks(films);

  return {
    films,
    vocab,
    entryFilm: Int32Array.from(b.entryFilm),
    entryAlt: Uint8Array.from(b.entryAlt),
    entryDisplay: b.entryDisplay,
    entryText: b.entryText,
    entryBare: b.entryBare,
    entryWordStart,
    entryWords,
    postingStart,
    postings,
    gramStart,
    gramWords,
    popRank,
    entriesByPopularity: entriesInPopularityOrder(popRank, filmFirstEntry),
  };
}

/** One typed word's matches: a prefix id range plus single ids (numeral spelling, typos), costs in a table. */
interface Slot {
  word: string;
  canonical: string;
  lo: number;
  hi: number;
  extra: number[];
  costs: Uint8Array;
}

/** Per-keystroke scratch space, allocated once per index so a keystroke allocates almost nothing. */
interface Scratch {
  costs: Uint8Array[];
  gramCount: Uint8Array;
  entryStamp: Uint32Array;
  stamp: number;
  filmBest: Float64Array;
  filmEntry: Int32Array;
  touched: number[];
}

function createScratch(t: Tables): Scratch {
  return {
    // One more than the words of a query: a word split in two ("ironman" → iron man) takes an extra slot.
    costs: Array.from({ length: MAX_QUERY_WORDS + 1 }, () => new Uint8Array(t.vocab.length).fill(NONE)),
    gramCount: new Uint8Array(t.vocab.length),
    entryStamp: new Uint32Array(t.entryFilm.length),
    stamp: 0,
    filmBest: new Float64Array(t.films.length).fill(Infinity),
    filmEntry: new Int32Array(t.films.length),
    touched: [],
  };
}

function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

function isDigits(word: string): boolean {
  return /^\d+$/.test(word);
}

/** Marks exact and prefix matches of the slot's word (and the digits of a numeral) in its cost table. */
function markPrefix(t: Tables, slot: Slot): void {
  const [lo, hi] = prefixRange(t.vocab, slot.word);
  slot.lo = lo;
  slot.hi = hi;
  slot.costs.fill(COST_PREFIX, lo, hi);
  if (t.vocab[lo] === slot.word) slot.costs[lo] = COST_EXACT;
  if (slot.canonical !== slot.word) {
    const id = lowerBound(t.vocab, slot.canonical);
    if (t.vocab[id] === slot.canonical) {
      slot.costs[id] = COST_EXACT;
      slot.extra.push(id);
    }
  }
}

/** Records a typo match unless the word already matches better; new ids join the slot's extras. */
function setTypo(slot: Slot, id: number, cost: number): void {
  const current = slot.costs[id] ?? NONE;
  if (cost >= current) return;
  if (current === NONE) slot.extra.push(id);
  slot.costs[id] = cost;
}

/**
 * One-edit typos of a short word, exactly: every string one deletion, transposition, substitution or insertion
 * away is looked up as a prefix in the sorted vocabulary. A word starting with a variant has a prefix one edit
 * from the typed word, and only such words do, so nothing is missed (trigrams would miss "wras" → "wars": the
 * two share none). Edits at the very end are left out: typed + anything already matches as a prefix, and a
 * substitution of the last letter starts like the deletion of it.
 */
function markOneEditTypos(t: Tables, slot: Slot): void {
  const word = slot.word;
  const n = word.length;
  const letters = new Set(VARIANT_LETTERS + word);
  const variants = new Set<string>();
  for (let i = 0; i < n; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i + 1 < n; i++) variants.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < n; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i + 1);
    for (const c of letters) {
      if (i + 1 < n && c !== word[i]) variants.add(head + c + tail);
      variants.add(head + c + word.slice(i));
    }
  }
  variants.delete(word);
  for (const variant of variants) {
    if (!variant) continue;
    const [lo, hi] = prefixRange(t.vocab, variant);
    for (let id = lo; id < hi; id++) {
      setTypo(slot, id, t.vocab[id] === variant ? COST_TYPO_WHOLE : COST_TYPO_PREFIX);
    }
  }
}

/**
 * Two-edit typos of a long word: vocabulary words sharing its trigrams, most shared first, verified by a bounded
 * edit distance. Trigrams cannot be exact here (two edits may spoil every trigram of a short stretch), but a long
 * word keeps enough of them, and the cap keeps the cost of a keystroke bounded.
 */
function markTwoEditTypos(t: Tables, s: Scratch, slot: Slot, max: number): void {
  const grams: number[] = [];
  const gramTotal = wordGrams(slot.word, grams);
  const counted: number[] = [];
  for (const h of grams) {
    for (let p = t.gramStart[h] ?? 0, end = t.gramStart[h + 1] ?? 0; p < end; p++) {
      const id = t.gramWords[p] ?? 0;
      const n = s.gramCount[id] ?? 0;
      if (n === 0) counted.push(id);
      s.gramCount[id] = n + 1;
    }
  }
  // Each edit spoils at most 3 trigrams (4 for a transposition): fewer shared than this cannot be close enough.
  const minShared = Math.max(1, gramTotal - 3 * max);
  const byShared: number[][] = Array.from({ length: gramTotal + 1 }, () => []);
  for (const id of counted) {
    const n = s.gramCount[id] ?? 0;
    s.gramCount[id] = 0;
    if (n >= minShared && slot.costs[id] === NONE) byShared[Math.min(n, gramTotal)]?.push(id);
  }
  let verified = 0;
  for (let n = gramTotal; n >= minShared && verified < MAX_VERIFY; n--) {
    for (const id of byShared[n] ?? []) {
      if (verified++ >= MAX_VERIFY) break;
      const cost = typoCost(slot.word, t.vocab[id] ?? '', max);
      if (cost > 0) setTypo(slot, id, cost);
    }
  }
}

/** Adds the typo matches a word of its length allows (none below 4 letters, digits never). */
function markTypos(t: Tables, s: Scratch, slot: Slot): void {
  const max = allowedEdits(slot.word);
  if (max === 0 || slot.word.length > MAX_GRAM_WORD || isDigits(slot.word)) return;
  if (max === 1) markOneEditTypos(t, slot);
  else markTwoEditTypos(t, s, slot, max);
}

/** How many (entry, word) postings a slot covers: the slot with the fewest seeds the candidates. */
function slotPostings(t: Tables, slot: Slot): number {
  let n = (t.postingStart[slot.hi] ?? 0) - (t.postingStart[slot.lo] ?? 0);
  for (const id of slot.extra) n += (t.postingStart[id + 1] ?? 0) - (t.postingStart[id] ?? 0);
  return n;
}

function resetSlot(slot: Slot): void {
  slot.costs.fill(NONE, slot.lo, slot.hi);
  for (const id of slot.extra) slot.costs[id] = NONE;
  slot.extra.length = 0;
  slot.lo = 0;
  slot.hi = 0;
}

/** Keeps the film's best entry key (lower is better). */
function offer(t: Tables, s: Scratch, entry: number, tier: number, sub: number): void {
  const film = t.entryFilm[entry] ?? 0;
  const key = (tier * 16 + sub) * RANK_SPAN + (t.popRank[film] ?? 0);
  const best = s.filmBest[film] ?? Infinity;
  if (key >= best) return;
  if (best === Infinity) s.touched.push(film);
  s.filmBest[film] = key;
  s.filmEntry[film] = entry;
}

/** Tier of an entry every typed word matched exactly or by prefix: exact title, title prefix, or only words. */
function wordTier(t: Tables, entry: number, q: TitleForms): number {
  if (t.entryBare[entry] === q.bare) return t.entryAlt[entry] ? 1 : 0;
  return startsWithQuery(t, entry, q) ? 1 : 2;
}

/**
 * The title starts with what was typed: with the article left out on either side ("godf" → The Godfather), or
 * as written (the half-typed numeral "rocky i" → Rocky II; the bare "the" → The Dark Knight).
 */
function startsWithQuery(t: Tables, entry: number, q: TitleForms): boolean {
  return (t.entryBare[entry] ?? '').startsWith(q.bare) || (t.entryText[entry] ?? '').startsWith(q.text);
}

/** Scores one entry against all slots; entries missing a word are dropped. */
function evaluate(t: Tables, s: Scratch, entry: number, slots: readonly Slot[], q: TitleForms): void {
  const from = t.entryWordStart[entry] ?? 0;
  const to = t.entryWordStart[entry + 1] ?? 0;
  let edits = 0;
  for (const slot of slots) {
    const costs = slot.costs;
    let best = NONE;
    for (let k = from; k < to; k++) {
      const c = costs[t.entryWords[k] ?? 0] ?? NONE;
      if (c < best) {
        best = c;
        if (c === COST_EXACT) break;
      }
    }
    if (best === NONE) return;
    if (best > COST_PREFIX) edits += best - COST_PREFIX;
  }
  if (edits > 0) offer(t, s, entry, 3, Math.min(edits, MAX_SUB));
  else offer(t, s, entry, wordTier(t, entry, q), 0);
}

/** The slot with the fewest postings: its entries are the only candidates, the other slots filter them. */
function seedSlot(t: Tables, slots: readonly Slot[]): [Slot | undefined, number] {
  let seed: Slot | undefined;
  let seedSize = Infinity;
  for (const slot of slots) {
    const size = slotPostings(t, slot);
    if (size < seedSize) {
      seed = slot;
      seedSize = size;
    }
  }
  return [seed, seedSize];
}

/** Visits each entry under the seed slot's words once and scores it against every slot. */
function collect(t: Tables, s: Scratch, slots: readonly Slot[], q: TitleForms): void {
  const [seed] = seedSlot(t, slots);
  if (!seed) return;
  s.stamp = (s.stamp + 1) >>> 0 || 1;
  if (s.stamp === 1) s.entryStamp.fill(0);
  const stamp = s.stamp;
  const visitWord = (id: number): void => {
    for (let p = t.postingStart[id] ?? 0, end = t.postingStart[id + 1] ?? 0; p < end; p++) {
      const entry = t.postings[p] ?? 0;
      if (s.entryStamp[entry] === stamp) continue;
      s.entryStamp[entry] = stamp;
      evaluate(t, s, entry, slots, q);
    }
  };
  for (let id = seed.lo; id < seed.hi; id++) visitWord(id);
  for (const id of seed.extra) visitWord(id);
}

/** Vocabulary ids equal to the slot's word or its numeral's digits (none when it is only a prefix). */
function exactIds(t: Tables, slot: Slot): number[] {
  const ids: number[] = [];
  if (slot.lo < slot.hi && t.vocab[slot.lo] === slot.word) ids.push(slot.lo);
  for (const id of slot.extra) if (t.vocab[id] === slot.canonical) ids.push(id);
  return ids;
}

/**
 * Offers the titles equal to the query. A title equal to the query has each typed word as a whole word, so the
 * candidates are the postings of the typed word with the fewest: cheap even when every word is common.
 */
function offerExactTitles(t: Tables, s: Scratch, slots: readonly Slot[], q: TitleForms): void {
  let best: number[] | undefined;
  let bestSize = Infinity;
  for (const slot of slots) {
    const ids = exactIds(t, slot);
    let size = 0;
    for (const id of ids) size += (t.postingStart[id + 1] ?? 0) - (t.postingStart[id] ?? 0);
    if (size < bestSize) {
      best = ids;
      bestSize = size;
    }
  }
  for (const id of best ?? []) {
    for (let p = t.postingStart[id] ?? 0, end = t.postingStart[id + 1] ?? 0; p < end; p++) {
      const entry = t.postings[p] ?? 0;
      if (t.entryBare[entry] === q.bare) offer(t, s, entry, t.entryAlt[entry] ? 1 : 0, 0);
    }
  }
}

/**
 * Title-prefix hits in popularity order, until `limit` films are found. Then the page is those plus the exact
 * titles (offered first): any other title-prefix film is less popular than all found, and every other match
 * ranks below a title prefix. So a one-letter query costs a few hundred string tests instead of a walk over a
 * third of the dataset. Returns whether the page is complete.
 */
function scanPopularPrefixes(t: Tables, s: Scratch, q: TitleForms, limit: number): boolean {
  const order = t.entriesByPopularity;
  let found = 0;
  let lastFilm = -1;
  for (let i = 0; i < order.length && found < limit; i++) {
    const entry = order[i] ?? 0;
    if (!startsWithQuery(t, entry, q)) continue;
    offer(t, s, entry, wordTier(t, entry, q), 0);
    // A film's entries are contiguous in this order: count each film once.
    const film = t.entryFilm[entry] ?? 0;
    if (film !== lastFilm) found++;
    lastFilm = film;
  }
  return found >= limit;
}

/** The `limit` best touched films, best first (insertion into a short sorted list). */
function topFilms(s: Scratch, limit: number): number[] {
  const top: number[] = [];
  for (const film of s.touched) {
    const key = s.filmBest[film] ?? Infinity;
    if (top.length === limit && key >= (s.filmBest[top[limit - 1] ?? 0] ?? Infinity)) continue;
    let i = top.length;
    while (i > 0 && (s.filmBest[top[i - 1] ?? 0] ?? Infinity) > key) i--;
    top.splice(i, 0, film);
    if (top.length > limit) top.pop();
  }
  return top;
}

function toHit(t: Tables, s: Scratch, film: number): SearchHit {
  const f = t.films[film] as MatchableFilm;
  const entry = s.filmEntry[film] ?? 0;
  const rank = Math.floor((s.filmBest[film] ?? 0) / RANK_SPAN);
  const tier = rank >> 4;
  const score = tier < 3 ? 1 - tier * 0.25 : Math.round((0.25 / (1 + (rank & 15))) * 1000) / 1000;
  return {
    id: f.id,
    title: f.title,
    ...(f.year !== undefined ? { year: f.year } : {}),
    kind: f.kind,
    credits: f.credits.state,
    matched: t.entryDisplay[entry] ?? f.title,
    score,
  };
}

/** One slot per typed word after the optional article (at most `max`), each with its own cost table. */
function makeSlots(s: Scratch, q: TitleForms, max: number): Slot[] {
  return q.words.slice(q.start, q.start + Math.min(max, s.costs.length)).map((word, i) => ({
    word,
    canonical: q.canonical[q.start + i] ?? word,
    lo: 0,
    hi: 0,
    extra: [],
    costs: s.costs[i] as Uint8Array,
  }));
}

/**
 * The query with one typed word split where a space was left out: "ironman" → "iron man", "walle" → "wall e"
 * (WALL·E). Only for a word that is no title word itself; the left part must be a whole title word and the right
 * one the start of one. At most MAX_SPLITS, longest left part first ("wall e" before "wa lle").
 */
function splitQueries(t: Tables, q: TitleForms, slots: readonly Slot[]): TitleForms[] {
  const out: TitleForms[] = [];
  slots.forEach((slot, k) => {
    const word = slot.word;
    if (word.length < 4 || isDigits(word) || t.vocab[slot.lo] === word) return;
    for (let i = word.length - 1; i >= 2 && out.length < MAX_SPLITS; i--) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      if (t.vocab[lowerBound(t.vocab, left)] !== left) continue;
      const [lo, hi] = prefixRange(t.vocab, right);
      if (lo === hi) continue;
      const words = q.words.slice();
      words.splice(q.start + k, 1, left, right);
      const forms = formsOfNormalized(words.join(' '));
      if (forms) out.push(forms);
    }
  });
  return out;
}

/** Scores every entry matching all slots of `q`, in up to three passes (see runSearch). */
function searchInto(t: Tables, s: Scratch, q: TitleForms, limit: number, active: Slot[][]): void {
  const slots = makeSlots(s, q, MAX_QUERY_WORDS);
  active.push(slots);
  for (const slot of slots) markPrefix(t, slot);
  const [, seedSize] = seedSlot(t, slots);
  if (seedSize > POPULAR_SCAN_POSTINGS) {
    offerExactTitles(t, s, slots, q);
    if (scanPopularPrefixes(t, s, q, limit)) return;
  }
  collect(t, s, slots, q);
  // Room left: maybe a space was left out ("ironman"). A split query ranks as if typed with the space, above typos.
  if (s.touched.length < limit) searchSplits(t, s, q, slots, active);
  // Typos only when exact and prefix matches leave room: they rank below those anyway.
  if (s.touched.length < limit && slots.some((slot) => allowedEdits(slot.word) > 0)) {
    for (const slot of slots) markTypos(t, s, slot);
    collect(t, s, slots, q);
  }
}

/**
 * Scores the entries of each split of the query. Split slots reuse the query's cost tables, so the query's own
 * slots are cleared first and marked again after (the typo pass still needs them).
 */
function searchSplits(t: Tables, s: Scratch, q: TitleForms, slots: Slot[], active: Slot[][]): void {
  const splits = splitQueries(t, q, slots);
  if (splits.length === 0) return;
  resetSlots(active);
  for (const split of splits) {
    const splitSlots = makeSlots(s, split, MAX_QUERY_WORDS + 1);
    active.push(splitSlots);
    for (const slot of splitSlots) markPrefix(t, slot);
    collect(t, s, splitSlots, split);
    resetSlots(active);
  }
  active.push(slots);
  for (const slot of slots) markPrefix(t, slot);
}

function resetSlots(active: Slot[][]): void {
  for (const slots of active) for (const slot of slots) resetSlot(slot);
  active.length = 0;
}

function runSearch(t: Tables, s: Scratch, query: string, limit: number): SearchHit[] {
  const q = titleForms(query);
  if (!q) return [];
  const active: Slot[][] = [];
  try {
    // The later passes run while fewer than a full page matched. A page is never smaller than the default, so a
    // short limit gets the head of the same list (a split "walle" → WALL·E outranks what the first pass found).
    searchInto(t, s, q, Math.max(limit, DEFAULT_LIMIT), active);
    return topFilms(s, limit).map((film) => toHit(t, s, film));
  } finally {
    resetSlots(active);
    for (const film of s.touched) s.filmBest[film] = Infinity;
    s.touched.length = 0;
  }
}

/** Builds the search index over all films (once per worker start: 0.2-0.35 s for the 51k films in Node). */
export function buildSearchIndex(films: readonly MatchableFilm[]): SearchIndex {
  const tables = buildTables(films);
  const scratch = createScratch(tables);
  return {
    size: films.length,
    search(query: string, limit: number = DEFAULT_LIMIT): SearchHit[] {
      if (typeof query !== 'string') return [];
      return runSearch(tables, scratch, query, clampLimit(limit));
    },
  };
}
