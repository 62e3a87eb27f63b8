/**
 * How a title and a typed query are cut into the forms the popup search compares. Both sides go through the same
 * functions, so whatever is folded (accents, case, punctuation via normalizeTitle; sequel numerals; a leading
 * English article) is folded identically and a query meets its title whichever way either was written.
 *
 * Pure and total: any string in, never a throw.
 */
import { normalizeTitle } from '../match/normalize';

/**
 * Longest query we read. A title is far shorter; the cap keeps a pasted megabyte from reaching the regexes in
 * normalizeTitle or the word loops.
 */
export const MAX_QUERY_CHARS = 200;

/** Query words that take part in matching; more words than this are a paste, not typing, and only slow the AND. */
export const MAX_QUERY_WORDS = 8;

/**
 * Leading articles a user may leave out ("lord of the rings"). English only: dropping "die" or "la" from both
 * sides would make the query "hard" an exact match of "Die Hard".
 */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/**
 * Sequel numerals II..XX as digits, so "Rocky II" and "rocky 2" meet. "I" is left out (the pronoun in "Who Am I")
 * and the first word is never rewritten ("X-Men", "V for Vendetta"). Kept here rather than taken from the matcher's
 * normalisation so the search does not shift when the matcher's rules do.
 */
const ROMAN: ReadonlyMap<string, string> = new Map(
  ['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii',
    'xix', 'xx'].map((r, i) => [r, String(i + 2)]),
);

/** A hyphen between two letters: "Spider-Man" is also typed "spiderman". */
const INNER_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;

/** One title (or query) in the forms search compares. */
export interface TitleForms {
  /** Normalised words as written (accents and punctuation folded). */
  words: string[];
  /** `words` with sequel numerals as digits; the same array when nothing changed. */
  canonical: string[];
  /** Index of the first word after an optional leading article (0 or 1). */
  start: number;
  /** The normalised text: words as written, single spaces. */
  text: string;
  /**
   * Canonical words after an optional leading article, single spaces: equal `bare` forms are the same title
   * ("The Lord of the Rings" / "lord of the rings", "Rocky II" / "rocky 2"), and a title whose `bare` starts with
   * the query's starts with what was typed.
   */
  bare: string;
}

/** The canonical spelling of the word at `index` of a title: a sequel numeral becomes its digits. */
export function canonicalWord(word: string, index: number): string {
  if (index === 0 || word.length > 5) return word;
  // Cheap first-letter test: the index runs this on every word of every title at each worker start.
  const c = word.charCodeAt(0);
  if (c !== 105 && c !== 118 && c !== 120) return word; // i, v, x
  return ROMAN.get(word) ?? word;
}

function canonicalWords(words: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    const canonical = canonicalWord(word, i);
    if (canonical !== word) {
      out ??= words.slice();
      out[i] = canonical;
    }
  }
  return out ?? words;
}

/** The forms of an already normalised string; undefined when it has no words. */
export function formsOfNormalized(normalized: string): TitleForms | undefined {
  if (!normalized) return undefined;
  const words = normalized.split(' ');
  const canonical = canonicalWords(words);
  const start = words.length > 1 && ARTICLES.has(words[0] ?? '') ? 1 : 0;
  // Most titles have no numeral: their bare form is the text itself or a slice of it, no new string to build.
  let bare: string;
  if (canonical !== words) bare = (start === 0 ? canonical : canonical.slice(start)).join(' ');
  else bare = start === 0 ? normalized : normalized.slice((words[0] ?? '').length + 1);
  return { words, canonical, start, text: normalized, bare };
}

/** The forms of a raw title or query (capped: the text may be untrusted). */
export function titleForms(raw: string): TitleForms | undefined {
  return formsOfNormalized(normalizeTitle(raw.slice(0, MAX_QUERY_CHARS)));
}

/** The title with its inner hyphens removed, or undefined when it has none ("Spider-Man" → "SpiderMan"). */
export function joinHyphens(title: string): string | undefined {
  if (!title.includes('-')) return undefined;
  const joined = title.replace(INNER_HYPHEN, '');
  return joined === title ? undefined : joined;
}

/**
 * The normalised text with runs of single letters joined, or undefined when it has none: "E.T." folds to "e t"
 * and "S.W.A.T." to "s w a t", but people type "et" and "swat".
 */
export function joinLetterRuns(words: readonly string[]): string | undefined {
  let run = false;
  for (let i = 1; i < words.length && !run; i++) run = words[i]?.length === 1 && words[i - 1]?.length === 1;
  if (!run) return undefined;
  let out = words[0] ?? '';
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    out += word.length === 1 && words[i - 1]?.length === 1 ? word : ` ${word}`;
  }
  return out;
}

/** Edits a typed word may be away from a title word: none below 4 letters (too many short words are one apart). */
export function allowedEdits(word: string): number {
  if (word.length >= 8) return 2;
  return word.length >= 4 ? 1 : 0;
}
