/**
 * Disney+ on www.disneyplus.com (every region: the locale is a path prefix, "/nl-nl/", "/ja-jp/", "/es-419/").
 * Player /play/<uuid> (before 2024 /video/<uuid>); detail /browse/entity-<uuid> (before, /movies/<slug>/<id> and
 * /series/<slug>/<id>).
 *
 * Facts and their sources: docs/research/streaming-detection.md §4 (short names UTS, SE, PreMiD, NCO, TP as listed
 * in its §0), §11 and §12, plus two public saves of the real player DOM (2025-12 and 2026-01, in a public keyboard
 * extension's repository: `#hudson-wrapper` → `disney-web-player` (media client, `video#hivePlayer1` and an empty
 * decoy `<video>`) beside `disney-web-player-ui` (light-DOM `.title-bug-area .title-field` / `.subtitle-field`)).
 *
 * Sources, highest first (research §12.1):
 * 1. Page world: `disney-web-player.mediaPlayer.mediaPlaybackCriteria.metadata` (PreMiD 1.11.0). A content script
 *    cannot see that expando property, so `entrypoints/disney-plus-page.content.ts` runs `readDisneyPage` in the
 *    page's world and publishes the result through lib/sites/page-data.ts; `detect` reads it back with
 *    `readPageData`. Used on player pages only.
 * 2. The player UI, which lives in open shadow roots whose nesting moved three times in 2026 (research §4.2): read
 *    through them with `shadowScopes` (bounded), then the older light-DOM placement.
 * 3. The tab title, "X | Disney+" (PreMiD splits document.title on "|"): on detail pages, and on /play/ when the
 *    page world and the player UI name nothing (issue #13).
 * Detail pages read the title-treatment logo's alt first.
 *
 * Movie vs episode is structure, not language: Disney+ renders a subtitle line only for episodes (UTS: subtitle
 * present ⇒ show; PreMiD: none ⇒ "Watch Movie"), in shapes that differ per locale ("S1:E2 …", "S1: afl. 6 …",
 * "S1：第1話「…」", Polish "S2:O3 …", Czech "Ř22:D10 …"), so any subtitle text makes an episode.
 *
 * Hosts: only disneyplus.com. SE also runs on hotstar.com / starplus.com, but those players share none of this
 * structure (Star+: `[data-gv2elementkey]` controls; JioHotstar: build-hashed classes and other URLs, research §4.3,
 * §10), so they would need adapters of their own.
 */
import { capLength, cleanTitle, MAX_TITLE_LENGTH, normalizePageText, parseRuntime, parseYear } from '../core/clean-title';
import { all, clip, compact, detailDetection, first, safely, signalReports, tabTitle, textOf, type SelectorList } from './dom';
import { pathOf, readPageData, type PageData } from './page-data';
import type { BadgeMount, DetectedTitle, SignalId, SiteAdapter } from './types';

/**
 * Every Disney+ selector, and the only place they live. Alternatives are tried in order; each names where it was
 * seen. Lookups under the player also search its open shadow roots (`shadowScopes`).
 */
export const selectors = {
  /**
   * Player wrappers, outermost first. `#hudson-wrapper` holds both the media client and the player UI (DOM saves
   * 2025-12/2026-01; research §4.4); `disney-web-player` is TP's wrapper and the element the page world reads.
   */
  player: ['#hudson-wrapper', 'disney-web-player'],
  /** The element whose `mediaPlayer` property the page-world reader reads (PreMiD 1.11.0, NCO's MAIN-world script). */
  webPlayer: ['disney-web-player'],
  /** The content video: PreMiD 2026-08 (`#hivePlayer`, `hivePlayer…`), NCO (`.media-element-container > video`). */
  video: ['video#hivePlayer', 'video[id^="hivePlayer"]', '.media-element-container > video'],
  /**
   * Hosts of the *current* title. `title-bug` carries it in its shadow root (NCO 2026-04; inside
   * `main-app-controls-overlay`'s shadow root since SE 2026-07); `.title-bug-area` is the older light-DOM header
   * (UTS #448 2026-01, DOM saves). Never the up-next overlay or the tray: they name *other* episodes.
   */
  titleHost: ['title-bug', '.title-bug-area'],
  /** Film title or show name inside a title host (PreMiD `.title-field.body-copy`, UTS, SE). */
  titleField: ['.title-field'],
  /** Episode line inside a title host ("S1:E2 …"; SE 2026-07 `.subtitle-field span`); absent for films. */
  subtitleField: ['.subtitle-field'],
  /**
   * End-of-title overlay: `up-next-lite-v1`, its button in its shadow root (SE 2026-07; its shadow root holds only
   * a comment until the title ends), and before it `[class^='overlay_upnext']` (SE, older player).
   */
  upNext: ['up-next-lite-v1', "[class^='overlay_upnext']"],
  /** What `up-next-lite-v1` renders once shown (public userscripts 2026: `.up-next-lite-v1-overlay`, its button). */
  upNextContent: ['.up-next-lite-v1-overlay', 'button'],
  /** Detail-page title: the logo image's alt (PreMiD, SE, public extensions 2025-2026). */
  detailTitle: ['[data-testid="details-title-treatment"] img[alt]'],
  /** Detail masthead line: "2025 – 2026 • 2 Seasons • Drama, Animation" (a public extension's sanitized sample). */
  detailMetadata: ['[data-testid="masthead-metadata"]'],
  /** The Episodes tab of an entity page: rendered only for series (PreMiD). */
  seriesMarker: ['#episodes_control'],
} as const;

type Scope = Document | Element | ShadowRoot;

/** How many nested open shadow roots are searched: the title sits three deep (UI → controls overlay → title bug). */
const MAX_SHADOW_DEPTH = 4;
/**
 * At most this many shadow roots per lookup, however many hosts a hostile page renders. A live 2026 player holds
 * 76 open roots (issue #13), more than the 64 this once was: the title bug came after the limit and went unread.
 */
const MAX_SCOPES = 512;

/**
 * `root` plus the open shadow roots below it, level by level, at most `depth` roots deep and MAX_SCOPES in all.
 * Iterative, so a page can neither recurse it nor make it unbounded. Closed roots stay invisible, as they should.
 */
function shadowScopes(root: Scope, depth: number = MAX_SHADOW_DEPTH): Scope[] {
  const scopes: Scope[] = [root];
  let level: Scope[] = [root];
  for (let d = 0; d < depth && level.length > 0; d++) {
    const next: Scope[] = [];
    for (const scope of level) {
      const hosts = Array.from(scope.querySelectorAll('*'));
      // The root itself may be a shadow host (`disney-web-player` of the 2024 player).
      if (scope === root && 'shadowRoot' in root) hosts.unshift(root);
      for (const el of hosts) {
        const shadow = el.shadowRoot;
        if (!shadow || scopes.includes(shadow) || next.includes(shadow)) continue;
        if (scopes.length + next.length >= MAX_SCOPES) break;
        next.push(shadow);
      }
    }
    scopes.push(...next);
    level = next;
  }
  return scopes;
}

/** Matches of `list` in every scope, selector by selector (alternatives keep their order), without duplicates. */
function deepAll(scopes: readonly Scope[], list: SelectorList): Element[] {
  const found: Element[] = [];
  for (const selector of list) {
    for (const scope of scopes) {
      for (const el of Array.from(scope.querySelectorAll(selector))) if (!found.includes(el)) found.push(el);
    }
  }
  return found;
}

function firstWithTextIn(els: readonly Element[]): { el: Element; text: string } | null {
  for (const el of els) {
    const text = textOf(el);
    if (normalizePageText(text)) return { el, text };
  }
  return null;
}

/** The parent in the composed tree: the parent element, or the host when `node` is a shadow root's child. */
function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && 'host' in parent ? (parent as ShadowRoot).host : null;
}

/** Not hidden by attribute or inline style up to `root`, across shadow boundaries (no layout: works in tests). */
function isShown(el: Element, root: Element): boolean {
  let steps = 0;
  for (let node: Element | null = el; node && steps < 200; node = composedParent(node), steps++) {
    if (node.hasAttribute('hidden')) return false;
    const style = (node as Partial<HTMLElement>).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
    if (node === root) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// URLs

const HOSTS = ['disneyplus.com', 'www.disneyplus.com'] as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Optional locale prefix, BCP 47 shaped: "/nl-nl", "/en-gb", "/ja-jp", "/es-419" (research §4.1). */
const LOCALE = '(?:/[a-z]{2,3}(?:-[a-z0-9]{2,4})?)?';
const PLAYER_PATH = new RegExp(`^${LOCALE}/(?:play|video)/(${UUID})/?$`, 'i');
const ENTITY_PATH = new RegExp(`^${LOCALE}/browse/entity-(${UUID})/?$`, 'i');
/** The pre-2024 detail pages: /movies/<slug>/<id>, /series/<slug>/<id> (research §4.1; ids were short base62). */
const LEGACY_DETAIL_PATH = new RegExp(`^${LOCALE}/(movies|series)/[^/]{1,300}/(${UUID}|[A-Za-z0-9]{6,40})/?$`, 'i');

function isDisneyHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (url.protocol === 'https:' || url.protocol === 'http:') && HOSTS.some((h) => host === h);
}

type Route =
  | { kind: 'player'; id: string }
  | { kind: 'detail'; id: string; series: boolean | undefined }
  | null;

function route(url: URL): Route {
  if (!isDisneyHost(url)) return null;
  const player = PLAYER_PATH.exec(url.pathname);
  if (player?.[1]) return { kind: 'player', id: player[1].toLowerCase() };
  const entity = ENTITY_PATH.exec(url.pathname);
  // Entity pages serve films and series alike: the page structure decides.
  if (entity?.[1]) return { kind: 'detail', id: entity[1].toLowerCase(), series: undefined };
  const legacy = LEGACY_DETAIL_PATH.exec(url.pathname);
  if (legacy?.[1] && legacy[2]) return { kind: 'detail', id: legacy[2], series: legacy[1].toLowerCase() === 'series' };
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Page world

/** A string property as the page holds it, capped before anything else looks at it. */
function pageString(value: unknown): string | undefined {
  return typeof value === 'string' ? capLength(value, MAX_TITLE_LENGTH * 2) : undefined;
}

function msToSeconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value / 1000 : undefined;
}

/**
 * Runs in the page's world (entrypoints/disney-plus-page.content.ts): what Disney's player says is playing, from
 * `document.querySelector('disney-web-player').mediaPlayer` — `mediaPlaybackCriteria.metadata.title.text` /
 * `.subtitle.text` (PreMiD since 2026-03) and `timeline.info.playheadPositionMs` / `programDurationMs` (PreMiD
 * since 2026-08; the video element's own clock is not usable on Disney+, research §4.3). A subtitle makes an
 * episode, none a film. Every step goes through `pathOf`, so a missing property, a throwing getter or a wrong type
 * yields null or an absent field, never an exception. The result is sanitized again by the bridge.
 */
export function readDisneyPage(win: Window): PageData | null {
  let player: unknown;
  try {
    player = win.document.querySelector(selectors.webPlayer[0]);
  } catch {
    return null;
  }
  const media = pathOf(player, 'mediaPlayer');
  const metadata = pathOf(media, 'mediaPlaybackCriteria', 'metadata');
  const title = pageString(pathOf(metadata, 'title', 'text'));
  const subtitle = pageString(pathOf(metadata, 'subtitle', 'text'));
  const info = pathOf(media, 'timeline', 'info');
  const position = msToSeconds(pathOf(info, 'playheadPositionMs'));
  const duration = msToSeconds(pathOf(info, 'programDurationMs'));
  const named = title !== undefined && normalizePageText(title) !== '';
  const episode = subtitle !== undefined && normalizePageText(subtitle) !== '';
  const data: PageData = {
    title: named ? title : undefined,
    subtitle: named && episode ? subtitle : undefined,
    kind: named ? (episode ? 'episode' : 'movie') : undefined,
    position,
    duration,
  };
  for (const key of Object.keys(data) as Array<keyof PageData>) if (data[key] === undefined) delete data[key];
  return Object.keys(data).length > 0 ? data : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Player

interface Player {
  root: Element;
  /** `root` and the open shadow roots under it. */
  scopes: Scope[];
  video: HTMLVideoElement;
}

/**
 * The content video among `els`: Disney+ keeps an empty decoy <video> beside the real one (DOM saves; research
 * §4.2, §11.4), so one hidden by attribute or inline style is skipped and one with a source is preferred.
 */
function contentVideo(els: readonly Element[], root: Element): HTMLVideoElement | null {
  const videos = els.filter((el): el is HTMLVideoElement => el.tagName === 'VIDEO' && isShown(el, root));
  return videos.find((v) => v.hasAttribute('src')) ?? videos[0] ?? null;
}

/** The player wrapper that holds a content <video> (also one inside `disney-web-player`'s open shadow root). */
function livePlayer(doc: Document): Player | null {
  for (const root of all(doc, selectors.player)) {
    const scopes = shadowScopes(root);
    const video = contentVideo(deepAll(scopes, selectors.video), root);
    if (video) return { root, scopes, video };
  }
  return null;
}

/** The film id on a /play/ page (the playing item's id; episodes get none, as on the other services). */
function playId(url: URL): string | undefined {
  const r = route(url);
  return r?.kind === 'player' ? r.id : undefined;
}

function playerResult(url: URL, rawTitle: string, line: string | undefined, signal: SignalId): DetectedTitle | null {
  const title = cleanTitle(rawTitle);
  if (!title) return null;
  if (line && normalizePageText(line)) return { page: 'player', kind: 'episode', title, rawTitle, episodeLine: line, signal };
  return compact({ page: 'player', kind: 'movie', title, rawTitle, serviceId: playId(url), signal });
}

/** (a) What the page-world script published: Disney's own metadata for the playing item. */
function detectFromPageData(doc: Document, url: URL): DetectedTitle | null {
  const data = readPageData(doc);
  if (!data?.title) return null;
  const line = data.subtitle ? clip(data.subtitle) : '';
  const detected = playerResult(url, clip(data.title), line || undefined, 'page-data');
  // The page may say "episode" without a line to show; it is still no film.
  if (detected?.kind === 'movie' && data.kind === 'episode') {
    return { page: 'player', kind: 'episode', title: detected.title, rawTitle: detected.rawTitle, signal: 'page-data' };
  }
  return detected;
}

/** The title bug's title and episode line, if the player shows them. */
function titleBug(player: Player): { title: string; line: string | undefined } | null {
  for (const host of deepAll(player.scopes, selectors.titleHost)) {
    const scopes = shadowScopes(host, 2);
    const found = firstWithTextIn(deepAll(scopes, selectors.titleField));
    if (found) return { title: found.text, line: firstWithTextIn(deepAll(scopes, selectors.subtitleField))?.text };
  }
  return null;
}

/**
 * With a player on screen: (b) the title bug of the player UI (shadow roots first, 2026, then the older light-DOM
 * header), else (c) the tab title, "X | Disney+", when the player names nothing (issue #13). One player lookup
 * for both: it walks up to MAX_SCOPES shadow roots.
 */
function detectFromPlayer(doc: Document, url: URL): DetectedTitle | null {
  const player = livePlayer(doc);
  if (!player) return null;
  const bug = titleBug(player);
  const fromBug = bug ? playerResult(url, bug.title, bug.line, 'player') : null;
  if (fromBug) return fromBug;
  const raw = titleFromHead(doc);
  return raw ? playerResult(url, raw, undefined, 'tab-title') : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Detail pages

/** "X | Disney+" tab titles (PreMiD splits document.title on "|"). */
const TAB_TITLES: readonly RegExp[] = [/^(.+?)\s*\|\s*Disney\s*\+?/i];

function titleFromHead(doc: Document): string | undefined {
  const text = tabTitle(doc, TAB_TITLES);
  return text && !/^disney\s*\+?$/i.test(normalizePageText(text)) ? text : undefined;
}

/** Year (first of a range) and, for films, a runtime segment ("1h 43m"), from the masthead's "•"-separated line. */
function mastheadFacts(doc: Document): { year?: number; runtime?: number } {
  const el = first(doc, selectors.detailMetadata);
  if (!el) return {};
  const parts = normalizePageText(el.textContent ?? '', 200).split('•').map((p) => p.trim());
  const yearPart = parts.find((p) => /^\d{4}(?:\s*[-–]\s*\d{4})?$/.test(p));
  const runtimePart = parts.find((p) => /^\d{1,2}\s*h(?:\s*\d{1,2}\s*m(?:in)?)?$|^\d{1,3}\s*m(?:in)?$/i.test(p));
  return { year: yearPart ? parseYear(yearPart) : undefined, runtime: runtimePart ? parseRuntime(runtimePart) : undefined };
}

/** (c) The detail page: logo alt, else document.title; series from the route or the Episodes tab. */
function detectDetail(doc: Document, id: string, routeSeries: boolean | undefined): DetectedTitle | null {
  const logo = firstWithTextIn(all(doc, selectors.detailTitle))?.text;
  const rawTitle = logo ?? titleFromHead(doc);
  if (!rawTitle) return null;
  const title = cleanTitle(rawTitle);
  if (!title) return null;
  const series = routeSeries ?? first(doc, selectors.seriesMarker) !== null;
  // For series the line holds a season count ("2 Seasons"), never a runtime: detailDetection drops it.
  return detailDetection(title, rawTitle, series, mastheadFacts(doc), id, logo ? 'detail' : 'tab-title');
}

function detect(doc: Document, url: URL): DetectedTitle | null {
  const r = route(url);
  if (r?.kind === 'player') return detectFromPageData(doc, url) ?? detectFromPlayer(doc, url);
  if (r?.kind === 'detail') return detectDetail(doc, r.id, r.series);
  return null;
}

function creditsRolling(doc: Document): boolean {
  const player = livePlayer(doc);
  if (!player) return false;
  return deepAll(player.scopes, selectors.upNext).some((el) => {
    if (!isShown(el, player.root)) return false;
    // `up-next-lite-v1` is mounted (empty) all along: only what it renders in its shadow root counts.
    if (!el.shadowRoot) return true;
    return deepAll(shadowScopes(el.shadowRoot, 1), selectors.upNextContent).some((c) => isShown(c, player.root));
  });
}

/**
 * Player: the player root, which holds both the video and Disney's own UI (`#hudson-wrapper`), so the badge sits
 * above the controls and stays when the player is fullscreened from inside it (the runtime re-parents it into
 * `document.fullscreenElement` otherwise). A `disney-web-player` root with its own shadow root (the 2024 player)
 * renders only that shadow tree, so there the badge goes beside it, into its parent.
 */
function playerMount(doc: Document): Element | null {
  const player = livePlayer(doc);
  if (!player) return null;
  return player.root.shadowRoot ? player.root.parentElement : player.root;
}

/** Detail: inline beside the title logo, else beside the masthead line (a document.title reading). */
function detailMount(doc: Document): Element | null {
  const logo = firstWithTextIn(all(doc, selectors.detailTitle))?.el;
  return logo?.parentElement ?? first(doc, selectors.detailMetadata)?.parentElement ?? null;
}

export const disneyPlus: SiteAdapter = {
  id: 'disney-plus',
  name: 'Disney+',
  // `*.` also matches the bare domain.
  matches: ['*://*.disneyplus.com/*'],
  isTitlePage: (url) => safely(() => route(url) !== null, false),
  detect: (doc, url) => safely(() => detect(doc, url), null),
  badgeMount: (doc, detected) =>
    safely((): BadgeMount | null => {
      const container = detected.page === 'player' ? playerMount(doc) : detailMount(doc);
      return container ? { container, placement: detected.page === 'player' ? 'player' : 'inline' } : null;
    }, null),
  video: (doc) => safely(() => livePlayer(doc)?.video ?? null, null),
  player: (doc) => safely(() => livePlayer(doc)?.root ?? null, null),
  signals: (doc, url) =>
    signalReports([
      ['page-data', () => route(url)?.kind === 'player' && detectFromPageData(doc, url)],
      ['player', () => { const p = livePlayer(doc); return p && titleBug(p); }],
      ['detail', () => route(url)?.kind === 'detail' && firstWithTextIn(all(doc, selectors.detailTitle))],
      ['tab-title', () => titleFromHead(doc)],
      ['url-id', () => route(url)?.id],
    ]),
  creditsRolling: (doc) => safely(() => creditsRolling(doc), false),
};
