/**
 * Prime Video, on primevideo.com and on the Amazon storefronts that serve it under /gp/video/.
 *
 * Facts and their sources: docs/research/streaming-detection.md §2 (short names NCO, UTS, SE, PreMiD, TP, castkodi
 * as listed in its §0). The player is an overlay that opens on the detail URL and switches titles without changing
 * it, so `detect` reads only the DOM as it is now; the runtime calls it again on every mutation.
 */
import { cleanTitle, hasSeasonSuffix, parseEpisodeLine, parseRuntime, parseYear } from '../core/clean-title';
import { all, first, textOf, firstWithText, compact, inside, safely, sameTitle, isShown, shownControl, signalReports, tabTitle } from './dom';
import type { BadgeMount, DetectedTitle, SiteAdapter } from './types';

/**
 * Every Prime Video selector, and the only place they live. Alternatives are tried in order; each names the page
 * variant it serves and where it was seen. Prime's hashed CSS-module classes change often and are never used.
 */
export const selectors = {
  /** Player root, one per player instance; stays rendered in fullscreen (NCO c80f7ad 2026-04, SE 2026-08, TP). */
  player: ['.dv-player-fullscreen'],
  /** Badge anchor inside the player: where NCO puts its comment canvas (2026-04) and TP reads playback props. */
  playerContainer: ['.atvwebplayersdk-player-container'],
  /** Any video element; trailers are filtered out with `trailerVideo`. */
  video: ['video'],
  /**
   * Videos that are not the content: the trailer overlay player (UTS 2026-08), any video class containing "tst"
   * (PreMiD 2026-06), and the muted preview in a detail page's hero (PreMiD's hero-background hook, 2026-06).
   */
  trailerVideo: ['.tst-video-overlay-player-html5', '[class*="tst"]', '[data-automation-id="hero-background"] video'],
  playerTitle: [
    // Player layouts of 2026 put the playing title in a plain h1 inside the player container, without a title
    // class: PreMiD/Activities' Prime Video presence reads `.atvwebplayersdk-player-container h1` first (revision
    // 1277e03d, after its 2025-12 and 2026-06 reworks f0ed251428/#10835). Without this, autoplay showed the film of
    // the detail page under the player while another played (issue #13).
    '.atvwebplayersdk-player-container h1',
    // Show name or film title; some regions render several and only one has text (TP 5.4.3; NCO 2026-04).
    '.atvwebplayersdk-title-text',
  ],
  /**
   * Player parts that never name the playing title: captions, the next-up card (it names the next title), toasts
   * (PreMiD 1277e03d's ignore list, used the same way when it reads around the heading).
   */
  notMetadata: ['.atvwebplayersdk-captions-text', '.atvwebplayersdk-nextupcard-wrapper', '.atvwebplayersdk-toast-wrapper'],
  playerSubtitle: [
    // Player UI since 2026-05: short "S1 E1 …" (NCO e89165b 2026-05-31, PreMiD f0ed251428 2026-06 checks it first).
    '.atvwebplayersdk-episode-info',
    // Earlier player UI: "Season 1, Ep. 4 The Ghouls", "Staffel 2, F. 1" (UTS 2026-01, PreMiD 2026-06, TP).
    '.atvwebplayersdk-subtitle-text',
  ],
  /** Only series get a "next episode" button in the player (TP 5.4.3). */
  nextTitleButton: ['.atvwebplayersdk-nexttitle-button'],
  creditsCard: [
    // The next-up card's play-next button, shown while the credits roll (SE 2022-08 → 2026-08).
    '[class*="nextupcard-button"]',
    // The same card's "watch credits" button (SE).
    '[class*="nextupcardhide-button"]',
  ],
  /** The next-up card's "watch credits" button: dismisses the card, the credits keep playing (SE). */
  watchCredits: ['[class*="nextupcardhide-button"]'],
  detailTitle: [
    // Text heading of the detail page (PreMiD 2026-06, TP).
    'h1[data-automation-id="title"]',
    // 2026 detail pages draw the title as artwork: the image alt carries it (SE page capture 2026-03).
    '[data-testid="title-art"] img[alt]',
  ],
  /** The heading that holds either detail title form; its parent takes the inline badge. */
  titleHeading: ['h1', '[data-testid="title-art"]'],
  /** "2010"; aria-label "Released 2010" (TP; SE capture 2026-03; public scrapers). */
  releaseYear: ['[data-automation-id="release-year-badge"]'],
  /** Film runtime badge, "1 h 43 min" / "103min" (public scrapers of detail pages; episodes use `episode-runtime`). */
  runtime: ['[data-automation-id="runtime-badge"]'],
  seriesMarker: [
    // Episode list rows (UTS 2026-01 `av-ep-episode-`; test id seen with them in 2026 scrapers).
    '[id^="av-ep-episode-"]',
    '[data-testid="episode-list-item"]',
    // Episode titles in that list (SE capture 2026-03, `ep-title-episode-<n>`).
    '[data-automation-id^="ep-title-episode-"]',
    // Season selector above the list ("Season selector. Season 1 is selected", 2026 scraper test).
    '#av-droplist-av-atf-season-selector',
  ],
} as const;

/**
 * Amazon storefronts. Prime Video is served on these or redirected from their /gp/video/ pages to primevideo.com;
 * match patterns cannot wildcard a TLD (Chrome docs, research §2.1), so each is listed. amazon.cn has no Prime Video.
 */
const AMAZON_STOREFRONTS = [
  'amazon.com', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br',
  'amazon.co.uk', 'amazon.ie', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.com.be',
  'amazon.se', 'amazon.pl', 'amazon.com.tr',
  'amazon.ae', 'amazon.sa', 'amazon.eg', 'amazon.co.za',
  'amazon.in', 'amazon.co.jp', 'amazon.sg', 'amazon.com.au',
] as const;

function isHostOf(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** The path without "/region/eu" (primevideo.com) and "/-/en" language prefixes (both hosts), in any order. */
function contentPath(url: URL): string {
  let path = url.pathname;
  for (let i = 0; i < 3; i++) {
    const prefix = /^\/(?:region\/[a-z]{2}|-\/[a-z]{2}(?:[_-][a-z]{2,4})?)(?=\/)/i.exec(path);
    if (!prefix) break;
    path = path.slice(prefix[0].length);
  }
  return path;
}

/**
 * Detail pages, where the player opens as an overlay (UTS `watchingUrlRegex: /\/detail\//`, PR #449 2026-01; SE
 * capture: play links point back to the same detail URL with ?autoplay=1). primevideo.com also has
 * /dp/amzn1.dv.gti.… share links and app.…/detail?gti=.
 */
function isDetailPage(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const path = contentPath(url);
  if (isHostOf(host, 'primevideo.com')) return /^\/detail(?:\/|$)/i.test(path) || /^\/dp\/amzn1\.dv\.gti\./i.test(path);
  if (AMAZON_STOREFRONTS.some((d) => isHostOf(host, d))) return /^\/gp\/video\/detail\/[^/]+/i.test(path);
  return false;
}

/**
 * Pages a player can play on. Not only detail pages: playback started from /storefront rows (home, Continue
 * Watching) and /watch?gti= deep links opens the same overlay without a detail URL (PreMiD's presence keys on the
 * player and notes that "playback can start on /storefront before Prime sets the episode URL"; issue #13). So
 * every primevideo.com page, and every /gp/video/ page of an Amazon storefront, is watched for a player; Amazon's
 * shopping pages (/dp/, /s, /gp/product/) stay inert.
 */
function isTitlePage(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (isHostOf(host, 'primevideo.com')) return url.protocol === 'https:' || url.protocol === 'http:';
  if (AMAZON_STOREFRONTS.some((d) => isHostOf(host, d))) return /^\/gp\/video(?:\/|$)/i.test(contentPath(url));
  return false;
}

const ID_SEGMENT = /^(?:[0-9A-Z]{10,40}|amzn1\.dv\.gti\.[0-9a-f-]{36})$/;

/** ASIN (amazon.*: B0…), 26-character id (primevideo.com) or GTI, from the URL; slugs and ref= segments skipped. */
function serviceIdFromUrl(url: URL): string | undefined {
  const gti = url.searchParams.get('gti');
  if (gti && ID_SEGMENT.test(gti)) return gti;
  const segments = contentPath(url).split('/').filter(Boolean);
  const start = segments.findIndex((s) => s === 'detail' || s === 'dp');
  if (start < 0) return undefined;
  return segments.slice(start + 1).find((s) => ID_SEGMENT.test(s));
}

interface Player {
  root: Element;
  video: HTMLVideoElement;
  /** The playing title's heading in it (`playerHeading`), read once while choosing the player; null without one. */
  heading: { el: Element; text: string } | null;
}

function contentVideo(root: Element): HTMLVideoElement | null {
  for (const el of all(root, selectors.video)) {
    if (el.tagName === 'VIDEO' && !selectors.trailerVideo.some((s) => el.matches(s))) return el as HTMLVideoElement;
  }
  return null;
}

/**
 * The player that plays content: a player root holding a non-trailer video (research §12.2: key on what plays).
 * Prime opens a new instance (dv-web-player-2…) per title change, so the newest one with a title wins.
 */
function livePlayer(doc: Document): Player | null {
  let fallback: Player | null = null;
  for (const root of all(doc, selectors.player).reverse()) {
    const video = contentVideo(root);
    if (!video) continue;
    const heading = playerHeading(root);
    if (heading) return { root, video, heading };
    fallback ??= { root, video, heading: null };
  }
  return fallback;
}

/** " | Prime Video" tab titles of detail pages: "Watch Young Sherlock - Staffel 1 | Prime Video" (SE capture 2026-03). */
const TAB_TITLES: readonly RegExp[] = [/^Watch\s+(.+?)\s*\|\s*Prime Video\s*$/i, /^Prime Video:\s*(.+)$/i, /^(.+?)\s*\|\s*Prime Video\s*$/i];

/** The detail page's own heading, or its tab title without one. */
function detailTitle(doc: Document): { text: string; signal: 'detail' | 'tab-title' } | null {
  const found = firstWithText(doc, selectors.detailTitle);
  if (found) return { text: found.text, signal: 'detail' };
  const tab = tabTitle(doc, TAB_TITLES);
  return tab ? { text: tab, signal: 'tab-title' } : null;
}

/** The title the detail page describes (also present under the open player overlay). */
function detectDetail(doc: Document, url: URL): DetectedTitle | null {
  if (!isDetailPage(url)) return null;
  const found = detailTitle(doc);
  if (!found) return null;
  const title = cleanTitle(found.text);
  if (!title) return null;
  // Structure, not words: an episode list or season selector, or a season suffix on the title itself.
  const series = first(doc, selectors.seriesMarker) !== null || hasSeasonSuffix(found.text);
  const yearEl = first(doc, selectors.releaseYear);
  const runtimeEl = first(doc, selectors.runtime);
  return compact({
    page: 'detail',
    kind: series ? 'series' : 'movie',
    title,
    rawTitle: found.text,
    year: yearEl ? (parseYear(textOf(yearEl)) ?? parseYear(yearEl.getAttribute('aria-label') ?? '')) : undefined,
    runtime: !series && runtimeEl ? parseRuntime(textOf(runtimeEl)) : undefined,
    serviceId: serviceIdFromUrl(url),
    signal: found.signal,
  });
}

/**
 * Movie or episode from the player's own structure: an S/E line in any language, a next-episode button, or the
 * series page underneath. A subtitle equal to the title (or absent) is a film. Any other subtitle counts as an
 * episode line unless the detail page underneath shows this same title as a film (research §2.2, §12.3).
 */
function playerKind(
  title: string,
  subtitle: string | undefined,
  root: Element,
  page: DetectedTitle | null,
): 'movie' | 'episode' {
  const samePage = page !== null && sameTitle(page.title, title);
  if (subtitle && parseEpisodeLine(subtitle)) return 'episode';
  if (first(root, selectors.nextTitleButton)) return 'episode';
  if (samePage && page.kind === 'series') return 'episode';
  if (!subtitle || sameTitle(cleanTitle(subtitle), title)) return 'movie';
  return samePage ? 'movie' : 'episode';
}

/** The playing title's heading in the player (never one inside captions, the next-up card or a toast). */
function playerHeading(root: Element): { el: Element; text: string } | null {
  return firstWithText(root, selectors.playerTitle, (el) => inside(el, selectors.notMetadata));
}

/**
 * An episode line beside the heading, for layouts without the episode-info class: the heading's neighbours, up to
 * two levels up, the first whose text reads as a season/episode line ("S1 E2 …", "Saison 1, ép. 1 …"), never
 * captions, the next-up card or toasts (PreMiD 1277e03d reads the heading's neighbours for "S1 E2" the same way).
 */
function episodeNextTo(heading: Element, root: Element): string | undefined {
  let parent = heading.parentElement;
  for (let level = 0; parent && level < 2 && root.contains(parent); level++, parent = parent.parentElement) {
    for (const sibling of Array.from(parent.children)) {
      if (sibling === heading || sibling.contains(heading)) continue;
      if (inside(sibling, selectors.notMetadata) || all(sibling, selectors.notMetadata).length > 0) continue;
      const text = textOf(sibling);
      if (text.length <= 200 && parseEpisodeLine(text)) return text;
    }
  }
  return undefined;
}

function detectPlayer(doc: Document, url: URL): DetectedTitle | null {
  const player = livePlayer(doc);
  if (!player) return null;
  const page = detectDetail(doc, url);
  const found = player.heading;
  if (!found) {
    // Prime unmounts the player's title with its controls while the film plays (UTS 2026-08): the detail page
    // under the overlay still names what was started from it.
    if (!page) return null;
    return page.kind === 'series'
      ? compact({ page: 'player', kind: 'episode', title: page.title, rawTitle: page.rawTitle, signal: page.signal })
      : { ...page, page: 'player' };
  }
  const title = cleanTitle(found.text);
  if (!title) return null;
  const subtitle = firstWithText(player.root, selectors.playerSubtitle)?.text ?? episodeNextTo(found.el, player.root);
  const kind = playerKind(title, subtitle, player.root, page);
  const base: DetectedTitle = { page: 'player', kind, title, rawTitle: found.text, signal: 'player' };
  if (kind === 'episode') {
    return subtitle && !sameTitle(cleanTitle(subtitle), title) ? { ...base, episodeLine: subtitle } : base;
  }
  // The player's heading wins over the page under it: year, runtime and id come from the detail page only while it
  // names the film that plays (after autoplay it still shows the previous film: issue #13).
  if (page && page.kind === 'movie' && sameTitle(page.title, title)) {
    return compact({ ...base, year: page.year, runtime: page.runtime, serviceId: page.serviceId });
  }
  return compact({ ...base, serviceId: isDetailPage(url) ? undefined : serviceIdFromUrl(url) });
}

export const primeVideo: SiteAdapter = {
  id: 'prime-video',
  name: 'Prime Video',
  matches: ['*://*.primevideo.com/*', ...AMAZON_STOREFRONTS.map((d) => `*://*.${d}/*`)],
  isTitlePage: (url) => safely(() => isTitlePage(url), false),
  detect: (doc, url) => safely(() => detectPlayer(doc, url) ?? detectDetail(doc, url), null),
  badgeMount: (doc, detected) =>
    safely((): BadgeMount | null => {
      if (detected.page === 'player') {
        const player = livePlayer(doc);
        if (!player) return null;
        return { container: first(player.root, selectors.playerContainer) ?? player.root, placement: 'player' };
      }
      const heading = firstWithText(doc, selectors.detailTitle)?.el.closest(selectors.titleHeading.join(', '));
      // A detail page read from its tab title alone has no heading to sit beside.
      const container = heading?.parentElement;
      return container ? { container, placement: 'inline' } : null;
    }, null),
  video: (doc) => safely(() => livePlayer(doc)?.video ?? null, null),
  player: (doc) => safely(() => livePlayer(doc)?.root ?? null, null),
  signals: (doc, url) =>
    signalReports([
      ['player', () => livePlayer(doc)?.heading],
      ['detail', () => isDetailPage(url) && firstWithText(doc, selectors.detailTitle)],
      ['tab-title', () => tabTitle(doc, TAB_TITLES)],
      ['url-id', () => serviceIdFromUrl(url)],
    ]),
  creditsRolling: (doc) =>
    safely(() => {
      const player = livePlayer(doc);
      return player !== null && all(player.root, selectors.creditsCard).some((el) => isShown(el, player.root));
    }, false),
  watchCreditsControl: (doc) =>
    safely(() => {
      const player = livePlayer(doc);
      return player ? shownControl(player.root, selectors.watchCredits, (el) => isShown(el, player.root)) : null;
    }, null),
};
