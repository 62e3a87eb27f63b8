/**
 * Peacock (NBCUniversal / Sky "GSP" web player) on www.peacocktv.com. Detail pages /watch/asset/movies/<slug>/<uuid>
 * and /watch/asset/tv/<slug>/<uuid>; player /watch/playback/vod/<GMO_…>/<uuid> and /watch/playback/playlist….
 *
 * Facts and their sources: docs/research/streaming-detection.md §9 (PreMiD Peacock 2.0.0 2026-07, TP 5.4.3), §11
 * and §12; the "S2 E1: <episode title>" line shape is the one a public parser of WOW (same Sky player family, same
 * `playback-metadata__container-episode-metadata-info` class) matches. Peacock navigates with pushState, but `detect`
 * reads only the DOM as it is now and the runtime calls it again on every mutation, so a title change without a URL
 * change is still seen.
 *
 * Titles come from the DOM. The credits start comes first from the page world: the props the player component
 * passes to `.playback-container` (`startOfCredits`, `elapsedTime`, `duration`: TP 5.4.3, research §9, §12.4), read by
 * `readPeacockPage` in entrypoints/peacock-page.content.ts and passed over through lib/sites/page-data.ts; the binge
 * card is the DOM signal after it.
 */
import { cleanTitle, parseEpisodeLine } from '../core/clean-title';
import { all, clip, first, firstWithText, inside, safely, isShown, textOf, type SelectorList, type Player, yearAndRuntime, detailDetection, compact, signalReports, tabTitle, titleOfForms } from './dom';
import { pathOf, readPageData, type PageData } from './page-data';
import type { BadgeMount, DetectedTitle, SiteAdapter } from './types';

/** Every Peacock selector, and the only place they live. Alternatives are tried in order; each names its source. */
export const selectors = {
  /** Player wrappers; stay rendered in fullscreen (TP mounts its UI in them). The first is preferred. */
  player: ['.playback-container', '.video-player-component'],
  /** The content video (PreMiD: `#core-video-shaka`, `.video-player-component video`). */
  video: ['#core-video-shaka', 'video'],
  /** Muted autoplay short-form preview on detail pages: never the film (PreMiD fix #11028, 2026-07-23). */
  shortform: ['[data-gsp-shortform-player]'],
  /**
   * Film title or show name, newest markup first: read page-wide, because the player is not always a page-level
   * wrapper with a video in it (PreMiD Peacock 2.0.0 2026-07, and its fix PreMiD/Activities#11178 of 2026-09-07
   * "when the player is not exposed as a page-level video element", which falls back to the visible title; issue
   * #13). Older presences read the two classes.
   */
  playerTitle: ['[data-testid="metadata-title"]', '.playback-header__title', '.playback-metadata__container-title'],
  /** Second line: "S2 E1: The Dundies" for episodes; a film may show a synopsis here (PreMiD, WOW parser). */
  episodeLine: ['[data-testid="metadata-description"]', '.playback-metadata__container-episode-metadata-info'],
  /** Next-episode / next-title card shown as the credits roll (TP, research §12.4). */
  bingeCard: ['.playback-binge__card'],
  /** Its container; text inside it names the *next* title and is never read as the current one (TP). */
  bingeContainer: ['.playback-binge__container', '.playback-binge__card'],
  /**
   * Detail-page title: the page heading (this fixture set's reconstruction). Without one the tab title "X - Peacock"
   * (PreMiD) is read, as on the player (TAB_TITLES).
   */
  detailTitle: ['main h1'],
  /** Short metadata items near the detail title ("2010", "1h 43m"); read by shape, not by position or label. */
  detailMetadataItem: ['main li', 'main span'],
} as const;

const HOSTS = ['www.peacocktv.com', 'peacocktv.com'] as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/**
 * Playback URLs: /watch/playback/vod/GMO_<digits>_<nn>/<uuid> (research §9), and the 2026 forms
 * /watch/playback/vod/_/<uuid> (webcompat/web-bugs#226027, 2026-06-24) and /watch/playback/vod/GMO_<digits>_<nn>_HDSDR
 * with no uuid (a public Peacock client's test, "peacocktv.com/watch/playback/vod/GMO_00000000224510_02_HDSDR");
 * playlists /watch/playback/playlist…
 */
const PLAYER_PATH = new RegExp(`^/watch/playback/(?:vod/(?:_/${UUID}|GMO_[A-Za-z0-9_]{1,60}(?:/${UUID})?)/?$|playlist(?:[/?#-]|$))`, 'i');
/** Asset ids are UUIDs, or long numbers on some series pages ("/watch/asset/tv/the-office/4902514835143843112"). */
const DETAIL_PATH = new RegExp(`^/watch/asset/(movies|tv)/[^/]+/(${UUID}|\\d{10,20})(?:/|$)`, 'i');

function isPeacockHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (url.protocol === 'https:' || url.protocol === 'http:') && HOSTS.some((h) => host === h);
}

function isTitlePage(url: URL): boolean {
  return isPeacockHost(url) && (PLAYER_PATH.test(url.pathname) || DETAIL_PATH.test(url.pathname));
}

/**
 * The first element of `list` with visible text, skipping the binge card (it names the next title) and short-form
 * previews (they name a preview, not what plays).
 */
function titleWithText(root: ParentNode, list: SelectorList): { el: Element; text: string } | null {
  return firstWithText(root, list, (el) => inside(el, selectors.bingeContainer) || inside(el, selectors.shortform));
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

/**
 * " - Peacock", " | Peacock" after a tab title. A tab title without it is a loading or hub title, not a title's name
 * ("Peacock" alone).
 */
const TAB_TITLES: readonly RegExp[] = [/^(.+?)\s*[-–—|•]\s*Peacock(?:\s*TV)?\s*$/i];

/**
 * The playing title on a playback URL: the visible title page-wide (never the binge card's), then the tab title
 * less " - Peacock", with or without a page-level video (issue #13; PreMiD/Activities#11178).
 */
function detectPlayer(doc: Document, url: URL): DetectedTitle | null {
  if (!isPeacockHost(url) || !PLAYER_PATH.test(url.pathname)) return null;
  const found = titleWithText(doc, selectors.playerTitle);
  const raw = found?.text ?? tabTitle(doc, TAB_TITLES);
  const title = raw ? cleanTitle(raw) : '';
  if (!raw || !title) return null;
  // The second line is an episode line only when it carries an S/E pattern (any language); a film's synopsis is not.
  const line = all(doc, selectors.episodeLine)
    .filter((el) => !inside(el, selectors.bingeContainer))
    .map(textOf)
    .find((text) => parseEpisodeLine(text) !== null);
  return compact({ page: 'player', kind: line ? 'episode' : 'movie', title, rawTitle: raw, episodeLine: line, signal: found ? 'player' : 'tab-title' });
}

/** Where the player is on a playback page: the wrapper with the video, else any wrapper, else around the title. */
function playerRoot(doc: Document): Element | null {
  return livePlayer(doc)?.root ?? first(doc, selectors.player) ?? titleWithText(doc, selectors.playerTitle)?.el.parentElement ?? null;
}

function detailFacts(doc: Document): { year?: number; runtime?: number } {
  return yearAndRuntime(all(doc, selectors.detailMetadataItem));
}

function detectDetail(doc: Document, url: URL): DetectedTitle | null {
  const route = DETAIL_PATH.exec(url.pathname);
  if (!route || !isPeacockHost(url)) return null;
  const found = titleWithText(doc, selectors.detailTitle);
  const tab = clip(doc.title);
  const raw = found?.text ?? titleOfForms(tab, TAB_TITLES);
  const title = raw ? cleanTitle(raw) : '';
  if (!raw || !title) return null;
  const series = route[1]?.toLowerCase() === 'tv';
  // A tab-title reading keeps the tab title whole as its raw title ("The Office - Peacock"): what the page showed.
  return detailDetection(title, found?.text ?? tab, series, detailFacts(doc), route[2]?.toLowerCase(), found ? 'detail' : 'tab-title');
}

function creditsRolling(doc: Document): boolean {
  const player = livePlayer(doc);
  if (!player) return false;
  return all(player.root, selectors.bingeCard).some((el) => isShown(el, player.root, { ariaHidden: true }));
}

/** How far up the component tree the player's props are looked for (they sit a few levels above the element). */
const MAX_FIBER_DEPTH = 30;

/**
 * Runs in the page's world (entrypoints/peacock-page.content.ts): the credits marker, position and duration from the
 * player props React keeps on `.playback-container` (`__reactProps$…` on the element, `__reactFiber$…` up the
 * component tree). The three share one unit; a duration over a day can only be milliseconds, so it is read as such.
 */
export function readPeacockPage(win: Window): PageData | null {
  const el = win.document.querySelector(selectors.player[0]);
  if (!el) return null;
  const keys = Object.keys(el);
  const candidates: unknown[] = [];
  const propsKey = keys.find((k) => k.startsWith('__reactProps$'));
  if (propsKey) candidates.push((el as unknown as Record<string, unknown>)[propsKey]);
  let fiber = (el as unknown as Record<string, unknown>)[keys.find((k) => k.startsWith('__reactFiber$')) ?? ''];
  for (let depth = 0; fiber && depth < MAX_FIBER_DEPTH; depth++) {
    candidates.push(pathOf(fiber, 'memoizedProps'));
    fiber = pathOf(fiber, 'return');
  }
  const props = candidates.find((c) => typeof pathOf(c, 'startOfCredits') === 'number');
  if (!props) return null;
  const [start, elapsed, duration] = ['startOfCredits', 'elapsedTime', 'duration'].map((k) => pathOf(props, k));
  if (typeof start !== 'number' || typeof duration !== 'number' || !(duration > 0)) return null;
  const scale = duration > 86_400 ? 1000 : 1;
  return { creditsStart: start / scale, duration: duration / scale, position: typeof elapsed === 'number' ? elapsed / scale : undefined };
}

export const peacock: SiteAdapter = {
  id: 'peacock',
  name: 'Peacock',
  // `*.` also matches the bare domain.
  matches: ['*://*.peacocktv.com/*'],
  isTitlePage: (url) => safely(() => isTitlePage(url), false),
  detect: (doc, url) => safely(() => detectPlayer(doc, url) ?? detectDetail(doc, url), null),
  badgeMount: (doc, detected) =>
    safely((): BadgeMount | null => {
      if (detected.page === 'player') {
        const root = playerRoot(doc);
        return root ? { container: root, placement: 'player' } : null;
      }
      const heading = first(doc, selectors.detailTitle);
      const container = heading?.parentElement;
      return container ? { container, placement: 'inline' } : null;
    }, null),
  video: (doc) => safely(() => livePlayer(doc)?.video ?? null, null),
  player: (doc) => safely(() => livePlayer(doc)?.root ?? null, null),
  signals: (doc, url) =>
    signalReports([
      ['page-data', () => readPageData(doc)],
      ['player', () => PLAYER_PATH.test(url.pathname) && titleWithText(doc, selectors.playerTitle)],
      ['detail', () => DETAIL_PATH.test(url.pathname) && titleWithText(doc, selectors.detailTitle)],
      ['tab-title', () => tabTitle(doc, TAB_TITLES)],
      ['url-id', () => PLAYER_PATH.test(url.pathname) || DETAIL_PATH.test(url.pathname)],
    ]),
  creditsRolling: (doc) => safely(() => creditsRolling(doc), false),
};
