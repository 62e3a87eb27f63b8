/**
 * Netflix, on www.netflix.com (and the regional hosts that serve or redirect to it).
 *
 * Facts and their sources: docs/research/streaming-detection.md §3 (short names UTS, SE, PreMiD, NCO, TP as listed
 * in its §0), §11 and §12. Netflix navigates with pushState: starting playback and auto-advancing change the /watch/
 * id, so the URL says which page kind this is, and `detect` reads the DOM as it is now.
 *
 * Sources, most reliable first (research §3.2, §12.1): the player's own metadata in the page world
 * (`netflix.appContext.state.playerApp.getState().videoPlayer.videoMetadata[<id>]._metadata.video`, the same shape
 * as the metadata API: title, type "show"/"movie", year, creditsOffset, seasons/episodes), read by
 * `readNetflixPage` in entrypoints/netflix-page.content.ts and passed over through lib/sites/page-data.ts; then the
 * player DOM, which Netflix unmounts while the controls are hidden. The metadata API itself is never fetched: nothing
 * the extension does makes a request.
 */
import { capLength, cleanTitle, normalizePageText, parseRuntime, parseYear } from '../core/clean-title';
import { all, first, clip, textOf, firstWithText, compact, safely, isShown, shownControl, signalReports, titleOfForms, yearAndRuntime } from './dom';
import { pathOf, readPageData, type PageData } from './page-data';
import type { BadgeMount, DetectedTitle, SiteAdapter } from './types';

/**
 * Every Netflix selector, and the only place they live. Alternatives are tried in order; each names where it was
 * seen. Netflix's hashed "ltr-…" classes change often and are never used.
 */
export const selectors = {
  /** Player subtree; stays rendered in fullscreen (language-learning extension mounts here; TP reads its state). */
  watchVideo: ['.watch-video'],
  /** The content video: NCO inserts its canvas right after `div[data-uia="video-canvas"] video` (2026-08). */
  video: ['[data-uia="video-canvas"] video'],
  /**
   * Player title: movie = the title text only; episode = <h4> show name + <span>s "S1:E3" / episode title
   * (PreMiD-old ≤2024-05, SE netflix.ts 2026). Unmounted while the controls are hidden and when the credits buttons
   * appear (research §3.2 pitfall).
   */
  videoTitle: ['[data-uia="video-title"]'],
  /** Show name inside `videoTitle` (episodes). */
  showName: ['h4'],
  /** Episode line parts inside `videoTitle`: their presence is the episode signal, whatever the language. */
  episodeParts: ['span'],
  /** End-of-title UI: the credits roll (SE since 2022-08; leaper/EndlessFlix; postplay from live-test notes 2026). */
  creditsUi: [
    '[data-uia="watch-credits-seamless-button"]',
    '[data-uia="next-episode-seamless-button"]',
    '[data-uia="next-episode-seamless-button-draining"]',
    '[data-uia^="postplay-"]',
  ],
  /** "Watch credits": dismisses the next-episode / autoplay countdown and keeps the credits playing (SE). */
  watchCredits: ['[data-uia="watch-credits-seamless-button"]'],
  /**
   * The open details modal (browse?jbv=<id>, member /title/<id>) or the logged-out title page's info block. Hover
   * "mini-modal" previews share the modal's inner classes, so only the detail modal counts.
   */
  detailRoot: [
    // The 2026 details modal (/browse?jbv=<id>, where /title/<id> now redirects): issue #13; public extension code
    // of 2026 scopes every title read inside it, because the browse page behind it promotes other titles.
    '[data-uia="modal-motion-container-DETAIL_MODAL"]',
    '.previewModal--wrapper.detail-modal',
    '[data-uia="title-info"]',
  ],
  detailTitle: [
    // The 2026 modal's story art: its alt is the title (issue #13; public extension code of 2026).
    'img.playerModel--player__storyArt[alt]',
    // Title treatment artwork in the details modal: its alt carries the title (pt-BR DOM copy ~2021-11; scrapers).
    'img.previewModal--player-titleTreatment-logo[alt]',
    // Logged-out title page heading (public scrapers and userscripts, 2024-2026).
    'h1[data-uia="title-info-title"]',
  ],
  /** "2010" (modal `.videoMetadata--second-line .year`; logged-out `item-year`). */
  detailYear: ['.videoMetadata--second-line .year', '[data-uia="item-year"]'],
  /** The 2026 modal's metadata block: year and running time among short items, read by shape (issue #13). */
  detailMetadata: ['[data-uia="previewModal--detailsMetadata"]'],
  /** Running time for films ("1h 43m", "1 Std. 43 Min."), a season count for series ("5 Temporadas"). */
  detailDuration: ['.videoMetadata--second-line .duration', '[data-uia="item-runtime"]'],
  /** Series structure in the modal: episode line "T4:E23 …" (pt-BR copy) and the episode selector. */
  seriesMarker: ['.previewModal-episodeDetails', '.episodeSelector'],
  /** Structured data on full-load /title/ pages (@type Movie / TVSeries; public scrapers). */
  jsonLd: ['script[type="application/ld+json"]'],
  /** Server-rendered title of a full-load /title/ page ("Never Let Me Go | Netflix"). */
  metaTitle: ['meta[property="og:title"]'],
} as const;

/** netflix.com plus the regional hosts SE lists (research §3.1); match patterns cannot wildcard a TLD. */
const HOSTS = ['netflix.com', 'netflix.ca', 'netflix.com.au'] as const;

function isNetflixHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  // Only the site itself: help.netflix.com and other subdomains have their own /title/-like paths.
  return HOSTS.some((d) => host === d || host === `www.${d}`);
}

/** The path without a locale prefix ("/de/", "/de-en/", "/gb/"): logged-out pages carry one. */
function contentPath(url: URL): string {
  return url.pathname.replace(/^\/[a-z]{2}(?:-[a-z]{2})?(?=\/)/i, '');
}

type PageKind = 'player' | 'detail' | null;

function pageKind(url: URL): PageKind {
  if (!isNetflixHost(url.hostname)) return null;
  const path = contentPath(url);
  if (/^\/watch\/\d+\/?$/.test(path)) return 'player';
  if (/^\/title\/\d+\/?$/.test(path)) return 'detail';
  if (/^\/browse(?:\/|$)/.test(path) && /^\d+$/.test(url.searchParams.get('jbv') ?? '')) return 'detail';
  return null;
}

/** The /watch/ id (a film or an episode id), the /title/ id or the modal's jbv id. */
function serviceIdFromUrl(url: URL): string | undefined {
  const jbv = url.searchParams.get('jbv');
  if (jbv && /^\d+$/.test(jbv)) return jbv;
  return /^\/(?:watch|title)\/(\d+)/.exec(contentPath(url))?.[1];
}

function playerRoot(doc: Document): Element | null {
  return first(doc, selectors.watchVideo);
}

function contentVideo(doc: Document): HTMLVideoElement | null {
  const root = playerRoot(doc);
  if (!root) return null;
  const el = first(root, selectors.video);
  return el?.tagName === 'VIDEO' ? (el as HTMLVideoElement) : null;
}

/** Text of the element's own text nodes (a movie title written straight into `video-title`). */
function ownText(el: Element): string {
  return clip(
    Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join(' '),
  );
}

/** The playing title from the player's title block. Structure decides the kind: spans = episode (any language). */
/** The page world's metadata for the /watch/ id on screen (never another title's left over from autoplay). */
function detectFromPage(page: PageData | null, url: URL): DetectedTitle | null {
  if (!page?.title || !page.kind || page.serviceId === undefined || page.serviceId !== serviceIdFromUrl(url)) return null;
  const title = cleanTitle(page.title);
  if (!title) return null;
  if (page.kind === 'episode') return compact({ page: 'player', kind: 'episode', title, rawTitle: page.title, episodeLine: page.subtitle, signal: 'page-data' });
  return compact({ page: 'player', kind: 'movie', title, rawTitle: page.title, year: page.year, serviceId: page.serviceId, signal: 'page-data' });
}

function detectPlayer(doc: Document, url: URL): DetectedTitle | null {
  const root = playerRoot(doc);
  if (!root) return null;
  const fromPage = detectFromPage(readPageData(doc), url);
  if (fromPage) return fromPage;
  const block = firstWithText(root, selectors.videoTitle)?.el;
  if (!block) return null;
  const parts = all(block, selectors.episodeParts)
    .map(textOf)
    .filter((t) => normalizePageText(t));
  const show = firstWithText(block, selectors.showName)?.text;
  if (parts.length > 0) {
    const rawTitle = show ?? ownText(block);
    const title = cleanTitle(rawTitle);
    if (!title) return null;
    return { page: 'player', kind: 'episode', title, rawTitle, episodeLine: clip(parts.join(' ')), signal: 'player' };
  }
  const rawTitle = show ?? textOf(block);
  const title = cleanTitle(rawTitle);
  if (!title) return null;
  // The player shows no year or runtime; the /watch/ id of a film is its title id.
  return compact({ page: 'player', kind: 'movie', title, rawTitle, serviceId: serviceIdFromUrl(url), signal: 'player' });
}

interface LdInfo {
  series: boolean | undefined;
  name: string | undefined;
}

/** @type and name from the page's JSON-LD (capped; malformed JSON is ignored). */
function readJsonLd(doc: Document): LdInfo {
  for (const el of all(doc, selectors.jsonLd)) {
    let data: unknown;
    try {
      data = JSON.parse(capLength(el.textContent ?? '', 20_000));
    } catch {
      continue;
    }
    const items: unknown[] = Array.isArray(data) ? data : [data];
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const rec = item as Record<string, unknown>;
      const type = ([] as unknown[]).concat(rec['@type']).map(String).join(',');
      const series = /TVSeries|TVSeason/i.test(type) ? true : /Movie/i.test(type) ? false : undefined;
      if (series === undefined) continue;
      return { series, name: typeof rec.name === 'string' ? clip(rec.name) : undefined };
    }
  }
  return { series: undefined, name: undefined };
}

/**
 * Netflix's tab titles: "The Wolf of Wall Street - Netflix", "Never Let Me Go | Netflix", "Watch Never Let Me Go |
 * Netflix Official Site", and a bare "Watch The Wolf of Wall Street" (issue #13: each was read whole before).
 */
const TAB_TITLES: readonly RegExp[] = [
  /^(?:Watch\s+)?(.+?)(?:\s+ansehen)?\s+[-–—|｜]\s+Netflix\b.*$/i,
  /^Watch\s+(.+)$/i,
];
/** Tab titles of Netflix's own pages, never a title's: "Home - Netflix", "My List - Netflix"… */
const HUB_TITLES = /^(?:netflix|home|browse|tv shows|movies|new (?:&|and) popular|my list|games|search|kids|browse by languages|account)$/i;

/** A title from a tab title or og:title of one of Netflix's forms (the service's words taken off), else undefined. */
function titleOfForm(text: string): string | undefined {
  // Only the first form that matches counts: a hub page's title is no film's, whatever a later form would read.
  const title = titleOfForms(text, TAB_TITLES);
  return title && !HUB_TITLES.test(normalizePageText(title)) ? title : undefined;
}

function titleFromTab(doc: Document): string | undefined {
  return titleOfForm(clip(doc.title));
}

/** JSON-LD's name, then og:title, on full-load /title/ pages. */
function titleFromHead(doc: Document, ld: LdInfo): string | undefined {
  if (ld.name && normalizePageText(ld.name)) return ld.name;
  return titleOfForm(clip(first(doc, selectors.metaTitle)?.getAttribute('content')));
}

/** The open details modal (or logged-out info block) and its title, if one is on the page. */
function detailModal(doc: Document): { root: Element; found: { el: Element; text: string } } | null {
  for (const root of all(doc, selectors.detailRoot)) {
    const found = firstWithText(root, selectors.detailTitle);
    if (found) return { root, found };
  }
  return null;
}

/** Year and running time from the modal: the older year/duration slots, else the 2026 metadata block by shape. */
function modalFacts(root: Element, series: boolean): { year?: number; runtime?: number } {
  const yearEl = first(root, selectors.detailYear);
  const durationEl = first(root, selectors.detailDuration);
  const block = first(root, selectors.detailMetadata);
  const shaped = block ? yearAndRuntime(Array.from(block.querySelectorAll('*'))) : {};
  return {
    year: (yearEl ? parseYear(textOf(yearEl)) : undefined) ?? shaped.year,
    // For series the same slot holds a season count ("2 Staffeln"), never a runtime.
    runtime: series ? undefined : ((durationEl ? parseRuntime(textOf(durationEl)) : undefined) ?? shaped.runtime),
  };
}

/**
 * The title the details modal (browse?jbv=, where /title/<id> now redirects) or a full-load /title/ page describes:
 * the modal's title art, then JSON-LD / og:title (full loads), then the tab title.
 */
function detectDetail(doc: Document, url: URL): DetectedTitle | null {
  const ld = readJsonLd(doc);
  const modal = detailModal(doc);
  const onTitlePage = /^\/title\//.test(contentPath(url));
  // Head fallbacks: JSON-LD on full-load /title/ pages only (on /browse the head keeps describing the browse page);
  // the tab title wherever it has a title's form, which the browse page's never has.
  const fromHead = onTitlePage ? titleFromHead(doc, ld) : undefined;
  const fromTab = modal || fromHead ? undefined : titleFromTab(doc);
  const rawTitle = modal?.found.text ?? fromHead ?? fromTab;
  if (!rawTitle) return null;
  const title = cleanTitle(rawTitle);
  if (!title) return null;
  const root = modal?.root ?? null;
  const series = (root !== null && first(root, selectors.seriesMarker) !== null) || ld.series === true;
  const facts = root ? modalFacts(root, series) : {};
  return compact({
    page: 'detail',
    kind: series ? 'series' : 'movie',
    title,
    rawTitle,
    year: facts.year,
    runtime: facts.runtime,
    serviceId: serviceIdFromUrl(url),
    signal: modal ? 'detail' : fromHead ? 'json-ld' : 'tab-title',
  });
}

function detect(doc: Document, url: URL): DetectedTitle | null {
  const kind = pageKind(url);
  if (kind === 'player') return detectPlayer(doc, url);
  if (kind === 'detail') return detectDetail(doc, url);
  return null;
}

/** Bounds on what the page-world reader walks (a show has far fewer seasons and episodes). */
const MAX_SEASONS = 100;
const MAX_EPISODES = 500;

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Runs in the page's world (entrypoints/netflix-page.content.ts): the player's metadata for the /watch/ id in the
 * address bar. A film gives its title, year and `creditsOffset` (seconds); an episode id gives its show's title, the
 * episode line "S1:E3 <title>" and the episode's own `creditsOffset`. Anything missing or oddly typed is left out.
 */
export function readNetflixPage(win: Window): PageData | null {
  const id = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?watch\/(\d+)/i.exec(win.location.pathname)?.[1];
  if (!id) return null;
  const playerApp = pathOf(win, 'netflix', 'appContext', 'state', 'playerApp');
  const getState = pathOf(playerApp, 'getState');
  if (typeof getState !== 'function') return null;
  const state: unknown = getState.call(playerApp);
  // The entry carries the metadata API's `video` under `_metadata.video` or, in newer builds, `_video._video`
  // (issue #13; a public page-world reader of 2026 reads `meta._video._video`).
  const entry = pathOf(state, 'videoPlayer', 'videoMetadata', id);
  const video = pathOf(entry, '_metadata', 'video') ?? pathOf(entry, '_video', '_video');
  const title = pathOf(video, 'title');
  const type = pathOf(video, 'type');
  if (typeof title !== 'string') return null;
  if (type === 'movie') {
    const year = pathOf(video, 'year');
    return { title, kind: 'movie', year: typeof year === 'number' ? year : undefined, serviceId: id, creditsStart: seconds(pathOf(video, 'creditsOffset')) };
  }
  if (type !== 'show') return null;
  const seasons = pathOf(video, 'seasons');
  for (const season of Array.isArray(seasons) ? seasons.slice(0, MAX_SEASONS) : []) {
    const episodes = pathOf(season, 'episodes');
    for (const episode of Array.isArray(episodes) ? episodes.slice(0, MAX_EPISODES) : []) {
      const episodeId = pathOf(episode, 'episodeId') ?? pathOf(episode, 'id');
      if (String(episodeId) !== id) continue;
      const seq = [pathOf(season, 'seq'), pathOf(episode, 'seq')];
      const name = pathOf(episode, 'title');
      const line = seq.every((n) => typeof n === 'number') ? `S${String(seq[0])}:E${String(seq[1])}` : '';
      return { title, kind: 'episode', subtitle: [line, typeof name === 'string' ? name : ''].join(' ').trim(), serviceId: id, creditsStart: seconds(pathOf(episode, 'creditsOffset')) };
    }
  }
  // An episode id whose episode is not listed: still an episode of this show.
  return { title, kind: 'episode', serviceId: id };
}

export const netflix: SiteAdapter = {
  id: 'netflix',
  name: 'Netflix',
  matches: HOSTS.map((d) => `*://*.${d}/*`),
  isTitlePage: (url) => safely(() => pageKind(url) !== null, false),
  detect: (doc, url) => safely(() => detect(doc, url), null),
  badgeMount: (doc, detected) =>
    safely((): BadgeMount | null => {
      if (detected.page === 'player') {
        // Netflix fullscreens its app root: `.watch-video` is inside it (research §3.4).
        const root = playerRoot(doc);
        return root ? { container: root, placement: 'player' } : null;
      }
      const container = detailModal(doc)?.found.el.parentElement;
      return container ? { container, placement: 'inline' } : null;
    }, null),
  video: (doc) => safely(() => contentVideo(doc), null),
  player: (doc) => safely(() => (contentVideo(doc) ? playerRoot(doc) : null), null),
  signals: (doc, url) =>
    signalReports([
      ['page-data', () => pageKind(url) === 'player' && detectFromPage(readPageData(doc), url)],
      ['player', () => { const root = playerRoot(doc); return root && firstWithText(root, selectors.videoTitle); }],
      ['detail', () => detailModal(doc)],
      ['json-ld', () => readJsonLd(doc).name],
      ['tab-title', () => titleFromTab(doc)],
      ['url-id', () => serviceIdFromUrl(url)],
    ]),
  creditsRolling: (doc) =>
    safely(() => {
      const root = playerRoot(doc);
      return root !== null && all(root, selectors.creditsUi).some((el) => isShown(el, root));
    }, false),
  watchCreditsControl: (doc) =>
    safely(() => {
      const root = playerRoot(doc);
      return root ? shownControl(root, selectors.watchCredits, (el) => isShown(el, root)) : null;
    }, null),
};
