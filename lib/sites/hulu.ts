/**
 * Hulu (www.hulu.com web player). Detail pages /movie/<slug>-<uuid> and /series/<slug>-<uuid>; player /watch/<uuid>
 * (the pre-2017 numeric /watch/<n> form is dead and not matched). Hulu Japan (hulu.jp) is a separate product.
 *
 * Facts and their sources: docs/research/streaming-detection.md §6 (short names PreMiD, PreMiD-old, TP as listed
 * in its §0), §11 and §12. Hulu navigates with pushState, but `detect` reads only the DOM as it is now and the
 * runtime calls it again on every mutation, so a title change without a URL change (autoplay) is still seen.
 *
 * DOM only, on purpose for now. The stronger source is the playlist API the page loads (`video_metadata`:
 * `series_name`, `season`, `episode`, `end_credits_time`), which needs a page-world (MAIN) fetch hook (§6, §11.1).
 *
 * Credits: Hulu has no documented DOM signal (research §6: "no DOM signal found in the anchors"); the only marker
 * is the playlist API's `end_credits_time`. `creditsRolling` therefore always returns false and the shared
 * runtime's near-end fallback covers Hulu. (Old player code in public repositories reads an
 * `.end-card__replay-thumbnail`, but the research does not document it as a credits signal, so it is not used.)
 */
import { capLength, cleanTitle, parseEpisodeLine } from '../core/clean-title';
import { all, first, firstWithText, compact, safely, playerWithVideo, type Player, yearAndRuntime, detailDetection, signalReports } from './dom';
import type { BadgeMount, DetectedTitle, SiteAdapter } from './types';

/** Every Hulu selector, and the only place they live. Alternatives are tried in order; each names where it was seen. */
export const selectors = {
  /**
   * Player wrappers, outermost first; they stay rendered in fullscreen (TP mounts its UI in `.hulu-player-app`).
   * `#web-player-app` scopes PreMiD's title reads; `#dash-player-container` is the older player (public presence
   * code of the `.metadata-area` era).
   */
  player: ['.hulu-player-app', '#web-player-app', '#dash-player-container'],
  /** The content video (PreMiD 1.5.0: `video#content-video-player`; PreMiD-old: `.content-video-player`). */
  video: ['video#content-video-player', 'video.content-video-player'],
  /** Show name (episodes) or film title: current (PreMiD 1.5.0), then the older metadata area (PreMiD-old). */
  playerTitle: ['.PlayerMetadata__titleText', '.metadata-area__second-line'],
  /** "S1 E3-<episode title> • …" (PreMiD); empty for films in the older player. */
  playerSubtitle: ['.PlayerMetadata__subTitle', '.metadata-area__third-line'],
  /** Rendered only for episodes, inside the subtitle (TP: present ⇒ episode). */
  seasonEpisode: ['.PlayerMetadata__seasonEpisodeText'],
  /** Live TV: no film to badge (TP `.PlayerMetadata--live`; PreMiD: LIVE label in the playback controls). */
  live: ['.PlayerMetadata--live', '.BottomUiControls__playbackControls [aria-label*="LIVE"]'],
  /** Detail-page title in the modal nav (PreMiD `.SimpleModalNav__title`, text in a `.TruncatedTextV2` span). */
  detailTitle: ['.SimpleModalNav__title'],
  /** Short metadata items under the detail masthead ("2010", "1 hr 43 min"; TP `li.Masthead__meta`), read by shape. */
  detailMetadataItem: ['li.Masthead__meta'],
} as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLAYER_PATH = new RegExp(`^/watch/${UUID}/?$`, 'i');
/** The slug may carry percent-escapes ("marvel-studios%27-the-avengers-<uuid>"); the uuid always ends the segment. */
const DETAIL_PATH = new RegExp(`^/(movie|series)/(?:[^/]{1,300}-)?(${UUID})/?$`, 'i');

function isHuluHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (url.protocol === 'https:' || url.protocol === 'http:') && (host === 'www.hulu.com' || host === 'hulu.com');
}

function isTitlePage(url: URL): boolean {
  return isHuluHost(url) && (PLAYER_PATH.test(url.pathname) || DETAIL_PATH.test(url.pathname));
}

/** The outermost player wrapper holding the content video (research §12.2: key on what plays, not on the URL). */
function livePlayer(doc: Document): Player | null {
  return playerWithVideo(doc, selectors.player, selectors.video);
}

/** "S1 E3-Kyle • TV-14" → "S1 E3-Kyle": PreMiD cuts the subtitle at "•" or "|". */
function episodeLineOf(subtitle: string): string | undefined {
  const line = subtitle.split(/\s*[•|]\s*/)[0]?.trim();
  return line ? capLength(line) : undefined;
}

function detectPlayer(doc: Document): DetectedTitle | null {
  const player = livePlayer(doc);
  if (!player) return null;
  if (first(player.root, selectors.live)) return null;
  const found = firstWithText(player.root, selectors.playerTitle);
  if (!found) return null;
  const title = cleanTitle(found.text);
  if (!title) return null;
  const subtitle = firstWithText(player.root, selectors.playerSubtitle)?.text;
  // Structure first (the S/E element is rendered only for episodes), then an S/E pattern in any language.
  const episode =
    first(player.root, selectors.seasonEpisode) !== null || (subtitle !== undefined && parseEpisodeLine(subtitle) !== null);
  const base: DetectedTitle = { page: 'player', kind: episode ? 'episode' : 'movie', title, rawTitle: found.text, signal: 'player' };
  return episode ? compact({ ...base, episodeLine: subtitle === undefined ? undefined : episodeLineOf(subtitle) }) : base;
}

function detailFacts(doc: Document): { year?: number; runtime?: number } {
  return yearAndRuntime(all(doc, selectors.detailMetadataItem));
}

function detectDetail(doc: Document, url: URL): DetectedTitle | null {
  const route = DETAIL_PATH.exec(url.pathname);
  if (!route || !isHuluHost(url)) return null;
  const found = firstWithText(doc, selectors.detailTitle);
  if (!found) return null;
  const title = cleanTitle(found.text);
  if (!title) return null;
  const series = route[1]?.toLowerCase() === 'series';
  return detailDetection(title, found.text, series, detailFacts(doc), route[2]?.toLowerCase(), 'detail');
}

export const hulu: SiteAdapter = {
  id: 'hulu',
  name: 'Hulu',
  matches: ['*://hulu.com/*', '*://www.hulu.com/*'],
  isTitlePage: (url) => safely(() => isTitlePage(url), false),
  detect: (doc, url) => safely(() => detectPlayer(doc) ?? detectDetail(doc, url), null),
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
      ['player', () => { const p = livePlayer(doc); return p && firstWithText(p.root, selectors.playerTitle); }],
      ['detail', () => DETAIL_PATH.test(url.pathname) && firstWithText(doc, selectors.detailTitle)],
      ['url-id', () => isTitlePage(url)],
    ]),
  // No documented Hulu DOM credits signal (see the file comment): the runtime's near-end fallback covers it.
  creditsRolling: () => false,
};
