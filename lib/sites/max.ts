/**
 * Max / HBO Max (Warner Bros. Discovery "Beam"/"Fuse" web player), on play.max.com (2023-05 → 2025-07) and
 * play.hbomax.com (2021–2023 and again since 2025-07). Same paths on both hosts: detail /movie/<uuid>, /show/<uuid>;
 * player /video/watch/<uuid>/<uuid>.
 *
 * Facts and their sources: docs/research/streaming-detection.md §5 (short names UTS, SE, PreMiD, TP, MALSync as
 * listed in its §0), §11 and §12. Max navigates with pushState, but `detect` reads only the DOM as it is now and the
 * runtime calls it again on every mutation, so a title change without a URL change is still seen.
 *
 * DOM only, on purpose for now. The stronger source is the CMS route data the page itself loads
 * (`…prd.api.hbomax.com/cms/routes<pathname>`: `videoType` MOVIE/EPISODE, season/episode numbers) or the page-world
 * React props of `[data-testid="content-metadata"]`; both need a page-world (MAIN) script or special request
 * headers (PreMiD fix #10974) and are left for later (research §5.2, §11.1, §12.1).
 *
 * The tab title names the film on a film's player page ("Dune: Part Two • Max": SE's real save of 2024-05,
 * "⁨Weapons⁩ • HBO Max": issue #13), and it is what remains when the controls hide, during the credits above all, when
 * the player shows no title element. On an episode it names the episode, not the show ("Trust Fall • HBO Max" while
 * "Lanternas" T1 Ep.2 plays, a 2026-08 measurement quoted in public code): so it is read only without any episode
 * structure on the page, and the runtime keeps an episode an episode on the same URL (`decide` in
 * lib/content/title-state.ts).
 */
import { capLength, cleanTitle, parseEpisodeLine } from '../core/clean-title';
import { all, first, firstWithText, compact, safely, isShown, shownControl, playerWithVideo, type Player, yearAndRuntime, detailDetection, signalReports, tabTitle } from './dom';
import type { BadgeMount, DetectedTitle, SiteAdapter } from './types';

/**
 * Every Max selector, and the only place they live. Alternatives are tried in order; each names where it was seen.
 * The styled-components classes next to the test ids (`Title-Fuse-Web-Play__sc-…`) are generated and never used,
 * except through the stable prefixes SE matches with `[class*=…]`.
 */
export const selectors = {
  /** Player screen wrapper; stays rendered in fullscreen (TP 5.4.3 mounts its UI here). */
  player: ['#layer-root-player-screen'],
  /** The content video inside the player (ads are stitched into the same stream: research §11.5). */
  video: ['video'],
  /** Show name (episodes) or film title (TP 5.4.3, MALSync, SE, UTS discovery+ 2026-08). */
  playerTitle: ['[data-testid="player-ux-asset-title"]'],
  /** "S1 E2:", "T1 Ep.2:"; rendered only for episodes (TP: episode iff present). */
  seasonEpisode: ['[data-testid="player-ux-season-episode"]'],
  /** Episode title ("Salto no Escuro"). */
  playerSubtitle: ['[data-testid="player-ux-asset-subtitle"]'],
  creditsUi: [
    // Next-episode button shown while the credits roll (SE max.ts 2026-08).
    'button[class*="UpNextButton-"]',
    // Its dismiss button: "watch credits" (SE).
    'button[class*="DismissButton-"]',
  ],
  /** The up-next panel's dismiss button: "watch credits" (SE). */
  watchCredits: ['button[class*="DismissButton-"]'],
  /** Movies: the player shrinks into a corner when the credits start (SE clicks the video to restore it). */
  playerShrunk: ['.player-shrink-transition-enter-done'],
  /**
   * Detail-page heading: this fixture set's reconstruction (no public source documents the detail page's DOM).
   * Not `[data-testid="content-metadata"]`: that block belongs to the player (TP 5.4.3 reads the playing item's
   * React props on it; issue #13), so nothing of a detail page is read in it.
   */
  detailTitle: ['main h1'],
  /** Short metadata items under the detail heading ("2010", "1h 43m"); read by shape, not by position or label. */
  detailMetadataItem: ['main li', 'main span'],
} as const;

/** play.* hosts serve the app; www.max.com / www.hbomax.com are marketing pages. */
const APP_HOSTS = ['play.max.com', 'play.hbomax.com'] as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Player deep links carry one id or two (/video/watch/<uuid>, /video/watch/<uuid>/<uuid>: issue #13). */
const PLAYER_PATH = new RegExp(`^/video/watch/${UUID}(?:/${UUID})?/?$`, 'i');
const DETAIL_PATH = new RegExp(`^/(movie|show)/(${UUID})(?:/|$)`, 'i');

function isAppHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (url.protocol === 'https:' || url.protocol === 'http:') && APP_HOSTS.some((h) => host === h);
}

function isTitlePage(url: URL): boolean {
  return isAppHost(url) && (PLAYER_PATH.test(url.pathname) || DETAIL_PATH.test(url.pathname));
}

/** The player screen holding a <video> (research §12.2: key on what plays, not on the URL). */
function livePlayer(doc: Document): Player | null {
  return playerWithVideo(doc, selectors.player, selectors.video);
}

/** "S1 E2:" + "Salto no Escuro" → "S1 E2: Salto no Escuro"; either part may be missing. */
function episodeLineOf(seasonEpisode: string | undefined, subtitle: string | undefined): string | undefined {
  const line = [seasonEpisode, subtitle].filter((s): s is string => Boolean(s)).join(' ');
  return line ? capLength(line) : undefined;
}

/** " • Max", " • HBO Max", " | HBO Max" after a tab title (the film's or the episode's name before it). */
const TAB_TITLES: readonly RegExp[] = [/^(.+?)\s*[•|\-–—]\s*(?:HBO\s*)?Max\s*$/i];

function detectPlayer(doc: Document, url: URL): DetectedTitle | null {
  const player = livePlayer(doc);
  if (!player) return null;
  const found = firstWithText(player.root, selectors.playerTitle);
  if (!found) return fromPlayerTab(doc, url, player);
  const title = cleanTitle(found.text);
  if (!title) return null;
  const seasonEpisodeEl = first(player.root, selectors.seasonEpisode);
  const seasonEpisode = firstWithText(player.root, selectors.seasonEpisode)?.text;
  const subtitle = firstWithText(player.root, selectors.playerSubtitle)?.text;
  // Structure first (the S/E element is rendered only for episodes), then an S/E pattern in any language.
  const episode = seasonEpisodeEl !== null || (subtitle !== undefined && parseEpisodeLine(subtitle) !== null);
  const base: DetectedTitle = { page: 'player', kind: episode ? 'episode' : 'movie', title, rawTitle: found.text, signal: 'player' };
  return episode ? compact({ ...base, episodeLine: episodeLineOf(seasonEpisode, subtitle) }) : base;
}

/**
 * No title element (the controls are hidden): on a player page the tab title names what plays. A film's, unless
 * the page shows episode structure; on an episode page it would name the episode, so none is read then.
 */
function fromPlayerTab(doc: Document, url: URL, player: Player): DetectedTitle | null {
  if (!isAppHost(url) || !PLAYER_PATH.test(url.pathname)) return null;
  if (first(player.root, selectors.seasonEpisode)) return null;
  const raw = tabTitle(doc, TAB_TITLES);
  const title = raw ? cleanTitle(raw) : '';
  return raw && title ? { page: 'player', kind: 'movie', title, rawTitle: raw, signal: 'tab-title' } : null;
}

function detailFacts(doc: Document): { year?: number; runtime?: number } {
  return yearAndRuntime(all(doc, selectors.detailMetadataItem));
}

function detectDetail(doc: Document, url: URL): DetectedTitle | null {
  const route = DETAIL_PATH.exec(url.pathname);
  if (!route || !isAppHost(url)) return null;
  const found = firstWithText(doc, selectors.detailTitle);
  const raw = found?.text ?? tabTitle(doc, TAB_TITLES);
  const title = raw ? cleanTitle(raw) : '';
  if (!raw || !title) return null;
  const series = route[1]?.toLowerCase() === 'show';
  return detailDetection(title, raw, series, detailFacts(doc), route[2]?.toLowerCase(), found ? 'detail' : 'tab-title');
}

function creditsRolling(doc: Document): boolean {
  const player = livePlayer(doc);
  if (!player) return false;
  if (all(player.root, selectors.creditsUi).some((el) => isShown(el, player.root))) return true;
  // The shrink class sits on the player itself, a wrapper above it or an element inside it.
  return selectors.playerShrunk.some((s) => player.root.closest(s) !== null || player.root.querySelector(s) !== null);
}

export const max: SiteAdapter = {
  id: 'max',
  name: 'Max',
  matches: ['*://*.max.com/*', '*://*.hbomax.com/*'],
  isTitlePage: (url) => safely(() => isTitlePage(url), false),
  detect: (doc, url) => safely(() => detectPlayer(doc, url) ?? detectDetail(doc, url), null),
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
  player: (doc) => safely(() => livePlayer(doc)?.root ?? null, null),
  signals: (doc, url) =>
    signalReports([
      ['player', () => { const p = livePlayer(doc); return p && firstWithText(p.root, selectors.playerTitle); }],
      ['detail', () => DETAIL_PATH.test(url.pathname) && firstWithText(doc, selectors.detailTitle)],
      ['tab-title', () => tabTitle(doc, TAB_TITLES)],
      ['url-id', () => isAppHost(url) && (PLAYER_PATH.test(url.pathname) || DETAIL_PATH.test(url.pathname))],
    ]),
  creditsRolling: (doc) => safely(() => creditsRolling(doc), false),
  watchCreditsControl: (doc) =>
    safely(() => {
      const player = livePlayer(doc);
      return player ? shownControl(player.root, selectors.watchCredits, (el) => isShown(el, player.root)) : null;
    }, null),
};
