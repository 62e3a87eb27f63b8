import { describe, expect, it } from 'vitest';
import { describeAdapter, describeSignals } from '../helpers/describe-adapter';
import { parse, siteFixtures } from '../helpers/site-fixtures';
import { peacock, readPeacockPage, selectors } from '../../lib/sites/peacock';
import { PAGE_DATA_ATTRIBUTE, sanitizePageData } from '../../lib/sites/page-data';
import { pageSaysCredits } from '../../lib/content/signals';

const { fixtures, fixture, load } = siteFixtures('peacock');

describeAdapter(peacock, { selectors });

/** 2026 playback pages without a page-level video in the wrapper, or without a visible title (issue #13). */
const PLAYER_2026 = ['player-movie-2026', 'player-movie-tabtitle'];
const PLAYER_FIXTURES = fixtures.filter((f) => f.name.startsWith('player-') && !PLAYER_2026.includes(f.name)).map((f) => f.name);
const DETAIL_FIXTURES = fixtures.filter((f) => f.name.startsWith('detail-')).map((f) => f.name);

describe('fixtures', () => {
  it('has every required page kind', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining(['player-movie', 'player-movie-binge', 'player-episode', 'detail-movie', 'detail-series']),
    );
  });

  it.each(PLAYER_FIXTURES)('%s: the player renders as a fixed full-viewport layer with a video and controls', (name) => {
    const { doc } = load(name);
    expect(doc.querySelector('style')?.textContent).toMatch(/\.playback-container\{position:fixed;inset:0/);
    const root = doc.querySelector('.playback-container');
    expect(root?.querySelector('.video-player-component video')).not.toBeNull();
    expect(root?.querySelector(selectors.playerTitle.join(','))).not.toBeNull();
    expect(root?.querySelector('[data-testid="play-pause-button"]')).not.toBeNull();
  });
});

describe('badgeMount', () => {
  it.each(PLAYER_FIXTURES)('%s: mounts inside .playback-container (fullscreen-safe)', (name) => {
    const { doc, url } = load(name);
    const detected = peacock.detect(doc, url);
    expect(detected?.page).toBe('player');
    const mount = detected ? peacock.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.classList.contains('playback-container')).toBe(true);
  });

  it.each(DETAIL_FIXTURES)('%s: mounts inline beside the title heading', (name) => {
    const { doc, url } = load(name);
    const detected = peacock.detect(doc, url);
    const mount = detected ? peacock.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('inline');
    expect(mount?.container.querySelector(':scope > h1')?.textContent).toBe(detected?.rawTitle);
  });

  it('falls back to .video-player-component when there is no .playback-container', () => {
    const doc = parse(
      '<div class="video-player-component"><video></video><span class="playback-header__title">Never Let Me Go</span></div>',
    );
    const detected = peacock.detect(doc, new URL('https://www.peacocktv.com/watch/playback/playlist/x'));
    expect(detected?.title).toBe('Never Let Me Go');
    const mount = detected ? peacock.badgeMount(doc, detected) : null;
    expect(mount?.container.className).toBe('video-player-component');
  });

  it('is null once the player or the heading is gone', () => {
    const { doc, url } = load('player-movie');
    const detected = peacock.detect(doc, url);
    if (!detected) throw new Error('no detection');
    doc.querySelector('.playback-container')?.remove();
    expect(peacock.badgeMount(doc, detected)).toBeNull();
    const detail = load('detail-movie');
    const d = peacock.detect(detail.doc, detail.url);
    if (!d) throw new Error('no detection');
    detail.doc.querySelector('h1')?.remove();
    expect(peacock.badgeMount(detail.doc, d)).toBeNull();
  });
});

describe('2026 playback pages', () => {
  it.each(PLAYER_2026)('%s: mounts in the playback wrapper, with or without a page-level video', (name) => {
    const { doc, url } = load(name);
    const detected = peacock.detect(doc, url);
    const mount = detected ? peacock.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.matches('.playback-container')).toBe(true);
  });

  it('player-movie-2026: no page-level video, so no video clock (the near-end fallback has nothing to read)', () => {
    expect(peacock.video(load('player-movie-2026').doc)).toBeNull();
    expect(peacock.video(load('player-movie-tabtitle').doc)?.id).toBe('core-video-shaka');
  });
});

describe('video', () => {
  it.each(PLAYER_FIXTURES)('%s: the content video inside the player', (name) => {
    const video = peacock.video(load(name).doc);
    expect(video?.tagName).toBe('VIDEO');
    expect(video?.id).toBe('core-video-shaka');
    expect(video?.closest('.playback-container')).not.toBeNull();
  });

  it.each(DETAIL_FIXTURES)('%s: the short-form preview is not the content video', (name) => {
    const { doc } = load(name);
    expect(doc.querySelector('[data-gsp-shortform-player] .video-player-component video')).not.toBeNull();
    expect(peacock.video(doc)).toBeNull();
  });

  it('ignores a preview player even when it uses the content wrapper class', () => {
    const doc = parse(
      '<div data-gsp-shortform-player><div class="playback-container"><video></video>' +
        '<span data-testid="metadata-title">Preview</span></div></div>',
    );
    expect(peacock.video(doc)).toBeNull();
    expect(peacock.detect(doc, new URL('https://www.peacocktv.com/watch/playback/playlist'))).toBeNull();
  });
});

describe('creditsRolling', () => {
  it('is true while the binge card shows', () => {
    expect(peacock.creditsRolling(load('player-movie-binge').doc)).toBe(true);
  });

  it.each(fixtures.filter((f) => f.name !== 'player-movie-binge').map((f) => f.name))('%s: false', (name) => {
    expect(peacock.creditsRolling(load(name).doc)).toBe(false);
  });

  it('is false when the card is in the DOM but hidden', () => {
    const { doc } = load('player-movie-binge');
    const card = doc.querySelector('.playback-binge__card') as HTMLElement | null;
    card?.setAttribute('hidden', '');
    expect(peacock.creditsRolling(doc)).toBe(false);
    card?.removeAttribute('hidden');
    const container = doc.querySelector('.playback-binge__container') as HTMLElement | null;
    if (container) container.style.display = 'none';
    expect(peacock.creditsRolling(doc)).toBe(false);
    if (container) container.style.display = '';
    expect(peacock.creditsRolling(doc)).toBe(true);
  });

  it('is false for a binge card outside any player', () => {
    const { doc } = load('detail-movie');
    const card = doc.createElement('div');
    card.className = 'playback-binge__card';
    doc.body.append(card);
    expect(peacock.creditsRolling(doc)).toBe(false);
  });
});

describe('selectors', () => {
  it('reads each title selector in order', () => {
    const url = new URL(fixture('player-episode').url);
    const { doc } = load('player-episode');
    doc.querySelector('.playback-header__title')?.remove();
    const meta = doc.querySelector('.playback-metadata__container-title');
    if (meta) meta.textContent = 'Parks and Recreation';
    expect(peacock.detect(doc, url)?.title).toBe('Parks and Recreation');
    const testId = doc.createElement('span');
    testId.setAttribute('data-testid', 'metadata-title');
    testId.textContent = 'The Office';
    meta?.before(testId);
    expect(peacock.detect(doc, url)?.title).toBe('The Office');
  });
});

describe('detect without a URL change', () => {
  it('reads a new title when the player switches in place', () => {
    const { doc, url } = load('player-movie');
    const title = doc.querySelector('[data-testid="metadata-title"]');
    if (!title) throw new Error('no title');
    title.textContent = 'Brooklyn';
    expect(peacock.detect(doc, url)).toEqual({ page: 'player', kind: 'movie', title: 'Brooklyn', rawTitle: 'Brooklyn', signal: 'player' });
  });

  it('follows autoplay from a film into an episode (an S/E line appears)', () => {
    const { doc, url } = load('player-movie');
    const title = doc.querySelector('[data-testid="metadata-title"]');
    const line = doc.querySelector('[data-testid="metadata-description"]');
    if (!title || !line) throw new Error('no title');
    title.textContent = 'The Office';
    line.textContent = 'S2 E2: Sexual Harassment';
    expect(peacock.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'The Office',
      rawTitle: 'The Office',
      episodeLine: 'S2 E2: Sexual Harassment',
      signal: 'player',
    });
  });

  it('an episode line without an S/E pattern is not an episode', () => {
    const { doc, url } = load('player-episode');
    const line = doc.querySelector('.playback-metadata__container-episode-metadata-info');
    if (line) line.textContent = 'The Dundies';
    expect(peacock.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'movie',
      title: 'The Office',
      rawTitle: 'The Office',
      signal: 'player',
    });
  });

  it('never reads the binge card as the current title or episode', () => {
    const { doc, url } = load('player-movie-binge');
    const card = doc.querySelector('.playback-binge__card');
    const t = doc.createElement('span');
    t.setAttribute('data-testid', 'metadata-title');
    t.textContent = 'Brooklyn';
    const d = doc.createElement('span');
    d.setAttribute('data-testid', 'metadata-description');
    d.textContent = 'S1 E1: Pilot';
    card?.prepend(t, d);
    doc.querySelector('.playback-metadata__container')?.remove();
    expect(peacock.detect(doc, url)).toBeNull();
  });

  it.each(['player-movie', 'player-movie-binge'])('%s: follows a string swap of the title (what the e2e does)', (name) => {
    const f = fixture(name);
    expect(f.html.includes('2010')).toBe(false);
    const doc = parse(f.html);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
      expect(own.split('Never Let Me Go').length).toBeLessThanOrEqual(2);
    }
    const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film');
    expect(peacock.detect(parse(html), new URL(f.url))).toEqual({
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
    expect(peacock.detect(parse(html), new URL(f.url))).toMatchObject({
      title: 'Some Other Film',
      year: 1999,
      runtime: 103,
    });
  });

  it('falls back to document.title on detail pages only, without the service suffix', () => {
    const { doc, url } = load('detail-series');
    doc.querySelector('h1')?.remove();
    expect(peacock.detect(doc, url)).toEqual({
      page: 'detail',
      kind: 'series',
      title: 'The Office',
      rawTitle: 'The Office - Peacock',
      year: 2005,
      serviceId: '00000000-0000-4000-8000-00000000d002',
      signal: 'tab-title',
    });
    // A bare "Peacock" (loading, hubs) is not a title.
    doc.title = 'Peacock';
    expect(peacock.detect(doc, url)).toBeNull();
  });

  it('reads the tab title on the player when no title is visible (issue #13; PreMiD/Activities#11178)', () => {
    const { doc, url } = load('player-movie');
    doc.title = 'Never Let Me Go - Peacock';
    doc.querySelector('[data-testid="metadata-title"]')?.remove();
    expect(peacock.detect(doc, url)).toEqual({ page: 'player', kind: 'movie', title: 'Never Let Me Go', rawTitle: 'Never Let Me Go', signal: 'tab-title' });
    // A bare "Peacock" (loading) names nothing.
    doc.title = 'Peacock';
    expect(peacock.detect(doc, url)).toBeNull();
  });

  it('returns null on detail markup served at a non-title path', () => {
    const { doc } = load('detail-movie');
    expect(peacock.detect(doc, new URL('https://www.peacocktv.com/watch/search?q=never'))).toBeNull();
  });
});

describe('localized page (detail-series-es)', () => {
  it('keeps the accented title through the document.title fallback; the leading "100" is no year', () => {
    const { doc, url, f } = load('detail-series-es');
    doc.querySelector('h1')?.remove();
    expect(peacock.detect(doc, url)).toEqual({ ...f.expected, rawTitle: '100 Días para Enamorarnos - Peacock', signal: 'tab-title' });
  });
});

describe('malformed pages', () => {
  const url = new URL('https://www.peacocktv.com/watch/asset/movies/x/00000000-0000-4000-8000-00000000d001');

  it('returns null for empty and half-built pages without throwing', () => {
    expect(peacock.detect(parse(''), url)).toBeNull();
    expect(peacock.detect(parse('<main><h1>   </h1></main>'), url)).toBeNull();
    expect(peacock.detect(parse('<main><h1>\u200e\u202b</h1></main>'), url)).toBeNull();
    expect(peacock.detect(parse('<main><h1>[OV]</h1></main>'), url)).toBeNull();
    const playerOnly = '<div class="playback-container"><video></video><span data-testid="metadata-title"></span></div>';
    expect(peacock.detect(parse(playerOnly), url)).toBeNull();
    expect(peacock.video(parse(playerOnly))).not.toBeNull();
    // With or without a page-level video, a visible title on a playback URL names what plays (issue #13).
    const noVideo = '<div class="playback-container"><span data-testid="metadata-title">X</span></div>';
    expect(peacock.detect(parse(noVideo), new URL('https://www.peacocktv.com/watch/playback/playlist'))).toMatchObject({ title: 'X', signal: 'player' });
    expect(peacock.video(parse(noVideo))).toBeNull();
    expect(peacock.creditsRolling(parse(''))).toBe(false);
    expect(peacock.video(parse(''))).toBeNull();
  });

  it('caps a huge title and stays fast', () => {
    const doc = parse('<div class="playback-container"><video></video><span data-testid="metadata-title"></span></div>');
    const span = doc.querySelector('span');
    if (span) span.textContent = 'Never Let Me Go '.repeat(70_000);
    const started = performance.now();
    const detected = peacock.detect(doc, new URL('https://www.peacocktv.com/watch/playback/playlist'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
    expect(detected?.title.length).toBeLessThanOrEqual(300);
  });

  it('does not take years or runtimes from prose', () => {
    const html =
      '<main><h1>Film</h1><ul><li>Released in 1999 after 90 min of delays</li></ul><p><span>Set in 1978</span></p></main>';
    expect(peacock.detect(parse(html), url)).toEqual({
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
    // A real series page with a numeric asset id (public code, found while building the localized fixture).
    'https://www.peacocktv.com/watch/asset/tv/the-office/4902514835143843112',
    // research §9: real URL shapes (PreMiD Peacock 2.0.0 era examples)
    'https://www.peacocktv.com/watch/playback/vod/GMO_00000000391471_01/8e388082-094f-3974-951b-03332f1a1e67',
    'https://www.peacocktv.com/watch/asset/movies/insidious/4e51408e-3b18-3583-8ea3-7f0790250456',
    'https://www.peacocktv.com/watch/asset/tv/the-office/00000000-0000-4000-8000-00000000d002',
    'https://www.peacocktv.com/watch/asset/movies/never-let-me-go/00000000-0000-4000-8000-00000000d001/',
    'https://peacocktv.com/watch/asset/movies/never-let-me-go/00000000-0000-4000-8000-00000000d001?utm_source=share',
    'https://www.peacocktv.com/watch/playback/vod/GMO_00000000000000_01/00000000-0000-4000-8000-00000000c001/',
    'https://www.peacocktv.com/watch/playback/playlist',
    'https://www.peacocktv.com/watch/playback/playlist/00000000-0000-4000-8000-00000000c001',
    'https://WWW.PEACOCKTV.COM/watch/playback/vod/GMO_00000000000000_01/00000000-0000-4000-8000-00000000C001',
    // 2026 playback URLs (issue #13): webcompat/web-bugs#226027 (2026-06-24), and a content id alone ("GMO_…_HDSDR",
    // a public Peacock client's test).
    'https://www.peacocktv.com/watch/playback/vod/_/ab19dd14-629e-38a2-9b99-f9b8eb35ce76',
    'https://www.peacocktv.com/watch/playback/vod/GMO_00000000224510_02_HDSDR',
    'https://www.peacocktv.com/watch/playback/vod/GMO_00000000000000_01',
  ];
  const otherPages = [
    'https://www.peacocktv.com/',
    'https://www.peacocktv.com/watch/home',
    'https://www.peacocktv.com/watch/tv/highlights',
    'https://www.peacocktv.com/movies/highlights',
    'https://www.peacocktv.com/watch/search?q=never+let+me+go',
    'https://www.peacocktv.com/watch/playback/live/nbc',
    'https://www.peacocktv.com/watch/playback/vod/',
    'https://www.peacocktv.com/watch/playback/vod/GMO_00000000000000_01/not-a-uuid',
    'https://www.peacocktv.com/watch/playback/vod/_/',
    'https://www.peacocktv.com/watch/playback/vod/_/not-a-uuid',
    'https://www.peacocktv.com/watch/playback/vod/ABC_00000000000000_01/00000000-0000-4000-8000-00000000c001',
    'https://www.peacocktv.com/watch/playback/playlistx',
    'https://www.peacocktv.com/watch/asset/movies/never-let-me-go',
    'https://www.peacocktv.com/watch/asset/movies/00000000-0000-4000-8000-00000000d001',
    'https://www.peacocktv.com/watch/asset/sports/x/00000000-0000-4000-8000-00000000d001',
    'https://www.peacocktv.com.evil.example/watch/asset/movies/x/00000000-0000-4000-8000-00000000d001',
    'https://help.peacocktv.com/watch/asset/movies/x/00000000-0000-4000-8000-00000000d001',
    'ftp://www.peacocktv.com/watch/asset/movies/x/00000000-0000-4000-8000-00000000d001',
    'https://www.skyshowtime.com/watch/playback/vod/GMO_00000000000000_01/00000000-0000-4000-8000-00000000c001',
    // other services
    'https://www.netflix.com/watch/70060002',
    'https://www.netflix.com/title/70060002',
    'https://play.max.com/video/watch/914be9f6-e1b2-4f5f-aa34-de07a2a3423b/3c3df515-93b8-4410-b10a-414079529821',
    'https://play.hbomax.com/movie/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://www.primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.amazon.com/gp/video/detail/B0CLRQ7M7Z/',
    'https://www.hulu.com/watch/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://www.hulu.com/movie/never-let-me-go-52217243-a137-45d6-9c6a-0dfab4633034',
    'https://example.com/watch/asset/movies/x/00000000-0000-4000-8000-00000000d001',
  ];

  it.each(titlePages)('title page: %s', (href) => {
    expect(peacock.isTitlePage(new URL(href))).toBe(true);
  });

  it.each(otherPages)('not a title page: %s', (href) => {
    expect(peacock.isTitlePage(new URL(href))).toBe(false);
  });

  it('covers peacocktv.com with one match pattern, and nothing else', () => {
    expect([...peacock.matches]).toEqual(['*://*.peacocktv.com/*']);
    expect(peacock.id).toBe('peacock');
    expect(peacock.name).toBe('Peacock');
  });

  it('detects nothing from a Peacock-shaped detail DOM on another service URL', () => {
    const { doc } = load('detail-movie');
    expect(peacock.detect(doc, new URL('https://www.netflix.com/title/70060002'))).toBeNull();
  });
});

describe('page world (readPeacockPage): the credits marker from the player props', () => {
  /** The fixture page with the props its inline script hangs on the React fiber (unit tests do not run scripts). */
  const withFiber = (props: Record<string, unknown>, asProps = false): Window => {
    const { doc } = load('player-movie');
    const el = doc.querySelector('.playback-container') as unknown as Record<string, unknown>;
    if (asProps) el['__reactProps$x1'] = props;
    else el['__reactFiber$x1'] = { memoizedProps: { className: 'playback-container' }, return: { memoizedProps: props, return: null } };
    return { document: doc } as unknown as Window;
  };

  it('reads startOfCredits, elapsedTime and duration, as the fixture’s attribute says', () => {
    const read = readPeacockPage(withFiber({ sessionState: 'PLAYING', elapsedTime: 5900, duration: 6180, startOfCredits: 5880 }));
    const { doc } = load('player-movie-credits-marker');
    expect(sanitizePageData(read)).toEqual(JSON.parse(doc.documentElement.getAttribute(PAGE_DATA_ATTRIBUTE) ?? 'null'));
    expect(doc.body.innerHTML).toContain('startOfCredits: 5880');
    // The runtime's reading: past the marker, the credits roll, before any binge card.
    expect(peacock.creditsRolling(doc)).toBe(false);
    expect(pageSaysCredits(read)).toBe(true);
  });

  it('reads props on the element itself, and milliseconds as milliseconds', () => {
    expect(readPeacockPage(withFiber({ startOfCredits: 5_880_000, elapsedTime: 100_000, duration: 6_180_000 }, true))).toEqual({
      creditsStart: 5880,
      position: 100,
      duration: 6180,
    });
  });

  it('reads nothing without the player, the props, or with wrongly typed ones', () => {
    expect(readPeacockPage({ document: parse('<html><body></body></html>') } as unknown as Window)).toBeNull();
    expect(readPeacockPage(withFiber({ elapsedTime: 1, duration: 2 }))).toBeNull();
    expect(readPeacockPage(withFiber({ startOfCredits: '5880', duration: 6180 }))).toBeNull();
    expect(readPeacockPage(withFiber({ startOfCredits: 5880, duration: 0 }))).toBeNull();
  });

  it('a cyclic or endless fiber chain is walked a bounded number of steps', () => {
    const { doc } = load('player-movie');
    const loop: Record<string, unknown> = { memoizedProps: {} };
    loop.return = loop;
    (doc.querySelector('.playback-container') as unknown as Record<string, unknown>)['__reactFiber$x1'] = loop;
    expect(readPeacockPage({ document: doc } as unknown as Window)).toBeNull();
  });
});

/** Issue #13: each signal alone, and the player winning over the tab title when they disagree. */
{
  const playback = 'https://www.peacocktv.com/watch/playback/vod/_/ab19dd14-629e-38a2-9b99-f9b8eb35ce76';
  const detailUrl = 'https://www.peacocktv.com/watch/asset/movies/brooklyn/00000000-0000-4000-8000-00000000d009';
  describeSignals(
    peacock,
    [
      { name: 'the visible title alone, no page-level video', url: playback, body: '<span data-testid="metadata-title">Brooklyn</span>', expected: { page: 'player', title: 'Brooklyn', signal: 'player' } },
      { name: 'the tab title alone', url: playback, tab: 'Brooklyn - Peacock', body: '<div class="playback-container"><video></video></div>', expected: { page: 'player', title: 'Brooklyn', signal: 'tab-title' } },
      { name: 'title and tab title disagree: the player wins', url: playback, tab: 'Carol - Peacock', body: '<span data-testid="metadata-title">Brooklyn</span>', expected: { title: 'Brooklyn', signal: 'player' } },
      { name: 'the binge card’s title is never the player’s', url: playback, tab: 'Brooklyn - Peacock', body: '<div class="playback-binge__container"><span data-testid="metadata-title">Carol</span></div>', expected: { title: 'Brooklyn', signal: 'tab-title' } },
      { name: 'the detail heading alone', url: detailUrl, body: '<main><h1>Brooklyn</h1></main>', expected: { page: 'detail', title: 'Brooklyn', signal: 'detail' } },
      { name: 'the URL id alone', url: playback, tab: 'Peacock', body: '', expected: null },
    ],
  );
}

