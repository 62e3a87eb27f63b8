/**
 * The one interface every streaming service implements. Shared code (lib/content/, components/, background) only
 * ever sees a `SiteAdapter`: it never asks which site it is on. Everything takes a Document/URL so tests pass a
 * parsed fixture page.
 */

/**
 * Where a title can be read, in the order every adapter tries them (issue #13): the service's own data in its page
 * world, the player's heading, structured data (JSON-LD / meta), the detail page's heading, the tab title, and the
 * URL's id (which names no film by itself: it identifies, and tells player from detail pages). The player always
 * wins over the page under it.
 */
export type SignalId = 'page-data' | 'player' | 'json-ld' | 'detail' | 'tab-title' | 'url-id';

/** One signal of a service and whether the page has it now (for the page report; never any of its text). */
export interface SignalReport {
  signal: SignalId;
  found: boolean;
}

/** What a page says about the title on screen, before matching it against the dataset. */
export interface DetectedTitle {
  /** Where it was read: the playing title (player) or the page describing one (detail). */
  page: 'player' | 'detail';
  /**
   * movie: a film (no season/episode structure found). episode: one episode of a series (its badge is never a film
   * badge). series: a series detail page. Decided from page structure (subtitle S/E patterns in any language,
   * episode lists), never from English words alone.
   */
  kind: 'movie' | 'episode' | 'series';
  /** Cleaned title: version tags and season suffixes removed ("[dt./OV]", "(4K UHD)", ": Staffel 2"). */
  title: string;
  /** The text as read from the page, length-capped (for "Wrong film?" and debugging). */
  rawTitle: string;
  year?: number;
  /** Minutes, where the page shows it. */
  runtime?: number;
  /** The service's own id for the title where the page has one (ASIN, GTI, Netflix id…). */
  serviceId?: string;
  /** For episodes: the episode line as read (e.g. "Season 1, Ep. 4 The Ghouls"). */
  episodeLine?: string;
  /** Which signal named the title. */
  signal?: SignalId;
}

/** Where the badge goes on the current page. */
export interface BadgeMount {
  /** Element the badge host is appended to (inside the player subtree, so it survives fullscreen). */
  container: Element;
  /** player: overlay corner of the player; detail: inline next to the title. */
  placement: 'player' | 'inline';
}

export interface SiteAdapter {
  /** Stable id, equal to the file name in lib/sites/ (kebab-case). */
  readonly id: string;
  /** Display name ("Prime Video"). */
  readonly name: string;
  /** Content-script match patterns (every regional host; no TLD wildcards exist in match patterns). */
  readonly matches: readonly string[];
  /**
   * Whether this URL can show a title at all (detail or player pages). False keeps the content script inert, e.g.
   * on Amazon shopping pages.
   */
  isTitlePage(url: URL): boolean;
  /** The title on screen now, or null (no player, trailer/preview, unknown page, malformed page). Never throws. */
  detect(doc: Document, url: URL): DetectedTitle | null;
  /** Where to mount the badge for what `detect` found; null when the anchor is not in the DOM (yet). */
  badgeMount(doc: Document, detected: DetectedTitle): BadgeMount | null;
  /** The playing content <video> (not a trailer/preview/ad), for play/pause and near-end signals. */
  video(doc: Document): HTMLVideoElement | null;
  /**
   * The root of the player on screen (holding the content video), or null. With no title read, a player on
   * screen gets the "can't read the title here" badge; the page report describes the structure around it.
   */
  player(doc: Document): Element | null;
  /** Every signal this service is read by, in order, and whether this page has it now. Never throws. */
  signals(doc: Document, url: URL): SignalReport[];
  /** True while the service's own end-of-title UI shows (next-up card, "watch credits"): the credits roll. */
  creditsRolling(doc: Document): boolean;
  /**
   * The service's own shown "watch credits" control (dismisses the next-up card so autoplay does not skip the
   * credits), or null. Optional: only services that have one implement it. The runtime clicks it, once per title,
   * when the viewer turned "keep the credits playing" on and a scene is still to come.
   */
  watchCreditsControl?(doc: Document): HTMLElement | null;
}
