/**
 * Title normalisation shared by the data pipeline (merging sources) and the extension (lookups), so a title
 * typed by a source and the same title shown by a player reduce to the same key. Issue #3 extends it
 * (localized articles, roman numerals); keep it pure and total: any string in, a string out, never a throw.
 */

/** Longest input we look at: page strings are untrusted and may be huge. */
const MAX_INPUT = 500;

/**
 * aftercredits.com keys carry WordPress entity codes as bare numbers ("it 8217 s all so quiet"): ’ & – …
 * Only as whole tokens, so "8211" inside a real number is untouched.
 */
const ENTITY_TOKENS = new Map([
  ['038', '&'],
  ['8211', '-'],
  ['8230', '...'],
]);

const LEADING_ARTICLES = new Set(['the', 'a', 'an']);

/** Lower-case words separated by single spaces: accents, punctuation and case folded; "&" read as "and". */
export function normalizeTitle(input: string): string {
  const folded = input
    .slice(0, MAX_INPUT)
    // The apostrophe code joins its neighbours: "it 8217 s" is "it's".
    .replace(/(^|\s)8217(\s|$)/g, "'")
    .split(/\s+/)
    .map((token) => ENTITY_TOKENS.get(token) ?? token)
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // Letters that NFKD does not decompose.
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/&/g, ' and ')
    // Apostrophes join ("don't" → "dont"), other punctuation separates.
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded;
}

/**
 * Merge key: normalised words without a leading article and without "and", joined with no spaces, so
 * "Spider-Man" = "Spiderman", "The Lord of the Rings" = "Lord of the Rings", "Fast & Furious" = "Fast and Furious".
 * Same method as the derived credits/ files in shared/data (SOURCES.md).
 */
export function titleKey(input: string): string {
  const words = normalizeTitle(input).split(' ').filter(Boolean);
  if (words.length > 1 && LEADING_ARTICLES.has(words[0] ?? '')) words.shift();
  const kept = words.filter((w) => w !== 'and');
  return (kept.length > 0 ? kept : words).join('');
}
