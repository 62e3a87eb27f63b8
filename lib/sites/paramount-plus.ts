/**
 * Paramount+ (www.paramountplus.com / paramountplus.com, sometimes with a region path such as /gb/). Detail pages
 * /movies/<slug>/<id>/ and /shows/<slug>/; player /movies/video/<contentId>/ and /shows/video/<contentId>/; live TV
 * /live-video/… (never a title).
 *
 * Facts and their sources: docs/research/streaming-detection.md §8 (PreMiD Paramount+ 3.1.1, TP 5.4.3, SE
 * paramount.ts 2025-07-11), §11 and §12. Sources, highest first (issue #13): on a player, the player's
 * `.skin-metadata-manager-header/-body` (it follows autoplay; the JSON-LD the page was served with may not), then
 * the page's JSON-LD (`Movie` / `TVEpisode` with `partOfSeries`; its year and runtime go with the player's title
 * when it names the same), then the tab title; on a detail page, JSON-LD, the heading, the tab title. Tab titles come
 * as "Watch <title> Season 2 Episode 4: … on Paramount+", "<title> | Paramount+", "Watch <title> - Paramount Plus"
 * and German "Schaue dir <title> Staffel 2 Folge 4: … an - Paramount+" (issue #13). Movie vs episode comes from
 * structure: the JSON-LD type, an S/E episode line, else the first path segment (`shows` = episode, `movies` =
 * movie). `detect` reads the page as it is now and is called again on every mutation, so a title change without a
 * URL change is seen.
 */
import { capLength, cleanTitle, normalizePageText, parseEpisodeLine, parseRuntime, parseYear } from '../core/clean-title';
import { all, first, clip, firstWithText, compact, safely, isShown, shownControl, playerWithVideo, sameTitle, signalReports, titleOfForms, type Player } from './dom';
import type { BadgeMount, DetectedTitle, SiteAdapter } from './types';

/** Every Paramount+ selector, and the only place they live. Alternatives are tried in order. */
export const selectors = {
  /** Structured data in the page (PreMiD Paramount+ 3.1.1). */
  jsonLd: ['script[type="application/ld+json"]'],
  /** Player roots: TP mounts its UI in `.aa-player-skin` (stays in fullscreen); PreMiD reads `.video__player-area`. */
  player: ['.aa-player-skin', '.video__player-area'],
  /** The content video; the muted `video.marqueeVideo` preview of movie detail pages is not it (PreMiD). */
  video: ['video:not(.marqueeVideo)'],
  /** Player header: film title or show name (TP). */
  playerHeader: ['.skin-metadata-manager-header'],
  /** Player body: the episode line of an episode (TP). */
  playerBody: ['.skin-metadata-manager-body'],
  /** End card shown while the credits roll: next-up and "watch credits" (close) buttons (SE 2025-07-11). */
  endCard: ['div[class*="end-card-panel-"]'],
  /** The end card's close button: dismisses the card, the credits keep playing ("watch credits", SE). */
  watchCredits: ['div[class*="end-card-panel-"] button#close-btn'],
  /** Detail-page title heading: this fixture set's reconstruction (research documents no detail DOM). */
  detailTitle: ['main h1'],
} as const;

const HOSTS = ['www.paramountplus.com', 'paramountplus.com'] as const;

/** Optional region prefix ("/gb/", "/au/", "/ca/"): two letters, then the app path. */
const REGION = /^\/[a-z]{2}(?=\/)/i;
const CONTENT_ID = '[A-Za-z0-9_-]{6,64}';
const PLAYER_PATH = new RegExp(`^/(movies|shows)/video/(${CONTENT_ID})/?$`);
const MOVIE_DETAIL_PATH = new RegExp(`^/movies/(?!video/)[a-z0-9][a-z0-9-]{0,150}/(${CONTENT_ID})/?$`, 'i');
const SHOW_DETAIL_PATH = /^\/shows\/(?!video\/?$)[a-z0-9][a-z0-9-]{0,150}\/?$/i;

type Route =
  | { page: 'player'; section: 'movies' | 'shows'; id: string }
  | { page: 'detail'; section: 'movies'; id: string }
  | { page: 'detail'; section: 'shows' };

function isHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (url.protocol === 'https:' || url.protocol === 'http:') && HOSTS.some((h) => host === h);
}

/** The app path without the region prefix; "/gb/movies/…" → "/movies/…". */
function appPath(url: URL): string {
  const path = url.pathname;
  const region = REGION.exec(path);
  // "/tv/…" style two-letter app sections do not exist; only strip when what follows is a known section.
  if (region && /^\/(movies|shows|live-video)(\/|$)/.test(path.slice(region[0].length))) {
    return path.slice(region[0].length);
  }
  return path;
}

function routeOf(url: URL): Route | null {
  if (!isHost(url)) return null;
  const path = appPath(url);
  const player = PLAYER_PATH.exec(path);
  if (player?.[2]) return { page: 'player', section: player[1] === 'shows' ? 'shows' : 'movies', id: player[2] };
  const movie = MOVIE_DETAIL_PATH.exec(path);
  if (movie?.[1]) return { page: 'detail', section: 'movies', id: movie[1] };
  if (SHOW_DETAIL_PATH.test(path)) return { page: 'detail', section: 'shows' };
  return null;
}

/** The first player root holding a content <video> (research §12.2: key on what plays). */
function livePlayer(doc: Document): Player | null {
  return playerWithVideo(doc, selectors.player, selectors.video);
}

interface LdTitle {
  type: 'movie' | 'episode' | 'series';
  name: string;
  year?: number;
  runtime?: number;
  episodeLine?: string;
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function numberOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** ISO 8601 duration ("PT1H43M", "PT103M", "PT6180S") → minutes; other shapes go through parseRuntime. */
function minutesOf(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.slice(0, 40).trim();
  const iso = /^P(?:0D)?T(?:(\d{1,2})H)?(?:(\d{1,4})M)?(?:(\d{1,6})S)?$/i.exec(s);
  if (iso) {
    const minutes = Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0) + Math.round(Number(iso[3] ?? 0) / 60);
    return minutes > 0 && minutes <= 1000 ? minutes : undefined;
  }
  return /^P/i.test(s) ? undefined : parseRuntime(s);
}

/** "2010-09-15", "2010" → 2010 (only a leading four-digit year). */
function yearOf(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^\s*(\d{4})(?:$|[-T\s])/.exec(v.slice(0, 40)) : null;
  return m?.[1] ? parseYear(m[1]) : undefined;
}

function typesOf(rec: Record<string, unknown>): string {
  return ([] as unknown[]).concat(rec['@type']).filter((t) => typeof t === 'string').join(',');
}

function ldItem(rec: Record<string, unknown>): LdTitle | null {
  const type = typesOf(rec);
  if (/(^|,)(TVEpisode|Episode)(,|$)/i.test(type)) {
    const series = record(rec.partOfSeries);
    const name = clip(series?.name);
    if (!normalizePageText(name)) return null;
    const season = numberOf(record(rec.partOfSeason)?.seasonNumber);
    const episode = numberOf(rec.episodeNumber);
    const numbers = [season !== undefined ? `S${season}` : '', episode !== undefined ? `E${episode}` : '']
      .filter(Boolean)
      .join(' ');
    const episodeName = clip(rec.name);
    const line = [numbers, episodeName].filter(Boolean).join(numbers && episodeName ? ': ' : '');
    return { type: 'episode', name, episodeLine: line ? capLength(line) : undefined };
  }
  const movie = /(^|,)Movie(,|$)/i.test(type);
  const series = /(^|,)(TVSeries|TVSeason)(,|$)/i.test(type);
  if (!movie && !series) return null;
  const name = clip(rec.name);
  if (!normalizePageText(name)) return null;
  return {
    type: movie ? 'movie' : 'series',
    name,
    year: yearOf(rec.dateCreated) ?? yearOf(rec.datePublished) ?? yearOf(rec.startDate),
    runtime: movie ? minutesOf(rec.duration) : undefined,
  };
}

/** The first Movie / TVEpisode / TVSeries in the page's JSON-LD (capped; malformed JSON is ignored). */
function readJsonLd(doc: Document): LdTitle | null {
  for (const el of all(doc, selectors.jsonLd)) {
    let data: unknown;
    try {
      data = JSON.parse(capLength(el.textContent ?? '', 50_000));
    } catch {
      continue;
    }
    const top: unknown[] = Array.isArray(data) ? data.slice(0, 50) : [data];
    const items = top.flatMap((item) => {
      const graph = record(item)?.['@graph'];
      return Array.isArray(graph) ? [item, ...graph.slice(0, 50)] : [item];
    });
    for (const item of items) {
      const rec = record(item);
      const found = rec ? ldItem(rec) : null;
      if (found) return found;
    }
  }
  return null;
}

const SERVICE = String.raw`Paramount\s*(?:\+|Plus)`;
/**
 * The part of a tab title between Paramount's words: an optional "Watch" / "Schaue dir", then the title (and any
 * episode line), then "on Paramount+", "- Paramount Plus", "| Paramount+" (a German title ends its phrase with "an").
 */
const TAB_TITLE = new RegExp(String.raw`^\s*(?:Watch\s+|Schaue\s+dir\s+)?(.+?)(?:\s+an)?(?:\s+on\s+|\s*[-–—|]\s*)${SERVICE}\s*$`, 'i');
/** Where an episode line starts in it: a season word and a number ("Season 2 Episode 4: …", "Staffel 2 Folge 4: …"). */
const SEASON_AT = /\s(?:Season|Staffel|Saison|Temporada|Stagione)\s+\d/i;
/** The service's own filler after an episode title ("- Full show"). */
const FILLER = /\s+[-–—]\s+Full\s+(?:show|episode|movie)\s*$/i;
const SERVICE_NAME = /^paramount\s*(?:\+|plus)$/i;

/** The title and episode line a tab title gives, or null when it has none of Paramount's forms. */
function tabParts(doc: Document): { raw: string; name: string; episodeLine: string } | null {
  const raw = clip(doc.title);
  const body = titleOfForms(raw, [TAB_TITLE]);
  if (!body || SERVICE_NAME.test(normalizePageText(body))) return null;
  const seasonAt = body.search(SEASON_AT);
  const name = seasonAt > 0 ? body.slice(0, seasonAt) : body;
  const episodeLine = seasonAt > 0 ? capLength(body.slice(seasonAt + 1).replace(FILLER, '')) : '';
  return { raw, name, episodeLine };
}

function fromHead(doc: Document, route: Route): DetectedTitle | null {
  const parts = tabParts(doc);
  const title = parts ? cleanTitle(parts.name) : '';
  if (!parts || !title) return null;
  const episode = parseEpisodeLine(parts.episodeLine) !== null;
  const kind = route.page === 'detail' ? (route.section === 'shows' ? 'series' : 'movie') : episode || route.section === 'shows' ? 'episode' : 'movie';
  return compact({
    page: route.page,
    kind,
    title,
    rawTitle: parts.raw,
    episodeLine: kind === 'episode' && episode ? parts.episodeLine : undefined,
    serviceId: route.section === 'movies' && kind === 'movie' ? route.id : undefined,
    signal: 'tab-title',
  });
}

function fromJsonLd(ld: LdTitle, route: Route): DetectedTitle | null {
  const title = cleanTitle(ld.name);
  if (!title) return null;
  let kind: DetectedTitle['kind'] = ld.type;
  // A detail page describes a film or a series; on a player a series item names no episode: use the path.
  if (route.page === 'detail') kind = route.section === 'shows' ? 'series' : ld.type === 'movie' ? 'movie' : 'series';
  else if (kind === 'series') kind = route.section === 'shows' ? 'episode' : 'movie';
  return compact({
    page: route.page,
    kind,
    title,
    rawTitle: ld.name,
    year: kind === 'episode' ? undefined : ld.year,
    runtime: kind === 'movie' ? ld.runtime : undefined,
    serviceId: route.section === 'movies' && kind === 'movie' ? route.id : undefined,
    episodeLine: kind === 'episode' ? ld.episodeLine : undefined,
    signal: 'json-ld',
  });
}

/** The player header/body (TP): header = film or show, body = episode line of an episode. */
function fromPlayerDom(doc: Document, route: Route): DetectedTitle | null {
  const header = firstWithText(doc, selectors.playerHeader);
  if (!header) return null;
  const title = cleanTitle(header.text);
  if (!title) return null;
  const body = firstWithText(doc, selectors.playerBody)?.text;
  const sePattern = body !== undefined && parseEpisodeLine(body) !== null;
  const episode = sePattern || route.section === 'shows';
  return compact({
    page: 'player',
    kind: episode ? 'episode' : 'movie',
    title,
    rawTitle: header.text,
    episodeLine: episode && body ? capLength(body) : undefined,
    serviceId: episode ? undefined : route.section === 'movies' ? route.id : undefined,
    signal: 'player',
  });
}

function fromDetailDom(doc: Document, route: Route): DetectedTitle | null {
  const found = firstWithText(doc, selectors.detailTitle);
  const title = found ? cleanTitle(found.text) : '';
  if (!found || !title) return null;
  return compact({
    page: 'detail',
    kind: route.section === 'shows' ? 'series' : 'movie',
    title,
    rawTitle: found.text,
    serviceId: route.section === 'movies' && route.page === 'detail' ? route.id : undefined,
    signal: 'detail',
  });
}

/** The player's heading first: the JSON-LD adds its year and runtime only when it names the same film. */
function detectPlayer(doc: Document, route: Route): DetectedTitle | null {
  const ld = readJsonLd(doc);
  const fromLd = ld ? fromJsonLd(ld, route) : null;
  const dom = fromPlayerDom(doc, route);
  if (!dom) return fromLd ?? fromHead(doc, route);
  if (!fromLd || !sameTitle(fromLd.title, dom.title) || fromLd.kind !== dom.kind) return dom;
  return compact({ ...dom, year: fromLd.year, runtime: fromLd.runtime, episodeLine: dom.episodeLine ?? fromLd.episodeLine });
}

function detect(doc: Document, url: URL): DetectedTitle | null {
  const route = routeOf(url);
  if (!route) return null;
  if (route.page === 'player') return detectPlayer(doc, route);
  const ld = readJsonLd(doc);
  return (ld ? fromJsonLd(ld, route) : null) ?? fromDetailDom(doc, route) ?? fromHead(doc, route);
}

function creditsRolling(doc: Document): boolean {
  const player = livePlayer(doc);
  if (!player) return false;
  return all(doc, selectors.endCard).some((el) => isShown(el));
}

export const paramountPlus: SiteAdapter = {
  id: 'paramount-plus',
  name: 'Paramount+',
  matches: ['*://*.paramountplus.com/*'],
  isTitlePage: (url) => safely(() => routeOf(url) !== null, false),
  detect: (doc, url) => safely(() => detect(doc, url), null),
  badgeMount: (doc, detected) =>
    safely((): BadgeMount | null => {
      if (detected.page === 'player') {
        const player = livePlayer(doc);
        return player ? { container: player.root, placement: 'player' } : null;
      }
      const container = first(doc, selectors.detailTitle)?.parentElement;
      return container ? { container, placement: 'inline' } : null;
    }, null),
  video: (doc) => safely(() => livePlayer(doc)?.video ?? null, null),
  player: (doc) => safely(() => livePlayer(doc)?.root ?? null, null),
  signals: (doc, url) =>
    signalReports([
      ['player', () => routeOf(url)?.page === 'player' && firstWithText(doc, selectors.playerHeader)],
      ['json-ld', () => readJsonLd(doc)],
      ['detail', () => routeOf(url)?.page === 'detail' && firstWithText(doc, selectors.detailTitle)],
      ['tab-title', () => tabParts(doc)],
      ['url-id', () => { const r = routeOf(url); return r && 'id' in r ? r.id : undefined; }],
    ]),
  creditsRolling: (doc) => safely(() => creditsRolling(doc), false),
  watchCreditsControl: (doc) => safely(() => (livePlayer(doc) ? shownControl(doc.documentElement, selectors.watchCredits, (el) => isShown(el)) : null), null),
};
