/**
 * The content-script runtime every service shares: watch the page, detect the title through the site's adapter,
 * ask the background for the film, and keep one badge in the right place. Site differences live only in the
 * adapter; nothing here asks which site it is on.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RatingSourceId } from '../core/schema';
import { combinedScore } from '../core/ratings/aggregate';
import { DEFAULT_SETTINGS, enabledSources, isSiteEnabled, matchesShortcut, type Settings } from '../core/settings';
import { cleanTitle, normalizePageText } from '../core/clean-title';
import type { TabFilm } from '../protocol/messages';
import { sendMessage } from '../protocol/client';
import { handleTabRequests } from '../protocol/server';
import { loadSettings, watchSettings } from '../protocol/settings-store';
import { PAGE_DATA_ATTRIBUTE, readPageData } from '../sites/page-data';
import type { SiteAdapter } from '../sites/types';
import { creditsAlert, type CreditsAlert } from '../text/credits-text';
import { createBadgeHost, type BadgeHost } from './badge-host';
import type { BadgeActions, BadgeUi } from './badge-view';
import { buildPageReport } from './page-report';
import { isNearEnd, isTypingTarget, pageSaysCredits } from './signals';
import { creditsHold, decide, pickOther, settle, type Shown, type TitleState } from './title-state';

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
 * What a page gives for a search when its title cannot be read: the tab title's first part, cleaned ("Watch" and the
 * service's name taken off), or nothing.
 */
function pageHint(doc: Document, adapter: Pick<SiteAdapter, 'name'>): string {
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

/** The background requests the runtime makes; injectable so unit tests run without an extension. */
export type Ask = typeof sendMessage;

export interface RunSiteOptions {
  doc?: Document;
  ask?: Ask;
  /** Settings source; defaults to storage.sync (lib/protocol/settings-store.ts). Tests pass fixed settings. */
  settings?: { load(): Promise<Settings>; watch(cb: (s: Settings) => void): () => void };
}

/**
 * Runs on `ctx`, WXT's content-script context: its listeners, timers and URL watcher end with it (a reloaded or
 * updated extension invalidates the old script), so nothing here keeps its own list of things to undo. `ui` is the
 * badge's look (components/badge-view.tsx), handed in by the entrypoint.
 */
export function runSite(ctx: ContentScriptContext, adapter: SiteAdapter, ui: BadgeUi, options: RunSiteOptions = {}): void {
  const doc = options.doc ?? document;
  const ask = options.ask ?? sendMessage;
  const win = doc.defaultView ?? window;
  const badge: BadgeHost = createBadgeHost(doc, ui.css);
  /** The title on screen: what ./title-state.ts decides from each reading. */
  let title: TitleState = {};
  /** The page as the runtime watches it: the throttle's timer and clock, the video, the viewer's mouse and choice. */
  const page = {
    timer: undefined as number | undefined,
    lastCheck: 0,
    video: null as HTMLVideoElement | null,
    awakeUntil: 0,
    userHidden: false,
    retryTimer: undefined as number | undefined,
  };
  let settings: Settings = DEFAULT_SETTINGS;
  /** The dataset's per-source means (combined score priors), asked for once, when first needed. */
  let means: Partial<Record<RatingSourceId, number>> | undefined;
  /** A player on screen without a readable title: since when, on which URL, and whether the badge says so. */
  let unreadable: { href: string; since: number; timer?: number; shown: boolean } | undefined;
  /** Bumped by every change of what the badge shows; with alert and placement it says whether to re-render. */
  let revision = 0;
  let painted = '';

  const actions: BadgeActions = {
    pickOther: (id) => void showOther(id),
    search: (query) => void ask('openSearch', { query }).catch(() => undefined),
  };

  const paint = (shown: Shown, alert: CreditsAlert | null, placement: 'player' | 'inline'): void => {
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
    ui.render(
      badge.root,
      {
        kind: 'film',
        titleKey: shown.key,
        film,
        confidence,
        queryTitle: shown.detected.title,
        others: shown.others,
        sources,
        combined: settings.combinedScore && film && means ? combinedScore(film.ratings, means, sources) : null,
        ratingsHidden: settings.hideRatingsUntilReveal,
        notesShown: settings.spoilerMode === 'shown',
        placement,
        alert,
      },
      actions,
    );
  };

  /** Places and paints the badge for the current state; detaches it when there is nothing to show. */
  function update(): void {
    if (ctx.isInvalid) return;
    const { shown } = title;
    const mount = shown ? adapter.badgeMount(doc, shown.detected) : null;
    if (!shown || !mount || page.userHidden) {
      badge.detach();
      if (page.userHidden && shown && mount) badge.setData({ 'user-hidden': '' });
      return;
    }
    badge.setData({ 'user-hidden': null });
    attachTo(mount.container);
    const inPlayer = shown.detected.page === 'player';
    const rolling = inPlayer && creditsRolling(shown);
    const alert = rolling && shown.film ? creditsAlert(shown.film.credits.state) : null;
    if (alert === 'scene-coming' || alert === 'disagree') keepCreditsPlaying(shown);
    // Like the player's own UI: visible while paused or after a mouse move, faded while the film plays (an opened
    // badge stays: components/badge.css).
    const { video } = page;
    const playing = inPlayer && video !== null && !video.paused && !video.ended;
    const fade = settings.badge.autoHide && playing && Date.now() > page.awakeUntil && !alert;
    badge.setData({ faded: fade ? '' : null });
    paint(shown, alert, mount.placement);
  }

  /**
   * Attaches the badge to `container`. In fullscreen only the fullscreen element's subtree is drawn: follow it if the
   * player mounted elsewhere.
   */
  function attachTo(container: Element): void {
    const full = doc.fullscreenElement;
    badge.attach(full && !full.contains(container) ? full : container);
  }

  /** Service signal, service clock, video clock (./title-state.ts holds the point once seen). */
  function creditsRolling(shown: Shown): boolean {
    const { video } = page;
    const time = video && Number.isFinite(video.currentTime) ? video.currentTime : undefined;
    const signalled = adapter.creditsRolling(doc) || pageSaysCredits(readPageData(doc), time) || isNearEnd(video);
    const hold = creditsHold(shown.creditsFrom, signalled, time);
    shown.creditsFrom = hold.from;
    return hold.rolling;
  }

  /**
   * The viewer asked to keep the credits playing and a scene is (or may be) still to come: choose the service's own
   * "watch credits", once per title, so autoplay does not skip to the next title.
   */
  function keepCreditsPlaying(shown: Shown): void {
    if (!settings.keepCreditsPlaying || shown.keptCredits) return;
    const control = adapter.watchCreditsControl?.(doc);
    if (!control) return;
    shown.keptCredits = true;
    control.click();
  }

  async function showOther(id: string): Promise<void> {
    const film = await ask('getFilm', { id }).catch(() => null);
    if (!film || !title.shown) return;
    title = { ...title, shown: pickOther(title.shown, film) };
    revision++;
    update();
  }

  /**
   * Tells the background what this tab shows (its toolbar signal), each time that changes: a film, or none (an
   * episode, a page without a film, a player whose title cannot be read). The popup asks the same (`tabFilm`).
   */
  let reported: { key: string; film: TabFilm } | undefined;
  function report(title: string, filmId: string | null): void {
    const key = `${filmId ?? ''}|${win.location.href}`;
    if (key === reported?.key) return;
    const film: TabFilm = { siteId: adapter.id, title, filmId };
    reported = { key, film };
    void ask('reportDetected', film).catch(() => undefined);
  }

  async function resolve(detected: Parameters<typeof settle>[2], key: string): Promise<void> {
    const href = win.location.href;
    const result = await ask('matchTitle', {
      title: detected.title,
      year: detected.year,
      runtime: detected.runtime,
      kind: detected.kind,
    }).catch(() => undefined);
    if (ctx.isInvalid) return;
    const settled = settle(title, key, detected, href, result);
    title = settled.state;
    const { step } = settled;
    if (step.do === 'stale') return;
    if (step.do === 'retry') {
      // No answer at all (the background stopped while answering): ask again a little later, a few times.
      if (page.retryTimer !== undefined) clearTimeout(page.retryTimer);
      page.retryTimer = ctx.setTimeout(() => {
        page.retryTimer = undefined;
        schedule();
      }, step.delay);
      return;
    }
    revision++;
    update();
    report(detected.title, title.shown?.film?.id ?? null);
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
    if (page.userHidden) {
      badge.detach();
      return;
    }
    attachTo(root);
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
    ui.render(badge.root, { kind: 'unreadable', hint }, actions);
  }

  function watchVideo(next: HTMLVideoElement | null): void {
    if (next === page.video) return;
    for (const type of ['play', 'pause', 'timeupdate', 'ended'] as const) {
      page.video?.removeEventListener(type, schedule);
      next?.addEventListener(type, schedule);
    }
    page.video = next;
  }

  function check(): void {
    page.timer = undefined;
    page.lastCheck = Date.now();
    if (ctx.isInvalid) return;
    const url = new URL(win.location.href);
    // Switched off for this site (options page or the popup's switch): behave as if nothing were on screen.
    const enabled = isSiteEnabled(settings, adapter.id) && adapter.isTitlePage(url);
    const decided = decide(title, {
      href: url.href,
      enabled,
      detected: enabled ? adapter.detect(doc, url) : null,
      shownStillMounted: (shown) => adapter.badgeMount(doc, shown.detected) !== null,
      player: () => adapter.player(doc),
    });
    title = decided.state;
    const { step } = decided;
    if (step.do !== 'unreadable') clearUnreadable();
    switch (step.do) {
      case 'update':
        watchVideo(title.shown?.detected.page === 'player' ? (adapter.video(doc) ?? page.video) : null);
        update();
        return;
      case 'unreadable':
        watchVideo(adapter.video(doc));
        showUnreadable(step.player, url.href);
        report('', null);
        return;
      case 'clear':
        watchVideo(null);
        badge.detach();
        report('', null);
        return;
      case 'resolve':
        watchVideo(step.detected.page === 'player' ? adapter.video(doc) : null);
        void resolve(step.detected, step.key);
        return;
      case 'wait':
        return;
    }
  }

  /**
   * Throttle, leading edge: after a quiet spell the first mutation is checked at once (a new title shows its badge
   * without waiting out a delay); within a burst, checks stay at least CHECK_DELAY_MS apart.
   */
  function schedule(): void {
    if (page.timer !== undefined || ctx.isInvalid) return;
    page.timer = ctx.setTimeout(check, Math.max(0, page.lastCheck + CHECK_DELAY_MS - Date.now()));
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
    const wasAsleep = Date.now() > page.awakeUntil;
    page.awakeUntil = Date.now() + WAKE_MS;
    if (wasAsleep) update();
    ctx.setTimeout(schedule, WAKE_MS + 50);
  };
  const toggleHidden = (): boolean => {
    page.userHidden = !page.userHidden;
    update();
    return !page.userHidden;
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

  // What the extension's own pages may ask this tab (lib/protocol/messages.ts, TabProtocolMap).
  const stopReports = handleTabRequests({
    // The popup's "Copy page report" (issue #13): built here, on request, from the page as it is now.
    pageReport: () => buildPageReport({ adapter, doc, url: new URL(win.location.href), version: manifestVersion() }),
    toggleBadge: toggleHidden,
    // The popup of this tab asks here what it shows: nothing remembers tabs elsewhere, so nothing goes stale.
    tabFilm: () => (reported?.film.filmId ? reported.film : null),
  });

  // Listeners and timers set through ctx end with it; what is not ctx's to know ends here.
  ctx.onInvalidated(() => {
    stopReports();
    unwatch();
    observer.disconnect();
    watchVideo(null);
    ui.render(badge.root, null, actions);
    badge.detach();
  });

  check();
}
