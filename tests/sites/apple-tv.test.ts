import { describe, expect, it } from 'vitest';
import { describeAdapter, describeSignals } from '../helpers/describe-adapter';
import { parse, siteFixtures } from '../helpers/site-fixtures';
import { appleTv, selectors } from '../../lib/sites/apple-tv';
import { netflix } from '../../lib/sites/netflix';
import { primeVideo } from '../../lib/sites/prime-video';

const { fixtures, fixture, load } = siteFixtures('apple-tv');

describeAdapter(appleTv, { selectors });

const PLAYER_FIXTURES = fixtures.filter((f) => f.name.startsWith('player-')).map((f) => f.name);
const DETAIL_FIXTURES = fixtures.filter((f) => f.name.startsWith('detail-')).map((f) => f.name);
const LEGACY_FIXTURES = PLAYER_FIXTURES.filter((n) => n.endsWith('-legacy'));

const MOVIE_ID = 'umc.cmc.fixture0movie00000000000001';
const SHOW_ID = 'umc.cmc.vtoh0mn0xn7t3c643xqonfzy';
const ROOT = new URL('https://tv.apple.com/us');

/** What the e2e does to a fixture before loading it (tests/e2e/services.e2e.test.ts). */
const asFilm = (title: string, year: number) => (html: string) =>
  html.replaceAll('Never Let Me Go', title).replace(/>\s*2010\s*</g, `>${year}<`);

function setText(doc: Document, selector: string, text: string): void {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  el.textContent = text;
}

describe('fixtures', () => {
  it('has every required page kind', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'player-movie',
        'player-movie-route',
        'player-episode',
        'player-episode-de',
        'detail-movie',
        'detail-show',
        'detail-episode',
      ]),
    );
    expect(fixture('player-movie').url).toBe('https://tv.apple.com/us');
  });

  it.each(PLAYER_FIXTURES)('%s: the player renders as a fixed full-viewport layer with a video and controls', (name) => {
    const { doc } = load(name);
    expect(doc.querySelector('style')?.textContent).toMatch(/\[data-testid="video-player"\],\.video-player--legacy\{position:fixed;inset:0/);
    const root = doc.querySelector('[data-testid="video-player"], .video-player--legacy');
    expect(root?.querySelector('[data-testid="video-player-content"] video')).not.toBeNull();
    expect(root?.querySelector(selectors.playerTitle.join(','))).not.toBeNull();
    expect(root?.querySelector('button[aria-label="Pause"]')).not.toBeNull();
  });

  it('the localized fixture is a German page', () => {
    const { doc, url } = load('player-episode-de');
    expect(url.pathname.startsWith('/de/')).toBe(true);
    expect(doc.documentElement.lang).toBe('de-DE');
    expect(doc.body.textContent).toMatch(/Startseite/);
  });
});

describe('badgeMount', () => {
  it.each(PLAYER_FIXTURES)('%s: mounts inside the player content wrapper (fullscreen-safe)', (name) => {
    const { doc, url } = load(name);
    const detected = appleTv.detect(doc, url);
    expect(detected?.page).toBe('player');
    const mount = detected ? appleTv.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.getAttribute('data-testid')).toBe('video-player-content');
    expect(mount?.container.querySelector('video')).toBe(appleTv.video(doc));
  });

  it.each(DETAIL_FIXTURES)('%s: mounts inline in the page header, beside the title', (name) => {
    const { doc, url } = load(name);
    const detected = appleTv.detect(doc, url);
    const mount = detected ? appleTv.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('inline');
    expect(mount?.container.classList.contains('page-header')).toBe(true);
    expect(mount?.container.textContent).toContain(detected?.rawTitle);
  });

  it('falls back to the overlay root when it has no content wrapper', () => {
    const doc = parse(
      '<div data-testid="video-player"><div data-testid="video-container"><video></video></div>' +
        '<span data-testid="player-metadata-title">Never Let Me Go</span></div>',
    );
    const detected = appleTv.detect(doc, ROOT);
    expect(detected?.title).toBe('Never Let Me Go');
    const mount = detected ? appleTv.badgeMount(doc, detected) : null;
    expect(mount?.container.getAttribute('data-testid')).toBe('video-player');
  });

  it('is null once the player or the header is gone', () => {
    const { doc, url } = load('player-movie');
    const detected = appleTv.detect(doc, url);
    if (!detected) throw new Error('no detection');
    doc.querySelector('[data-testid="video-player"]')?.remove();
    expect(appleTv.badgeMount(doc, detected)).toBeNull();
    const detail = load('detail-movie');
    const d = appleTv.detect(detail.doc, detail.url);
    if (!d) throw new Error('no detection');
    detail.doc.querySelector('.page-header')?.remove();
    expect(appleTv.badgeMount(detail.doc, d)).toBeNull();
  });
});

describe('video', () => {
  it.each(PLAYER_FIXTURES.filter((n) => !LEGACY_FIXTURES.includes(n)))('%s: the video in the video container', (name) => {
    const video = appleTv.video(load(name).doc);
    expect(video?.tagName).toBe('VIDEO');
    expect(video?.closest('[data-testid="video-container"]')?.closest('[data-testid="video-player"]')).not.toBeNull();
  });

  it.each(LEGACY_FIXTURES)('%s: the video inside the older player wrapper', (name) => {
    const video = appleTv.video(load(name).doc);
    expect(video?.closest('[data-testid="video-player-content"]')).not.toBeNull();
  });

  it.each([...DETAIL_FIXTURES, 'home-promo'])('%s: promo and preview videos are not the content video', (name) => {
    const { doc } = load(name);
    expect(doc.querySelector('video[muted][autoplay]')).not.toBeNull();
    expect(appleTv.video(doc)).toBeNull();
  });

  it('ignores promo videos while the overlay has none of its own, and reads the page under it', () => {
    const { doc, url } = load('player-movie-route');
    doc.querySelector('[data-testid="video-container"]')?.remove();
    expect(appleTv.video(doc)).toBeNull();
    expect(appleTv.detect(doc, url)).toEqual(fixture('detail-movie').expected);
  });

  it('takes the documented video container even when it sits outside the overlay root', () => {
    const { doc, url } = load('player-movie');
    const container = doc.querySelector('[data-testid="video-container"]');
    if (!container) throw new Error('no container');
    doc.body.append(container);
    expect(appleTv.video(doc)).toBe(container.querySelector('video'));
    expect(appleTv.detect(doc, url)).toEqual(fixture('player-movie').expected);
  });

  it('a hidden overlay is no player', () => {
    const { doc, url } = load('player-movie-route');
    const root = doc.querySelector('[data-testid="video-player"]') as HTMLElement | null;
    root?.setAttribute('hidden', '');
    expect(appleTv.video(doc)).toBeNull();
    expect(appleTv.detect(doc, url)?.page).toBe('detail');
    root?.removeAttribute('hidden');
    if (root) root.style.display = 'none';
    expect(appleTv.detect(doc, url)?.page).toBe('detail');
    if (root) root.style.display = '';
    expect(appleTv.detect(doc, url)?.page).toBe('player');
  });
});

describe('creditsRolling', () => {
  // No documented Apple TV end-of-title element (research §7): the runtime's near-end fallback covers it.
  it.each(fixtures.map((f) => f.name))('%s: false', (name) => {
    expect(appleTv.creditsRolling(load(name).doc)).toBe(false);
  });

  it('is false even with the skip-intro button showing (it marks the intro, not the credits)', () => {
    const { doc } = load('player-episode');
    const button = doc.createElement('button');
    button.className = 'skip-intro__button';
    doc.querySelector('[data-testid="video-player-scrim"]')?.append(button);
    expect(appleTv.creditsRolling(doc)).toBe(false);
  });
});

describe('selectors', () => {
  it('reads each title selector in order', () => {
    const { doc } = load('player-movie');
    const scrim = doc.querySelector('[data-testid="video-player-scrim"]');
    doc.querySelector('[data-testid="player-metadata-title"]')?.remove();
    expect(appleTv.detect(doc, ROOT)).toBeNull();
    const old = doc.createElement('h2');
    old.id = 'video-player-title';
    old.textContent = 'Brooklyn';
    scrim?.append(old);
    expect(appleTv.detect(doc, ROOT)?.title).toBe('Brooklyn');
    const meta = doc.createElement('div');
    meta.className = 'video-metadata';
    meta.innerHTML = '<span class="title">Carol</span>';
    scrim?.append(meta);
    expect(appleTv.detect(doc, ROOT)?.title).toBe('Carol');
    const current = doc.createElement('span');
    current.setAttribute('data-testid', 'player-metadata-title');
    current.textContent = 'Lincoln';
    scrim?.append(current);
    expect(appleTv.detect(doc, ROOT)?.title).toBe('Lincoln');
  });
});

describe('detect without a URL change (the overlay)', () => {
  it('reads a new film when autoplay switches the item in place', () => {
    const { doc, url } = load('player-movie');
    const first = appleTv.detect(doc, url);
    setText(doc, '[data-testid="player-metadata-title"]', 'Brooklyn');
    const next = appleTv.detect(doc, url);
    expect(next).toEqual({ page: 'player', kind: 'movie', title: 'Brooklyn', rawTitle: 'Brooklyn', signal: 'player' });
    expect(next).not.toEqual(first);
  });

  it('follows autoplay from a film into an episode and back (a season/episode line appears and goes)', () => {
    const { doc, url } = load('player-movie');
    setText(doc, '[data-testid="player-metadata-title"]', 'Severance');
    const sub = doc.createElement('p');
    sub.setAttribute('data-testid', 'player-metadata-subtitle');
    sub.textContent = 'S1 · E3 · In Perpetuity';
    doc.querySelector('[data-testid="player-metadata-title"]')?.after(sub);
    expect(appleTv.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'Severance',
      rawTitle: 'Severance',
      episodeLine: 'S1 · E3 · In Perpetuity',
      signal: 'player',
    });
    sub.remove();
    setText(doc, '[data-testid="player-metadata-title"]', 'Never Let Me Go');
    expect(appleTv.detect(doc, url)).toEqual(fixture('player-movie').expected);
  });

  it('a film that autoplays over another film\'s page takes nothing from that page', () => {
    const { doc, url } = load('player-movie-route');
    setText(doc, '[data-testid="player-metadata-title"]', 'Brooklyn');
    expect(appleTv.detect(doc, url)).toEqual({ page: 'player', kind: 'movie', title: 'Brooklyn', rawTitle: 'Brooklyn', signal: 'player' });
  });

  it('is null while the player shows no title, never the detail page under it', () => {
    const { doc, url } = load('player-movie-route');
    const title = doc.querySelector('[data-testid="player-metadata-title"]');
    const parent = title?.parentElement;
    if (!title || !parent) throw new Error('no title');
    title.remove();
    expect(appleTv.detect(doc, url)).toBeNull();
    parent.prepend(title);
    expect(appleTv.detect(doc, url)).toEqual(fixture('player-movie-route').expected);
  });

  it.each(['player-movie', 'player-movie-legacy'])('%s: follows the e2e string swap of the title', (name) => {
    const f = fixture(name);
    expect(f.html.includes('2010')).toBe(false);
    const doc = parse(f.html);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
      expect(own.split('Never Let Me Go').length).toBeLessThanOrEqual(2);
    }
    const html = asFilm('Guardians of the Galaxy', 2014)(f.html);
    expect(appleTv.detect(parse(html), new URL(f.url))).toEqual({
      page: 'player',
      kind: 'movie',
      title: 'Guardians of the Galaxy',
      rawTitle: 'Guardians of the Galaxy',
      signal: 'player',
    });
  });

  it.each(['player-movie-route', 'detail-movie'])('%s: a swap of title and year keeps meta, JSON-LD and text in step', (name) => {
    const f = fixture(name);
    const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film').replaceAll('2010', '1999');
    expect(appleTv.detect(parse(html), new URL(f.url))).toMatchObject({ kind: 'movie', title: 'Some Other Film', year: 1999, runtime: 103 });
  });
});

describe('episodes by structure', () => {
  it.each([
    ['S1, E2 · Biscuits'],
    ['S1 · E2 · Biscuits'],
    ['S1, F2 · Biscuits'],
    ['T1, E2 · Biscuits'],
    ['St. 1, F. 2 · Biscuits'],
    ['シーズン1、エピソード2 · Biscuits'],
    ['Season 1, Episode 2'],
  ])('a subtitle "%s" makes an episode', (line) => {
    const { doc, url } = load('player-episode');
    setText(doc, '[data-testid="player-metadata-subtitle"]', line);
    expect(appleTv.detect(doc, url)).toEqual({ page: 'player', kind: 'episode', title: 'Ted Lasso', rawTitle: 'Ted Lasso', episodeLine: line, signal: 'player' });
  });

  it.each([['Drama · 2010'], ['R · 1 hr 43 min'], ['Biscuits']])('a subtitle "%s" on the locale root is no episode line', (line) => {
    const { doc, url } = load('player-movie');
    const sub = doc.createElement('p');
    sub.setAttribute('data-testid', 'player-metadata-subtitle');
    sub.textContent = line;
    doc.querySelector('[data-testid="player-metadata-title"]')?.after(sub);
    expect(appleTv.detect(doc, url)).toMatchObject({ kind: 'movie', title: 'Never Let Me Go' });
  });

  it('reads the reversed order: the season/episode in the title, the show in the subtitle (UTS reads both)', () => {
    const { doc, url } = load('player-episode');
    setText(doc, '[data-testid="player-metadata-title"]', 'S1, E2 · Biscuits');
    setText(doc, '[data-testid="player-metadata-subtitle"]', 'Ted Lasso');
    expect(appleTv.detect(doc, url)).toEqual(fixture('player-episode').expected);
    doc.querySelector('[data-testid="player-metadata-subtitle"]')?.remove();
    expect(appleTv.detect(doc, url)).toMatchObject({ kind: 'episode' });
  });

  it('on a show or episode page, a player title equal to the show name is an episode whatever its subtitle says', () => {
    const de = load('player-episode-de');
    setText(de.doc, '[data-testid="player-metadata-subtitle"]', 'Folge zwei · Biscuits');
    expect(appleTv.detect(de.doc, de.url)).toMatchObject({ kind: 'episode', title: 'Ted Lasso', episodeLine: 'Folge zwei · Biscuits' });
    de.doc.querySelector('[data-testid="player-metadata-subtitle"]')?.remove();
    expect(appleTv.detect(de.doc, de.url)).toEqual({ page: 'player', kind: 'episode', title: 'Ted Lasso', rawTitle: 'Ted Lasso', signal: 'player' });
    const ep = load('player-episode');
    ep.doc.querySelector('[data-testid="player-metadata-subtitle"]')?.remove();
    expect(appleTv.detect(ep.doc, ep.url)).toMatchObject({ kind: 'episode', title: 'Ted Lasso' });
    // The same player on the locale root has no page to compare with: a title alone is a film.
    expect(appleTv.detect(ep.doc, ROOT)).toMatchObject({ kind: 'movie', title: 'Ted Lasso' });
  });

  it('a film playing over a show page stays a film', () => {
    const { doc, url } = load('player-episode-de');
    setText(doc, '[data-testid="player-metadata-title"]', 'Never Let Me Go');
    doc.querySelector('[data-testid="player-metadata-subtitle"]')?.remove();
    expect(appleTv.detect(doc, url)).toEqual({ page: 'player', kind: 'movie', title: 'Never Let Me Go', rawTitle: 'Never Let Me Go', signal: 'player' });
  });
});

describe('detail pages', () => {
  it('trusts the head only when apple:content_id equals the URL id (it can lag an in-app navigation)', () => {
    const { doc } = load('detail-movie');
    expect(appleTv.detect(doc, new URL('https://tv.apple.com/us/movie/brooklyn/umc.cmc.fixture0movie00000000000002'))).toBeNull();
    doc.querySelector('meta[name="apple:content_id"]')?.remove();
    expect(appleTv.detect(doc, new URL(fixture('detail-movie').url))).toBeNull();
  });

  it('matches the id case-insensitively and keeps a trailing slash or query', () => {
    const { doc } = load('detail-movie');
    const url = new URL(`https://tv.apple.com/us/movie/never-let-me-go/${MOVIE_ID.toUpperCase()}/?l=en-US`);
    expect(appleTv.detect(doc, url)).toMatchObject({ title: 'Never Let Me Go', serviceId: MOVIE_ID });
  });

  it('reads nothing from detail markup on the locale root, another route type or an excluded path', () => {
    const { doc } = load('detail-movie');
    expect(appleTv.detect(doc, ROOT)).toBeNull();
    expect(appleTv.detect(doc, new URL(`https://tv.apple.com/us/show/never-let-me-go/${MOVIE_ID}`))).toMatchObject({ kind: 'series' });
    expect(appleTv.detect(doc, new URL(`https://tv.apple.com/us/clip/never-let-me-go/${MOVIE_ID}`))).toBeNull();
    expect(appleTv.detect(load('player-movie').doc, new URL('https://tv.apple.com/us/sporting-event/x/umc.cse.1'))).toBeNull();
  });

  it('falls back from apple:title to the JSON-LD name, and from og:video:release_date to datePublished', () => {
    const { doc, url } = load('detail-movie');
    doc.querySelector('meta[name="apple:title"]')?.remove();
    doc.querySelector('meta[property="og:video:release_date"]')?.remove();
    const ld = doc.querySelector('script[type="application/ld+json"]');
    if (ld) ld.textContent = (ld.textContent ?? '').replace('2010-09-15', '2011-02-11');
    expect(appleTv.detect(doc, url)).toEqual({
      page: 'detail',
      kind: 'movie',
      title: 'Never Let Me Go',
      rawTitle: 'Never Let Me Go',
      year: 2011,
      runtime: 103,
      serviceId: MOVIE_ID,
      signal: 'json-ld',
    });
  });

  it('skips JSON-LD that names another id, and reads array roots', () => {
    const { doc, url } = load('detail-movie');
    doc.querySelector('meta[name="apple:title"]')?.remove();
    doc.querySelector('meta[property="og:video:release_date"]')?.remove();
    const ld = doc.querySelector('script[type="application/ld+json"]');
    if (!ld) throw new Error('no ld');
    ld.textContent = JSON.stringify([
      { '@type': 'Movie', name: 'Brooklyn', url: 'https://tv.apple.com/us/movie/brooklyn/umc.cmc.fixture0movie00000000000002' },
      { '@type': ['Movie'], name: 'Never Let Me Go', url: `/us/movie/never-let-me-go/${MOVIE_ID}`, dateCreated: '2010' },
    ]);
    expect(appleTv.detect(doc, url)).toMatchObject({ title: 'Never Let Me Go', year: 2010 });
    expect(appleTv.detect(doc, url)?.runtime).toBeUndefined();
  });

  it('episode pages: show name from JSON-LD, then the header link, then the "Show - Episode" JSON-LD name', () => {
    const { doc, url } = load('detail-episode');
    const ld = doc.querySelector('script[type="application/ld+json"]');
    if (!ld) throw new Error('no ld');
    ld.textContent = JSON.stringify({ '@type': 'Episode', name: 'Ted Lasso - Biscuits', episodeNumber: '2', partOfSeason: 1 });
    expect(appleTv.detect(doc, url)).toMatchObject({ kind: 'episode', title: 'Ted Lasso', episodeLine: 'S1, E2 · Biscuits' });
    doc.querySelector('.page-header a[href*="/show/"]')?.remove();
    expect(appleTv.detect(doc, url)).toMatchObject({ kind: 'episode', title: 'Ted Lasso' });
    doc.querySelector('meta[name="apple:title"]')?.remove();
    // The header's episode title stands in for apple:title.
    expect(appleTv.detect(doc, url)).toMatchObject({ kind: 'episode', title: 'Ted Lasso', episodeLine: 'S1, E2 · Biscuits' });
    ld.remove();
    expect(appleTv.detect(doc, url)).toBeNull();
  });

  it('series pages never carry a year or runtime', () => {
    const { doc, url } = load('detail-show');
    const meta = doc.createElement('meta');
    meta.setAttribute('property', 'og:video:release_date');
    meta.setAttribute('content', '2020-08-14');
    doc.head.append(meta);
    expect(appleTv.detect(doc, url)).toEqual(fixture('detail-show').expected);
  });
});

describe('malformed pages', () => {
  const movie = new URL(`https://tv.apple.com/us/movie/x/${MOVIE_ID}`);
  const player = (title: string): string =>
    `<div data-testid="video-player"><div data-testid="video-container"><video></video></div><span data-testid="player-metadata-title">${title}</span></div>`;

  it('returns null for empty and half-built pages without throwing', () => {
    expect(appleTv.detect(parse(''), movie)).toBeNull();
    expect(appleTv.detect(parse(''), ROOT)).toBeNull();
    expect(appleTv.detect(parse(player('   ')), ROOT)).toBeNull();
    expect(appleTv.detect(parse(player('\u200e\u202b')), ROOT)).toBeNull();
    expect(appleTv.detect(parse(player('[OV]')), ROOT)).toBeNull();
    const noVideo = '<div data-testid="video-player"><span data-testid="player-metadata-title">X</span></div>';
    expect(appleTv.detect(parse(noVideo), ROOT)).toBeNull();
    expect(appleTv.video(parse(noVideo))).toBeNull();
    const meta = (content: string): string =>
      `<meta name="apple:content_id" content="${MOVIE_ID}"><meta name="apple:title" content="${content}">`;
    expect(appleTv.detect(parse(meta('  ')), movie)).toBeNull();
    expect(appleTv.detect(parse(meta('Film') + '<script type="application/ld+json">{not json</script>'), movie)).toMatchObject({ title: 'Film' });
    const junkLd = '<script type="application/ld+json">[null, 3, {"@type": 7}, {"@graph": "x"}]</script>';
    expect(appleTv.detect(parse(`<meta name="apple:content_id" content="${MOVIE_ID}">${junkLd}`), movie)).toBeNull();
    const episode = new URL('https://tv.apple.com/us/episode/x/umc.cmc.1');
    const badEpisode = '<meta name="apple:content_id" content="umc.cmc.1"><script type="application/ld+json">{"@type":"Episode","partOfSeries":{"name":7},"partOfSeason":{"seasonNumber":"x"}}</script>';
    expect(appleTv.detect(parse(badEpisode), episode)).toBeNull();
    expect(appleTv.creditsRolling(parse(''))).toBe(false);
    expect(appleTv.video(parse(''))).toBeNull();
  });

  it('skips an oversized JSON-LD block instead of parsing it', () => {
    const big = JSON.stringify({ '@type': 'Movie', name: 'Film', description: 'x'.repeat(60_000) });
    const html = `<meta name="apple:content_id" content="${MOVIE_ID}"><script type="application/ld+json">${big}</script>`;
    expect(appleTv.detect(parse(html), movie)).toBeNull();
  });

  it('caps a huge title and stays fast', () => {
    const doc = parse(player(''));
    const span = doc.querySelector('span');
    if (span) span.textContent = 'Never Let Me Go '.repeat(70_000);
    const sub = doc.createElement('p');
    sub.setAttribute('data-testid', 'player-metadata-subtitle');
    sub.textContent = 'S1, '.repeat(250_000);
    span?.after(sub);
    const started = performance.now();
    const detected = appleTv.detect(doc, ROOT);
    expect(performance.now() - started).toBeLessThan(500);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
    expect(detected?.title.length).toBeLessThanOrEqual(300);
    expect(detected?.episodeLine?.length ?? 0).toBeLessThanOrEqual(300);
  });

  it('caps a huge meta title on a detail page', () => {
    const html = `<meta name="apple:content_id" content="${MOVIE_ID}"><meta name="apple:title" content="${'Film '.repeat(200_000)}">`;
    const detected = appleTv.detect(parse(html), movie);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
  });
});

describe('URLs', () => {
  const titlePages = [
    // research §7: real URLs and shapes
    'https://tv.apple.com/us/movie/f1-the-movie/umc.cmc.3t6dvnnr87zwd4wmvpdx5came',
    `https://tv.apple.com/us/show/ted-lasso/${SHOW_ID}`,
    'https://tv.apple.com/us/episode/biscuits/umc.cmc.45cu44369hb2qfuwr3fihnr8e',
    `https://tv.apple.com/us/episode/biscuits/umc.cmc.45cu44369hb2qfuwr3fihnr8e?showId=${SHOW_ID}`,
    `https://tv.apple.com/tw/episode/%E8%A9%A6%E6%92%AD%E9%9B%86/umc.cmc.zb0yksqtym68hasbq8mj4jwp?showId=${SHOW_ID}&playableId=tvs.sbd.4000%3AVTEDL0560101`,
    `https://tv.apple.com/de/movie/never-let-me-go/${MOVIE_ID}/`,
    // the overlay can open on any page: locale roots first
    'https://tv.apple.com/us',
    'https://tv.apple.com/us/',
    'https://tv.apple.com/de',
    'https://tv.apple.com/',
    'https://tv.apple.com/us?l=en-US',
    'https://tv.apple.com/us/channel/tv-plus',
    'https://tv.apple.com/us/collection/most-popular-now/uts.col.ChartsShows.tvs.sbd.4000',
    'https://tv.apple.com/us/search?term=never%20let%20me%20go',
    'https://TV.APPLE.COM/us/movie/f1-the-movie/umc.cmc.3t6dvnnr87zwd4wmvpdx5came',
  ];
  const otherPages = [
    // trailers and extras, live sport (UTS PR #489)
    'https://tv.apple.com/us/clip/f1-the-movie-official-trailer/umc.cmc.fixture0clip000000000000001',
    'https://tv.apple.com/us/clip/x/umc.cmc.1?targetId=umc.cmc.3t6dvnnr87zwd4wmvpdx5came',
    'https://tv.apple.com/us/sporting-event/inter-miami-cf-vs-la-galaxy/umc.cse.fixture0sport0001',
    'https://tv.apple.com/clip/x/umc.cmc.1',
    // other hosts
    'https://www.apple.com/apple-tv-plus/',
    'https://music.apple.com/us/browse',
    'https://apple.com/us/movie/f1-the-movie/umc.cmc.3t6dvnnr87zwd4wmvpdx5came',
    'https://vod-ap3-aoc.tv.apple.com/itunes-assets/HLSVideo126/v4/25/a3/dd/x.mp4',
    'https://tv.apple.com.evil.example/us/movie/x/umc.cmc.1',
    'https://tv-apple.com/us/movie/x/umc.cmc.1',
    'ftp://tv.apple.com/us/movie/x/umc.cmc.1',
    'https://www.netflix.com/watch/80000001',
    'https://www.primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.peacocktv.com/watch/asset/movies/x/00000000-0000-4000-8000-00000000d001',
    'https://example.com/us/movie/x/umc.cmc.1',
  ];

  it.each(titlePages)('title page: %s', (href) => {
    expect(appleTv.isTitlePage(new URL(href))).toBe(true);
    expect(netflix.isTitlePage(new URL(href))).toBe(false);
    expect(primeVideo.isTitlePage(new URL(href))).toBe(false);
  });

  it.each(otherPages)('not a title page: %s', (href) => {
    expect(appleTv.isTitlePage(new URL(href))).toBe(false);
  });

  it('takes the service id from the route: the real F1 film URL', () => {
    const url = new URL('https://tv.apple.com/us/movie/f1-the-movie/umc.cmc.3t6dvnnr87zwd4wmvpdx5came');
    const html =
      '<meta name="apple:content_id" content="umc.cmc.3t6dvnnr87zwd4wmvpdx5came"><meta name="apple:title" content="F1 The Movie">';
    expect(appleTv.detect(parse(html), url)).toEqual({
      page: 'detail',
      kind: 'movie',
      title: 'F1 The Movie',
      rawTitle: 'F1 The Movie',
      serviceId: 'umc.cmc.3t6dvnnr87zwd4wmvpdx5came',
      signal: 'json-ld',
    });
  });

  it('covers tv.apple.com with one match pattern, and has an id equal to its file name', () => {
    expect([...appleTv.matches]).toEqual(['*://tv.apple.com/*']);
    expect(appleTv.id).toBe('apple-tv');
    expect(appleTv.name).toBe('Apple TV+');
  });

  it('detects nothing from an Apple-shaped page on another service URL', () => {
    expect(appleTv.detect(load('player-movie').doc, new URL('https://www.netflix.com/watch/80000001'))).toBeNull();
    expect(appleTv.detect(load('detail-movie').doc, new URL('https://www.netflix.com/title/80000001'))).toBeNull();
  });
});

/** Issue #13: each signal alone, and the overlay player winning over the page under it. */
{
  const id = 'umc.cmc.fixture0movie00000000000009';
  const movieUrl = `https://tv.apple.com/us/movie/brooklyn/${id}`;
  const page = (name: string): string => `<meta name="apple:content_id" content="${id}"><meta name="apple:title" content="${name}">`;
  const player = (title: string): string =>
    `<div data-testid="video-player"><div data-testid="video-container"><video></video></div><p data-testid="player-metadata-title">${title}</p></div>`;
  describeSignals(appleTv, [
    { name: 'the player title alone', url: 'https://tv.apple.com/us', body: player('Brooklyn'), expected: { page: 'player', title: 'Brooklyn', signal: 'player' }, urlId: false },
    { name: 'the page’s metadata alone', url: movieUrl, body: page('Brooklyn'), expected: { page: 'detail', title: 'Brooklyn', serviceId: id, signal: 'json-ld' } },
    { name: 'player and page disagree: the player wins, without the page’s id', url: movieUrl, body: page('Carol') + player('Brooklyn'), expected: { page: 'player', title: 'Brooklyn', serviceId: undefined, signal: 'player' } },
    { name: 'player and page agree: the page’s id goes with it', url: movieUrl, body: page('Brooklyn') + player('Brooklyn'), expected: { page: 'player', title: 'Brooklyn', serviceId: id, signal: 'player' } },
    { name: 'the URL id alone', url: movieUrl, body: '', expected: null },
  ]);
}
