/**
 * The verdict in plain words. One place for the wording, shared by the badge and (later) the popup.
 */
import type { CreditsState, FilmCredits } from './data/schema';

function scene(count: number | undefined, kind: string): string {
  if (count === undefined) return `a ${kind} scene`;
  return `${count} ${kind} scene${count === 1 ? '' : 's'}`;
}

export function verdictText(credits: FilmCredits): string {
  switch (credits.state) {
    case 'none':
      return 'No end-credit scenes';
    case 'mid':
      return `Stay: ${scene(credits.midCount, 'mid-credit')}`;
    case 'post':
      return `Stay: ${scene(credits.postCount, 'post-credit')}`;
    case 'mid-post':
      return credits.midCount !== undefined && credits.postCount !== undefined
        ? `Stay: ${scene(credits.midCount, 'mid-credit')} + ${scene(credits.postCount, 'post-credit')}`
        : 'Stay: mid- and post-credit scenes';
    case 'some':
      return 'Stay: a scene during or after the credits';
    case 'conflict':
      return 'Sources disagree';
    case 'unknown':
      return 'No data on end-credit scenes yet';
  }
}

/** Short advice line under the verdict. */
export function verdictAdvice(state: CreditsState): string {
  if (state === 'none') return 'You can go when the credits start.';
  if (state === 'unknown') return 'Nobody has reported on this film yet.';
  if (state === 'conflict') return 'Sources disagree: open to see who says what.';
  return 'Keep watching through the credits.';
}

export type CreditsAlert = 'scene-coming' | 'nothing' | 'disagree';

/** What to say when the credits start; unknown says nothing rather than guessing. */
export function creditsAlert(state: CreditsState): CreditsAlert | null {
  if (state === 'none') return 'nothing';
  if (state === 'conflict') return 'disagree';
  if (state === 'unknown') return null;
  return 'scene-coming';
}

export const ALERT_TEXT: Record<CreditsAlert, string> = {
  'scene-coming': 'Credits rolling — stay, a scene is coming',
  nothing: 'Nothing after the credits',
  disagree: 'Credits rolling — sources disagree, a scene may come',
};
