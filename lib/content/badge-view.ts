/**
 * What the content runtime hands the badge's view: the facts to show, and the actions the view may ask for. The
 * view itself (components/badge-view.tsx) is handed in by the content-script entrypoint, so lib/ never imports
 * components/; the view keeps its own UI state (expanded, notes, ratings revealed), fresh for each title.
 */
import type { Confidence, FilmSummary } from '../core/film-index';
import type { CombinedScore } from '../core/ratings/aggregate';
import type { Film, RatingSourceId } from '../core/schema';
import type { CreditsAlert } from '../text/credits-text';

export type BadgeView =
  | {
      kind: 'film';
      /** The title's key: a new key is a new title, and the view starts over (collapsed, notes as set). */
      titleKey: string;
      /** The matched film, or null when the title is not in the dataset. */
      film: Film | null;
      confidence: Confidence | null;
      /** The title as the page shows it (for "not found" and the search action). */
      queryTitle: string;
      others: FilmSummary[];
      sources: readonly RatingSourceId[];
      combined: CombinedScore | null;
      /** "Hide ratings until I reveal them" is on. */
      ratingsHidden: boolean;
      /** The sources' notes start open (spoiler mode "shown"). */
      notesShown: boolean;
      placement: 'player' | 'inline';
      alert: CreditsAlert | null;
    }
  /** A player on screen without a readable title: the view says so and offers a search with `hint`. */
  | { kind: 'unreadable'; hint: string };

export interface BadgeActions {
  /** "Wrong film?": show this film instead. */
  pickOther(id: string): void;
  /** Open the extension's search with this query. */
  search(query: string): void;
}

/** Renders `view` into the badge's shadow root (null: empty it). */
export type RenderBadge = (root: HTMLElement, view: BadgeView | null, actions: BadgeActions) => void;

/** The badge's look: its styles (for the shadow root) and its view. */
export interface BadgeUi {
  css: string;
  render: RenderBadge;
}
