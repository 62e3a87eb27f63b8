import { describe, expect, it } from 'vitest';
import { describeAdapter, describeSignals } from '../helpers/describe-adapter';
import { parse, siteFixtures } from '../helpers/site-fixtures';
import { max, selectors } from '../../lib/sites/max';
import type { DetectedTitle } from '../../lib/sites/types';

const { fixtures, fixture, load } = siteFixtures('max');

describeAdapter(max, { selectors });

/** The real page (tests/fixtures/sites/max/player-movie-real.html) has its own structure tests below. */
const PLAYER_FIXTURES = fixtures.filter((f) => f.name.startsWith('player-') && f.name !== 'player-movie-real').map((f) => f.name);
const DETAIL_FIXTURES = fixtures.filter((f) => f.name.startsWith('detail-')).map((f) => f.name);

describe('fixtures', () => {
  it('has every required page kind', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'player-movie',
        'player-movie-upnext',
        'player-episode',
        'player-movie-hbomax',
        'detail-movie',
        'detail-series',
      ]),
    );
    expect(fixtures.some((f) => new URL(f.url).hostname === 'play.hbomax.com')).toBe(true);
    expect(fixtures.some((f) => new URL(f.url).hostname === 'play.max.com')).toBe(true);
  });

  it.each(PLAYER_FIXTURES)('%s: the player renders as a fixed full-viewport layer with a video and controls', (name) => {
    const { doc } = load(name);
    expect(doc.querySelector('style')?.textContent).toMatch(/#layer-root-player-screen\{position:fixed;inset:0/);
    const root = doc.querySelector('#layer-root-player-screen');
    expect(root?.querySelector('video')).not.toBeNull();
    expect(root?.querySelector('[data-testid="player-ux-asset-title"]')).not.toBeNull();
    expect(root?.querySelector('[data-testid="player-ux-play-pause-button"]')).not.toBeNull();
  });
});

describe('badgeMount', () => {
  it.each(PLAYER_FIXTURES)('%s: mounts inside #layer-root-player-screen (fullscreen-safe)', (name) => {
    const { doc, url } = load(name);
    const detected = max.detect(doc, url);
    expect(detected?.page).toBe('player');
    const mount = detected ? max.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.id).toBe('layer-root-player-screen');
  });

  it.each(DETAIL_FIXTURES)('%s: mounts inline beside the title heading', (name) => {
    const { doc, url } = load(name);
    const detected = max.detect(doc, url);
    const mount = detected ? max.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('inline');
    expect(mount?.container.querySelector(':scope > h1')?.textContent).toBe(detected?.rawTitle);
  });

  it('is null once the player or the heading is gone', () => {
    const { doc, url } = load('player-movie');
    const detected = max.detect(doc, url);
    if (!detected) throw new Error('no detection');
    doc.querySelector('#layer-root-player-screen')?.remove();
    expect(max.badgeMount(doc, detected)).toBeNull();
    const detail = load('detail-movie');
    const d = max.detect(detail.doc, detail.url);
    if (!d) throw new Error('no detection');
    detail.doc.querySelector('h1')?.remove();
    expect(max.badgeMount(detail.doc, d)).toBeNull();
  });
});

describe('video', () => {
  it.each(PLAYER_FIXTURES)('%s: the content video inside the player', (name) => {
    const video = max.video(load(name).doc);
    expect(video?.tagName).toBe('VIDEO');
    expect(video?.closest('#layer-root-player-screen')).not.toBeNull();
  });

  it.each(DETAIL_FIXTURES)('%s: no content video', (name) => {
    expect(max.video(load(name).doc)).toBeNull();
  });

  it('ignores a preview video outside the player', () => {
    const { doc } = load('detail-movie');
    doc.querySelector('section')?.append(doc.createElement('video'));
    expect(max.video(doc)).toBeNull();
  });
});

describe('watchCreditsControl', () => {
  it('finds the service’s own "watch credits" on the end-of-title UI', () => {
    const control = max.watchCreditsControl?.(load('player-movie-upnext').doc);
    expect(control?.textContent?.trim()).toBe('Watch Credits');
    expect(control?.matches(selectors.watchCredits.join(','))).toBe(true);
  });

  it('finds none while the film plays, nor when the card is hidden', () => {
    expect(max.watchCreditsControl?.(load('player-movie').doc)).toBeNull();
    const { doc } = load('player-movie-upnext');
    for (const el of doc.querySelectorAll<HTMLElement>(selectors.watchCredits.join(','))) el.style.display = 'none';
    expect(max.watchCreditsControl?.(doc)).toBeNull();
  });
});

describe('creditsRolling', () => {
  it('is true while the up-next card shows and the player has shrunk', () => {
    expect(max.creditsRolling(load('player-movie-upnext').doc)).toBe(true);
  });

  it('is true on the real page saved at the credits: the player has shrunk (SE max.ts reads the same class)', () => {
    expect(max.creditsRolling(load('player-movie-real').doc)).toBe(true);
  });

  it.each(fixtures.filter((f) => !['player-movie-upnext', 'player-movie-real'].includes(f.name)).map((f) => f.name))('%s: false', (name) => {
    expect(max.creditsRolling(load(name).doc)).toBe(false);
  });

  it('is true from any one signal: up-next button, dismiss button, or the shrunk player', () => {
    const base = (): Document => {
      const doc = load('player-movie-upnext').doc;
      doc.querySelector('.player-shrink-transition-enter-done')?.classList.remove('player-shrink-transition-enter-done');
      return doc;
    };
    const noButtons = base();
    for (const b of Array.from(noButtons.querySelectorAll('button[class*="UpNextButton-"], button[class*="DismissButton-"]'))) b.remove();
    expect(max.creditsRolling(noButtons)).toBe(false);

    const onlyDismiss = base();
    onlyDismiss.querySelector('button[class*="UpNextButton-"]')?.remove();
    expect(max.creditsRolling(onlyDismiss)).toBe(true);

    const onlyUpNext = base();
    onlyUpNext.querySelector('button[class*="DismissButton-"]')?.remove();
    expect(max.creditsRolling(onlyUpNext)).toBe(true);

    const onlyShrink = load('player-movie').doc;
    onlyShrink.querySelector('#layer-root-player-screen')?.classList.add('player-shrink-transition-enter-done');
    expect(max.creditsRolling(onlyShrink)).toBe(true);
  });

  it('is false when the buttons are in the DOM but hidden', () => {
    const { doc } = load('player-movie-upnext');
    doc.querySelector('.player-shrink-transition-enter-done')?.classList.remove('player-shrink-transition-enter-done');
    const card = doc.querySelector('button[class*="UpNextButton-"]')?.parentElement as HTMLElement | null;
    card?.setAttribute('hidden', '');
    expect(max.creditsRolling(doc)).toBe(false);
    card?.removeAttribute('hidden');
    if (card) card.style.display = 'none';
    expect(max.creditsRolling(doc)).toBe(false);
  });
});

describe('detect without a URL change', () => {
  it('reads a new title when the player switches in place', () => {
    const { doc, url } = load('player-movie');
    const title = doc.querySelector('[data-testid="player-ux-asset-title"]');
    if (!title) throw new Error('no title');
    title.textContent = 'Brooklyn';
    expect(max.detect(doc, url)).toEqual({ page: 'player', kind: 'movie', title: 'Brooklyn', rawTitle: 'Brooklyn', signal: 'player' });
  });

  it('follows autoplay from a film into an episode (season-episode element appears)', () => {
    const { doc, url } = load('player-movie');
    const title = doc.querySelector('[data-testid="player-ux-asset-title"]');
    if (!title) throw new Error('no title');
    title.textContent = 'The Last of Us';
    const se = doc.createElement('span');
    se.setAttribute('data-testid', 'player-ux-season-episode');
    se.textContent = 'S1 E2:';
    const sub = doc.createElement('span');
    sub.setAttribute('data-testid', 'player-ux-asset-subtitle');
    sub.textContent = 'Infected';
    title.after(se, sub);
    expect(max.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'The Last of Us',
      rawTitle: 'The Last of Us',
      episodeLine: 'S1 E2: Infected',
      signal: 'player',
    });
  });

  it('still counts an episode when only the subtitle carries the S/E line', () => {
    const { doc, url } = load('player-episode');
    doc.querySelector('[data-testid="player-ux-season-episode"]')?.remove();
    const sub = doc.querySelector('[data-testid="player-ux-asset-subtitle"]');
    if (sub) sub.textContent = 'T1 Ep.2: Salto no Escuro';
    expect(max.detect(doc, url)).toMatchObject({ kind: 'episode', episodeLine: 'T1 Ep.2: Salto no Escuro' });
    if (sub) sub.textContent = 'Salto no Escuro';
    expect(max.detect(doc, url)?.kind).toBe('movie');
  });

  it.each(['player-movie', 'player-movie-upnext'])('%s: follows a string swap of the title (what the e2e does)', (name) => {
    const f = fixture(name);
    expect(f.html.includes('2010')).toBe(false);
    const doc = parse(f.html);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
      expect(own.split('Never Let Me Go').length).toBeLessThanOrEqual(2);
    }
    const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film');
    expect(max.detect(parse(html), new URL(f.url))).toEqual({
      page: 'player',
      kind: 'movie',
      title: 'Some Other Film',
      rawTitle: 'Some Other Film',
      signal: 'player',
    });
  });

  it('detail-movie: follows a string swap of title and year', () => {
    const f = fixture('detail-movie');
    expect(f.html.split('2010')).toHaveLength(2);
    const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film').replace('2010', '1999');
    expect(max.detect(parse(html), new URL(f.url))).toMatchObject({ title: 'Some Other Film', year: 1999, runtime: 103 });
  });

  it('never reads document.title on the player (it names the episode)', () => {
    const { doc, url } = load('player-episode');
    doc.querySelector('[data-testid="player-ux-asset-title"]')?.remove();
    expect(doc.title).toBe('Trust Fall • HBO Max');
    expect(max.detect(doc, url)).toBeNull();
  });

  it('falls back to document.title on detail pages only, without the service suffix', () => {
    const { doc, url } = load('detail-series');
    doc.querySelector('h1')?.remove();
    expect(max.detect(doc, url)).toEqual({
      page: 'detail',
      kind: 'series',
      title: 'Lanternas',
      rawTitle: 'Lanternas',
      year: 2026,
      serviceId: '00000000-0000-4000-8000-00000000d002',
      signal: 'tab-title',
    });
    // A bare "Max" (still loading) is not a title.
    const movie = load('detail-movie');
    movie.doc.querySelector('h1')?.remove();
    expect(movie.doc.title).toBe('Max');
    expect(max.detect(movie.doc, movie.url)).toBeNull();
  });

  it('returns null on detail markup served at a non-title path', () => {
    const { doc } = load('detail-movie');
    expect(max.detect(doc, new URL('https://play.max.com/search?q=never'))).toBeNull();
  });
});

describe('malformed pages', () => {
  const url = new URL('https://play.max.com/movie/00000000-0000-4000-8000-00000000d001');

  it('returns null for empty and half-built pages without throwing', () => {
    expect(max.detect(parse(''), url)).toBeNull();
    expect(max.detect(parse('<div data-testid="content-metadata"><h1>   </h1></div>'), url)).toBeNull();
    expect(max.detect(parse('<div data-testid="content-metadata"><h1>\u200e\u202b</h1></div>'), url)).toBeNull();
    expect(max.detect(parse('<div data-testid="content-metadata"><h1>[OV]</h1></div>'), url)).toBeNull();
    const playerOnly =
      '<div id="layer-root-player-screen"><video></video><span data-testid="player-ux-asset-title"></span></div>';
    expect(max.detect(parse(playerOnly), url)).toBeNull();
    expect(max.video(parse(playerOnly))).not.toBeNull();
    const noVideo = '<div id="layer-root-player-screen"><span data-testid="player-ux-asset-title">X</span></div>';
    expect(max.detect(parse(noVideo), new URL('https://play.max.com/video/watch/a/b'))).toBeNull();
    expect(max.creditsRolling(parse(''))).toBe(false);
    expect(max.video(parse(''))).toBeNull();
  });

  it('caps a huge title and stays fast', () => {
    const doc = parse('<div id="layer-root-player-screen"><video></video><span data-testid="player-ux-asset-title"></span></div>');
    const span = doc.querySelector('span');
    if (span) span.textContent = 'Never Let Me Go '.repeat(70_000);
    const started = performance.now();
    const detected = max.detect(doc, url);
    expect(performance.now() - started).toBeLessThan(500);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
    expect(detected?.title.length).toBeLessThanOrEqual(300);
  });

  it('does not take years or runtimes from prose', () => {
    const html =
      '<main><h1>Film</h1><ul><li>Released in 1999 after 90 min of delays</li></ul>' +
      '<p><span>Set in 1978</span></p></main>';
    expect(max.detect(parse(html), url)).toEqual({
      page: 'detail',
      kind: 'movie',
      title: 'Film',
      rawTitle: 'Film',
      serviceId: '00000000-0000-4000-8000-00000000d001',
      signal: 'detail',
    });
  });
});

describe('URLs', () => {
  const titlePages = [
    // A deep link with one id is a player page too (issue #13).
    'https://play.max.com/video/watch/00000000-0000-4000-8000-00000000f001',
    // research §5.1: real canonical watch URL of "Dune: Part Two" (SE capture) and a real hbomax movie route
    'https://play.max.com/video/watch/914be9f6-e1b2-4f5f-aa34-de07a2a3423b/3c3df515-93b8-4410-b10a-414079529821',
    'https://play.hbomax.com/movie/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://play.hbomax.com/video/watch/914be9f6-e1b2-4f5f-aa34-de07a2a3423b/3c3df515-93b8-4410-b10a-414079529821',
    'https://play.max.com/movie/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://play.max.com/show/00000000-0000-4000-8000-00000000d002',
    'https://play.hbomax.com/show/00000000-0000-4000-8000-00000000d002/',
    'https://play.max.com/movie/00000000-0000-4000-8000-00000000d001?utm_source=share',
    'https://PLAY.MAX.COM/video/watch/00000000-0000-4000-8000-00000000F001/00000000-0000-4000-8000-00000000F002',
  ];
  const otherPages = [
    'https://play.max.com/',
    'https://play.max.com/home',
    'https://play.max.com/search?q=never+let+me+go',
    'https://play.max.com/channel/home',
    'https://play.max.com/movie/',
    'https://play.max.com/movie/not-a-uuid',
    'https://play.max.com/video/watch/00000000-0000-4000-8000-00000000f001/x',
    'https://play.hbomax.com/player/urn:hbo:episode:GXdu2ZAglVJuAuwEAADbA',
    'https://www.max.com/',
    'https://www.hbomax.com/movies/never-let-me-go',
    'https://www.hbo.com/movies/never-let-me-go',
    'https://play.max.com.evil.example/movie/52217243-a137-45d6-9c6a-0dfab4633034',
    'ftp://play.max.com/movie/52217243-a137-45d6-9c6a-0dfab4633034',
    // other services
    'https://www.netflix.com/watch/70060002',
    'https://www.netflix.com/title/70060002',
    'https://www.primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.amazon.com/gp/video/detail/B0CLRQ7M7Z/',
    'https://www.disneyplus.com/play/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://www.hulu.com/watch/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://example.com/video/watch/914be9f6-e1b2-4f5f-aa34-de07a2a3423b/3c3df515-93b8-4410-b10a-414079529821',
  ];

  it.each(titlePages)('title page: %s', (href) => {
    expect(max.isTitlePage(new URL(href))).toBe(true);
  });

  it.each(otherPages)('not a title page: %s', (href) => {
    expect(max.isTitlePage(new URL(href))).toBe(false);
  });

  it('covers both hosts with match patterns, and nothing else', () => {
    expect([...max.matches].sort()).toEqual(['*://*.hbomax.com/*', '*://*.max.com/*']);
    expect(max.id).toBe('max');
    expect(max.name).toBe('Max');
  });

  it('detects nothing from a Max-shaped DOM on another service URL unless a player plays', () => {
    const { doc } = load('detail-movie');
    expect(max.detect(doc, new URL('https://www.netflix.com/title/70060002'))).toBeNull();
  });
});

describe('the real page saved at the credits (player-movie-real)', () => {
  it('the player, its video and its hidden overlay are the real ones; no title element is rendered', () => {
    const { doc } = load('player-movie-real');
    const root = doc.querySelector('#layer-root-player-screen');
    expect(root?.querySelector('[data-testid="playerContainer"] video[data-testid="VideoElement"]')).not.toBeNull();
    expect(root?.querySelector('[data-testid="overlay-root"]')?.children).toHaveLength(0);
    expect(doc.querySelector(selectors.playerTitle.join(','))).toBeNull();
    expect(max.video(doc)?.getAttribute('data-testid')).toBe('VideoElement');
    expect(max.player(doc)).toBe(root);
  });

  it('mounts in the player screen, and an episode line on the page would keep the tab title unread', () => {
    const { doc, url, f } = load('player-movie-real');
    expect(max.badgeMount(doc, f.expected as DetectedTitle)?.container.id).toBe('layer-root-player-screen');
    const line = doc.createElement('span');
    line.setAttribute('data-testid', 'player-ux-season-episode');
    line.textContent = 'S1 E2:';
    doc.querySelector('[data-testid="overlay-root"]')?.append(line);
    expect(max.detect(doc, url)).toBeNull();
  });
});

/** Issue #13: each signal alone, and the player winning over the tab title when they disagree. */
{
  const watch = 'https://play.hbomax.com/video/watch/00000000-0000-4000-8000-00000000f009';
  const player = (inner: string): string => `<div id="layer-root-player-screen"><video></video>${inner}</div>`;
  describeSignals(
    max,
    [
      { name: 'the player title alone', url: watch, body: player('<span data-testid="player-ux-asset-title">Weapons</span>'), expected: { page: 'player', title: 'Weapons', signal: 'player' } },
      { name: 'the tab title alone (controls hidden), isolates and all', url: watch, tab: '\u2068Weapons\u2069 • HBO Max', body: player(''), expected: { page: 'player', title: 'Weapons', signal: 'tab-title' } },
      { name: 'player title and tab title disagree: the player wins', url: watch, tab: 'Trust Fall • HBO Max', body: player('<span data-testid="player-ux-asset-title">Weapons</span>'), expected: { title: 'Weapons', signal: 'player' } },
      { name: 'the tab title on a page showing episode structure names the episode: nothing', url: watch, tab: 'Trust Fall • HBO Max', body: player('<span data-testid="player-ux-season-episode">S1 E2:</span>'), expected: null },
      { name: 'the detail heading alone', url: 'https://play.max.com/movie/00000000-0000-4000-8000-00000000d009', body: '<main><h1>Weapons</h1></main>', expected: { page: 'detail', title: 'Weapons', signal: 'detail' } },
      { name: 'the URL id alone', url: watch, tab: 'HBO Max', body: player(''), expected: null },
    ],
  );
}

