/**
 * The one binary search over sorted data (film keys and names, the quick snapshot's positions, the search
 * vocabulary): every lookup there is "where does this value start", asked of a list read by index.
 */

/**
 * The first index in [lo, hi) at which `before(i)` is false, for a `before` that is true on a leading run and false
 * after it (hi when it is true throughout).
 */
export function firstNotBefore(lo: number, hi: number, before: (i: number) => boolean): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (before(mid)) a = mid + 1;
    else b = mid;
  }
  return a;
}
