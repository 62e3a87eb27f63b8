/**
 * Max / HBO Max (Warner Bros. Discovery "Beam"/"Fuse" web player), on play.max.com (2023-05 → 2025-07) and
 * play.hbomax.com (2021–2023 and again since 2025-07). Same paths on both hosts: detail /movie/<uuid>, /show/<uuid>;
 * player /video/watch/<uuid>/<uuid>.
 *
 * Facts and their sources: shared/research/streaming-detection.md §5 (short names UTS, SE, PreMiD, TP, MALSync as
 * listed in its §0), §11 and §12. Max navigates with pushState, but `detect` reads only the DOM as it is now and the
 * runtime calls it again on every mutation, so a title change without a URL change is still seen.
 *
 * DOM only, on purpose for now. The stronger source is the CMS route data the page itself loads
 * (`…prd.api.hbomax.com/cms/routes<pathname>`: `videoType` MOVIE/EPISODE, season/episode numbers) or the page-world
 * React props of `[data-testid="content-metadata"]`; both need a page-world (MAIN) script or special request
 * headers (PreMiD fix #10974) and are left for later (research §5.2, §11.1, §12.1).
 *
 * document.title is never read on the player: it names the episode, not the show ("Trust Fall • HBO Max" while
 * "Lanternas" T1 Ep.2 plays, a 2026-08 measurement quoted in public code).
 */
import { capLength, cleanTitle, parseEpisodeLine } from './clean-title';
import { all, first, firstWithText, compact, safely, isShown, shownControl, playerWithVideo, type Player, yearAndRuntime, detailDetection } from './dom';
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
   * Detail-page title. `content-metadata` is documented (TP reads its React props); the heading inside it is this
   * fixture set's reconstruction. document.title ("Dune: Part Two • Max", SE capture) is the fallback on detail
   * pages only.
   */
  detailTitle: ['[data-testid="content-metadata"] h1', 'head > title'],
  /** Short metadata items under the detail title ("2010", "1h 43m"); read by shape, not by position or label. */
  detailMetadataItem: ['[data-testid="content-metadata"] li', '[data-testid="content-metadata"] span'],
} as const;

/** play.* hosts serve the app; www.max.com / www.hbomax.com are marketing pages. */
const APP_HOSTS = ['play.max.com', 'play.hbomax.com'] as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLAYER_PATH = new RegExp(`^/video/watch/${UUID}/${UUID}/?$`, 'i');
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

function detectPlayer(doc: Document): DetectedTitle | null {
  const player = livePlayer(doc);
  if (!player) return null;
  const found = firstWithText(player.root, selectors.playerTitle);
  if (!found) return null;
  const title = cleanTitle(found.text);
  if (!title) return null;
  const seasonEpisodeEl = first(player.root, selectors.seasonEpisode);
  const seasonEpisode = firstWithText(player.root, selectors.seasonEpisode)?.text;
  const subtitle = firstWithText(player.root, selectors.playerSubtitle)?.text;
  // Structure first (the S/E element is rendered only for episodes), then an S/E pattern in any language.
  const episode = seasonEpisodeEl !== null || (subtitle !== undefined && parseEpisodeLine(subtitle) !== null);
  const base: DetectedTitle = { page: 'player', kind: episode ? 'episode' : 'movie', title, rawTitle: found.text };
  return episode ? compact({ ...base, episodeLine: episodeLineOf(seasonEpisode, subtitle) }) : base;
}

/** " • Max", " • HBO Max", " | HBO Max" after a document title. */
const TITLE_SUFFIX = /\s*[•|\-–—]\s*(?:HBO\s*)?Max\s*$/i;

function detailFacts(doc: Document): { year?: number; runtime?: number } {
  return yearAndRuntime(all(doc, selectors.detailMetadataItem));
}

function detectDetail(doc: Document, url: URL): DetectedTitle | null {
  const route = DETAIL_PATH.exec(url.pathname);
  if (!route || !isAppHost(url)) return null;
  const found = firstWithText(doc, selectors.detailTitle);
  if (!found) return null;
  const raw = found.el.tagName === 'TITLE' ? found.text.replace(TITLE_SUFFIX, '') : found.text;
  const title = cleanTitle(raw);
  if (!title || (found.el.tagName === 'TITLE' && raw === found.text)) return null;
  const series = route[1]?.toLowerCase() === 'show';
  return detailDetection(title, found.text, series, detailFacts(doc), route[2]?.toLowerCase());
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
  watchCreditsControl: (doc) =>
    safely(() => {
      const player = livePlayer(doc);
      return player ? shownControl(player.root, selectors.watchCredits, (el) => isShown(el, player.root)) : null;
    }, null),
};
