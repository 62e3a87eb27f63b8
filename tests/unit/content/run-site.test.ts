/**
 * The shared runtime against a minimal adapter (the real Prime adapter has its own fixture tests): one badge,
 * only for films, follows title changes, fades while playing, toggles by keyboard, cleans up on invalidation.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { badgeUi } from '../../../components/badge-view';
import { runSite, type Ask } from '../../../lib/content/run-site';
import { isNearEnd, isTypingTarget, pageSaysCredits } from '../../../lib/content/signals';
import { PAGE_DATA_ATTRIBUTE } from '../../../lib/sites/page-data';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/core/settings';
import type { DetectedTitle, SiteAdapter } from '../../../lib/sites/types';
import { fakeFilm } from '../../helpers/dataset';

/** A stand-in site: `#title` holds the title, `#kind` the kind, `#player` is the mount point. */
const adapter: SiteAdapter = {
  id: 'test-site',
  name: 'Test site',
  matches: ['*://*/*'],
  isTitlePage: () => true,
  detect(doc): DetectedTitle | null {
    const title = doc.getElementById('title')?.textContent?.trim();
    if (!title) return null;
    const kind = (doc.getElementById('kind')?.textContent?.trim() ?? 'movie') as DetectedTitle['kind'];
    const signal = (doc.getElementById('signal')?.textContent?.trim() ?? 'player') as DetectedTitle['signal'];
    return { page: 'player', kind, title, rawTitle: title, year: 2001, signal };
  },
  badgeMount: (doc) => {
    const container = doc.getElementById('player');
    return container ? { container, placement: 'player' } : null;
  },
  video: (doc) => doc.querySelector('video'),
  player: (doc) => (doc.querySelector('#player video') ? doc.getElementById('player') : null),
  signals: (doc) => [{ signal: 'player', found: doc.getElementById('title') !== null }],
  creditsRolling: (doc) => doc.querySelector('.next-up') !== null,
  watchCreditsControl: (doc) => doc.querySelector<HTMLElement>('.next-up button.watch-credits'),
};

let ctx: ContentScriptContext | undefined;
/** Ends the content script as a reload of the extension does: WXT's context is invalidated. */
const invalidate = (): void => ctx?.notifyInvalidated();
let asked: string[];
let pushSettings: (s: Settings) => void;
/** matchTitle calls that fail (the background stopped while answering) before one answers. */
let failingAnswers = 0;

function start(settings: Settings = DEFAULT_SETTINGS): void {
  asked = [];
  const ask = (async (type: string, data: { title?: string; id?: string; query?: string }) => {
    if (type !== 'reportDetected') asked.push(`${type}:${data.title ?? data.id ?? data.query ?? ''}`);
    if (type === 'reportDetected') return null;
    if (type === 'matchTitle' && failingAnswers > 0) {
      failingAnswers--;
      throw new Error('The background stopped while answering "matchTitle".');
    }
    if (type === 'matchTitle') {
      const film = data.title === 'Known Film' ? { ...fakeFilm(1, 'post'), title: 'Known Film' } : null;
      return { best: film ? { film, confidence: 'high' } : null, others: [] };
    }
    return null;
  }) as unknown as Ask;
  ctx = new ContentScriptContext('test-site');
  runSite(ctx, adapter, badgeUi, {
    doc: document,
    ask,
    settings: {
      load: async () => settings,
      watch: (cb) => {
        pushSettings = cb;
        return () => undefined;
      },
    },
  });
}

const host = (): HTMLElement | null => document.querySelector('credits-cue-badge');
const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(100);
};

beforeEach(() => {
  failingAnswers = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  document.body.innerHTML = '<div id="player"><video></video></div><div id="title">Known Film</div>';
});
afterEach(() => {
  invalidate();
  vi.useRealTimers();
});

describe('runSite', () => {
  it('an SPA navigation that changes no DOM still leads to a check (WXT\'s URL watcher, started through ctx)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const onlyOnWatch: SiteAdapter = { ...adapter, isTitlePage: (url) => url.pathname.startsWith('/watch/') };
    history.replaceState(null, '', '/browse');
    asked = [];
    const ask = (async (type: string, data: { title?: string }) => {
      if (type === 'matchTitle') asked.push(`matchTitle:${data.title ?? ''}`);
      return type === 'matchTitle' ? { best: { film: { ...fakeFilm(1, 'post'), title: 'Known Film' }, confidence: 'high' }, others: [] } : null;
    }) as unknown as Ask;
    ctx = new ContentScriptContext('test-site');
    runSite(ctx, onlyOnWatch, badgeUi, { doc: document, ask, settings: { load: async () => DEFAULT_SETTINGS, watch: () => () => undefined } });
    await settle();
    expect(host()).toBeNull();
    // The player page's URL, by pushState: no DOM mutation, no popstate.
    history.pushState(null, '', '/watch/1');
    await vi.advanceTimersByTimeAsync(1100);
    await settle();
    expect(asked).toEqual(['matchTitle:Known Film']);
    expect(host()?.getAttribute('data-credits')).toBe('post');
    history.replaceState(null, '', '/');
  });

  it('shows one badge for a known film with its test hooks', async () => {
    start();
    await settle();
    expect(host()?.getAttribute('data-credits')).toBe('post');
    expect(host()?.getAttribute('data-film-id')).toBe(fakeFilm(1).id);
    expect(host()?.getAttribute('data-confidence')).toBe('high');
    expect(document.querySelectorAll('credits-cue-badge')).toHaveLength(1);
    expect(host()?.parentElement?.id).toBe('player');
  });

  it('shows no film badge for an episode', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="kind">episode</div>');
    start();
    await settle();
    expect(host()).toBeNull();
    expect(asked).toEqual([]);
  });

  it('follows a new title without a URL change, asking once per title', async () => {
    start();
    await settle();
    document.getElementById('title')!.textContent = 'Unknown Film';
    await settle();
    expect(host()?.getAttribute('data-credits')).toBe('unknown');
    expect(host()?.getAttribute('data-film-id')).toBe('');
    for (let i = 0; i < 20; i++) document.body.append(document.createElement('span'));
    await settle();
    expect(asked).toEqual(['matchTitle:Known Film', 'matchTitle:Unknown Film']);
  });

  it('checks the first change after a quiet spell at once, and a burst at most every 50 ms', async () => {
    start();
    await settle();
    document.getElementById('title')!.textContent = 'Unknown Film';
    await vi.advanceTimersByTimeAsync(5);
    expect(asked).toEqual(['matchTitle:Known Film', 'matchTitle:Unknown Film']);
    // A burst right after: the next check waits for the throttle window, then sees the latest title only.
    document.getElementById('title')!.textContent = 'Another Film';
    await vi.advanceTimersByTimeAsync(5);
    document.getElementById('title')!.textContent = 'Known Film';
    await vi.advanceTimersByTimeAsync(10);
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(50);
    expect(asked).toEqual(['matchTitle:Known Film', 'matchTitle:Unknown Film', 'matchTitle:Known Film']);
  });

  it('fades while the film plays and wakes on mouse move', async () => {
    start();
    await settle();
    const video = document.querySelector('video')!;
    Object.defineProperty(video, 'paused', { configurable: true, get: () => false });
    video.dispatchEvent(new Event('play'));
    await settle();
    expect(host()?.hasAttribute('data-faded')).toBe(true);
    document.dispatchEvent(new MouseEvent('mousemove'));
    await settle();
    expect(host()?.hasAttribute('data-faded')).toBe(false);
    await vi.advanceTimersByTimeAsync(3500);
    expect(host()?.hasAttribute('data-faded')).toBe(true);
  });

  it('shows the credits alert when the site signals the credits', async () => {
    start();
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<div class="next-up"></div>');
    await settle();
    expect(host()?.getAttribute('data-alert')).toBe('scene-coming');
  });

  it('shows the credits alert when the service clock from the page world reaches its credits marker', async () => {
    start();
    await settle();
    document.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, JSON.stringify({ position: 100, creditsStart: 5000 }));
    await settle();
    expect(host()?.hasAttribute('data-alert')).toBe(false);
    document.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, JSON.stringify({ position: 5001, creditsStart: 5000 }));
    await settle();
    expect(host()?.getAttribute('data-alert')).toBe('scene-coming');
    document.documentElement.removeAttribute(PAGE_DATA_ATTRIBUTE);
  });

  it('holds the alert after the next-up card is dismissed, until the video goes back before the credits', async () => {
    start();
    await settle();
    const video = document.querySelector('video')!;
    let time = 6000;
    Object.defineProperty(video, 'currentTime', { configurable: true, get: () => time });
    document.body.insertAdjacentHTML('beforeend', '<div class="next-up"></div>');
    await settle();
    expect(host()?.getAttribute('data-alert')).toBe('scene-coming');
    document.querySelector('.next-up')!.remove();
    time = 6030;
    video.dispatchEvent(new Event('timeupdate'));
    await settle();
    expect(host()?.getAttribute('data-alert')).toBe('scene-coming');
    time = 3000; // the viewer seeks back into the film
    video.dispatchEvent(new Event('timeupdate'));
    await settle();
    expect(host()?.hasAttribute('data-alert')).toBe(false);
  });

  describe('keep the credits playing', () => {
    const card = '<div class="next-up"><button class="watch-credits">Watch credits</button></div>';
    const clicks = (): { count: number } => {
      const counter = { count: 0 };
      document.querySelector('.watch-credits')!.addEventListener('click', () => counter.count++);
      return counter;
    };

    it('is off by default: the service’s "watch credits" is never chosen', async () => {
      start();
      await settle();
      document.body.insertAdjacentHTML('beforeend', card);
      const counter = clicks();
      await settle();
      expect(host()?.getAttribute('data-alert')).toBe('scene-coming');
      expect(counter.count).toBe(0);
    });

    it('when on and a scene is to come, chooses "watch credits" once for the title', async () => {
      start({ ...DEFAULT_SETTINGS, keepCreditsPlaying: true });
      await settle();
      document.body.insertAdjacentHTML('beforeend', card);
      const counter = clicks();
      await settle();
      document.body.append(document.createElement('span'));
      await settle();
      expect(counter.count).toBe(1);
    });

    it('when on, leaves autoplay alone for a film with no scene or an unknown one', async () => {
      document.getElementById('title')!.textContent = 'Unknown Film';
      start({ ...DEFAULT_SETTINGS, keepCreditsPlaying: true });
      await settle();
      document.body.insertAdjacentHTML('beforeend', card);
      const counter = clicks();
      await settle();
      expect(host()?.getAttribute('data-credits')).toBe('unknown');
      expect(counter.count).toBe(0);
    });
  });

  it('Alt+Shift+C hides and shows the badge', async () => {
    start();
    await settle();
    const press = (): boolean => document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyC', altKey: true, shiftKey: true, bubbles: true }));
    press();
    expect(host()).toBeNull();
    press();
    expect(host()?.isConnected).toBe(true);
  });

  it('follows settings live: site switch, position, auto-hide off', async () => {
    start();
    await settle();
    pushSettings({ ...DEFAULT_SETTINGS, badge: { ...DEFAULT_SETTINGS.badge, position: 'bottom-left', autoHide: false } });
    await settle();
    expect(host()?.getAttribute('data-position')).toBe('bottom-left');
    const video = document.querySelector('video')!;
    Object.defineProperty(video, 'paused', { configurable: true, get: () => false });
    video.dispatchEvent(new Event('play'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(host()?.hasAttribute('data-faded')).toBe(false);
    pushSettings({ ...DEFAULT_SETTINGS, sites: { 'test-site': false } });
    await settle();
    expect(host()).toBeNull();
    pushSettings(DEFAULT_SETTINGS);
    await settle();
    expect(host()?.isConnected).toBe(true);
  });

  it('uses the shortcut from the settings', async () => {
    start({ ...DEFAULT_SETTINGS, shortcut: { key: 'KeyB', alt: false, shift: false, ctrl: true, meta: false } });
    await settle();
    document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyC', altKey: true, shiftKey: true, bubbles: true }));
    expect(host()?.isConnected).toBe(true);
    document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyB', ctrlKey: true, bubbles: true }));
    expect(host()).toBeNull();
  });

  it('keeps the film while the player hides its title on the same URL; drops it on a new URL', async () => {
    start();
    await settle();
    document.getElementById('title')!.remove();
    await settle();
    expect(host()?.getAttribute('data-film-id')).toBe(fakeFilm(1).id);
    history.pushState({}, '', '/watch/another');
    document.body.append(document.createElement('span'));
    await settle();
    expect(host()).toBeNull();
  });

  it('removes the badge and stops observing when invalidated', async () => {
    start();
    await settle();
    invalidate();
    expect(host()).toBeNull();
    document.getElementById('title')!.textContent = 'Another';
    await settle();
    expect(asked).toEqual(['matchTitle:Known Film']);
  });
});

describe('issue #13: answers that come late, titles that cannot be read', () => {
  it('asks again when the background could not answer, and shows the film once it does', async () => {
    failingAnswers = 2;
    start();
    await settle();
    expect(host()).toBeNull();
    await vi.advanceTimersByTimeAsync(1500);
    expect(host()?.getAttribute('data-film-id')).toBe(fakeFilm(1).id);
    expect(asked.filter((a) => a.startsWith('matchTitle:'))).toHaveLength(3);
  });

  it('says when a player is on screen but its title cannot be read, and searches with what the page gives', async () => {
    document.title = 'Watch Some Film | Test site';
    document.getElementById('title')?.remove();
    start();
    await settle();
    // A player renders its title late: nothing is said at once.
    expect(host()).toBeNull();
    await vi.advanceTimersByTimeAsync(2600);
    expect(host()?.hasAttribute('data-unreadable')).toBe(true);
    expect(host()?.getAttribute('data-credits')).toBe('unknown');
    expect(host()?.getAttribute('data-film-id')).toBe('');
    expect(host()?.parentElement?.id).toBe('player');
    const button = host()?.shadowRoot?.querySelector<HTMLElement>('[data-testid="badge-unreadable"]');
    expect(button?.textContent).toBe('Can’t read the title here — search');
    button?.click();
    await settle();
    expect(asked).toContain('openSearch:Some Film');
    // The title appears: the film's badge replaces it.
    const title = document.createElement('div');
    title.id = 'title';
    title.textContent = 'Known Film';
    document.body.append(title);
    await settle();
    expect(host()?.hasAttribute('data-unreadable')).toBe(false);
    expect(host()?.getAttribute('data-film-id')).toBe(fakeFilm(1).id);
  });

  it('says nothing without a player, nor while the film badge is held on the same URL', async () => {
    document.body.innerHTML = '<div id="title">Known Film</div>';
    start();
    await settle();
    document.getElementById('title')?.remove();
    await vi.advanceTimersByTimeAsync(5000);
    expect(host()).toBeNull();
    invalidate();
    document.body.innerHTML = '<div id="player"><video></video></div><div id="title">Known Film</div>';
    start();
    await settle();
    document.getElementById('title')?.remove();
    await vi.advanceTimersByTimeAsync(5000);
    expect(host()?.getAttribute('data-film-id')).toBe(fakeFilm(1).id);
    expect(host()?.hasAttribute('data-unreadable')).toBe(false);
  });

  it('a tab title read on a URL where the player named an episode is that episode, not a film', async () => {
    document.body.innerHTML = '<div id="player"><video></video></div><div id="title">Known Film</div><div id="kind">episode</div>';
    start();
    await settle();
    expect(host()).toBeNull();
    // The controls hide: only the tab title (the episode's name, which a film happens to share) is read.
    document.getElementById('kind')!.textContent = 'movie';
    document.body.insertAdjacentHTML('beforeend', '<div id="signal">tab-title</div>');
    await vi.advanceTimersByTimeAsync(3000);
    expect(host()).toBeNull();
    expect(asked.filter((a) => a.startsWith('matchTitle:'))).toHaveLength(0);
  });
});

describe('signals', () => {
  it('near end: last 7 % of a feature, 2 to 10 minutes', () => {
    expect(isNearEnd({ duration: 7200, currentTime: 7200 - 8 * 60 })).toBe(true); // 7 % of 2 h is 8.4 min
    expect(isNearEnd({ duration: 7200, currentTime: 7200 - 9 * 60 })).toBe(false);
    expect(isNearEnd({ duration: 14400, currentTime: 14400 - 11 * 60 })).toBe(false); // capped at 10 min
    expect(isNearEnd({ duration: 1500, currentTime: 1500 - 110 })).toBe(true);
    expect(isNearEnd({ duration: 600, currentTime: 599 })).toBe(false); // a trailer or short
    expect(isNearEnd({ duration: NaN, currentTime: 0 })).toBe(false);
    expect(isNearEnd(null)).toBe(false);
  });

  it('the service clock: its credits marker first, else the same near-end window', () => {
    expect(pageSaysCredits({ position: 5000, creditsStart: 5000 })).toBe(true);
    expect(pageSaysCredits({ position: 4999, creditsStart: 5000, duration: 5100 })).toBe(false);
    expect(pageSaysCredits({ position: 7200 - 60, duration: 7200 })).toBe(true);
    expect(pageSaysCredits({ position: 100, duration: 7200 })).toBe(false);
    expect(pageSaysCredits({ creditsStart: 10 })).toBe(false);
    // A marker alone is compared with the video's clock.
    expect(pageSaysCredits({ creditsStart: 5000 }, 5001)).toBe(true);
    expect(pageSaysCredits({ creditsStart: 5000 }, 10)).toBe(false);
    expect(pageSaysCredits({ duration: 7200 }, 7190)).toBe(false);
    expect(pageSaysCredits(null)).toBe(false);
  });

  it('typing in fields is never a shortcut', () => {
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    document.body.append(editable);
    expect(isTypingTarget(editable)).toBe(editable.isContentEditable);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('pages that change under the runtime', () => {
  it('100 title changes, player removed and re-added each time: one badge, video listeners balanced', async () => {
    const added = new Map<string, number>();
    const count = (type: string, delta: number): void => void added.set(type, (added.get(type) ?? 0) + delta);
    const add = vi.spyOn(HTMLMediaElement.prototype, 'addEventListener').mockImplementation(function (this: HTMLMediaElement, type: string) {
      count(type, 1);
    });
    const remove = vi.spyOn(HTMLMediaElement.prototype, 'removeEventListener').mockImplementation(function (this: HTMLMediaElement, type: string) {
      count(type, -1);
    });
    try {
      start();
      await settle();
      for (let i = 0; i < 100; i++) {
        const player = document.getElementById('player')!;
        player.remove();
        await vi.advanceTimersByTimeAsync(60);
        // A fresh player (new video element), as players re-mount.
        const next = document.createElement('div');
        next.id = 'player';
        next.innerHTML = '<video></video>';
        document.body.prepend(next);
        document.getElementById('title')!.textContent = i % 2 ? 'Known Film' : 'Unknown Film';
        await vi.advanceTimersByTimeAsync(60);
        expect(document.querySelectorAll('credits-cue-badge').length).toBeLessThanOrEqual(1);
      }
      expect(document.querySelectorAll('credits-cue-badge')).toHaveLength(1);
      // At most the current video's four listeners are attached; every other one was removed again.
      for (const [, n] of added) expect(n).toBeLessThanOrEqual(1);
      invalidate();
      for (const [, n] of added) expect(n).toBe(0);
    } finally {
      add.mockRestore();
      remove.mockRestore();
    }
  });
});
