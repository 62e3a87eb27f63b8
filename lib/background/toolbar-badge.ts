/**
 * The toolbar signal: what the extension's action shows for a tab whose player plays a film. Pure, so the words
 * and marks are tested without a browser; the background applies them per tab (entrypoints/background.ts).
 *
 * - a scene to come: the number of scenes (the counts where a source gives them, else one per position), green;
 * - `some` (a scene, position not known): "1+" — at least one, green;
 * - `conflict`: "?" on red: sources disagree, look before you leave;
 * - `none`: nothing (the tooltip still says it); `unknown`, episodes, other pages: nothing at all.
 * The tooltip says the verdict in words: "Never Let Me Go (2010): Sources disagree".
 */
import { verdictText } from '../text/credits-text';
import type { Film, FilmCredits } from '../core/schema';
import { t } from '../text/i18n';

export interface ToolbarBadge {
  /** The badge text (empty: no badge). */
  text: string;
  /** Its background colour (ignored when there is no text). */
  color: string;
  /** The action's tooltip for this tab. */
  title: string;
}

/** Scenes: green as in the badge's "stay"; a disagreement: red, as the badge's conflict state. */
export const TOOLBAR_COLORS = { scene: '#1a7035', conflict: '#b3261e' } as const;

function sceneCount({ state, midCount, postCount }: FilmCredits): number {
  const mid = state === 'mid' || state === 'mid-post' ? (midCount ?? 1) : 0;
  const post = state === 'post' || state === 'mid-post' ? (postCount ?? 1) : 0;
  return mid + post;
}

/** What the action shows for a tab showing `film`; null when it shows nothing of its own (the default title). */
export function toolbarBadge(film: Pick<Film, 'title' | 'year' | 'credits'> | null): ToolbarBadge | null {
  if (!film || film.credits.state === 'unknown') return null;
  const name = film.year ? `${film.title} (${film.year})` : film.title;
  const title = t('toolbarTitle', [name, verdictText(film.credits)]);
  switch (film.credits.state) {
    case 'conflict':
      return { text: '?', color: TOOLBAR_COLORS.conflict, title };
    case 'some':
      return { text: '1+', color: TOOLBAR_COLORS.scene, title };
    case 'none':
      return { text: '', color: TOOLBAR_COLORS.scene, title };
    default:
      return { text: String(sceneCount(film.credits)), color: TOOLBAR_COLORS.scene, title };
  }
}
