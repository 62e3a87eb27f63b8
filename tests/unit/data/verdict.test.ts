import { describe, expect, it } from 'vitest';
import type { CreditStatement, Tri } from '../../../lib/core/schema';
import { combineCredits, combineCreditsDetailed, type VerdictContext, type Voice } from '../../../scripts/data/verdict';

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
const tmdbMid = (): CreditStatement => st('TMDb keywords', 'yes', 'yes', 'unknown');
/** mediastinger.com feed "yes", read: something during or after the credits. */
const msYes = (): CreditStatement => st('mediastinger.com', 'yes', 'unknown', 'unknown');
/** mediastinger.com feed "no": only its after-credits category. */
const msPostNo = st('mediastinger.com', 'unknown', 'unknown', 'no');
const msPostYes = st('mediastinger.com', 'yes', 'unknown', 'yes');

describe('combineCredits', () => {
  it('has no statements: unknown everywhere', () => {
    const v = combineCredits([]);
    expect(v).toEqual({ state: 'unknown', mid: 'unknown', post: 'unknown', extras: [], statements: [] });
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
  });

  it('a source that says "no" and flags a position answers nothing there: unknown, never "no", never a conflict', () => {
    const branded = st('aftercredits.com', 'no', 'yes', 'no', { note: 'inconsistent_no_with_scene_flag' });
    const v = combineCredits([branded]);
    expect(v).toMatchObject({ state: 'unknown', mid: 'unknown', post: 'unknown' });
    expect(v.statements[0]?.reading).toBe('self-contradictory');
    // Its two statements of one film contradict each other the same way.
    expect(combineCredits([acNo, acYesNoPosition])).toMatchObject({ state: 'unknown' });
    // Another source still decides where this one cannot.
    expect(combineCredits([branded, tmdbMid()]).state).toBe('mid');
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

/** A context with per-source reading options (what the build derives from measurements). */
function ctx(options: Record<string, Partial<Voice>>): VerdictContext {
  return { voiceOf: (s) => ({ key: s.source, reliableYes: true, reliableNo: true, ...options[s.source] }) };
}

describe('combineCredits: readings and weights', () => {
  const mcu = { scenesOnly: true, endMayPrecedeCredits: true };
  const context = ctx({ 'MCU API': mcu, "What's After the Movie?": { scenesOnly: true }, votes: { minVoteRating: 4 } });
  const acPostExtras = (extras: CreditStatement['extras'], content: CreditStatement['content'] = 'extras'): CreditStatement =>
    st('aftercredits.com', 'yes', 'no', 'yes', { content, extras });

  it('extras only: no scene, the extras kept and said', () => {
    const v = combineCredits([acPostExtras(['text'])], context);
    expect(v).toMatchObject({ state: 'none', mid: 'no', post: 'no', extras: ['text'] });
    // A positionless extras-only post (still images, a dedication) is no scene either.
    const stills = st('aftercredits.com', 'yes', 'unknown', 'unknown', { content: 'extras', extras: ['stills', 'dedication'] });
    expect(combineCredits([stills], context)).toMatchObject({ state: 'none', extras: ['stills', 'dedication'] });
  });

  it('a scene and an extra named together stay a scene, extras listed too', () => {
    expect(combineCredits([acPostExtras(['audio'], 'mixed')], context)).toMatchObject({ state: 'post', post: 'yes', extras: ['audio'] });
  });

  it('Avengers: Endgame: a "scene or a sound" against a "no scene" is the sound', () => {
    const detail = combineCreditsDetailed([acPost, acPostExtras(['audio'], 'mixed'), st('MCU API', 'no', 'no', 'no')], context);
    expect(detail.credits).toMatchObject({ state: 'none', mid: 'no', post: 'no', extras: ['audio'] });
    expect(detail.credits.statements.map((s) => s.reading)).toEqual(['explained-by-extras', 'explained-by-extras', undefined]);
    expect(detail.conflicts).toEqual([]);
  });

  it('a "no scene" with no extras known cannot explain a "something": a real disagreement (Never Let Me Go)', () => {
    const detail = combineCreditsDetailed([acPost, st("What's After the Movie?", 'no', 'no', 'no')], context);
    expect(detail.credits.state).toBe('conflict');
    expect(detail.conflicts).toEqual([{ kind: 'something-vs-no-scene', position: 'post', yes: ['aftercredits.com'], no: ["What's After the Movie?"] }]);
  });

  it('a scene (footage named) against a no is a conflict', () => {
    const scene = st('aftercredits.com', 'yes', 'no', 'yes', { content: 'scene' });
    const detail = combineCreditsDetailed([scene, st('MCU API', 'no', 'no', 'no')], context);
    expect(detail.conflicts[0]).toMatchObject({ kind: 'scene-vs-no', position: 'post' });
  });

  it('the MCU API: its scene "at the end" yields to an explicit nothing (an epilogue before the credits)', () => {
    const hulk = combineCredits([acNo, st('MCU API', 'yes', 'unknown', 'yes', { content: 'scene', postCount: 1 })], context);
    expect(hulk).toMatchObject({ state: 'none' });
    expect(hulk.statements[1]?.reading).toBe('before-credits');
    // Alone, or beside a source that agrees, it places and counts the scenes.
    const alone = combineCredits([st('MCU API', 'yes', 'yes', 'yes', { content: 'scene', midCount: 1, postCount: 1 })], context);
    expect(alone).toMatchObject({ state: 'mid-post', midCount: 1, postCount: 1 });
    const withAc = combineCredits([acBoth, st('MCU API', 'yes', 'yes', 'yes', { content: 'scene', midCount: 3, postCount: 2 })], context);
    expect(withAc).toMatchObject({ state: 'mid-post', midCount: 3, postCount: 2 });
    // Its during-credits scenes are not epilogues: against "nothing" they are a real disagreement.
    expect(combineCredits([acNo, st('MCU API', 'yes', 'yes', 'unknown', { content: 'scene' })], context).state).toBe('conflict');
  });

  it('a listed scene beside a source that names only extras there is a scene (Iron Man 2)', () => {
    const tmdb = st('TMDb keywords', 'yes', 'unknown', 'yes');
    const v = combineCredits([acPostExtras(['dedication']), st('MCU API', 'yes', 'unknown', 'yes', { content: 'scene', postCount: 1 }), tmdb], context);
    expect(v).toMatchObject({ state: 'post', post: 'yes', postCount: 1, extras: ['dedication'] });
    // The list's "after the credits" is the scene, not the extras: nothing is marked explained.
    expect(v.statements.map((s) => s.reading)).toEqual([undefined, undefined, undefined]);
    // A "maybe" against a source that speaks only of scenes and says none: a real disagreement.
    expect(combineCredits([st('MCU API', 'yes', 'unknown', 'yes', { content: 'scene' }), st("What's After the Movie?", 'no', 'no', 'no')], context).state).toBe('conflict');
  });

  it('vote-list entries under the threshold are no evidence; from it up, a scene without a position', () => {
    const low = st('votes', 'yes', 'unknown', 'unknown', { voteRating: 2 });
    const high = st('votes', 'yes', 'unknown', 'unknown', { voteRating: 4 });
    const v = combineCredits([low], context);
    expect(v.state).toBe('unknown');
    expect(v.statements[0]?.reading).toBe('below-threshold');
    expect(combineCredits([acNo, low], context).state).toBe('none'); // The Shawshank Redemption
    expect(combineCredits([high], context).state).toBe('some');
    expect(combineCredits([acNo, high], context).state).toBe('conflict');
    expect(combineCredits([st('votes', 'yes', 'unknown', 'unknown')], context).statements[0]?.reading).toBe('below-threshold');
  });

  it("an answer kind below the reliability bar is shown, not counted: the other kind still is", () => {
    const unreliableNo = ctx({ 'MCU API (Sony, Fox)': { scenesOnly: true, reliableNo: false } });
    const zero = st('MCU API (Sony, Fox)', 'no', 'no', 'no');
    const v = combineCredits([acMid, zero], unreliableNo);
    expect(v.state).toBe('mid');
    expect(v.statements[1]?.reading).toBe('unreliable');
    expect(combineCredits([zero], unreliableNo).state).toBe('unknown');
    const yes = st('MCU API (Sony, Fox)', 'yes', 'unknown', 'unknown', { content: 'scene' });
    expect(combineCredits([yes], unreliableNo).state).toBe('some');
    // A statement with both kinds keeps the kind that counts.
    const both = st('list', 'yes', 'yes', 'no');
    const v2 = combineCredits([both], ctx({ list: { reliableNo: false } }));
    expect(v2).toMatchObject({ state: 'mid', mid: 'yes', post: 'unknown' });
    expect(v2.statements[0]?.reading).toBeUndefined();
  });

  it('a positionless "something" is kept by a placed yes, explained by extras, or weighed against "nothing"', () => {
    expect(combineCredits([msYes(), tmdbMid()], context)).toMatchObject({ state: 'mid', mid: 'yes' });
    expect(combineCredits([msYes()], context)).toMatchObject({ state: 'some', mid: 'unknown', post: 'unknown' });
    const explained = combineCredits([msYes(), acPostExtras(['music'])], context);
    expect(explained).toMatchObject({ state: 'none', extras: ['music'] });
    expect(explained.statements[0]?.reading).toBe('explained-by-extras');
    const detail = combineCreditsDetailed([msYes(), acNo], context);
    expect(detail.credits.state).toBe('conflict'); // Project Hail Mary: a real disagreement
    expect(detail.conflicts).toEqual([{ kind: 'something-vs-nothing', position: 'any', yes: ['mediastinger.com'], no: ['aftercredits.com'] }]);
  });

  it('a statement in a conflict is never marked as explained', () => {
    // The Croods: extras after the credits; a list places something during them, where aftercredits.com says nothing.
    const v = combineCredits([acPostExtras(['music']), st('TMDb keywords', 'yes', 'yes', 'yes')], context);
    expect(v.state).toBe('conflict');
    expect(v.statements[1]?.reading).toBeUndefined();
  });
});
