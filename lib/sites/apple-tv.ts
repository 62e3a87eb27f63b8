/**
 * Apple TV+ (the Apple TV web app) on tv.apple.com. Detail pages /<cc>/movie/<slug>/umc.cmc.<id>,
 * /<cc>/episode/<slug>/umc.cmc.<id> (links may add ?showId=) and /<cc>/show/<slug>/umc.cmc.<id>; /clip/ (trailers,
 * extras) and /sporting-event/ (live sport) are never read.
 *
 * Facts and their sources: docs/research/streaming-detection.md §7 (UTS `AppleTvParser.ts`, PR #489 2026-08;
 * PreMiD 2025-06 and PreMiD-old; TP 5.4.3), §11 and §12. The player is an OVERLAY: started from a home shelf it
 * leaves the URL at the locale root (https://tv.apple.com/us), and autoplay switches the item with no URL change.
 * So every tv.apple.com page (except the two excluded kinds) counts as a title page, `detect` reads the overlay
 * player first, from the DOM as it is now (the runtime calls it again on every mutation, so an in-place switch is
 * seen), and reads the detail page under it only when no player is open. Page metadata (`apple:*` meta and JSON-LD,
 * the "json-ld" signal) is trusted only when
 * `apple:content_id` equals the URL's id (the head can lag an in-app navigation), and a player title takes year,
 * runtime and id from the page only when it is the page's own film (UTS does the same cross-check).
 *
 * DOM only, on purpose for now. The stronger source is page-world: `MusicKit.getInstance()` holds the now-playing
 * item's ids and its skip map (TP), which needs a MAIN-world script and is left for later (research §7, §11.1).
 *
 * Credits: the research documents no Apple TV DOM element for the end of a title (no up-next or watch-credits
 * control; `.skip-intro__button` is the intro). The only marker is MusicKit's skip map in the page world.
 * `creditsRolling` therefore always returns false and the shared runtime's near-end fallback covers Apple TV+.
 */
import { capLength, cleanTitle, normalizePageText, parseEpisodeLine, parseYear } from '../core/clean-title';
import { all, first, clip, firstWithText, compact, safely, isShown, signalReports, type SelectorList } from './dom';
import type { BadgeMount, DetectedTitle, SiteAdapter } from './types';

/** Every Apple TV selector, and the only place they live. Alternatives are tried in order; each names its source. */
export const selectors = {
  /**
   * Player roots: the overlay (UTS 2026-08, present while the long-form player is open), then TP's main wrapper,
   * the root the older markup below is read in. Both stay rendered in fullscreen.
   */
  player: ['[data-testid="video-player"]', '[data-testid="video-player-content"]'],
  /** Where the badge goes inside the overlay: TP's main player wrapper (research §7, §12.5). */
  playerContent: ['[data-testid="video-player-content"]'],
  /**
   * The content video: UTS tracks only `[data-testid="video-container"] video` (promo videos elsewhere on the site
   * are ignored); inside an older player root any video is its own. Outside a player root only the first counts.
   */
  video: ['[data-testid="video-container"] video', 'video'],
  /** Film title or show name: UTS 2026-08, then PreMiD 2025-06 (`.video-metadata`), then PreMiD-old. */
  playerTitle: ['[data-testid="player-metadata-title"]', '.video-metadata .title', '#video-player-title'],
  /** Second line, "S1, E3 · <episode title>" for episodes (UTS); PreMiD 2025-06, then PreMiD-old / TP. */
  playerSubtitle: [
    '[data-testid="player-metadata-subtitle"]',
    '.video-metadata .subtitle-text',
    '.scrim-footer__info-subtitle-text',
  ],
  /** Server-rendered page metadata (UTS): the page's id (trusted only when it equals the URL's id), its title. */
  metaContentId: ['meta[name="apple:content_id"]'],
  /** Film or show name; the episode's own title on /episode/ pages (UTS). */
  metaTitle: ['meta[name="apple:title"]'],
  /** "2010-09-15": the film's year (UTS). */
  metaReleaseDate: ['meta[property="og:video:release_date"]'],
  /** Movie / Episode JSON-LD, possibly inside `@graph` (UTS). */
  jsonLd: ['script[type="application/ld+json"]'],
  /** The detail page's header (UTS reads episode pages' headers); the badge goes inline in it. */
  pageHeader: ['.page-header'],
  /** Show link in an episode page's header: the show name when JSON-LD has none (UTS). */
  headerShowLink: ['.page-header a[href*="/show/"]'],
  /** The episode title in an episode page's header, when `apple:title` is missing (UTS). */
  headerEpisodeTitle: ['.page-header .episode-title'],
} as const;

const HOST = 'tv.apple.com';
/** Trailers and extras (/clip/) and live sport (/sporting-event/): never a film to badge (UTS PR #489). */
const EXCLUDED_PATH = /(?:^|\/)(?:clip|sporting-event)(?:\/|$)/i;
/** /<cc>/movie|episode|show/<slug>/umc.cmc.<id>; the slug may be percent-encoded ("/tw/episode/%E8%A9%A6…/"). */
const ROUTE = /^\/(?:[a-z]{2}\/)?(movie|episode|show)\/[^/]{1,300}\/(umc\.cmc\.[a-z0-9]{1,64})\/?$/i;

type RouteType = 'movie' | 'episode' | 'show';

interface Route {
  type: RouteType;
  id: string;
}

function isAppleTvHost(url: URL): boolean {
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.toLowerCase() === HOST;
}

/** Any tv.apple.com page can host the overlay player (the locale root included), except the excluded kinds. */
function isTitlePage(url: URL): boolean {
  return isAppleTvHost(url) && !EXCLUDED_PATH.test(url.pathname);
}

function routeOf(url: URL): Route | null {
  if (!isTitlePage(url)) return null;
  const m = ROUTE.exec(url.pathname);
  if (!m?.[1] || !m[2]) return null;
  return { type: m[1].toLowerCase() as RouteType, id: m[2].toLowerCase() };
}

function metaContent(doc: Document, list: SelectorList): string {
  return clip(first(doc, list)?.getAttribute('content'));
}

interface Player {
  root: Element;
  video: HTMLVideoElement;
}

/**
 * The open player: a shown root with a content video, its own or the documented `video-container` one (the
 * research does not say whether that container sits inside the overlay root). Promo videos never qualify.
 */
function livePlayer(doc: Document): Player | null {
  const documented = all(doc, selectors.video.slice(0, 1)).find((el) => el.tagName === 'VIDEO');
  for (const root of all(doc, selectors.player)) {
    if (!isShown(root)) continue;
    const video = all(root, selectors.video).find((el) => el.tagName === 'VIDEO') ?? documented;
    if (video) return { root, video: video as HTMLVideoElement };
  }
  return null;
}

/** UTS's title comparison: case and punctuation do not matter. */
function sameTitle(a: string, b: string): boolean {
  const norm = (s: string): string =>
    normalizePageText(s)
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const x = norm(a);
  return x !== '' && x === norm(b);
}

/**
 * Apple's compact season/episode prefix by shape, whatever the UI language: a short label and a number, a
 * separator, a short label and a number ("S1, E3", "S1 · E3", "S1, F3", "T1, E3").
 */
const SEASON_EPISODE_SHAPE = /^\p{L}{1,3}\.?\s?\d{1,3}\s*[,·•:]\s*\p{L}{1,3}\.?\s?\d{1,4}(?!\d)/u;

/** Whether a player line names a season and episode: Apple's shape, or any shape the shared parser knows. */
function isEpisodeLine(text: string): boolean {
  const s = normalizePageText(text, 200);
  return SEASON_EPISODE_SHAPE.test(s) || parseEpisodeLine(s.replace(/[·•]/g, ',')) !== null;
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function numberOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** "2010-09-15", "2010" → 2010 (only a leading four-digit year). */
function yearOf(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^\s*(\d{4})(?:$|[-T\s])/.exec(v.slice(0, 40)) : null;
  return m?.[1] ? parseYear(m[1]) : undefined;
}

/** schema.org ISO 8601 duration ("PT1H43M", "PT103M") → minutes. */
function minutesOf(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const iso = /^P(?:0D)?T(?:(\d{1,2})H)?(?:(\d{1,4})M)?(?:(\d{1,6})S)?$/i.exec(v.slice(0, 40).trim());
  if (!iso) return undefined;
  const minutes = Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0) + Math.round(Number(iso[3] ?? 0) / 60);
  return minutes > 0 && minutes <= 1000 ? minutes : undefined;
}

const LD_TYPES: Readonly<Record<RouteType, RegExp>> = {
  movie: /(^|,)Movie(,|$)/i,
  episode: /(^|,)(TVEpisode|Episode)(,|$)/i,
  show: /(^|,)(TVSeries|TVSeason)(,|$)/i,
};
/** Longest JSON-LD block read; a title's block is far shorter, and a longer one is skipped, not cut. */
const MAX_LD_LENGTH = 50_000;

/** Whether a JSON-LD `url` names exactly this id as one path segment (UTS). */
function urlNamesId(value: unknown, id: string): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value.slice(0, 2000), `https://${HOST}`).pathname.toLowerCase().split('/').includes(id);
  } catch {
    return false;
  }
}

/**
 * The JSON-LD item of the route's type that describes this page: its `url` names the route id, or it has no `url`
 * (the page's `apple:content_id` was already checked). `@graph` lists are searched too (UTS).
 */
function ldItem(doc: Document, route: Route): Record<string, unknown> | null {
  for (const el of all(doc, selectors.jsonLd)) {
    const raw = el.textContent ?? '';
    if (raw.length > MAX_LD_LENGTH) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const roots: unknown[] = Array.isArray(data) ? data.slice(0, 50) : [data];
    for (const root of roots) {
      const rec = record(root);
      if (!rec) continue;
      const graph = Array.isArray(rec['@graph']) ? rec['@graph'].slice(0, 50) : [];
      for (const item of [rec, ...graph]) {
        const it = record(item);
        if (!it) continue;
        const type = ([] as unknown[]).concat(it['@type']).filter((t) => typeof t === 'string').join(',');
        if (!LD_TYPES[route.type].test(type)) continue;
        if (it.url === undefined || urlNamesId(it.url, route.id)) return it;
      }
    }
  }
  return null;
}

/** What a validated detail page says about its title. */
interface PageFacts {
  route: Route;
  /** Film name (movie), show name (show, episode). */
  name: string;
  year?: number;
  runtime?: number;
  /** Episodes: "S1, E2 · Biscuits", built from JSON-LD and the episode title. */
  episodeLine?: string;
}

function episodeFacts(doc: Document, ld: Record<string, unknown> | null): { name: string; line?: string } | null {
  const episodeTitle =
    metaContent(doc, selectors.metaTitle) || (firstWithText(doc, selectors.headerEpisodeTitle)?.text ?? '');
  const ldName = clip(ld?.name);
  // "Show - Episode title" as a JSON-LD name (UTS's last fallback for the show name).
  const suffix = episodeTitle ? ` - ${episodeTitle}` : '';
  const fromLdName = suffix && ldName.endsWith(suffix) ? ldName.slice(0, -suffix.length).trim() : '';
  const name =
    clip(record(ld?.partOfSeries)?.name) || (firstWithText(doc, selectors.headerShowLink)?.text ?? '') || fromLdName;
  if (!normalizePageText(name)) return null;
  const seasonValue = record(ld?.partOfSeason)?.seasonNumber ?? ld?.partOfSeason;
  const season = numberOf(seasonValue);
  const episode = numberOf(ld?.episodeNumber);
  const numbers = season !== undefined && episode !== undefined ? `S${season}, E${episode}` : '';
  const line = [numbers, episodeTitle].filter(Boolean).join(' · ');
  return { name, line: line ? capLength(line) : undefined };
}

/** The detail page under the URL, or null when the URL is no title route or the head describes another page. */
function pageFacts(doc: Document, url: URL): PageFacts | null {
  const route = routeOf(url);
  if (!route) return null;
  if (metaContent(doc, selectors.metaContentId).toLowerCase() !== route.id) return null;
  const ld = ldItem(doc, route);
  if (route.type === 'episode') {
    const ep = episodeFacts(doc, ld);
    return ep ? { route, name: ep.name, episodeLine: ep.line } : null;
  }
  const name = metaContent(doc, selectors.metaTitle) || clip(ld?.name);
  if (!normalizePageText(name)) return null;
  if (route.type === 'show') return { route, name };
  return {
    route,
    name,
    year: yearOf(metaContent(doc, selectors.metaReleaseDate)) ?? yearOf(ld?.datePublished) ?? yearOf(ld?.dateCreated),
    runtime: minutesOf(ld?.duration),
  };
}

/**
 * The playing item from the overlay. Structure decides the kind: a season/episode line in the subtitle (or in the
 * title, with the show in the subtitle: UTS reads both ways), or, on a show or episode page, a player title equal
 * to the page's show name. A film takes year, runtime and id from the page only when it is the page's own film.
 */
function detectPlayer(doc: Document, url: URL, player: Player): DetectedTitle | null {
  const found = firstWithText(player.root, selectors.playerTitle);
  if (!found) return null;
  const subtitle = firstWithText(player.root, selectors.playerSubtitle)?.text;
  const page = pageFacts(doc, url);
  let show: string | undefined;
  let line: string | undefined;
  if (subtitle !== undefined && isEpisodeLine(subtitle)) {
    show = found.text;
    line = subtitle;
  } else if (isEpisodeLine(found.text)) {
    show = subtitle ?? found.text;
    line = found.text;
  } else if (page && page.route.type !== 'movie' && sameTitle(found.text, page.name)) {
    show = found.text;
    line = subtitle;
  }
  if (show !== undefined) {
    const title = cleanTitle(show);
    return title ? compact({ page: 'player', kind: 'episode', title, rawTitle: show, episodeLine: line, signal: 'player' }) : null;
  }
  const title = cleanTitle(found.text);
  if (!title) return null;
  const own = page?.route.type === 'movie' && sameTitle(found.text, page.name) ? page : undefined;
  return compact({
    page: 'player',
    kind: 'movie',
    title,
    rawTitle: found.text,
    year: own?.year,
    runtime: own?.runtime,
    serviceId: own?.route.id,
    signal: 'player',
  });
}

function detectDetail(doc: Document, url: URL): DetectedTitle | null {
  const page = pageFacts(doc, url);
  if (!page) return null;
  const title = cleanTitle(page.name);
  if (!title) return null;
  const kind = page.route.type === 'show' ? 'series' : page.route.type;
  return compact({
    page: 'detail',
    kind,
    title,
    rawTitle: page.name,
    year: page.year,
    runtime: page.runtime,
    serviceId: page.route.id,
    episodeLine: page.episodeLine,
    signal: 'json-ld',
  });
}

/** The overlay first (it may sit over any page, the locale root included); the detail page only without one. */
function detect(doc: Document, url: URL): DetectedTitle | null {
  if (!isTitlePage(url)) return null;
  const player = livePlayer(doc);
  return player ? detectPlayer(doc, url, player) : detectDetail(doc, url);
}

export const appleTv: SiteAdapter = {
  id: 'apple-tv',
  name: 'Apple TV+',
  matches: ['*://tv.apple.com/*'],
  isTitlePage: (url) => safely(() => isTitlePage(url), false),
  detect: (doc, url) => safely(() => detect(doc, url), null),
  badgeMount: (doc, detected) =>
    safely((): BadgeMount | null => {
      if (detected.page === 'player') {
        const player = livePlayer(doc);
        if (!player) return null;
        return { container: first(player.root, selectors.playerContent) ?? player.root, placement: 'player' };
      }
      const container = first(doc, selectors.pageHeader);
      return container ? { container, placement: 'inline' } : null;
    }, null),
  video: (doc) => safely(() => livePlayer(doc)?.video ?? null, null),
  player: (doc) => safely(() => livePlayer(doc)?.root ?? null, null),
  signals: (doc, url) =>
    signalReports([
      ['player', () => { const p = livePlayer(doc); return p && firstWithText(p.root, selectors.playerTitle); }],
      ['json-ld', () => pageFacts(doc, url)],
      ['url-id', () => routeOf(url)?.id],
    ]),
  // No documented Apple TV DOM credits signal (see the file comment): the runtime's near-end fallback covers it.
  creditsRolling: () => false,
};
