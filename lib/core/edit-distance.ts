/**
 * The one edit distance: bounded Damerau-Levenshtein (optimal string alignment). The popup's search wants the
 * distance from a typed word to the closest prefix of a title word; the matcher's spelling variants and the
 * pipeline's id checks want whole keys (`editDistance`). As-you-type, the word being typed is often a prefix of the word meant ("guardains" for
 * "guardians"), so the distance to the best prefix is what matters; a whole word is one of its prefixes.
 *
 * Bounded because search only cares whether the distance is within `max` (1 or 2): a row stops the walk the moment
 * no cell can come back under the bound, so a hopeless pair costs a row or two.
 */

/** Rows reused across calls: search runs this on hundreds of words per keystroke and must not allocate. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

function ensureRows(size: number): void {
  if (rowA.length >= size) return;
  rowA = new Int32Array(size);
  rowB = new Int32Array(size);
  rowC = new Int32Array(size);
}

/** Distances of `typed` to the best prefix of `word` and to the whole word; values above `max` read as max + 1. */
interface Distances {
  prefix: number;
  whole: number;
}

function distances(typed: string, word: string, max: number): Distances {
  const over = max + 1;
  const n = typed.length;
  // Prefixes longer than typed + max can only be further away; the whole word then is too.
  const m = Math.min(word.length, n + max);
  const wholeInReach = word.length === m;
  if (n === 0) return { prefix: 0, whole: Math.min(word.length, over) };
  if (m === 0) return { prefix: Math.min(n, over), whole: Math.min(n, over) };
  ensureRows(m + 1);
  let prev2 = rowA; // row i - 2 (transpositions)
  let prev = rowB; // row i - 1
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const a = typed.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const b = word.charCodeAt(j - 1);
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a === b ? 0 : 1));
      if (i > 1 && j > 1 && a === word.charCodeAt(j - 2) && typed.charCodeAt(i - 2) === b) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return { prefix: over, whole: over };
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  // `prev` is the last row: the best prefix is its smallest cell, the whole word its last one.
  let prefix = over;
  for (let j = 0; j <= m; j++) if ((prev[j] ?? 0) < prefix) prefix = prev[j] ?? 0;
  const whole = wholeInReach ? Math.min(prev[m] ?? 0, over) : over;
  return { prefix, whole };
}

/**
 * Smallest OSA distance between `typed` and any prefix of `word` (adjacent transpositions count one edit), or
 * `max + 1` when it is above `max`.
 */
export function prefixEditDistance(typed: string, word: string, max: number): number {
  return distances(typed, word, max).prefix;
}

/**
 * How far `typed` is from `word` as a search cost: 0 when more than `max` edits from every prefix of `word`, else
 * 2·d when the whole word is d edits away and 2·d + 1 when only a prefix is (a whole-word typo ranks first).
 */
export function typoCost(typed: string, word: string, max: number): number {
  const { prefix, whole } = distances(typed, word, max);
  if (prefix > max) return 0;
  return whole === prefix ? 2 * prefix : 2 * prefix + 1;
}

/**
 * Whole-string OSA distance (edits and adjacent swaps), or `max + 1` as soon as it must exceed `max`: the matcher's
 * spelling variants ("Bowery Blitzkreig") and the pipeline's id checks.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return distances(a, b, max).whole;
}
