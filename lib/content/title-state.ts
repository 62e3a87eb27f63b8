/**
 * The content runtime's state machine, detect → resolve → shown, with no DOM and no browser in it: each check hands
 * in what the page reads now and gets back the one step to take; each answer from the background is settled the
 * same way. The runtime (./run-site.ts) only reads the page, carries out the step and paints.
 */
import type { Confidence, FilmSummary } from '../core/film-index';
import type { MatchResult } from '../core/match/match';
import type { Film } from '../core/schema';
import type { DetectedTitle } from '../sites/types';

/**
 * A title the background could not answer (it stopped twice while answering) is asked again after these delays;
 * only then does the badge give up and offer a search. Never a stuck "unknown" for a title that has an answer.
 */
export const RETRY_DELAYS_MS = [300, 1000, 2000, 4000, 8000] as const;

/** The title a badge is shown for. */
export interface Shown {
  key: string;
  /** The page URL the title was read on. */
  href: string;
  detected: DetectedTitle;
  film: Film | null;
  confidence: Confidence | null;
  others: FilmSummary[];
  /**
   * Video time at which the credits were first seen rolling for this title. The service's own signal can go away
   * once the viewer (or "keep the credits playing") dismisses the next-up card, while the credits still roll.
   */
  creditsFrom?: number;
  /** "Keep the credits playing" already chose the service's "watch credits" for this title (once per title). */
  keptCredits?: boolean;
}

export interface TitleState {
  shown?: Shown;
  /** The title asked of the background and not answered yet: only the latest one asked is ever shown. */
  pendingKey?: string;
  /** The URL on which the player itself named an episode: a tab title read there names the episode, not a film. */
  episodeHref?: string;
  /** Failed answers of the title asked for last. */
  failures?: { key: string; count: number };
}

/** What a check reads from the page. The probes run only when the step depends on them (each is a DOM query). */
export interface Reading {
  href: string;
  /** The site is switched on and the URL is one it reads titles on. */
  enabled: boolean;
  /** The adapter's reading of the title, or null. */
  detected: DetectedTitle | null;
  /** Whether the shown title's badge still has its place on the page. */
  shownStillMounted(shown: Shown): boolean;
  /** The player on screen, if any. */
  player(): Element | null;
}

export type Step =
  /** The shown title again (the player hid its title, or nothing changed): repaint it where it is. */
  | { do: 'update' }
  /** A player on screen and no readable title. */
  | { do: 'unreadable'; player: Element }
  /** No film here (an episode, a series, a page without a title): no badge. */
  | { do: 'clear' }
  /** A new title: ask the background for it. */
  | { do: 'resolve'; detected: DetectedTitle; key: string }
  /** The title is being asked already. */
  | { do: 'wait' };

/** Fingerprint of a detection: a new key means a new title (Prime switches titles without a URL change). */
export function keyOf(d: DetectedTitle): string {
  return [d.page, d.kind, d.title, d.year ?? '', d.runtime ?? ''].join('\u0001');
}

/** The next step for what the page shows now. */
export function decide(state: TitleState, reading: Reading): { state: TitleState; step: Step } {
  const { href, enabled } = reading;
  let detected = enabled ? reading.detected : null;
  let episodeHref = state.episodeHref === href ? state.episodeHref : undefined;
  // Where the player itself named an episode, a tab title read later on the same URL (controls hidden) names that
  // episode, not a film of the same name (Max writes the episode's title there).
  if (detected?.kind === 'episode' && detected.signal !== 'tab-title') episodeHref = href;
  else if (detected?.signal === 'tab-title' && detected.page === 'player' && episodeHref === href) detected = { ...detected, kind: 'episode' };
  const next: TitleState = { ...state, episodeHref };
  const { shown } = state;
  // Players hide their title with the controls while the film plays (Netflix removes it outright): an empty
  // reading on the same player URL, with the player still there, is the same film, not a new page.
  if (enabled && !detected && shown?.detected.page === 'player' && shown.href === href && reading.shownStillMounted(shown)) {
    return { state: next, step: { do: 'update' } };
  }
  const player = enabled && !detected ? reading.player() : null;
  if (player) return { state: { ...next, shown: undefined, pendingKey: undefined }, step: { do: 'unreadable', player } };
  // Only films get a badge: episodes and series pages show none.
  if (!detected || detected.kind !== 'movie') return { state: { ...next, shown: undefined, pendingKey: undefined }, step: { do: 'clear' } };
  const key = keyOf(detected);
  if (shown?.key === key) return { state: next, step: { do: 'update' } };
  if (state.pendingKey === key) return { state: next, step: { do: 'wait' } };
  return { state: { ...next, pendingKey: key }, step: { do: 'resolve', detected, key } };
}

export type Settled =
  /** A newer title was asked meanwhile: this answer is dropped. */
  | { do: 'stale' }
  /** No answer (the background stopped while answering): ask again after `delay` ms. */
  | { do: 'retry'; delay: number }
  /** Show this title (with the film, or "not in the data" when there is none or no answer came at all). */
  | { do: 'show' };

/** Settles the background's answer (undefined: none came) for the title asked under `key`. */
export function settle(state: TitleState, key: string, detected: DetectedTitle, href: string, result: MatchResult | undefined): { state: TitleState; step: Settled } {
  if (state.pendingKey !== key) return { state, step: { do: 'stale' } };
  if (result === undefined) {
    const count = state.failures?.key === key ? state.failures.count + 1 : 1;
    const delay = RETRY_DELAYS_MS[count - 1];
    if (delay !== undefined) return { state: { ...state, pendingKey: undefined, failures: { key, count } }, step: { do: 'retry', delay } };
  }
  const shown: Shown = {
    key,
    href,
    detected,
    film: result?.best?.film ?? null,
    confidence: result?.best?.confidence ?? null,
    others: result?.others ?? [],
  };
  return { state: { ...state, pendingKey: undefined, failures: undefined, shown }, step: { do: 'show' } };
}

/** The viewer picked another film for the shown title ("Wrong film?"): it is shown, the old one joins the others. */
export function pickOther(shown: Shown, film: Film): Shown {
  const previous: FilmSummary[] = shown.film
    ? [{ id: shown.film.id, title: shown.film.title, year: shown.film.year, kind: shown.film.kind, credits: shown.film.credits.state }]
    : [];
  return { ...shown, film, confidence: 'high', others: [...previous, ...shown.others].filter((o) => o.id !== film.id) };
}

/**
 * Whether the credits roll: the service's own signal, its clock or the video's. Once seen, held while the video has
 * not gone back before that point; returns the new hold point (undefined: none).
 */
export function creditsHold(from: number | undefined, signalled: boolean, time: number | undefined): { rolling: boolean; from: number | undefined } {
  if (signalled) return { rolling: true, from: from ?? time ?? 0 };
  if (from === undefined) return { rolling: false, from: undefined };
  // Seeking back before the credits (or a video we cannot read) ends the hold.
  if (time === undefined || time + 1 < from) return { rolling: false, from: undefined };
  return { rolling: true, from };
}
