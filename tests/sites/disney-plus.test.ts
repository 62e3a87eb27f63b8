import { describe, expect, it } from 'vitest';
import { describeAdapter, describeSignals } from '../helpers/describe-adapter';
import { parse, siteFixtures } from '../helpers/site-fixtures';
import { parseShadow } from '../helpers/shadow-dom';
import { disneyPlus, readDisneyPage, selectors } from '../../lib/sites/disney-plus';
import { PAGE_DATA_ATTRIBUTE, runPageWorld } from '../../lib/sites/page-data';
import { primeVideo } from '../../lib/sites/prime-video';
import { netflix } from '../../lib/sites/netflix';
import type { DetectedTitle } from '../../lib/sites/types';

const { fixtures, fixture } = siteFixtures('disney-plus');

function load(name: string): { doc: Document; url: URL } {
  const f = fixture(name);
  return { doc: parseShadow(f.html), url: new URL(f.url) };
}

/** Every match of `selector` in the document and its open shadow roots (test-side, independent of the adapter). */
function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) found.push(...deepQueryAll(el.shadowRoot, selector));
  return found;
}

const deepQuery = (root: ParentNode, selector: string): Element | null => deepQueryAll(root, selector)[0] ?? null;

describeAdapter(disneyPlus, { selectors, parseFixture: parseShadow, matches: (doc, selector) => deepQuery(doc, selector) !== null });

/** The text node holding `text` anywhere in the page (shadow roots included), for in-place edits. */
function textEl(doc: Document, selector: string): Element {
  const el = deepQuery(doc, selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

/** Runs a fixture's inline page script against its parsed document, as the page would. */
function runInlineScript(doc: Document): void {
  const script = doc.querySelector('body > script');
  if (!script) throw new Error('no inline script');
  new Function('document', script.textContent ?? '')(doc);
}

const fakeWindow = (player: unknown): Window =>
  ({ document: { querySelector: (s: string) => (s === 'disney-web-player' ? player : null) } }) as unknown as Window;

const PLAYER_FIXTURES = fixtures.filter((f) => f.name.startsWith('player-')).map((f) => f.name);
const DETAIL_FIXTURES = fixtures.filter((f) => f.name.startsWith('detail-')).map((f) => f.name);
const CREDITS_FIXTURES = ['player-movie-upnext', 'player-movie-legacy-upnext'];
/** Player fixtures whose inline script sets `mediaPlayer` (the legacy player predates the documented data). */
const SCRIPTED = PLAYER_FIXTURES.filter((n) => n !== 'player-movie-legacy-upnext' && n !== 'player-movie-many-roots');
const PLAY = new URL('https://www.disneyplus.com/play/00000000-0000-4000-8000-00000000f001');
const ENTITY = new URL('https://www.disneyplus.com/browse/entity-00000000-0000-4000-8000-00000000d001');

describe('fixtures', () => {
  it('has every required page kind', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'player-movie',
        'player-movie-upnext',
        'player-episode',
        'player-episode-nl',
        'player-movie-pageworld',
        'player-movie-legacy-upnext',
        'detail-movie',
        'detail-series',
      ]),
    );
  });

  it('the unit-test DOM does not attach declarative shadow roots by itself (hence the helper above)', () => {
    const f = fixture('player-movie');
    const raw = parse(f.html);
    expect(raw.querySelector('main-app-controls-overlay')?.shadowRoot ?? null).toBeNull();
    // Only the tab title is read then.
    expect(disneyPlus.detect(raw, new URL(f.url))?.signal).toBe('tab-title');
  });

  it.each(SCRIPTED)('%s: its inline script sets mediaPlayer in the shape readDisneyPage reads', (name) => {
    const { doc } = load(name);
    runInlineScript(doc);
    const data = readDisneyPage({ document: doc } as unknown as Window);
    const expected = fixture(name).expected;
    expect(data?.title).toBe(expected?.rawTitle);
    expect(data?.kind).toBe(expected?.kind);
    expect(data?.subtitle).toBe(expected?.episodeLine);
    expect(data?.position).toBeGreaterThan(0);
    expect(data?.duration).toBeGreaterThan(data?.position ?? 0);
  });

  it.each(PLAYER_FIXTURES)('%s: the player is a fixed full-viewport layer with both video elements', (name) => {
    const { doc } = load(name);
    expect(doc.querySelector('style')?.textContent).toMatch(/#hudson-wrapper\{position:fixed;inset:0/);
    const root = doc.querySelector('#hudson-wrapper');
    expect(root?.querySelector('disney-web-player')).not.toBeNull();
    expect(deepQueryAll(root as Element, 'video').length).toBeGreaterThanOrEqual(1);
  });
});

describe('badgeMount', () => {
  it.each(PLAYER_FIXTURES)('%s: mounts in #hudson-wrapper, which holds the video and Disney\u2019s own UI', (name) => {
    const { doc, url } = load(name);
    const detected = disneyPlus.detect(doc, url);
    expect(detected?.page).toBe('player');
    const mount = detected ? disneyPlus.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.id).toBe('hudson-wrapper');
    // Light DOM: the badge is rendered (a shadow host without slots would hide it) and found by document queries.
    expect(mount?.container.getRootNode()).toBe(doc);
  });

  it.each(DETAIL_FIXTURES)('%s: mounts inline beside the title logo', (name) => {
    const { doc, url } = load(name);
    const detected = disneyPlus.detect(doc, url);
    const mount = detected ? disneyPlus.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('inline');
    expect(mount?.container.querySelector(':scope > img')?.getAttribute('alt')).toBe(detected?.rawTitle);
  });

  it('goes beside a disney-web-player that has its own shadow root (it renders no light children)', () => {
    const doc = parseShadow(
      '<div id="stage"><disney-web-player><template shadowrootmode="open"><div class="media-element-container">' +
        '<video id="hivePlayer1" src="blob:x"></video></div></template></disney-web-player></div>',
    );
    const detected: DetectedTitle = { page: 'player', kind: 'movie', title: 'X', rawTitle: 'X' };
    expect(disneyPlus.badgeMount(doc, detected)?.container.id).toBe('stage');
    expect(disneyPlus.video(doc)?.id).toBe('hivePlayer1');
  });

  it('mounts on a bare disney-web-player (2026 markup without the wrapper)', () => {
    const doc = parseShadow('<disney-web-player><div class="media-element-container"><video src="blob:x"></video></div></disney-web-player>');
    const mount = disneyPlus.badgeMount(doc, { page: 'player', kind: 'movie', title: 'X', rawTitle: 'X' });
    expect(mount?.container.tagName).toBe('DISNEY-WEB-PLAYER');
  });

  it('falls back to the masthead line when the title came from document.title', () => {
    const { doc, url } = load('detail-movie');
    doc.querySelector('[data-testid="details-title-treatment"]')?.remove();
    const detected = disneyPlus.detect(doc, url);
    expect(detected?.rawTitle).toBe('Never Let Me Go');
    const mount = detected ? disneyPlus.badgeMount(doc, detected) : null;
    expect(mount?.container.querySelector(':scope > [data-testid="masthead-metadata"]')).not.toBeNull();
  });

  it('is null once the player or the title is gone', () => {
    const { doc, url } = load('player-movie');
    const detected = disneyPlus.detect(doc, url) as DetectedTitle;
    doc.querySelector('#hudson-wrapper')?.remove();
    expect(disneyPlus.badgeMount(doc, detected)).toBeNull();
    const detail = load('detail-movie');
    const d = disneyPlus.detect(detail.doc, detail.url) as DetectedTitle;
    detail.doc.querySelector('[data-testid="explore-details-view"]')?.remove();
    expect(disneyPlus.badgeMount(detail.doc, d)).toBeNull();
  });
});

describe('video', () => {
  it.each(PLAYER_FIXTURES)('%s: the hivePlayer video, not the empty decoy', (name) => {
    const video = disneyPlus.video(load(name).doc);
    expect(video?.tagName).toBe('VIDEO');
    expect(video?.id).toMatch(/^hivePlayer/);
    expect(video?.hasAttribute('src')).toBe(true);
  });

  it('finds the video inside disney-web-player\u2019s open shadow root (2024 player)', () => {
    const video = disneyPlus.video(load('player-movie-legacy-upnext').doc);
    expect(video?.id).toBe('hivePlayer');
    expect(video?.getRootNode()).not.toBeInstanceOf(Document);
  });

  it('without hivePlayer ids, takes the container\u2019s video that has a source and is not hidden', () => {
    const doc = parseShadow(
      '<div id="hudson-wrapper"><disney-web-player><div class="media-element-container">' +
        '<video style="display:none" src="blob:decoy"></video><video></video><video src="blob:real"></video>' +
        '</div></disney-web-player></div>',
    );
    expect(disneyPlus.video(doc)?.getAttribute('src')).toBe('blob:real');
  });

  it.each(DETAIL_FIXTURES)('%s: no content video', (name) => {
    expect(disneyPlus.video(load(name).doc)).toBeNull();
  });

  it('a stray <video> outside the player is not the content video', () => {
    expect(disneyPlus.video(parseShadow('<video id="hivePlayer1" src="blob:x"></video>'))).toBeNull();
  });
});

describe('creditsRolling', () => {
  it.each(CREDITS_FIXTURES)('%s: true', (name) => {
    expect(disneyPlus.creditsRolling(load(name).doc)).toBe(true);
  });

  it.each(fixtures.filter((f) => !CREDITS_FIXTURES.includes(f.name)).map((f) => f.name))('%s: false', (name) => {
    expect(disneyPlus.creditsRolling(load(name).doc)).toBe(false);
  });

  it('is false while up-next-lite-v1 is mounted but has rendered nothing', () => {
    const { doc } = load('player-movie');
    const host = doc.querySelector('up-next-lite-v1');
    expect(host?.shadowRoot?.childNodes.length).toBe(1);
    expect(disneyPlus.creditsRolling(doc)).toBe(false);
  });

  it('is false when the overlay is in the DOM but hidden (host, ancestor or content)', () => {
    const { doc } = load('player-movie-upnext');
    const host = doc.querySelector('up-next-lite-v1') as HTMLElement;
    host.setAttribute('hidden', '');
    expect(disneyPlus.creditsRolling(doc)).toBe(false);
    host.removeAttribute('hidden');
    const ui = doc.querySelector('disney-web-player-ui') as HTMLElement;
    ui.style.display = 'none';
    expect(disneyPlus.creditsRolling(doc)).toBe(false);
    ui.style.display = '';
    const overlay = host.shadowRoot?.querySelector('.up-next-lite-v1-overlay') as HTMLElement;
    overlay.style.visibility = 'hidden';
    expect(disneyPlus.creditsRolling(doc)).toBe(false);
    overlay.style.visibility = '';
    expect(disneyPlus.creditsRolling(doc)).toBe(true);
  });

  it('reads the older overlay only while shown', () => {
    const { doc } = load('player-movie-legacy-upnext');
    const old = doc.querySelector('.overlay_upnextlite_button-container') as HTMLElement;
    old.style.display = 'none';
    expect(disneyPlus.creditsRolling(doc)).toBe(false);
  });

  it('is false for an up-next overlay outside any player', () => {
    const doc = parseShadow('<up-next-lite-v1><template shadowrootmode="open"><button>PLAY NEXT</button></template></up-next-lite-v1>');
    expect(disneyPlus.creditsRolling(doc)).toBe(false);
  });

  it('stays true when the title bug is gone (detect then has nothing from the DOM)', () => {
    const { doc, url } = load('player-movie-upnext');
    doc.querySelector('main-app-controls-overlay')?.remove();
    doc.title = '';
    expect(disneyPlus.detect(doc, url)).toBeNull();
    expect(disneyPlus.creditsRolling(doc)).toBe(true);
  });
});

describe('selectors', () => {
  it('prefers the shadow title bug over the older light-DOM header', () => {
    const { doc, url } = load('player-movie');
    const area = doc.createElement('div');
    area.className = 'title-bug-area';
    area.innerHTML = '<div class="title-field">Old Header Title</div>';
    doc.querySelector('disney-web-player-ui')?.prepend(area);
    expect(disneyPlus.detect(doc, url)?.title).toBe('Never Let Me Go');
    doc.querySelector('main-app-controls-overlay')?.remove();
    expect(disneyPlus.detect(doc, url)?.title).toBe('Old Header Title');
  });

  it('reads title-bug wherever it is nested (2026-04: outside the controls overlay\u2019s shadow root)', () => {
    const { doc, url } = load('player-episode');
    const bug = deepQuery(doc, 'title-bug');
    if (!bug) throw new Error('no title-bug');
    doc.querySelector('disney-web-player-ui')?.append(bug);
    doc.querySelector('main-app-controls-overlay')?.remove();
    expect(disneyPlus.detect(doc, url)).toEqual(fixture('player-episode').expected);
  });
});

describe('detect on the player', () => {
  it('reads a new title when the title bug re-renders in place', () => {
    const { doc, url } = load('player-movie');
    textEl(doc, '.title-field').textContent = 'Brooklyn';
    expect(disneyPlus.detect(doc, url)).toMatchObject({ kind: 'movie', title: 'Brooklyn', rawTitle: 'Brooklyn' });
    const line = doc.createElement('div');
    line.className = 'subtitle-field';
    line.innerHTML = '<span>S1:E2 Bad Timing</span>';
    textEl(doc, '.title-field').after(line);
    textEl(doc, '.title-field').textContent = 'A.N.T. Farm';
    expect(disneyPlus.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'A.N.T. Farm',
      rawTitle: 'A.N.T. Farm',
      episodeLine: 'S1:E2 Bad Timing',
      signal: 'player',
    });
  });

  it.each([
    ['Japanese (NCO)', 'S1：第1話「サブタイトル」'],
    ['Polish (public recon notes)', 'S2:O3 Rozdział 11: Spadkobierczyni'],
    ['Czech (public DOM save)', 'Ř22:D10 Záhada nad Středozemním mořem'],
    ['Korean (public extension test)', '시즌 3: 2회 챕터 18: 만달로어 광산'],
  ])('any subtitle line makes an episode, whatever the language: %s', (_lang, line) => {
    const { doc, url } = load('player-episode');
    textEl(doc, '.subtitle-field').textContent = line;
    expect(disneyPlus.detect(doc, url)).toMatchObject({ kind: 'episode', title: 'A.N.T. Farm', episodeLine: line });
  });

  it('an empty or invisible subtitle line is no episode', () => {
    const { doc, url } = load('player-episode');
    textEl(doc, '.subtitle-field').textContent = ' \u200e ';
    expect(disneyPlus.detect(doc, url)?.kind).toBe('movie');
  });

  it('never reads the up-next overlay as the current title or episode', () => {
    const { doc, url } = load('player-movie-upnext');
    const overlay = doc.querySelector('up-next-lite-v1')?.shadowRoot?.querySelector('.up-next-lite-v1-overlay');
    overlay?.insertAdjacentHTML('afterbegin', '<div class="title-field">The Mandalorian</div><div class="subtitle-field">S2:E3 Chapter 11</div>');
    expect(disneyPlus.detect(doc, url)).toEqual(fixture('player-movie-upnext').expected);
    deepQuery(doc, 'title-bug')?.remove();
    // The tab title still names the film that plays, never the up-next one.
    expect(disneyPlus.detect(doc, url)).toMatchObject({ title: 'Never Let Me Go', signal: 'tab-title' });
  });

  it('reads the tab title on /play/ when the player names nothing (issue #13), never a bare "Disney+"', () => {
    const { doc, url } = load('player-movie');
    deepQuery(doc, 'title-bug')?.remove();
    expect(doc.title).toBe('Never Let Me Go | Disney+');
    expect(disneyPlus.detect(doc, url)).toEqual({ ...fixture('player-movie').expected, signal: 'tab-title' });
    doc.title = 'Disney+';
    expect(disneyPlus.detect(doc, url)).toBeNull();
  });

  it('needs the player: a title bug without a content video is not read', () => {
    const { doc, url } = load('player-movie');
    for (const v of deepQueryAll(doc, 'video')) v.remove();
    expect(disneyPlus.detect(doc, url)).toBeNull();
  });

  it.each(['player-movie', 'player-movie-upnext', 'player-movie-pageworld'])(
    '%s: follows a string swap of the title (what the e2e does)',
    (name) => {
      const f = fixture(name);
      expect(f.html.includes('2010')).toBe(false);
      const doc = parseShadow(f.html);
      for (const el of [doc.documentElement, ...deepQueryAll(doc, '*')]) {
        const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
        expect(own.split('Never Let Me Go').length).toBeLessThanOrEqual(2);
      }
      const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film');
      expect(disneyPlus.detect(parseShadow(html), new URL(f.url))).toMatchObject({
        page: 'player',
        kind: 'movie',
        title: 'Some Other Film',
        rawTitle: 'Some Other Film',
      });
    },
  );
});

describe('page-world data', () => {
  const publish = (doc: Document, value: unknown): void => doc.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, JSON.stringify(value));

  it('takes precedence over the DOM on player pages', () => {
    const { doc, url } = load('player-movie');
    publish(doc, { title: 'Encanto', kind: 'movie' });
    expect(disneyPlus.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'movie',
      title: 'Encanto',
      rawTitle: 'Encanto',
      serviceId: '00000000-0000-4000-8000-00000000f001',
      signal: 'page-data',
    });
    publish(doc, { title: 'A.N.T. Farm', subtitle: 'S1:E1 Transplanted', kind: 'episode' });
    expect(disneyPlus.detect(doc, url)).toEqual({ ...fixture('player-episode').expected, signal: 'page-data' });
  });

  it('names the title when the shadow DOM does not (player-movie-pageworld)', () => {
    const { doc, url } = load('player-movie-pageworld');
    expect(doc.documentElement.hasAttribute(PAGE_DATA_ATTRIBUTE)).toBe(true);
    doc.documentElement.removeAttribute(PAGE_DATA_ATTRIBUTE);
    doc.title = '';
    expect(disneyPlus.detect(doc, url)).toBeNull();
  });

  it('a page that says "episode" without a line is still no film', () => {
    const { doc, url } = load('player-movie');
    publish(doc, { title: 'A.N.T. Farm', kind: 'episode' });
    expect(disneyPlus.detect(doc, url)).toEqual({ page: 'player', kind: 'episode', title: 'A.N.T. Farm', rawTitle: 'A.N.T. Farm', signal: 'page-data' });
  });

  it('falls back to the DOM when the data is absent, malformed or names nothing', () => {
    const { doc, url } = load('player-movie');
    const expected = fixture('player-movie').expected;
    for (const raw of ['{not json', '[]', 'null', '{"title":42}', '{"title":"   "}', '{"title":"[OV]"}', '{"position":12}', 'x'.repeat(5000)]) {
      doc.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, raw);
      expect(disneyPlus.detect(doc, url)).toEqual(expected);
    }
  });

  it('is ignored on detail pages and other URLs (a stale value from the player must not leak)', () => {
    const detail = load('detail-series');
    publish(detail.doc, { title: 'Encanto', kind: 'movie' });
    expect(disneyPlus.detect(detail.doc, detail.url)).toEqual(fixture('detail-series').expected);
    expect(disneyPlus.detect(detail.doc, new URL('https://www.disneyplus.com/home'))).toBeNull();
  });

  it('round-trips through the bridge: runPageWorld(readDisneyPage) publishes what detect reads', () => {
    const { doc, url } = load('player-movie-pageworld');
    doc.documentElement.removeAttribute(PAGE_DATA_ATTRIBUTE);
    runInlineScript(doc);
    const win = { document: doc, setInterval: () => 1, clearInterval: () => undefined } as unknown as Window;
    const stop = runPageWorld(readDisneyPage, win);
    stop();
    expect(JSON.parse(doc.documentElement.getAttribute(PAGE_DATA_ATTRIBUTE) ?? 'null')).toEqual({
      title: 'Never Let Me Go',
      kind: 'movie',
      position: 1800,
      duration: 6180,
    });
    expect(disneyPlus.detect(doc, url)).toEqual(fixture('player-movie-pageworld').expected);
  });

  it('caps a huge page-world title', () => {
    const { doc, url } = load('player-movie-pageworld');
    doc.documentElement.removeAttribute(PAGE_DATA_ATTRIBUTE);
    (doc.querySelector('disney-web-player') as unknown as { mediaPlayer: unknown }).mediaPlayer = {
      mediaPlaybackCriteria: { metadata: { title: { text: 'Never Let Me Go '.repeat(70_000) } } },
    };
    const win = { document: doc, setInterval: () => 1, clearInterval: () => undefined } as unknown as Window;
    runPageWorld(readDisneyPage, win)();
    const detected = disneyPlus.detect(doc, url);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
    expect(detected?.title.startsWith('Never Let Me Go')).toBe(true);
  });
});

describe('readDisneyPage', () => {
  const player = (mediaPlayer: unknown): unknown => ({ mediaPlayer });

  it('reads title, subtitle and the program clock in the documented shape', () => {
    const win = fakeWindow(
      player({
        mediaPlaybackCriteria: { metadata: { title: { text: 'A.N.T. Farm' }, subtitle: { text: 'S1:E1 Transplanted' } } },
        timeline: { info: { playheadPositionMs: 1_465_590, programDurationMs: 1_563_000 } },
      }),
    );
    expect(readDisneyPage(win)).toEqual({
      title: 'A.N.T. Farm',
      subtitle: 'S1:E1 Transplanted',
      kind: 'episode',
      position: 1465.59,
      duration: 1563,
    });
  });

  it('no subtitle (or an empty one) is a film', () => {
    expect(readDisneyPage(fakeWindow(player({ mediaPlaybackCriteria: { metadata: { title: { text: 'Moana' } } } })))).toEqual({
      title: 'Moana',
      kind: 'movie',
    });
    const empty = { mediaPlaybackCriteria: { metadata: { title: { text: 'Moana' }, subtitle: { text: '  ' } } } };
    expect(readDisneyPage(fakeWindow(player(empty)))).toEqual({ title: 'Moana', kind: 'movie' });
  });

  it('is null without a player, without mediaPlayer, or with nothing usable', () => {
    expect(readDisneyPage(fakeWindow(null))).toBeNull();
    expect(readDisneyPage(fakeWindow({}))).toBeNull();
    expect(readDisneyPage(fakeWindow(player({})))).toBeNull();
    expect(readDisneyPage(fakeWindow(player({ mediaPlaybackCriteria: { metadata: {} } })))).toBeNull();
    expect(readDisneyPage(fakeWindow(player({ mediaPlaybackCriteria: { metadata: { title: { text: ' ' } } } })))).toBeNull();
  });

  it('keeps the clock when the metadata is missing', () => {
    const win = fakeWindow(player({ timeline: { info: { playheadPositionMs: 5000, programDurationMs: 60_000 } } }));
    expect(readDisneyPage(win)).toEqual({ position: 5, duration: 60 });
  });

  it('drops wrong types instead of guessing', () => {
    const win = fakeWindow(
      player({
        mediaPlaybackCriteria: { metadata: { title: { text: 42 }, subtitle: 'S1:E1' } },
        timeline: { info: { playheadPositionMs: '5000', programDurationMs: Number.NaN } },
      }),
    );
    expect(readDisneyPage(win)).toBeNull();
    const negative = fakeWindow(player({ mediaPlaybackCriteria: 'x', timeline: { info: { playheadPositionMs: -1, programDurationMs: Infinity } } }));
    expect(readDisneyPage(negative)).toBeNull();
    const arrays = fakeWindow(player({ mediaPlaybackCriteria: { metadata: { title: { text: ['Moana'] } } } }));
    expect(readDisneyPage(arrays)).toBeNull();
  });

  it('never throws: throwing getters, proxies and a throwing document', () => {
    const boom = (): never => {
      throw new Error('boom');
    };
    const getterPlayer = Object.defineProperty({}, 'mediaPlayer', { get: boom });
    expect(readDisneyPage(fakeWindow(getterPlayer))).toBeNull();
    const deep = player({ mediaPlaybackCriteria: { metadata: Object.defineProperty({}, 'title', { get: boom }) }, timeline: { info: { programDurationMs: 1000 } } });
    expect(readDisneyPage(fakeWindow(deep))).toEqual({ duration: 1 });
    const proxy = new Proxy({}, { get: boom, has: boom, getPrototypeOf: boom });
    expect(readDisneyPage(fakeWindow(proxy))).toBeNull();
    expect(readDisneyPage(fakeWindow(player(proxy)))).toBeNull();
    expect(readDisneyPage({ get document(): Document { return boom(); } } as unknown as Window)).toBeNull();
    expect(readDisneyPage({ document: { querySelector: boom } } as unknown as Window)).toBeNull();
    expect(readDisneyPage({} as unknown as Window)).toBeNull();
  });

  it('caps a huge string before anything else reads it', () => {
    const win = fakeWindow(player({ mediaPlaybackCriteria: { metadata: { title: { text: 'x'.repeat(1_000_000) } } } }));
    expect(readDisneyPage(win)?.title?.length).toBeLessThanOrEqual(600);
  });
});

describe('detail pages', () => {
  it('reads a film\u2019s year and runtime from the masthead, and follows a swap of title and year', () => {
    const f = fixture('detail-movie');
    expect(f.html.split('2010')).toHaveLength(2);
    const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film').replace('2010', '1999');
    expect(disneyPlus.detect(parseShadow(html), new URL(f.url))).toMatchObject({ title: 'Some Other Film', year: 1999, runtime: 103 });
  });

  it('an entity page becomes a series once its Episodes tab exists', () => {
    const { doc, url } = load('detail-movie');
    const tab = doc.createElement('button');
    tab.id = 'episodes_control';
    doc.querySelector('[role="tablist"]')?.prepend(tab);
    expect(disneyPlus.detect(doc, url)).toMatchObject({ kind: 'series', year: 2010 });
    expect(disneyPlus.detect(doc, url)?.runtime).toBeUndefined();
  });

  it('falls back to document.title before "|", and never to a bare "Disney+"', () => {
    const { doc, url } = load('detail-series');
    doc.querySelector('[data-testid="details-title-treatment"] img')?.setAttribute('alt', '');
    expect(disneyPlus.detect(doc, url)).toEqual({ ...fixture('detail-series').expected, signal: 'tab-title' });
    doc.title = 'Disney+';
    expect(disneyPlus.detect(doc, url)).toBeNull();
    doc.title = 'Disney+ | Movies and Shows';
    expect(disneyPlus.detect(doc, url)).toBeNull();
  });

  it('takes the kind from the older /movies/ and /series/ routes', () => {
    const { doc } = load('detail-series');
    expect(disneyPlus.detect(doc, new URL('https://www.disneyplus.com/movies/ant-farm/3jLIGMDYINqD'))).toMatchObject({
      kind: 'movie',
      serviceId: '3jLIGMDYINqD',
    });
    const movie = load('detail-movie').doc;
    expect(disneyPlus.detect(movie, new URL('https://www.disneyplus.com/en-gb/series/never-let-me-go/3jLIGMDYINqD'))).toMatchObject({
      kind: 'series',
    });
  });

  it('never reads episode or suggestion cards as the title', () => {
    const { doc, url } = load('detail-series');
    doc.querySelector('[data-testid="details-title-treatment"]')?.remove();
    doc.title = '';
    expect(doc.querySelector('[data-testid="set-item"]')).not.toBeNull();
    expect(disneyPlus.detect(doc, url)).toBeNull();
  });

  it('reads nothing on pages that are not title pages, even with a player or logo in the DOM', () => {
    expect(disneyPlus.detect(load('player-movie').doc, new URL('https://www.disneyplus.com/home'))).toBeNull();
    expect(disneyPlus.detect(load('detail-movie').doc, new URL('https://www.disneyplus.com/browse/movies'))).toBeNull();
    expect(disneyPlus.detect(load('detail-movie').doc, new URL('https://www.netflix.com/title/80000001'))).toBeNull();
  });
});

describe('malformed pages', () => {

  it('returns null for empty and half-built pages without throwing', () => {
    expect(disneyPlus.detect(parse(''), PLAY)).toBeNull();
    expect(disneyPlus.detect(parse(''), ENTITY)).toBeNull();
    const shell = (field: string): string =>
      `<div id="hudson-wrapper"><disney-web-player><video id="hivePlayer1" src="blob:x"></video></disney-web-player>` +
      `<title-bug><template shadowrootmode="open">${field}</template></title-bug></div>`;
    expect(disneyPlus.detect(parseShadow(shell('<div class="title-field">   </div>')), PLAY)).toBeNull();
    expect(disneyPlus.detect(parseShadow(shell('<div class="title-field">\u200e\u202b</div>')), PLAY)).toBeNull();
    expect(disneyPlus.detect(parseShadow(shell('<div class="title-field">[OV]</div>')), PLAY)).toBeNull();
    expect(disneyPlus.detect(parseShadow(shell('<div class="subtitle-field">S1:E1</div>')), PLAY)).toBeNull();
    expect(disneyPlus.detect(parseShadow(shell('<div class="title-field">Moana</div>')), PLAY)?.title).toBe('Moana');
    expect(disneyPlus.detect(parse('<div data-testid="details-title-treatment"><img alt=""></div>'), ENTITY)).toBeNull();
    expect(disneyPlus.creditsRolling(parse(''))).toBe(false);
    expect(disneyPlus.video(parse(''))).toBeNull();
    expect(disneyPlus.video(parse('<div id="hudson-wrapper"><div class="media-element-container"></div></div>'))).toBeNull();
  });

  it('caps a huge title and stays fast', () => {
    const doc = parseShadow(
      '<div id="hudson-wrapper"><disney-web-player><video id="hivePlayer1" src="blob:x"></video></disney-web-player>' +
        '<main-app-controls-overlay><template shadowrootmode="open"><title-bug><template shadowrootmode="open">' +
        '<div class="title-field"></div></template></title-bug></template></main-app-controls-overlay></div>',
    );
    textEl(doc, '.title-field').textContent = 'Never Let Me Go '.repeat(70_000);
    const started = performance.now();
    const detected = disneyPlus.detect(doc, PLAY);
    expect(performance.now() - started).toBeLessThan(500);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
    expect(detected?.title.length).toBeLessThanOrEqual(300);
  });

  it('searches a bounded number of nested shadow roots (a deep or wide page cannot make it unbounded)', () => {
    const doc = parse('<div id="hudson-wrapper"><disney-web-player><video id="hivePlayer1" src="blob:x"></video></disney-web-player></div>');
    const wrapper = doc.querySelector('#hudson-wrapper') as Element;
    // 200 nested shadow roots with the title at the bottom: out of reach, and no stack overflow.
    let host: Element = wrapper.appendChild(doc.createElement('x-deep'));
    for (let i = 0; i < 200; i++) {
      const shadow = host.attachShadow({ mode: 'open' });
      host = shadow.appendChild(doc.createElement('x-deep'));
    }
    host.innerHTML = '<title-bug><div class="title-field">Too Deep</div></title-bug>';
    // 2,000 sibling shadow hosts.
    for (let i = 0; i < 2000; i++) wrapper.appendChild(doc.createElement('x-wide')).attachShadow({ mode: 'open' });
    const started = performance.now();
    expect(disneyPlus.detect(doc, PLAY)).toBeNull();
    expect(disneyPlus.creditsRolling(doc)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('ignores closed shadow roots, as the browser does for content scripts', () => {
    const doc = parseShadow(
      '<div id="hudson-wrapper"><disney-web-player><video id="hivePlayer1" src="blob:x"></video></disney-web-player>' +
        '<title-bug><template shadowrootmode="closed"><div class="title-field">Hidden</div></template></title-bug></div>',
    );
    expect(disneyPlus.detect(doc, PLAY)).toBeNull();
  });
});

describe('URLs', () => {
  const titlePages = [
    'https://www.disneyplus.com/play/00000000-0000-4000-8000-00000000f001',
    'https://www.disneyplus.com/play/00000000-0000-4000-8000-00000000f001/',
    'https://www.disneyplus.com/play/00000000-0000-4000-8000-00000000f001?source=card',
    // research §4.1: real URL shapes (UTS, NCO, keysocket #351, a public fixture with es-419)
    'https://www.disneyplus.com/nl-nl/play/f3f11053-d810-4b92-9c95-567bef5f215d',
    'https://www.disneyplus.com/nl-nl/video/f3f11053-d810-4b92-9c95-567bef5f215d',
    'https://www.disneyplus.com/ja-jp/play/00000000-0000-4000-8000-00000000f001',
    'https://www.disneyplus.com/pl-pl/play/821e9f4d-27cb-4426-baa9-6275dea5faa6',
    'https://www.disneyplus.com/es-419/play/00000000-0000-4000-8000-00000000f001',
    'https://www.disneyplus.com/en-gb/video/00000000-0000-4000-8000-00000000f004',
    'https://www.disneyplus.com/video/00000000-0000-4000-8000-00000000f004',
    'https://www.disneyplus.com/browse/entity-f6174ebf-cb92-453c-a52b-62bb3576e402',
    'https://www.disneyplus.com/en-gb/browse/entity-00000000-0000-4000-8000-00000000d001',
    'https://www.disneyplus.com/browse/entity-bbd81eb3-3487-4520-b463-129f6c0e0585/',
    'https://www.disneyplus.com/movies/never-let-me-go/3jLIGMDYINqD',
    'https://www.disneyplus.com/series/ant-farm/3jLIGMDYINqD',
    'https://www.disneyplus.com/de-de/movies/alles-was-wir-geben-mussten/3jLIGMDYINqD/',
    'https://disneyplus.com/play/00000000-0000-4000-8000-00000000f001',
    'https://WWW.DISNEYPLUS.COM/PLAY/00000000-0000-4000-8000-00000000F001',
  ];
  const otherPages = [
    'https://www.disneyplus.com/',
    'https://www.disneyplus.com/home',
    'https://www.disneyplus.com/nl-nl/home',
    'https://www.disneyplus.com/browse/movies',
    'https://www.disneyplus.com/browse/series',
    'https://www.disneyplus.com/search?q=never',
    'https://www.disneyplus.com/play/',
    'https://www.disneyplus.com/play/not-a-uuid',
    'https://www.disneyplus.com/play/00000000-0000-4000-8000-00000000f001/extra',
    'https://www.disneyplus.com/browse/entity-',
    'https://www.disneyplus.com/browse/entity-not-a-uuid',
    'https://www.disneyplus.com/movies/never-let-me-go',
    'https://www.disneyplus.com/toolong-locale/play/00000000-0000-4000-8000-00000000f001',
    'https://help.disneyplus.com/play/00000000-0000-4000-8000-00000000f001',
    'https://www.disneyplus.com.evil.example/play/00000000-0000-4000-8000-00000000f001',
    'https://disneyplus.example.com/play/00000000-0000-4000-8000-00000000f001',
    'ftp://www.disneyplus.com/play/00000000-0000-4000-8000-00000000f001',
    // Other products of the same company: different players (research §4.3, §10).
    'https://www.hotstar.com/in/movies/never-let-me-go/1260000000/watch',
    'https://www.starplus.com/play/00000000-0000-4000-8000-00000000f001',
    // other services
    'https://www.netflix.com/watch/70060002',
    'https://www.primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.hulu.com/watch/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://www.peacocktv.com/watch/asset/movies/x/00000000-0000-4000-8000-00000000d001',
    'https://example.com/play/00000000-0000-4000-8000-00000000f001',
  ];

  it.each(titlePages)('title page: %s', (href) => {
    expect(disneyPlus.isTitlePage(new URL(href))).toBe(true);
    expect(primeVideo.isTitlePage(new URL(href))).toBe(false);
    expect(netflix.isTitlePage(new URL(href))).toBe(false);
  });

  it.each(otherPages)('not a title page: %s', (href) => {
    expect(disneyPlus.isTitlePage(new URL(href))).toBe(false);
  });

  it('covers disneyplus.com with one match pattern, and an id equal to its file name', () => {
    expect([...disneyPlus.matches]).toEqual(['*://*.disneyplus.com/*']);
    expect(disneyPlus.id).toBe('disney-plus');
    expect(disneyPlus.name).toBe('Disney+');
  });

  it('takes the service id from /play/ (films only) and /browse/entity-', () => {
    const { doc } = load('detail-movie');
    expect(disneyPlus.detect(doc, new URL('https://www.disneyplus.com/de-de/browse/entity-F6174EBF-CB92-453C-A52B-62BB3576E402'))?.serviceId).toBe(
      'f6174ebf-cb92-453c-a52b-62bb3576e402',
    );
    expect(disneyPlus.detect(load('player-episode').doc, PLAY)?.serviceId).toBeUndefined();
  });
});

/** Issue #13: more shadow roots than the walk once allowed, and each signal alone or in disagreement. */
describe('many shadow roots', () => {
  it('reads the title bug after 80 other open roots', () => {
    const { doc, url } = load('player-movie-many-roots');
    expect(deepQueryAll(doc, 'i').length).toBe(80);
    expect(disneyPlus.detect(doc, url)).toEqual(fixture('player-movie-many-roots').expected);
  });

  it('stays bounded on a page with thousands of roots', () => {
    const hosts = '<x-part><template shadowrootmode="open"><i></i></template></x-part>'.repeat(3000);
    const doc = parseShadow(`<div id="hudson-wrapper"><video id="hivePlayer1" src="blob:x"></video>${hosts}</div>`);
    const started = performance.now();
    expect(disneyPlus.detect(doc, new URL('https://www.disneyplus.com/play/00000000-0000-4000-8000-00000000f005'))).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

{
  const play = 'https://www.disneyplus.com/play/00000000-0000-4000-8000-00000000f009';
  const player = (bug: string): string =>
    `<div id="hudson-wrapper"><video id="hivePlayer1" src="blob:x"></video>${bug ? `<div class="title-bug-area"><div class="title-field">${bug}</div></div>` : ''}</div>`;
  describeSignals(
    disneyPlus,
    [
      { name: 'the page data alone', url: play, htmlAttributes: ` data-credits-cue-page='{"title":"Brooklyn","kind":"movie"}'`, body: '', expected: { title: 'Brooklyn', signal: 'page-data' } },
      { name: 'the title bug alone', url: play, body: player('Brooklyn'), expected: { title: 'Brooklyn', signal: 'player' } },
      { name: 'the tab title alone, with a player on screen', url: play, tab: 'Brooklyn | Disney+', body: player(''), expected: { title: 'Brooklyn', signal: 'tab-title' } },
      { name: 'the tab title without a player names nothing on /play/', url: play, tab: 'Brooklyn | Disney+', body: '', expected: null },
      { name: 'page data and title bug disagree: the page data wins', url: play, htmlAttributes: ` data-credits-cue-page='{"title":"Brooklyn","kind":"movie"}'`, body: player('Carol'), expected: { title: 'Brooklyn', signal: 'page-data' } },
      { name: 'title bug and tab title disagree: the player wins', url: play, tab: 'Carol | Disney+', body: player('Brooklyn'), expected: { title: 'Brooklyn', signal: 'player' } },
    ],
    parseShadow,
  );
}

