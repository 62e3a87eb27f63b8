/**
 * Combines what several sources say about one film's end-credit scenes into one verdict. Pure and shared by the
 * build (which stores the result) and tests; it carries no UI text, so the popup and the pipeline cannot drift
 * apart on what a state means.
 *
 * The rules, in the order they decide:
 * 1. A statement with `any: 'no'` says "no mid and no post" on top of whatever its own mid/post say. A source that
 *    says `any: 'no'` and also flags a position `yes` (aftercredits.com's `inconsistent_no_with_scene_flag` rows)
 *    contradicts itself; that position then has a yes and a no, so it ends up in conflict. We cannot tell which of
 *    the source's two fields is wrong, so we show the disagreement rather than guess.
 * 2. Per position: yes if some say yes and none say no; no if some say no and none say yes; conflict if both;
 *    unknown otherwise. Positive-only lists give `unknown` where they say nothing, so they never produce "no".
 * 3. Overall: conflict if a position is in conflict, or if one source says there is nothing (`any: 'no'`) while
 *    another says a scene exists (`any: 'yes'`, even without saying where).
 *    Then mid-post / mid / post from the positions that are yes (the other position may be no or unknown);
 *    some when a scene is reported but no position is yes (e.g. still images or a dedication);
 *    none when a source says nothing is there or both positions are no; unknown otherwise.
 */
import type { CreditStatement, CreditsState, FilmCredits, Tri } from './schema';

type PositionVerdict = Tri | 'conflict';

interface Tally {
  yes: number;
  no: number;
}

/** Per-position answer from yes/no tallies. */
function positionVerdict(t: Tally): PositionVerdict {
  if (t.yes > 0 && t.no > 0) return 'conflict';
  if (t.yes > 0) return 'yes';
  if (t.no > 0) return 'no';
  return 'unknown';
}

/**
 * The scene count for a position, only when every source that gives one agrees and the position is a yes: a
 * count beside a "no" or a conflict would contradict the verdict, and picking one of two different counts would
 * hide a disagreement (the statements still carry each source's own count).
 */
function agreedCount(verdict: PositionVerdict, counts: readonly number[]): number | undefined {
  if (verdict !== 'yes' || counts.length === 0) return undefined;
  const first = counts[0];
  return counts.every((c) => c === first) ? first : undefined;
}

export function combineCredits(statements: readonly CreditStatement[]): FilmCredits {
  const mid: Tally = { yes: 0, no: 0 };
  const post: Tally = { yes: 0, no: 0 };
  let saysNothing = false;
  let saysScene = false;
  const midCounts: number[] = [];
  const postCounts: number[] = [];

  for (const s of statements) {
    if (s.any === 'no') {
      saysNothing = true;
      mid.no++;
      post.no++;
    }
    if (s.any === 'yes') saysScene = true;
    // Explicit positions count even beside any='no' (rule 1): that is how a self-contradicting row surfaces.
    if (s.mid === 'yes') mid.yes++;
    else if (s.mid === 'no' && s.any !== 'no') mid.no++;
    if (s.post === 'yes') post.yes++;
    else if (s.post === 'no' && s.any !== 'no') post.no++;
    if (s.midCount !== undefined) midCounts.push(s.midCount);
    if (s.postCount !== undefined) postCounts.push(s.postCount);
  }

  const midVerdict = positionVerdict(mid);
  const postVerdict = positionVerdict(post);
  const state = overallState(midVerdict, postVerdict, saysNothing, saysScene);

  const result: FilmCredits = { state, mid: midVerdict, post: postVerdict, statements: [...statements] };
  const midCount = agreedCount(midVerdict, midCounts);
  const postCount = agreedCount(postVerdict, postCounts);
  if (midCount !== undefined) result.midCount = midCount;
  if (postCount !== undefined) result.postCount = postCount;
  return result;
}

function overallState(
  mid: PositionVerdict,
  post: PositionVerdict,
  saysNothing: boolean,
  saysScene: boolean,
): CreditsState {
  if (mid === 'conflict' || post === 'conflict') return 'conflict';
  // A bare "there is something" (no position) against "there is nothing" leaves both positions at "no" from
  // the no-source alone, so it has to be caught here rather than per position.
  if (saysNothing && saysScene) return 'conflict';
  if (mid === 'yes' && post === 'yes') return 'mid-post';
  if (mid === 'yes') return 'mid';
  if (post === 'yes') return 'post';
  if (saysScene) return 'some';
  if (saysNothing || (mid === 'no' && post === 'no')) return 'none';
  return 'unknown';
}
