/**
 * The content-script runtime every service shares: watch the page, detect the title through the site's adapter,
 * ask the background for the film, and keep one badge in the right place. Site differences live only in the
 * adapter; nothing here asks which site it is on.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Badge } from '../../components/badge';
import type { FilmSummary } from '../data/film-index';
import type { Confidence } from '../data/film-index';
import type { Film } from '../data/schema';
import { creditsAlert, type CreditsAlert } from '../credits-text';
import { handleTabRequests, sendMessage, type TabFilm } from '../messaging';
import { combinedScore } from '../ratings/aggregate';
import type { RatingSourceId } from '../data/schema';
import { DEFAULT_SETTINGS, enabledSources, isSiteEnabled, loadSettings, matchesShortcut, watchSettings, type Settings } from '../settings';
import { cleanTitle, normalizePageText } from '../sites/clean-title';
import { PAGE_DATA_ATTRIBUTE, readPageData } from '../sites/page-data';
import type { DetectedTitle, SiteAdapter } from '../sites/types';
import { createBadgeHost, type BadgeHost } from './badge-host';
import { buildPageReport } from './page-report';
import { isNearEnd, isTypingTarget, pageSaysCredits } from './signals';


/**
 * Throttle bursts of DOM mutations: one check at most every CHECK_DELAY_MS (20 a second on a busy player page keeps
 * observer_cpu_pct low), the first one after a quiet spell at once (badge_ms_p95).
 */
const CHECK_DELAY_MS = 50;
/** How long the badge stays fully visible after a mouse move while the film plays. */
const WAKE_MS = 3000;
/**
 * A player on screen with no title read for this long says so ("Can't read the title here — search", issue #13)
 * rather than show nothing: long enough for a player to render its title, short enough to be of use.
 */
const UNREADABLE_MS = 2500;
/**
 * A title the background could not answer (it stopped twice while answering) is asked again after these delays;
 * only then does the badge give up and offer a search. Never a stuck "unknown" for a title that has an answer.
 */
const RETRY_DELAYS_MS = [300, 1000, 2000, 4000, 8000];

/**
 * What a page gives for a search when its title cannot be read: the tab title's first part, cleaned ("Watch" and the
 * service's name taken off), or nothing.
 */
export function pageHint(doc: Document, adapter: Pick<SiteAdapter, 'name'>): string {
  const head = normalizePageText(doc.title ?? '').split(/\s[|•–—-]\s/)[0] ?? '';
  const title = cleanTitle(head.replace(/^watch\s+/i, ''));
  return title && title.toLowerCase() !== adapter.name.toLowerCase() ? title : '';
}

function manifestVersion(): string | undefined {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return undefined;
  }
}

interface Shown {
  key: string;
  /** The page URL the title was read on. */
  href: string;
  detected: DetectedTitle;
  film: Film | null;
  confidence: Confidence | null;
  others: FilmSummary[];
  /**
   * Video time at which the credits were first seen rolling for this title. The service's own signal can go away
   * once the viewer (or "keep the credits playing") dismisses the next-up card, while the credits still roll.
   */
  creditsFrom?: number;
  /** "Keep the credits playing" already chose the service's "watch credits" for this title (once per title). */
  keptCredits?: boolean;
}

/** Fingerprint of a detection: a new key means a new title (Prime switches titles without a URL change). */
function keyOf(d: DetectedTitle): string {
  return [d.page, d.kind, d.title, d.year ?? '', d.runtime ?? ''].join('\u0001');
}

/** The background requests the runtime makes; injectable so unit tests run without an extension. */
export type Ask = typeof sendMessage;

export interface RunSiteOptions {
  doc?: Document;
  ask?: Ask;
  /** Settings source; defaults to lib/settings.ts (storage.sync). Tests pass fixed settings. */
  settings?: { load(): Promise<Settings>; watch(cb: (s: Settings) => void): () => void };
}

/**
 * Runs on `ctx`, WXT's content-script context: its listeners, timers and URL watcher end with it (a reloaded or
 * updated extension invalidates the old script), so nothing here keeps its own list of things to undo.
 */
export function runSite(ctx: ContentScriptContext, adapter: SiteAdapter, css: string, options: RunSiteOptions = {}): void {
  const doc = options.doc ?? document;
  const ask = options.ask ?? sendMessage;
  const win = doc.defaultView ?? window;
  const badge: BadgeHost = createBadgeHost(doc, css);
  let shown: Shown | undefined;
  let pendingKey: string | undefined;
  let timer: number | undefined;
  /** When the last check ran (ms since epoch): the throttle's clock. */
  let lastCheck = 0;
  let expanded = false;
  let showNotes = false;
  let userHidden = false;
  let awakeUntil = 0;
  let video: HTMLVideoElement | null = null;
  let disposed = false;
  /** Bumped by every change of what the badge shows; with alert and placement it says whether to re-render. */
  let revision = 0;
  let painted = '';
  let settings: Settings = DEFAULT_SETTINGS;
  let ratingsRevealed = false;
  /** The dataset's per-source means (combined score priors), asked for once, when first needed. */
  let means: Partial<Record<RatingSourceId, number>> | undefined;
  /** A player on screen without a readable title: since when, on which URL, and whether the badge says so. */
  let unreadable: { href: string; since: number; timer?: number; shown: boolean } | undefined;
  /** The URL on which the player itself named an episode: a tab title read there names the episode, not a film. */
  let episodeHref: string | undefined;
  /** Failed answers of the title asked for last, and the timer of its next try. */
  let failures: { key: string; count: number } | undefined;
  let retryTimer: number | undefined;

  const paint = (alert: CreditsAlert | null, placement: 'player' | 'inline'): void => {
    if (!shown) return;
    // Most checks (a busy page mutates all the time) change nothing the badge shows: skip the render.
    const view = `${revision}|${alert ?? ''}|${placement}`;
    if (view === painted) return;
    painted = view;
    const { film, confidence } = shown;
    badge.setData({
      credits: film?.credits.state ?? 'unknown',
      // Extras that are not scenes ("audio text"), empty when none is known: a test hook beside data-credits.
      extras: film?.credits.extras.join(' ') ?? '',
      'film-id': film?.id ?? '',
      // No match at all is the lowest confidence there is (the contract knows high, medium and low).
      confidence: confidence ?? 'low',
      placement,
      alert: alert ?? null,
      position: settings.badge.position,
      size: settings.badge.size,
    });
    const sources = enabledSources(settings);
    if (settings.combinedScore && means === undefined) {
      means = {};
      void ask('getDatasetInfo', {})
        .then((info) => {
          means = info?.ratingMeans ?? {};
          revision++;
          update();
        })
        .catch(() => undefined);
    }
    const combined = settings.combinedScore && film && means ? combinedScore(film.ratings, means, sources) : null;
    render(
      <Badge
        film={film}
        confidence={confidence}
        queryTitle={shown.detected.title}
        others={shown.others}
        sources={sources}
        ratingsHidden={settings.hideRatingsUntilReveal && !ratingsRevealed}
        combined={combined}
        onRevealRatings={() => {
          ratingsRevealed = true;
          revision++;
          update();
        }}
        placement={placement}
        expanded={expanded}
        showNotes={showNotes}
        alert={alert}
        onToggleExpanded={() => {
          expanded = !expanded;
          revision++;
          update();
        }}
        onToggleNotes={() => {
          showNotes = !showNotes;
          revision++;
          update();
        }}
        onPickOther={(id) => void pickOther(id)}
        onSearch={() => void ask('openSearch', { query: shown?.detected.title ?? '' }).catch(() => undefined)}
      />,
      badge.root,
    );
  };

  /** Places and paints the badge for the current state; detaches it when there is nothing to show. */
  function update(): void {
    if (disposed) return;
    const mount = shown ? adapter.badgeMount(doc, shown.detected) : null;
    if (!shown || !mount || userHidden) {
      badge.detach();
      if (userHidden && shown && mount) badge.setData({ 'user-hidden': '' });
      return;
    }
    badge.setData({ 'user-hidden': null });
    // In fullscreen only the fullscreen element's subtree is drawn: follow it if the player mounted elsewhere.
    const full = doc.fullscreenElement;
    badge.attach(full && !full.contains(mount.container) ? full : mount.container);
    const inPlayer = shown.detected.page === 'player';
    const rolling = inPlayer && creditsRolling(shown);
    const alert = rolling && shown.film ? creditsAlert(shown.film.credits.state) : null;
    if (alert === 'scene-coming' || alert === 'disagree') keepCreditsPlaying(shown);
    // Like the player's own UI: visible while paused or after a mouse move, faded while the film plays.
    const playing = inPlayer && video !== null && !video.paused && !video.ended;
    const fade = settings.badge.autoHide && playing && Date.now() > awakeUntil && !alert && !expanded;
    badge.setData({ faded: fade ? '' : null });
    paint(alert, mount.placement);
  }

  /** Service signal, service clock, video clock; once seen, held while the video has not gone back before it. */
  function creditsRolling(current: Shown): boolean {
    const time = video && Number.isFinite(video.currentTime) ? video.currentTime : undefined;
    if (adapter.creditsRolling(doc) || pageSaysCredits(readPageData(doc), time) || isNearEnd(video)) {
      current.creditsFrom ??= time ?? 0;
      return true;
    }
    if (current.creditsFrom === undefined) return false;
    // Seeking back before the credits (or a video we cannot read) ends the hold.
    if (time === undefined || time + 1 < current.creditsFrom) current.creditsFrom = undefined;
    return current.creditsFrom !== undefined;
  }

  /**
   * The viewer asked to keep the credits playing and a scene is (or may be) still to come: choose the service's own
   * "watch credits", once per title, so autoplay does not skip to the next title.
   */
  function keepCreditsPlaying(current: Shown): void {
    if (!settings.keepCreditsPlaying || current.keptCredits) return;
    const control = adapter.watchCreditsControl?.(doc);
    if (!control) return;
    current.keptCredits = true;
    control.click();
  }

  async function pickOther(id: string): Promise<void> {
    const film = await ask('getFilm', { id }).catch(() => null);
    if (!film || !shown) return;
    const others = shown.film ? [{ id: shown.film.id, title: shown.film.title, year: shown.film.year, kind: shown.film.kind, credits: shown.film.credits.state }, ...shown.others] : shown.others;
    shown = { ...shown, film, confidence: 'high', others: others.filter((o) => o.id !== film.id) };
    revision++;
    update();
  }

  /**
   * Tells the background what this tab shows (its toolbar signal and the popup's "on this tab"), each time that
   * changes: a film, or none (an episode, a page without a film, a player whose title cannot be read).
   */
  let reported: { key: string; film: TabFilm } | undefined;
  function report(title: string, filmId: string | null): void {
    const key = `${filmId ?? ''}|${win.location.href}`;
    if (key === reported?.key) return;
    const film: TabFilm = { siteId: adapter.id, title, filmId };
    reported = { key, film };
    void ask('reportDetected', film).catch(() => undefined);
  }

  async function resolve(detected: DetectedTitle, key: string): Promise<void> {
    pendingKey = key;
    const result = await ask('matchTitle', {
      title: detected.title,
      year: detected.year,
      runtime: detected.runtime,
      kind: detected.kind,
    }).catch(() => undefined);
    // A newer title may have appeared while the background answered: only the latest one is shown.
    if (disposed || pendingKey !== key) return;
    pendingKey = undefined;
    if (result === undefined) {
      // No answer at all (the background stopped while answering): ask again a little later, a few times.
      const count = failures?.key === key ? failures.count + 1 : 1;
      failures = { key, count };
      const delay = RETRY_DELAYS_MS[count - 1];
      if (delay !== undefined) {
        if (retryTimer !== undefined) clearTimeout(retryTimer);
        retryTimer = ctx.setTimeout(() => {
          retryTimer = undefined;
          schedule();
        }, delay);
        return;
      }
    }
    failures = undefined;
    shown = {
      key,
      href: win.location.href,
      detected,
      film: result?.best?.film ?? null,
      confidence: result?.best?.confidence ?? null,
      others: result?.others ?? [],
    };
    expanded = false;
    showNotes = settings.spoilerMode === 'shown';
    ratingsRevealed = false;
    revision++;
    update();
    report(detected.title, shown.film?.id ?? null);
  }

  /** Leaves the "can't read the title" state (a title was read, or the player is gone). */
  function clearUnreadable(): void {
    if (!unreadable) return;
    if (unreadable.timer !== undefined) clearTimeout(unreadable.timer);
    if (unreadable.shown) {
      badge.setData({ unreadable: null });
      painted = '';
    }
    unreadable = undefined;
  }

  /**
   * A player on screen and no title read: after UNREADABLE_MS the badge says so in the player and offers a search
   * with what the page gives (issue #13), instead of showing nothing.
   */
  function showUnreadable(root: Element, href: string): void {
    if (unreadable?.href !== href) {
      clearUnreadable();
      unreadable = { href, since: Date.now(), shown: false };
    }
    const state = unreadable;
    const waited = Date.now() - state.since;
    if (waited < UNREADABLE_MS) {
      state.timer ??= ctx.setTimeout(() => {
        state.timer = undefined;
        schedule();
      }, UNREADABLE_MS - waited + 10);
      badge.detach();
      return;
    }
    if (userHidden) {
      badge.detach();
      return;
    }
    const full = doc.fullscreenElement;
    badge.attach(full && !full.contains(root) ? full : root);
    const hint = pageHint(doc, adapter);
    badge.setData({
      credits: 'unknown',
      'film-id': '',
      confidence: 'low',
      placement: 'player',
      alert: null,
      faded: null,
      unreadable: '',
      position: settings.badge.position,
      size: settings.badge.size,
    });
    state.shown = true;
    const view = `unreadable|${hint}|${revision}`;
    if (view === painted) return;
    painted = view;
    render(
      <Badge
        film={null}
        confidence={null}
        queryTitle={hint}
        others={[]}
        sources={[]}
        ratingsHidden={false}
        combined={null}
        onRevealRatings={() => undefined}
        placement="player"
        expanded={false}
        showNotes={false}
        alert={null}
        unreadable
        onToggleExpanded={() => undefined}
        onToggleNotes={() => undefined}
        onPickOther={() => undefined}
        onSearch={() => void ask('openSearch', { query: hint }).catch(() => undefined)}
      />,
      badge.root,
    );
  }

  function watchVideo(next: HTMLVideoElement | null): void {
    if (next === video) return;
    for (const type of ['play', 'pause', 'timeupdate', 'ended'] as const) {
      video?.removeEventListener(type, schedule);
      next?.addEventListener(type, schedule);
    }
    video = next;
  }

  function check(): void {
    timer = undefined;
    lastCheck = Date.now();
    if (disposed) return;
    const url = new URL(win.location.href);
    // Switched off for this site (options page or the popup's switch): behave as if nothing were on screen.
    const enabled = isSiteEnabled(settings, adapter.id) && adapter.isTitlePage(url);
    let detected = enabled ? adapter.detect(doc, url) : null;
    if (episodeHref !== url.href) episodeHref = undefined;
    // Where the player itself named an episode, a tab title read later on the same URL (controls hidden) names that
    // episode, not a film of the same name (Max writes the episode's title there).
    if (detected?.kind === 'episode' && detected.signal !== 'tab-title') episodeHref = url.href;
    else if (detected?.signal === 'tab-title' && detected.page === 'player' && episodeHref === url.href) detected = { ...detected, kind: 'episode' };
    // Players hide their title with the controls while the film plays (Netflix removes it outright): an empty
    // reading on the same player URL, with the player still there, is the same film, not a new page.
    if (enabled && !detected && shown?.detected.page === 'player' && shown.href === url.href && adapter.badgeMount(doc, shown.detected)) {
      clearUnreadable();
      watchVideo(adapter.video(doc) ?? video);
      update();
      return;
    }
    const player = enabled && !detected ? adapter.player(doc) : null;
    if (player) {
      shown = undefined;
      pendingKey = undefined;
      watchVideo(adapter.video(doc));
      showUnreadable(player, url.href);
      report('', null);
      return;
    }
    clearUnreadable();
    // Only films get a badge: episodes and series pages show none.
    if (!detected || detected.kind !== 'movie') {
      shown = undefined;
      pendingKey = undefined;
      watchVideo(null);
      badge.detach();
      report('', null);
      return;
    }
    watchVideo(detected.page === 'player' ? adapter.video(doc) : null);
    const key = keyOf(detected);
    if (shown?.key === key) update();
    else if (pendingKey !== key) void resolve(detected, key);
  }

  /**
   * Throttle, leading edge: after a quiet spell the first mutation is checked at once (a new title shows its badge
   * without waiting out a delay); within a burst, checks stay at least CHECK_DELAY_MS apart.
   */
  function schedule(): void {
    if (timer !== undefined || disposed) return;
    timer = ctx.setTimeout(check, Math.max(0, lastCheck + CHECK_DELAY_MS - Date.now()));
  }

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Class and visibility flips are how players show their next-up card and switch titles in place.
    // The page-world bridge (lib/sites/page-data.ts) publishes on <html>.
    attributeFilter: ['class', 'hidden', 'style', 'src', PAGE_DATA_ATTRIBUTE],
  });

  const onMouseMove = (): void => {
    const wasAsleep = Date.now() > awakeUntil;
    awakeUntil = Date.now() + WAKE_MS;
    if (wasAsleep) update();
    ctx.setTimeout(schedule, WAKE_MS + 50);
  };
  const toggleHidden = (): boolean => {
    userHidden = !userHidden;
    update();
    return !userHidden;
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!matchesShortcut(event, settings.shortcut) || isTypingTarget(event.target)) return;
    event.preventDefault();
    toggleHidden();
  };
  ctx.addEventListener(doc, 'mousemove', onMouseMove, { passive: true, capture: true });
  ctx.addEventListener(doc, 'keydown', onKeyDown, { capture: true });
  ctx.addEventListener(doc, 'fullscreenchange', schedule);
  // WXT's URL watcher (Navigation API, else a poll) starts only when its own event is listened for through ctx: an
  // SPA navigation that changes no DOM the observer sees still leads to a check.
  ctx.addEventListener(win, 'wxt:locationchange', schedule);
  ctx.addEventListener(win, 'popstate', schedule);

  const settingsSource = options.settings ?? { load: loadSettings, watch: watchSettings };
  const applySettings = (next: Settings): void => {
    settings = next;
    revision++;
    schedule();
  };
  void settingsSource.load().then(applySettings).catch(() => undefined);
  // Applied live: a change on the options page or the popup reaches every open badge.
  const unwatch = settingsSource.watch(applySettings);

  // The popup's "Copy page report" (issue #13): built here, on request, from the page as it is now.
  const stopReports = handleTabRequests({
    pageReport: () => buildPageReport({ adapter, doc, url: new URL(win.location.href), version: manifestVersion() }),
    toggleBadge: toggleHidden,
    // The popup of this tab asks here what it shows: nothing remembers tabs elsewhere, so nothing goes stale.
    tabFilm: () => (reported?.film.filmId ? reported.film : null),
  });

  // Listeners and timers set through ctx end with it; what is not ctx's to know ends here.
  ctx.onInvalidated(() => {
    disposed = true;
    stopReports();
    unwatch();
    observer.disconnect();
    watchVideo(null);
    render(null, badge.root);
    badge.detach();
  });

  check();
}
