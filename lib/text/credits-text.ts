/**
 * The verdict in plain words. One place for the wording, shared by the badge, the popup card and the credits alert.
 */
import type { CreditExtra, CreditsState, CreditStatement, FilmCredits, Tri } from '../core/schema';
import { formatList, plural, t, type MessageKey } from './i18n';

const EXTRA_WORDS: Readonly<Record<CreditExtra, MessageKey>> = {
  audio: 'extraAudio',
  text: 'extraText',
  stills: 'extraStills',
  dedication: 'extraDedication',
  music: 'extraMusic',
  'credits-gag': 'extraCreditsGag',
};

/** "a sound and still images": extras in words, joined as the shown language joins a list. */
export function extrasText(extras: readonly CreditExtra[]): string {
  return formatList(extras.map((e) => t(EXTRA_WORDS[e])));
}

export function verdictText(credits: FilmCredits): string {
  const { midCount, postCount } = credits;
  switch (credits.state) {
    case 'none':
      // Extras are said plainly and never as a scene: "No scene after the credits — only a sound".
      return credits.extras.length > 0 ? t('verdictNoneExtras', [extrasText(credits.extras)]) : t('verdictNone');
    case 'mid':
      return midCount === undefined ? t('verdictMidOne') : plural(midCount, 'verdictMidCountOne', 'verdictMidCountOther', [String(midCount)]);
    case 'post':
      return postCount === undefined ? t('verdictPostOne') : plural(postCount, 'verdictPostCountOne', 'verdictPostCountOther', [String(postCount)]);
    case 'mid-post':
      // "Stay: 1 mid-credit + 1 post-credit scene": the noun agrees with the count next to it.
      return midCount !== undefined && postCount !== undefined
        ? plural(postCount, 'verdictMidPostCountOne', 'verdictMidPostCountOther', [String(midCount), String(postCount)])
        : t('verdictMidPost');
    case 'some':
      return t('verdictSome');
    case 'conflict':
      return t('verdictConflict');
    case 'unknown':
      return t('verdictUnknown');
  }
}

/** Extras beside a scene ("Also during or after the credits: a dedication"), or null. */
export function extrasBesideScenes(credits: FilmCredits): string | null {
  const withScene = credits.state === 'mid' || credits.state === 'post' || credits.state === 'mid-post' || credits.state === 'some';
  return withScene && credits.extras.length > 0 ? t('extrasAlso', [extrasText(credits.extras)]) : null;
}

/** Short advice line under the verdict. */
export function verdictAdvice(state: CreditsState): string {
  if (state === 'none') return t('adviceNone');
  if (state === 'unknown') return t('adviceUnknown');
  if (state === 'conflict') return t('adviceConflict');
  return t('adviceStay');
}

const ANSWER_WORDS: Readonly<Record<Tri, MessageKey>> = { yes: 'answerYes', no: 'answerNo', unknown: 'answerUnknown' };

function answerText(answer: Tri): string {
  return t(ANSWER_WORDS[answer]);
}

/**
 * One source's statement in words, as the verdict read it: where it places something, what it says is there, and
 * why it was not counted when it was not.
 */
export function statementText(s: CreditStatement): string {
  const parts: string[] = [];
  if (s.any === 'no' && s.mid !== 'yes' && s.post !== 'yes') parts.push(t('statementNothing'));
  else if (s.mid === 'unknown' && s.post === 'unknown' && s.any === 'yes') parts.push(t('statementSomewhere'));
  else parts.push(t('statementPositions', [answerText(s.mid), answerText(s.post)]));
  const count = (s.midCount ?? 0) + (s.postCount ?? 0);
  if (count > 0) parts.push(plural(count, 'statementScenesOne', 'statementScenesOther', [String(count)]));
  if (s.extras && s.extras.length > 0) {
    parts.push(s.content === 'extras' ? t('statementExtrasOnly', [extrasText(s.extras)]) : t('statementExtrasToo', [extrasText(s.extras)]));
  }
  const reading = readingText(s);
  if (reading) parts.push(reading);
  return parts.join('; ');
}

function readingText(s: CreditStatement): string | null {
  switch (s.reading) {
    case undefined:
      return null;
    case 'below-threshold':
      return t('readingBelowThreshold', [String(s.voteRating ?? '?')]);
    case 'explained-by-extras':
      return t('readingExplainedByExtras');
    case 'unreliable':
      return t('readingUnreliable');
    case 'before-credits':
      return t('readingBeforeCredits');
    case 'self-contradictory':
      return t('readingSelfContradictory');
  }
}

export type CreditsAlert = 'scene-coming' | 'nothing' | 'disagree';

/** What to say when the credits start; unknown says nothing rather than guessing. */
export function creditsAlert(state: CreditsState): CreditsAlert | null {
  if (state === 'none') return 'nothing';
  if (state === 'conflict') return 'disagree';
  if (state === 'unknown') return null;
  return 'scene-coming';
}

/** The alert's words; "nothing" names the extras when the film has them (no scene, but not nothing). */
export function alertText(alert: CreditsAlert, extras: readonly CreditExtra[] = []): string {
  if (alert === 'nothing') return extras.length > 0 ? t('alertOnlyExtras', [extrasText(extras)]) : t('alertNothing');
  return alert === 'disagree' ? t('alertDisagree') : t('alertSceneComing');
}
