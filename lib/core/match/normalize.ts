/**
 * Title normalisation shared by the data pipeline (merging sources) and the extension (lookups), so a title
 * typed by a source and the same title shown by a player reduce to the same key. Two keys come out of it:
 * `titleKey` (the pipeline's merge key, kept stable) and `matchKey` (the matcher's, which also folds localized
 * articles, roman numerals and part numbers). Pure and total: any string in, a string out, never a throw.
 */

/** Longest input we look at: page strings are untrusted and may be huge. */
const MAX_INPUT = 500;

const LEADING_ARTICLES = new Set(['the', 'a', 'an']);

/** Letters that NFKD does not decompose, folded after lower-casing. */
const UNDECOMPOSED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' };

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Lower-case words separated by single spaces: accents, punctuation and case folded; "&" read as "and".
 * The index runs this on every title at each worker start, and the matcher on every title a page shows, so a
 * pure-ASCII string takes one hand-written pass. Source-specific decoding (aftercredits.com's entity codes) is its
 * reader's (scripts/data/readers/credits-facts.ts), never this function's. The result is the same as the full chain
 * (checked against it on every dataset and catalogue title when this was written).
 */
export function normalizeTitle(input: string): string {
  let text = input.slice(0, MAX_INPUT);
  if (ASCII_ONLY.test(text)) return foldAscii(text);
  text = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđ]/g, (c) => UNDECOMPOSED[c] ?? c);
  return (
    text
      .replace(/&/g, ' and ')
      // Apostrophes join ("don't" → "dont"), other punctuation separates.
      .replace(/['’`´]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/**
 * The same folding for a pure-ASCII title in one pass (most titles; the regex chain above costs several times
 * more): letters lower-cased, digits kept, ' and ` dropped, "&" read as "and", anything else one separator.
 */
function foldAscii(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 39 || c === 96) continue; // ' and ` join their neighbours
    if (c === 38) {
      // "&" is a word of its own: " and ".
      if (out) pendingSpace = true;
      out += pendingSpace ? ' and' : 'and';
      pendingSpace = true;
      continue;
    }
    if (c >= 65 && c <= 90) c += 32;
    const isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (!isWordChar) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(c);
  }
  return out;
}

/** `titleKey` of an already normalised title (the index normalises each title once and derives every key). */
export function titleKeyOfNormalized(normalized: string): string {
  const words = normalized.split(' ').filter(Boolean);
  if (words.length > 1 && LEADING_ARTICLES.has(words[0] ?? '')) words.shift();
  const kept = words.filter((w) => w !== 'and');
  return (kept.length > 0 ? kept : words).join('');
}

/**
 * Merge key: normalised words without a leading article and without "and", joined with no spaces, so
 * "Spider-Man" = "Spiderman", "The Lord of the Rings" = "Lord of the Rings", "Fast & Furious" = "Fast and Furious".
 * Same method as the derived credits/ files in shared/data (docs/data-sources.md). Deliberately left as it was when the
 * matcher grew its own key (`matchKey`): the pipeline derives "cc:" film ids from it.
 */
export function titleKey(input: string): string {
  return titleKeyOfNormalized(normalizeTitle(input));
}

/**
 * Leading articles of the languages whose localized titles the dataset and the players carry (en, de, fr, es, it,
 * pt, nl). Only ever dropped as the first word of a title with more words, and only by `matchKey`: both the query
 * and every indexed title go through it, so a false friend ("Die Hard", "I, Robot") loses the same word on both
 * sides and still meets itself. The elided "l'" is handled before the apostrophe is folded away.
 */
const MATCH_ARTICLES = new Set([
  'the', 'a', 'an',
  'der', 'die', 'das', 'ein', 'eine',
  'le', 'la', 'les', 'un', 'une',
  'el', 'los', 'las', 'una',
  'il', 'lo', 'i', 'gli',
  'o', 'os', 'as',
  'de', 'het', 'een',
]);

/** Words after which a number is a sequel or part number, so "Part One" = "Part 1" = "Part I". */
const NUMBER_CONTEXT = new Set(['part', 'chapter', 'episode', 'volume', 'book']);

/** Abbreviations players and catalogues use for the context words above ("Vol. 2", "Pt. II"). */
const ABBREVIATIONS = new Map([
  ['vol', 'volume'],
  ['pt', 'part'],
  ['ep', 'episode'],
  ['chap', 'chapter'],
]);

const NUMBER_WORDS = new Map(
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
    'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'].map((w, i) => [w, String(i + 1)]),
);

/**
 * Roman numerals II..XX as whole words. "I" is left out on purpose: it is usually the pronoun ("Who Am I"), so it
 * only counts after a context word ("Part I"). Larger numerals are not sequel numbers in practice and collide with
 * words ("mix", "civil" are never split into tokens here, but "mi", "di", "li" would be).
 */
const ROMAN = new Map(
  ['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii',
    'xix', 'xx'].map((r, i) => [r, String(i + 2)]),
);

/** Any word `matchWordsOfNormalized` might rewrite or that makes a number a part number. */
const REWRITABLE = /(?:^| )(?:[ivx]+|vol|pt|ep|chap|part|chapter|episode|volume|book)(?: |$)/;

/** A leading elided article ("L'Avventura", "L’Âge d’or"): the apostrophe would otherwise glue it to the word. */
const LEADING_ELISION = /^\s*l['’`´]\s*(?=\p{L})/iu;

/**
 * Normalised words in a canonical spelling for matching: roman numerals after the first word and number words or
 * "I" after a context word become digits, and abbreviations are spelled out. "Rocky IV" → rocky 4, "Mission:
 * Impossible – Dead Reckoning Part One" → … part 1, "Kill Bill: Vol. 1" → kill bill volume 1.
 */
export function matchWords(input: string): string[] {
  return matchWordsOfNormalized(normalizeTitle(input.slice(0, MAX_INPUT).replace(LEADING_ELISION, '')));
}

/** True when `matchWords` must see the raw title: a leading "l'" that normalising would glue to the next word. */
export function hasLeadingElision(title: string): boolean {
  return LEADING_ELISION.test(title.slice(0, MAX_INPUT));
}

/** `matchWords` of an already normalised title without a leading elision (see hasLeadingElision). */
export function matchWordsOfNormalized(normalized: string): string[] {
  const words = normalized ? normalized.split(' ') : [];
  // Most titles have nothing to rewrite: one linear scan spares the per-word look-ups (the index runs this on
  // every title at each worker start).
  if (!REWRITABLE.test(normalized)) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = ABBREVIATIONS.get(words[i] ?? '') ?? words[i] ?? '';
    const prev = out[i - 1];
    const inContext = prev !== undefined && NUMBER_CONTEXT.has(prev);
    let canonical = word;
    // A sequel numeral never leads a title: "V for Vendetta" and "X-Men" keep their letters.
    if (i > 0 && ROMAN.has(word)) canonical = ROMAN.get(word) ?? word;
    else if (inContext && word === 'i') canonical = '1';
    else if (inContext && NUMBER_WORDS.has(word)) canonical = NUMBER_WORDS.get(word) ?? word;
    out.push(canonical);
  }
  return out;
}

/** `matchWords` without a leading article (when more words follow) and without "and", joined like `titleKey`. */
export function matchKeyOfWords(words: readonly string[]): string {
  const start = words.length > 1 && MATCH_ARTICLES.has(words[0] ?? '') ? 1 : 0;
  // A plain loop: this builds a key for every title at each worker start.
  let key = '';
  for (let i = start; i < words.length; i++) if (words[i] !== 'and') key += words[i];
  // A title of only "and"s ("And") keeps them rather than vanishing.
  if (!key) for (let i = start; i < words.length; i++) key += words[i];
  return key;
}

/**
 * The matcher's title key: like `titleKey`, plus the leading articles of the main languages, roman numerals and
 * spelled-out part numbers. Separate from `titleKey` on purpose: `titleKey` also names merged films ("cc:" ids are
 * hashes of it), so changing it would rename films that users may have stored.
 */
export function matchKey(input: string): string {
  return matchKeyOfWords(matchWords(input));
}
