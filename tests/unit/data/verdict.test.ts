import { describe, expect, it } from 'vitest';
import type { CreditStatement, Tri } from '../../../lib/data/schema';
import { combineCredits } from '../../../lib/data/verdict';

/** Statement shorthand; `input` is irrelevant to the verdict. */
function st(source: string, any: Tri, mid: Tri, post: Tri, extra: Partial<CreditStatement> = {}): CreditStatement {
  return { source, any, mid, post, input: 0, ...extra };
}

// Shapes the real readers produce (see scripts/data/readers/credits-facts.ts).
const acNo = st('aftercredits.com', 'no', 'no', 'no');
const acMid = st('aftercredits.com', 'yes', 'yes', 'no');
const acPost = st('aftercredits.com', 'yes', 'no', 'yes');
const acBoth = st('aftercredits.com', 'yes', 'yes', 'yes');
/** aftercredits "yes" with neither category (still images, dedication): flag yes_but_no_mid_or_post_flag. */
const acYesNoPosition = st('aftercredits.com', 'yes', 'unknown', 'unknown');
/** Positive-only lists: Kometa (mid only), PMM (no position), TMDb keywords (post only). */
const kometaMid = st('aftercredits.com', 'yes', 'yes', 'unknown');
const pmmYes = st('mediastinger.com', 'yes', 'unknown', 'unknown');
const tmdbPost = st('TMDb keywords', 'yes', 'unknown', 'yes');
/** mediastinger.com feed "no": only its after-credits category. */
const msPostNo = st('mediastinger.com', 'unknown', 'unknown', 'no');
const msPostYes = st('mediastinger.com', 'yes', 'unknown', 'yes');

describe('combineCredits', () => {
  it('has no statements: unknown everywhere', () => {
    const v = combineCredits([]);
    expect(v).toEqual({ state: 'unknown', mid: 'unknown', post: 'unknown', statements: [] });
  });

  it('none: a source says nothing is there', () => {
    expect(combineCredits([acNo])).toMatchObject({ state: 'none', mid: 'no', post: 'no' });
  });

  it('none: two partial "no"s covering both positions', () => {
    const midNo = st('x', 'unknown', 'no', 'unknown');
    expect(combineCredits([midNo, msPostNo])).toMatchObject({ state: 'none', mid: 'no', post: 'no' });
  });

  it('mid / post / mid-post from one source', () => {
    expect(combineCredits([acMid])).toMatchObject({ state: 'mid', mid: 'yes', post: 'no' });
    expect(combineCredits([acPost])).toMatchObject({ state: 'post', mid: 'no', post: 'yes' });
    expect(combineCredits([acBoth])).toMatchObject({ state: 'mid-post', mid: 'yes', post: 'yes' });
  });

  it('mid-post from two positive-only lists naming different positions', () => {
    expect(combineCredits([kometaMid, tmdbPost])).toMatchObject({ state: 'mid-post', mid: 'yes', post: 'yes' });
  });

  it('positive-only lists never produce "no"', () => {
    expect(combineCredits([kometaMid])).toMatchObject({ state: 'mid', mid: 'yes', post: 'unknown' });
    expect(combineCredits([tmdbPost])).toMatchObject({ state: 'post', mid: 'unknown', post: 'yes' });
    expect(combineCredits([pmmYes])).toMatchObject({ state: 'some', mid: 'unknown', post: 'unknown' });
  });

  it('some: a scene without a position', () => {
    expect(combineCredits([acYesNoPosition])).toMatchObject({ state: 'some', mid: 'unknown', post: 'unknown' });
    expect(combineCredits([acYesNoPosition, pmmYes]).state).toBe('some');
  });

  it('a "yes" without position plus a source placing it after the credits: post', () => {
    expect(combineCredits([acYesNoPosition, tmdbPost])).toMatchObject({ state: 'post', mid: 'unknown', post: 'yes' });
    expect(combineCredits([pmmYes, acMid])).toMatchObject({ state: 'mid', mid: 'yes', post: 'no' });
  });

  it('unknown: only a partial "no" (mediastinger after-credits category)', () => {
    expect(combineCredits([msPostNo])).toMatchObject({ state: 'unknown', mid: 'unknown', post: 'no' });
  });

  it('a partial "no" on the other position keeps a yes', () => {
    expect(combineCredits([kometaMid, msPostNo])).toMatchObject({ state: 'mid', mid: 'yes', post: 'no' });
  });

  it('conflict on a position: one says post yes, another post no', () => {
    const v = combineCredits([acNo, msPostYes]);
    expect(v).toMatchObject({ state: 'conflict', mid: 'no', post: 'conflict' });
    // aftercredits files it under During Credits only (post no); mediastinger says after-credits yes.
    expect(combineCredits([acMid, msPostYes])).toMatchObject({ state: 'conflict', mid: 'yes', post: 'conflict' });
  });

  it('conflict: "nothing" against a scene with no position', () => {
    expect(combineCredits([acNo, pmmYes])).toMatchObject({ state: 'conflict', mid: 'no', post: 'no' });
    expect(combineCredits([acNo, acYesNoPosition]).state).toBe('conflict');
  });

  it('conflict: a source that says "no" and flags a position (inconsistent_no_with_scene_flag)', () => {
    const branded = st('aftercredits.com', 'no', 'yes', 'no', { note: 'inconsistent_no_with_scene_flag' });
    expect(combineCredits([branded])).toMatchObject({ state: 'conflict', mid: 'conflict', post: 'no' });
  });

  it('real example: Never Let Me Go (2010, tt1334260)', () => {
    // aftercredits.com via cookiecheck (credits_facts.csv line 5645) and via Kometa (line 7564) list an
    // after-credits scene; the What's After the Movie? page says there is none.
    const aftercredits = st('aftercredits.com', 'yes', 'no', 'yes', {
      url: 'https://aftercredits.com/2011/10/never-let-me-go-2010/',
    });
    const kometa = st('aftercredits.com', 'yes', 'unknown', 'yes', { note: 'tags=After Credits' });
    const whatsAfter = st("What's After the Movie?", 'no', 'no', 'no', { asOf: '2024' });
    const v = combineCredits([aftercredits, kometa, whatsAfter]);
    expect(v.state).toBe('conflict');
    expect(v.post).toBe('conflict');
    expect(v.mid).toBe('no');
    expect(v.statements).toHaveLength(3);
    // Without the What's After page the sources agree.
    expect(combineCredits([aftercredits, kometa]).state).toBe('post');
  });

  it('keeps counts only when given, agreed and the position is yes', () => {
    expect(combineCredits([acBoth])).not.toHaveProperty('midCount');
    const a = st('a', 'yes', 'yes', 'yes', { midCount: 2, postCount: 1 });
    const b = st('b', 'yes', 'yes', 'unknown', { midCount: 2 });
    expect(combineCredits([a, b])).toMatchObject({ midCount: 2, postCount: 1 });
    const c = st('c', 'yes', 'yes', 'no', { midCount: 3 });
    const v = combineCredits([a, c]);
    expect(v.midCount).toBeUndefined(); // 2 vs 3: disagreement stays in the statements
    expect(v.postCount).toBeUndefined(); // post is in conflict
  });

  it('does not alias the input array', () => {
    const input = [acMid];
    const v = combineCredits(input);
    input.push(acNo);
    expect(v.statements).toHaveLength(1);
  });
});
