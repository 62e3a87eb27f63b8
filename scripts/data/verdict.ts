/**
 * Combines what several sources say about one film's end-credit scenes into one verdict. Pure; the build runs it
 * with the measured weights of each source (scripts/data/credit-measure.ts), tests with the default context.
 *
 * Statements are grouped into voices: one voice per source (aftercredits.com speaks once, whether we read its post
 * through the cookiecheck index or its stingers category through Kometa's mirror). Each voice answers, per position
 * (during the credits = mid, after = post), one of:
 * - scene: footage is there (a scene, outtakes, bloopers; the MCU API's scenes during the credits);
 * - something: something is there, the source does not say what (most lists), or it names a scene and an extra
 *   without saying which is where ("mixed");
 * - extras-only: something is there and all the source names is extras (aftercredits.com's tags without footage);
 * - no-scene: no footage, though extras may be there (a source that only ever speaks of scenes says none: the MCU
 *   API, the What's After the Movie page);
 * - nothing: nothing at all is there;
 * - maybe: the MCU API's scene "at the end", which may be an epilogue that plays before the credits.
 * A source's yes (or no) answers whose measured agreement with the others is below the reliability bar are not
 * counted (reading `unreliable`), nor is a vote-list entry under the measured rating threshold (`below-threshold`):
 * both stay in the statements for the "who says what" view.
 *
 * Per position, in order:
 * 1. a scene against nothing or no-scene, or something against nothing, is a conflict: reliable sources really
 *    disagree on the same question;
 * 2. something against no-scene: the film's known extras account for the "something" (reading
 *    `explained-by-extras`), or, none known, it is a conflict; something against extras-only: the extras named
 *    account for it;
 * 3. a scene or something left: yes (a scene beside extras-only too: a tag list that names no footage does not
 *    outweigh a source that lists the scene);
 * 4. a maybe: no against nothing (reading `before-credits`), a conflict against no-scene, else yes;
 * 5. nothing, no-scene or extras-only: no; else unknown.
 * A voice that says yes and no to one question (aftercredits.com's `inconsistent_no_with_scene_flag` rows) answers
 * nothing there (reading `self-contradictory`): a conflict is sources disagreeing, not one source with a typo.
 *
 * A "yes" without a position (mediastinger.com's "something during or after the credits", its vote list, a
 * positionless aftercredits.com post) is kept by any position that is yes; otherwise it is weighed by the same rules
 * against the voices that deny both positions (nothing, no-scene) or name only extras (extras-only): unanswered, the
 * film is `some`. A yes whose content is extras only is never a scene.
 *
 * States: conflict on any conflict; mid-post / mid / post from the positions that are yes; some as above; none
 * when both positions are no, or when only extras are reported; unknown otherwise. Extras are the union of the counted
 * voices' extras. Counts are kept when every source that gives one agrees and the position is yes.
 */
import {
  CREDIT_EXTRAS,
  type CreditContent,
  type CreditExtra,
  type CreditsState,
  type CreditStatement,
  type FilmCredits,
  type StatementReading,
  type Tri,
} from '../../lib/core/schema';

/** How the verdict reads one source. The build fills its reliability from measured agreement. */
export interface Voice {
  /** Statements with the same key are one source. */
  key: string;
  /** Its answers concern scenes only: its "no" leaves extras open, its "yes" is footage. */
  scenesOnly?: boolean;
  /** Its scene "at the end" may be an epilogue before the credits (the MCU API lists those too). */
  endMayPrecedeCredits?: boolean;
  /** A positive-only list whose entries count from this vote rating up (mediastinger.com's vote list). */
  minVoteRating?: number;
  /** Its yes answers / its no answers agree with the others at or above the bar (or cannot be measured): counted. */
  reliableYes: boolean;
  reliableNo: boolean;
}

export interface VerdictContext {
  voiceOf(statement: CreditStatement): Voice;
}

/** Without measurements (tests, hand-made statements): one voice per source name, each fully reliable. */
const DEFAULT_CONTEXT: VerdictContext = {
  voiceOf: (s) => ({ key: s.source, reliableYes: true, reliableNo: true }),
};

/**
 * A vote-list entry that is no evidence: it has no vote rating, or one under `minVoteRating` (null: no rating
 * qualifies, so no entry counts).
 */
export function belowVoteThreshold(voteRating: number | undefined, minVoteRating: number | null): boolean {
  return minVoteRating === null || voteRating === undefined || voteRating < minVoteRating;
}

/** Why a film is a conflict: which question, and the voices on each side. */
export interface ConflictCause {
  kind: 'scene-vs-no' | 'something-vs-nothing' | 'something-vs-no-scene';
  position: 'mid' | 'post' | 'any';
  yes: string[];
  no: string[];
}

export interface VerdictDetail {
  credits: FilmCredits;
  conflicts: ConflictCause[];
}

type Position = 'mid' | 'post';
type PositionAnswer = Tri | 'conflict';
type Evidence = 'scene' | 'something' | 'no-scene' | 'extras-only' | 'nothing' | 'maybe';

/** One source's statements on one film, read together. */
interface VoiceView {
  voice: Voice;
  statements: CreditStatement[];
  any: Tri;
  mid: Tri;
  post: Tri;
  content: CreditContent | undefined;
  extras: Set<CreditExtra>;
  /** It says yes and no to one question: it answers nothing there. */
  contradicted: boolean;
}

function mergeContent(a: CreditContent | undefined, b: CreditContent | undefined): CreditContent | undefined {
  if (a === undefined || a === b) return b ?? a;
  if (b === undefined) return a;
  return 'mixed';
}

function viewOf(voice: Voice, statements: CreditStatement[]): VoiceView {
  let content: CreditContent | undefined;
  const extras = new Set<CreditExtra>();
  const flags = { anyYes: false, anyNo: false, midYes: false, midNo: false, postYes: false, postNo: false };
  for (const s of statements) {
    // `any: no` is "nothing during or after the credits": no on both positions, on top of its own fields.
    if (s.any === 'yes') flags.anyYes = true;
    if (s.any === 'no') flags.anyNo = flags.midNo = flags.postNo = true;
    if (s.mid === 'yes') flags.midYes = true;
    else if (s.mid === 'no') flags.midNo = true;
    if (s.post === 'yes') flags.postYes = true;
    else if (s.post === 'no') flags.postNo = true;
    content = mergeContent(content, s.content);
    for (const e of s.extras ?? []) extras.add(e);
  }
  let contradicted = false;
  const answer = (yes: boolean, no: boolean): Tri => {
    if (yes && no) contradicted = true;
    return yes === no ? 'unknown' : yes ? 'yes' : 'no';
  };
  const any = answer(flags.anyYes || flags.midYes || flags.postYes, flags.anyNo);
  // "Nothing at all" against "something" is a contradiction about everything: it answers no question then.
  const all = contradicted;
  return {
    voice,
    statements,
    any,
    mid: all ? 'unknown' : answer(flags.midYes, flags.midNo),
    post: all ? 'unknown' : answer(flags.postYes, flags.postNo),
    content,
    extras,
    contradicted,
  };
}

/** What a voice's yes at a position is evidence of. */
function yesEvidence(v: VoiceView, position: Position | 'any'): Evidence {
  if (v.content === 'extras') return 'extras-only';
  if (v.voice.scenesOnly || v.content === 'scene') {
    return v.voice.endMayPrecedeCredits && position !== 'mid' ? 'maybe' : 'scene';
  }
  return 'something';
}

function noEvidence(v: VoiceView): Evidence {
  return v.voice.scenesOnly ? 'no-scene' : 'nothing';
}

interface Decision {
  answer: PositionAnswer;
  conflict?: ConflictCause;
}

/** Marks every statement of `views` with `reading` (the first reading a statement gets stays). */
function mark(readings: Map<CreditStatement, StatementReading>, views: readonly VoiceView[], reading: StatementReading): void {
  for (const v of views) for (const s of v.statements) if (!readings.has(s)) readings.set(s, reading);
}

function keys(views: readonly VoiceView[]): string[] {
  return [...new Set(views.map((v) => v.voice.key))].sort();
}

/** The rules for one position (or for "any" over positionless yeses against both positions). */
function decide(
  position: Position | 'any',
  evidence: ReadonlyMap<VoiceView, Evidence>,
  extrasKnown: boolean,
  readings: Map<CreditStatement, StatementReading>,
): Decision {
  const of = (kind: Evidence): VoiceView[] => [...evidence].filter(([, e]) => e === kind).map(([v]) => v);
  const scene = of('scene');
  let something = of('something');
  const noScene = of('no-scene');
  const extrasOnly = of('extras-only');
  const nothing = of('nothing');
  const maybe = of('maybe');
  const conflict = (kind: ConflictCause['kind'], yes: VoiceView[], no: VoiceView[]): Decision => ({
    answer: 'conflict',
    conflict: { kind, position, yes: keys(yes), no: keys(no) },
  });

  if (scene.length > 0 && (nothing.length > 0 || noScene.length > 0)) return conflict('scene-vs-no', scene, [...nothing, ...noScene]);
  if (something.length > 0 && nothing.length > 0) return conflict('something-vs-nothing', something, nothing);
  // "Something" that the film's extras account for: against a "no scene", only when extras are known; against a
  // source naming only extras there, by those extras. Marked as explained only if the position ends up a no.
  let explained: VoiceView[] = [];
  if (something.length > 0 && noScene.length > 0) {
    if (!extrasKnown) return conflict('something-vs-no-scene', something, noScene);
    [explained, something] = [something, []];
  }
  if (something.length > 0 && extrasOnly.length > 0) [explained, something] = [something, []];
  const no = (): Decision => {
    mark(readings, explained, 'explained-by-extras');
    return { answer: 'no' };
  };
  // A listed scene beside a source that names only extras there: tags that name no footage do not outweigh a
  // source that lists the scene (Iron Man 2: a dedication tagged, Coulson's scene listed).
  if (scene.length > 0 || something.length > 0) return { answer: 'yes' };
  if (maybe.length > 0) {
    if (nothing.length > 0) {
      mark(readings, maybe, 'before-credits');
      return no();
    }
    if (noScene.length > 0) return conflict('scene-vs-no', maybe, noScene);
    return { answer: 'yes' };
  }
  if (nothing.length > 0 || noScene.length > 0 || extrasOnly.length > 0 || explained.length > 0) return no();
  return { answer: 'unknown' };
}

/**
 * The scene count for a position, only when every source that gives one agrees and the position is a yes: a
 * count beside a "no" or a conflict would contradict the verdict, and picking one of two different counts would
 * hide a disagreement (the statements still carry each source's own count).
 */
function agreedCount(verdict: PositionAnswer, counts: readonly number[]): number | undefined {
  if (verdict !== 'yes' || counts.length === 0) return undefined;
  const first = counts[0];
  return counts.every((c) => c === first) ? first : undefined;
}

function positionEvidence(views: readonly VoiceView[], position: Position): Map<VoiceView, Evidence> {
  const evidence = new Map<VoiceView, Evidence>();
  for (const v of views) {
    const a = v[position];
    if (a === 'yes') evidence.set(v, yesEvidence(v, position));
    else if (a === 'no') evidence.set(v, noEvidence(v));
  }
  return evidence;
}

/**
 * The part of a statement its source's measured reliability lets count: a yes of a source whose yes answers are
 * unreliable (or a no of one whose no answers are) reads as unknown; nothing left: undefined.
 */
function countedPart(s: CreditStatement, voice: Voice): CreditStatement | undefined {
  if (voice.reliableYes && voice.reliableNo) return s;
  const keep = (v: Tri): Tri => ((v === 'yes' && !voice.reliableYes) || (v === 'no' && !voice.reliableNo) ? 'unknown' : v);
  const part: CreditStatement = { ...s, any: keep(s.any), mid: keep(s.mid), post: keep(s.post) };
  if (part.any === 'unknown' && part.mid === 'unknown' && part.post === 'unknown') return undefined;
  if (!voice.reliableYes) {
    // What a yes said is there goes with it.
    delete part.content;
    delete part.extras;
    delete part.midCount;
    delete part.postCount;
  }
  return part;
}

export function combineCreditsDetailed(statements: readonly CreditStatement[], context: VerdictContext = DEFAULT_CONTEXT): VerdictDetail {
  /** Readings by the statements the reasoning sees (a counted part maps back to its statement in `original`). */
  const readings = new Map<CreditStatement, StatementReading>();
  const original = new Map<CreditStatement, CreditStatement>();
  const byVoice = new Map<string, { voice: Voice; statements: CreditStatement[] }>();
  for (const s of statements) {
    const voice = context.voiceOf(s);
    // A vote-list entry under the measured threshold is no evidence at all, and an unreliable source is not
    // counted; both are kept for the "who says what" view.
    if (voice.minVoteRating !== undefined && belowVoteThreshold(s.voteRating, voice.minVoteRating)) {
      readings.set(s, 'below-threshold');
      continue;
    }
    const counted = countedPart(s, voice);
    if (counted === undefined) {
      readings.set(s, 'unreliable');
      continue;
    }
    const group = byVoice.get(voice.key) ?? { voice, statements: [] };
    group.statements.push(counted);
    byVoice.set(voice.key, group);
    original.set(counted, s);
  }
  const views = [...byVoice.values()].map((g) => viewOf(g.voice, g.statements));
  // A reading given to a counted part belongs to the statement it came from.
  const readingOf = (s: CreditStatement): StatementReading | undefined => {
    if (readings.has(s)) return readings.get(s);
    for (const [part, from] of original) if (from === s && part !== s) return readings.get(part);
    return undefined;
  };
  const extras = new Set<CreditExtra>();
  for (const v of views) for (const e of v.extras) extras.add(e);
  const extrasKnown = extras.size > 0;

  // A source that says yes and no to one question (aftercredits.com's `inconsistent_no_with_scene_flag` rows)
  // answers nothing there: one source contradicting itself is not sources disagreeing, and we cannot tell which of
  // its fields is right, so that question stays unknown (never a "no").
  for (const v of views) if (v.contradicted) mark(readings, [v], 'self-contradictory');
  const conflicts: ConflictCause[] = [];
  const mid = decide('mid', positionEvidence(views, 'mid'), extrasKnown, readings);
  const post = decide('post', positionEvidence(views, 'post'), extrasKnown, readings);
  for (const d of [mid, post]) if (d.conflict) conflicts.push(d.conflict);

  // Yeses without a position: kept by a position that is yes; otherwise weighed like a position against the
  // voices that deny both positions ("nothing") and those that call what is there an extra ("no scene").
  const positionless = views.filter((v) => v.any === 'yes' && v.mid !== 'yes' && v.post !== 'yes');
  let any: PositionAnswer = 'unknown';
  if (positionless.length > 0 && mid.answer !== 'yes' && post.answer !== 'yes') {
    const evidence = new Map<VoiceView, Evidence>();
    for (const v of positionless) evidence.set(v, yesEvidence(v, 'any'));
    for (const v of views) {
      if (evidence.has(v)) continue;
      if (v.mid === 'no' && v.post === 'no') evidence.set(v, noEvidence(v));
      else if (v.content === 'extras' && v.any === 'yes') evidence.set(v, 'extras-only');
    }
    const d = decide('any', evidence, extrasKnown, readings);
    if (d.conflict) conflicts.push(d.conflict);
    any = d.answer;
  }

  // A statement that takes part in a conflict is not "explained", whatever another question made of it.
  const inConflict = new Set(conflicts.flatMap((c) => [...c.yes, ...c.no]));
  for (const v of views) {
    if (!inConflict.has(v.voice.key)) continue;
    for (const s of v.statements) if (readings.get(s) === 'explained-by-extras') readings.delete(s);
  }
  const midAnswer: PositionAnswer = mid.answer;
  const postAnswer: PositionAnswer = post.answer;
  const state = overallState(midAnswer, postAnswer, any);
  const credits: FilmCredits = {
    state,
    mid: midAnswer,
    post: postAnswer,
    extras: CREDIT_EXTRAS.filter((e) => extras.has(e)),
    statements: statements.map((s) => {
      const reading = readingOf(s);
      return reading ? { ...s, reading } : { ...s };
    }),
  };
  const counted = views.flatMap((v) => v.statements).filter((s) => readings.get(s) === undefined || readings.get(s) === 'explained-by-extras');
  const midCount = agreedCount(midAnswer, counted.flatMap((s) => (s.midCount === undefined ? [] : [s.midCount])));
  const postCount = agreedCount(postAnswer, counted.flatMap((s) => (s.postCount === undefined ? [] : [s.postCount])));
  if (midCount !== undefined) credits.midCount = midCount;
  if (postCount !== undefined) credits.postCount = postCount;
  return { credits, conflicts };
}

export function combineCredits(statements: readonly CreditStatement[], context: VerdictContext = DEFAULT_CONTEXT): FilmCredits {
  return combineCreditsDetailed(statements, context).credits;
}

function overallState(mid: PositionAnswer, post: PositionAnswer, any: PositionAnswer): CreditsState {
  if (mid === 'conflict' || post === 'conflict' || any === 'conflict') return 'conflict';
  if (mid === 'yes' && post === 'yes') return 'mid-post';
  if (mid === 'yes') return 'mid';
  if (post === 'yes') return 'post';
  // A scene reported without a position that nothing accounts for.
  if (any === 'yes') return 'some';
  if (mid === 'no' && post === 'no') return 'none';
  // Only extras are reported (or the "something" reported is accounted for by them): no scene.
  if (any === 'no') return 'none';
  return 'unknown';
}
