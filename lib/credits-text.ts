/**
 * The verdict in plain words. One place for the wording, shared by the badge and (later) the popup.
 */
import type { CreditsState, FilmCredits } from './data/schema';
import { t } from './i18n';

export function verdictText(credits: FilmCredits): string {
  const { midCount, postCount } = credits;
  switch (credits.state) {
    case 'none':
      return t('verdictNone');
    case 'mid':
      return midCount === undefined ? t('verdictMidOne') : t('verdictMidCount', [String(midCount)]);
    case 'post':
      return postCount === undefined ? t('verdictPostOne') : t('verdictPostCount', [String(postCount)]);
    case 'mid-post':
      return midCount !== undefined && postCount !== undefined
        ? t('verdictMidPostCount', [String(midCount), String(postCount)])
        : t('verdictMidPost');
    case 'some':
      return t('verdictSome');
    case 'conflict':
      return t('verdictConflict');
    case 'unknown':
      return t('verdictUnknown');
  }
}

/** Short advice line under the verdict. */
export function verdictAdvice(state: CreditsState): string {
  if (state === 'none') return t('adviceNone');
  if (state === 'unknown') return t('adviceUnknown');
  if (state === 'conflict') return t('adviceConflict');
  return t('adviceStay');
}

export type CreditsAlert = 'scene-coming' | 'nothing' | 'disagree';

/** What to say when the credits start; unknown says nothing rather than guessing. */
export function creditsAlert(state: CreditsState): CreditsAlert | null {
  if (state === 'none') return 'nothing';
  if (state === 'conflict') return 'disagree';
  if (state === 'unknown') return null;
  return 'scene-coming';
}

export function alertText(alert: CreditsAlert): string {
  if (alert === 'nothing') return t('alertNothing');
  return alert === 'disagree' ? t('alertDisagree') : t('alertSceneComing');
}
