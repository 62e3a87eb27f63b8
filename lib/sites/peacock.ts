/**
 * Peacock (NBCUniversal / Sky "GSP" web player) on www.peacocktv.com. Detail pages /watch/asset/movies/<slug>/<uuid>
 * and /watch/asset/tv/<slug>/<uuid>; player /watch/playback/vod/<GMO_…>/<uuid> and /watch/playback/playlist….
 *
 * Facts and their sources: shared/research/streaming-detection.md §9 (PreMiD Peacock 2.0.0 2026-07, TP 5.4.3), §11
 * and §12; the "S2 E1: <episode title>" line shape is the one a public parser of WOW (same Sky player family, same
 * `playback-metadata__container-episode-metadata-info` class) matches. Peacock navigates with pushState, but `detect`
 * reads only the DOM as it is now and the runtime calls it again on every mutation, so a title change without a URL
 * change is still seen.
 *
 * DOM only, on purpose for now. The stronger source is page-world: the React props of `.playback-container`
 * (`startOfCredits`, `duration`, `isAdPlaying`: TP) would give an exact credits start, and `.playback-binge__container`
 * props name the next asset. Both need a MAIN-world script and are left for later (research §9, §11.1, §12.4).
 */
import {
  capLength,
  cleanTitle,
  MAX_TITLE_LENGTH,
  normalizePageText,
  parseEpisodeLine,
  parseRuntime,
  parseYear,
} from './clean-title';
import type { BadgeMount, DetectedTitle, SiteAdapter } from './types';

/** Every Peacock selector, and the only place they live. Alternatives are tried in order; each names its source. */
export const selectors = {
  /** Player wrappers; stay rendered in fullscreen (TP mounts its UI in them). The first is preferred. */
  player: ['.playback-container', '.video-player-component'],
  /** The content video (PreMiD: `#core-video-shaka`, `.video-player-component video`). */
  video: ['#core-video-shaka', 'video'],
  /** Muted autoplay short-form preview on detail pages: never the film (PreMiD fix #11028, 2026-07-23). */
  shortform: ['[data-gsp-shortform-player]'],
  /** Film title or show name, newest markup first (PreMiD 2.0.0; older presences read the two classes). */
  playerTitle: ['[data-testid="metadata-title"]', '.playback-header__title', '.playback-metadata__container-title'],
  /** Second line: "S2 E1: The Dundies" for episodes; a film may show a synopsis here (PreMiD, WOW parser). */
  episodeLine: ['[data-testid="metadata-description"]', '.playback-metadata__container-episode-metadata-info'],
  /** Next-episode / next-title card shown as the credits roll (TP, research §12.4). */
  bingeCard: ['.playback-binge__card'],
  /** Its container; text inside it names the *next* title and is never read as the current one (TP). */
  bingeContainer: ['.playback-binge__container', '.playback-binge__card'],
  /**
   * Detail-page title: the page heading (this fixture set's reconstruction), then document.title "X - Peacock"
   * (PreMiD), read on detail pages only.
   */
  detailTitle: ['main h1', 'head > title'],
  /** Short metadata items near the detail title ("2010", "1h 43m"); read by shape, not by position or label. */
  detailMetadataItem: ['main li', 'main span'],
} as const;

type SelectorList = readonly string[];

const HOSTS = ['www.peacocktv.com', 'peacocktv.com'] as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLAYER_PATH = new RegExp(`^/watch/playback/(?:vod/GMO_[A-Za-z0-9_]+/${UUID}/?$|playlist(?:[/?#-]|$))`, 'i');
const DETAIL_PATH = new RegExp(`^/watch/asset/(movies|tv)/[^/]+/(${UUID})(?:/|$)`, 'i');

function isPeacockHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (url.protocol === 'https:' || url.protocol === 'http:') && HOSTS.some((h) => host === h);
}

function isTitlePage(url: URL): boolean {
  return isPeacockHost(url) && (PLAYER_PATH.test(url.pathname) || DETAIL_PATH.test(url.pathname));
}

function all(root: ParentNode, list: SelectorList): Element[] {
  return list.flatMap((selector) => Array.from(root.querySelectorAll(selector)));
}

function first(root: ParentNode, list: SelectorList): Element | null {
  for (const selector of list) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

function inside(el: Element, list: SelectorList): boolean {
  return list.some((s) => el.closest(s) !== null);
}

/** The text as read, capped and with runs of whitespace collapsed; nothing decoded. */
function textOf(el: Element): string {
  return capLength(capLength(el.textContent ?? '', MAX_TITLE_LENGTH * 2).replace(/\s+/g, ' ').trim());
}

/** The first element of `list` with visible text, skipping the binge card (it names the next title). */
function firstWithText(root: ParentNode, list: SelectorList): { el: Element; text: string } | null {
  for (const el of all(root, list)) {
    if (inside(el, selectors.bingeContainer)) continue;
    const text = textOf(el);
    if (normalizePageText(text)) return { el, text };
  }
  return null;
}

interface Player {
  root: Element;
  video: HTMLVideoElement;
}

/** The player wrapper holding a content <video>, never a short-form preview (research §11.4, §12.2). */
function livePlayer(doc: Document): Player | null {
  for (const root of all(doc, selectors.player)) {
    if (inside(root, selectors.shortform)) continue;
    const video = all(root, selectors.video).find((el) => el.tagName === 'VIDEO' && !inside(el, selectors.shortform));
    if (video) return { root, video: video as HTMLVideoElement };
  }
  return null;
}

/** Drops optional fields that came out undefined, so detections compare and serialise cleanly. */
function compact(d: DetectedTitle): DetectedTitle {
  for (const key of ['year', 'runtime', 'serviceId', 'episodeLine'] as const) if (d[key] === undefined) delete d[key];
  return d;
}

function detectPlayer(doc: Document): DetectedTitle | null {
  const player = livePlayer(doc);
  if (!player) return null;
  const found = firstWithText(player.root, selectors.playerTitle);
  if (!found) return null;
  const title = cleanTitle(found.text);
  if (!title) return null;
  // The second line is an episode line only when it carries an S/E pattern (any language); a film's synopsis is not.
  const line = all(player.root, selectors.episodeLine)
    .filter((el) => !inside(el, selectors.bingeContainer))
    .map(textOf)
    .find((text) => parseEpisodeLine(text) !== null);
  const base: DetectedTitle = { page: 'player', kind: line ? 'episode' : 'movie', title, rawTitle: found.text };
  return line ? { ...base, episodeLine: line } : base;
}

/** " - Peacock", " | Peacock" after a document title. */
const TITLE_SUFFIX = /\s*[-–—|•]\s*Peacock(?:\s*TV)?\s*$/i;

/** Year and runtime from short metadata items whose whole text is one of them ("2010", "1h 43m", "103 min"). */
function detailFacts(doc: Document): { year?: number; runtime?: number } {
  let year: number | undefined;
  let runtime: number | undefined;
  for (const el of all(doc, selectors.detailMetadataItem)) {
    if (el.children.length > 0) continue;
    const text = normalizePageText(el.textContent ?? '', 40);
    if (year === undefined && /^\d{4}$/.test(text)) year = parseYear(text);
    else if (runtime === undefined && /^\d{1,2}\s*h(?:\s*\d{1,2}\s*m(?:in)?)?$|^\d{1,3}\s*m(?:in)?$/i.test(text)) {
      runtime = parseRuntime(text);
    }
  }
  return { year, runtime };
}

function detectDetail(doc: Document, url: URL): DetectedTitle | null {
  const route = DETAIL_PATH.exec(url.pathname);
  if (!route || !isPeacockHost(url)) return null;
  const found = firstWithText(doc, selectors.detailTitle);
  if (!found) return null;
  const isDocTitle = found.el.tagName === 'TITLE';
  const raw = isDocTitle ? found.text.replace(TITLE_SUFFIX, '') : found.text;
  const title = cleanTitle(raw);
  // document.title without the " - Peacock" suffix is a loading or hub title, not a title's name.
  if (!title || (isDocTitle && raw === found.text)) return null;
  const series = route[1]?.toLowerCase() === 'tv';
  const facts = detailFacts(doc);
  return compact({
    page: 'detail',
    kind: series ? 'series' : 'movie',
    title,
    rawTitle: found.text,
    year: facts.year,
    runtime: series ? undefined : facts.runtime,
    serviceId: route[2]?.toLowerCase(),
  });
}

/** Runs a DOM read; a malformed or hostile page yields the fallback instead of an exception. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Not hidden by attribute or inline style between `el` and the player root (no layout needed, works in tests). */
function isShown(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node && node !== root.parentElement; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    const style = (node as Partial<HTMLElement>).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

function creditsRolling(doc: Document): boolean {
  const player = livePlayer(doc);
  if (!player) return false;
  return all(player.root, selectors.bingeCard).some((el) => isShown(el, player.root));
}

export const peacock: SiteAdapter = {
  id: 'peacock',
  name: 'Peacock',
  // `*.` also matches the bare domain.
  matches: ['*://*.peacocktv.com/*'],
  isTitlePage: (url) => safely(() => isTitlePage(url), false),
  detect: (doc, url) => safely(() => detectPlayer(doc) ?? detectDetail(doc, url), null),
  badgeMount: (doc, detected) =>
    safely((): BadgeMount | null => {
      if (detected.page === 'player') {
        const player = livePlayer(doc);
        return player ? { container: player.root, placement: 'player' } : null;
      }
      const heading = first(doc, selectors.detailTitle.slice(0, 1));
      const container = heading?.parentElement;
      return container ? { container, placement: 'inline' } : null;
    }, null),
  video: (doc) => safely(() => livePlayer(doc)?.video ?? null, null),
  creditsRolling: (doc) => safely(() => creditsRolling(doc), false),
};
