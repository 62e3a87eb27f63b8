import { describe, expect, it } from 'vitest';
import { describeAdapter, describeSignals } from '../helpers/describe-adapter';
import { parse, siteFixtures } from '../helpers/site-fixtures';
import { paramountPlus as pp, selectors } from '../../lib/sites/paramount-plus';

const { fixtures, fixture, load } = siteFixtures('paramount-plus');

describeAdapter(pp, { selectors });

const CONTENT_PLAYERS = ['player-movie', 'player-movie-endcard', 'player-episode', 'player-movie-de'];

describe('fixtures', () => {
  it('has every required page kind', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(
      ['detail-movie', 'player-episode', 'player-live', 'player-movie', 'player-movie-de', 'player-movie-endcard', 'player-movie-tabtitle'].sort(),
    );
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: isTitlePage unless live', (_n, f) => {
    expect(pp.isTitlePage(new URL(f.url))).toBe(f.name !== 'player-live');
  });

  it('the localized fixture is a German page behind the /de/ region path; the id after it is the serviceId', () => {
    const { doc, url, f } = load('player-movie-de');
    expect(url.pathname).toMatch(/^\/de\/movies\/video\//);
    expect(doc.documentElement.lang).toBe('de-DE');
    expect(doc.querySelector('.btn-fullscreen')?.textContent).toBe('Vollbild');
    expect(f.expected?.serviceId).toBe(url.pathname.split('/')[4]);
  });

  it.each(CONTENT_PLAYERS)('%s: renders a fixed full-viewport player with title, controls and video', (name) => {
    const { doc } = load(name);
    expect(doc.querySelector('style')?.textContent).toMatch(/\.video__player-area\{position:fixed;inset:0/);
    const skin = doc.querySelector('.video__player-area .aa-player-skin');
    expect(skin?.querySelector('video')).not.toBeNull();
    expect(skin?.querySelector('.skin-metadata-manager-header')).not.toBeNull();
    expect(skin?.querySelector('.btn-fullscreen')).not.toBeNull();
  });
});

describe('badgeMount', () => {
  it.each(CONTENT_PLAYERS)('%s: inside .aa-player-skin (fullscreen-safe)', (name) => {
    const { doc, url } = load(name);
    const d = pp.detect(doc, url);
    const mount = d ? pp.badgeMount(doc, d) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.classList.contains('aa-player-skin')).toBe(true);
  });

  it('falls back to .video__player-area when the skin holds no video', () => {
    const { doc, url } = load('player-movie');
    const skin = doc.querySelector('.aa-player-skin');
    const videoBox = doc.querySelector('.video-container');
    if (!skin || !videoBox) throw new Error('fixture');
    skin.before(videoBox);
    const d = pp.detect(doc, url);
    const mount = d ? pp.badgeMount(doc, d) : null;
    expect(mount?.container.classList.contains('video__player-area')).toBe(true);
    expect(pp.video(doc)?.closest('.video__player-area')).not.toBeNull();
  });

  it('detail-movie: inline beside the title heading', () => {
    const { doc, url } = load('detail-movie');
    const d = pp.detect(doc, url);
    const mount = d ? pp.badgeMount(doc, d) : null;
    expect(mount?.placement).toBe('inline');
    expect(mount?.container.querySelector(':scope > h1')?.textContent).toBe('Never Let Me Go');
  });

  it('is null once the player or the heading is gone', () => {
    const { doc, url } = load('player-movie');
    const d = pp.detect(doc, url);
    if (!d) throw new Error('no detection');
    doc.querySelector('.video__player-area')?.remove();
    expect(pp.badgeMount(doc, d)).toBeNull();
    const detail = load('detail-movie');
    const dd = pp.detect(detail.doc, detail.url);
    if (!dd) throw new Error('no detection');
    detail.doc.querySelector('h1')?.remove();
    expect(pp.badgeMount(detail.doc, dd)).toBeNull();
  });
});

describe('video', () => {
  it.each(CONTENT_PLAYERS)('%s: the content video inside the player', (name) => {
    const video = pp.video(load(name).doc);
    expect(video?.tagName).toBe('VIDEO');
    expect(video?.closest('.aa-player-skin')).not.toBeNull();
  });

  it('ignores the muted marquee preview on detail pages', () => {
    const { doc } = load('detail-movie');
    expect(doc.querySelector('video.marqueeVideo')).not.toBeNull();
    expect(pp.video(doc)).toBeNull();
    // Even if a marquee sits inside a player-area wrapper.
    const area = doc.createElement('div');
    area.className = 'video__player-area';
    const marquee = doc.querySelector('video.marqueeVideo');
    if (marquee) area.append(marquee);
    doc.body.append(area);
    expect(pp.video(doc)).toBeNull();
  });
});

describe('watchCreditsControl', () => {
  it('finds the service’s own "watch credits" on the end-of-title UI', () => {
    const control = pp.watchCreditsControl?.(load('player-movie-endcard').doc);
    expect(control?.textContent?.trim()).toBe('Watch credits');
    expect(control?.matches(selectors.watchCredits.join(','))).toBe(true);
  });

  it('finds none while the film plays, nor when the card is hidden', () => {
    expect(pp.watchCreditsControl?.(load('player-movie').doc)).toBeNull();
    const { doc } = load('player-movie-endcard');
    for (const el of doc.querySelectorAll<HTMLElement>(selectors.watchCredits.join(','))) el.style.display = 'none';
    expect(pp.watchCreditsControl?.(doc)).toBeNull();
  });
});

describe('creditsRolling', () => {
  it('is true while the end card shows', () => {
    expect(pp.creditsRolling(load('player-movie-endcard').doc)).toBe(true);
  });

  it.each(fixtures.filter((f) => f.name !== 'player-movie-endcard').map((f) => f.name))('%s: false', (name) => {
    expect(pp.creditsRolling(load(name).doc)).toBe(false);
  });

  it('is false when the end card is in the DOM but hidden, or no player plays', () => {
    const { doc } = load('player-movie-endcard');
    const card = doc.querySelector('div[class*="end-card-panel-"]') as HTMLElement | null;
    card?.setAttribute('hidden', '');
    expect(pp.creditsRolling(doc)).toBe(false);
    card?.removeAttribute('hidden');
    if (card) card.style.display = 'none';
    expect(pp.creditsRolling(doc)).toBe(false);
    if (card) card.style.display = '';
    expect(pp.creditsRolling(doc)).toBe(true);
    doc.querySelector('video')?.remove();
    expect(pp.creditsRolling(doc)).toBe(false);
  });
});

describe('sources and fallbacks', () => {
  it('falls back to the player header/body when JSON-LD is missing', () => {
    const { doc, url } = load('player-episode');
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    expect(pp.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'Star Trek: Strange New Worlds',
      rawTitle: 'Star Trek: Strange New Worlds',
      episodeLine: 'S1 E1 Strange New Worlds',
      signal: 'player',
    });
  });

  it('player-movie-de: the header names the film without JSON-LD; the German document.title is not needed', () => {
    const { doc, url, f } = load('player-movie-de');
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    expect(pp.detect(doc, url)).toEqual(f.expected);
  });

  it('ignores malformed JSON-LD and uses the next source', () => {
    const { doc, url } = load('player-movie');
    const ld = doc.querySelector('script[type="application/ld+json"]');
    if (ld) ld.textContent = '{"@type":"Movie","name":"Broken';
    expect(pp.detect(doc, url)).toEqual(fixture('player-movie').expected);
    if (ld) ld.textContent = '[null, 3, "x", {"@type":"Organization","name":"Paramount+"}, {"@type":"TVEpisode"}]';
    expect(pp.detect(doc, url)).toEqual(fixture('player-movie').expected);
    if (ld) ld.textContent = '{"@type":"Movie","name":{"x":1},"duration":5}';
    expect(pp.detect(doc, url)).toEqual(fixture('player-movie').expected);
  });

  it('reads @graph JSON-LD, years and ISO durations', () => {
    const { doc } = load('detail-movie');
    const ld = doc.querySelector('script[type="application/ld+json"]');
    if (ld) {
      ld.textContent = JSON.stringify({
        '@graph': [{ '@type': 'WebPage' }, { '@type': ['Movie'], name: 'Brooklyn', datePublished: '2015', duration: 'PT111M' }],
      });
    }
    const url = new URL('https://www.paramountplus.com/movies/brooklyn/FIXTURE0detail000000000000000002/');
    expect(pp.detect(doc, url)).toMatchObject({ title: 'Brooklyn', year: 2015, runtime: 111 });
  });

  it('falls back to document.title last ("Watch … Season … Episode …")', () => {
    const { doc, url } = load('player-episode');
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    doc.querySelector('.skin-metadata-manager-header')?.remove();
    expect(pp.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'Star Trek: Strange New Worlds',
      rawTitle: doc.title,
      episodeLine: 'Season 1 Episode 1: Strange New Worlds',
      signal: 'tab-title',
    });
    const movie = load('player-movie');
    movie.doc.querySelector('script[type="application/ld+json"]')?.remove();
    movie.doc.querySelector('.skin-metadata-manager-header')?.remove();
    expect(pp.detect(movie.doc, movie.url)).toMatchObject({ kind: 'movie', title: 'Never Let Me Go' });
    movie.doc.title = 'Paramount Plus';
    expect(pp.detect(movie.doc, movie.url)).toBeNull();
  });

  it('detail-movie: h1 when there is no JSON-LD', () => {
    const { doc, url } = load('detail-movie');
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    expect(pp.detect(doc, url)).toEqual({
      page: 'detail',
      kind: 'movie',
      title: 'Never Let Me Go',
      rawTitle: 'Never Let Me Go',
      serviceId: 'FIXTURE0detail000000000000000001',
      signal: 'detail',
    });
  });

  it('a show detail page is a series', () => {
    const html = '<script type="application/ld+json">{"@type":"TVSeries","name":"Star Trek: Strange New Worlds","startDate":"2022-05-05"}</script><main><h1>Star Trek: Strange New Worlds</h1></main>';
    expect(pp.detect(parse(html), new URL('https://www.paramountplus.com/shows/star-trek-strange-new-worlds/'))).toEqual({
      page: 'detail',
      kind: 'series',
      title: 'Star Trek: Strange New Worlds',
      rawTitle: 'Star Trek: Strange New Worlds',
      year: 2022,
      signal: 'json-ld',
    });
  });
});

describe('detect without a URL change', () => {
  it('reads a new title when the header changes in place; the page’s JSON-LD never outvotes the player', () => {
    const { doc, url } = load('player-movie');
    const header = doc.querySelector('.skin-metadata-manager-header');
    if (header) header.textContent = 'Arrival';
    // The JSON-LD still names the film the page was served for: its year and runtime do not go with Arrival.
    const detected = pp.detect(doc, url);
    expect(detected).toMatchObject({ kind: 'movie', title: 'Arrival', signal: 'player' });
    expect(detected).not.toHaveProperty('year');
    header?.remove();
    const ld = doc.querySelector('script[type="application/ld+json"]');
    if (ld) ld.textContent = '{"@type":"Movie","name":"Brooklyn"}';
    expect(pp.detect(doc, url)).toMatchObject({ kind: 'movie', title: 'Brooklyn', signal: 'json-ld' });
  });

  it('follows autoplay from a film into an episode (S/E body appears)', () => {
    const { doc, url } = load('player-movie');
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    const header = doc.querySelector('.skin-metadata-manager-header');
    if (header) header.textContent = 'Tulsa King';
    const body = doc.createElement('div');
    body.className = 'skin-metadata-manager-body';
    body.textContent = 'S1 E2 Center of the Universe';
    header?.after(body);
    expect(pp.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'Tulsa King',
      rawTitle: 'Tulsa King',
      episodeLine: 'S1 E2 Center of the Universe',
      signal: 'player',
    });
  });

  it.each(['player-movie', 'player-movie-endcard'])('%s: follows a string swap of the title (what the e2e does)', (name) => {
    const f = fixture(name);
    expect(f.html.includes('2010')).toBe(false);
    const doc = parse(f.html);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
      expect(own.split('Never Let Me Go').length).toBeLessThanOrEqual(2);
    }
    const html = f.html.replaceAll('Never Let Me Go', 'Guardians of the Galaxy');
    expect(pp.detect(parse(html), new URL(f.url))).toEqual({ ...f.expected, title: 'Guardians of the Galaxy', rawTitle: 'Guardians of the Galaxy' });
  });

  it('detail-movie: the year appears once, only in JSON-LD', () => {
    const f = fixture('detail-movie');
    expect(f.html.split('2010')).toHaveLength(2);
    expect(f.html).not.toMatch(/>\s*2010\s*</);
  });
});

describe('malformed pages', () => {
  const url = new URL('https://www.paramountplus.com/movies/video/FIXTURE0movie0000000000000000001/');

  it('returns null for empty and half-built pages without throwing', () => {
    expect(pp.detect(parse(''), url)).toBeNull();
    expect(pp.detect(parse('<div class="skin-metadata-manager-header">  </div>'), url)).toBeNull();
    expect(pp.detect(parse('<div class="skin-metadata-manager-header">\u200e\u202b</div>'), url)).toBeNull();
    expect(pp.detect(parse('<script type="application/ld+json">{{{</script>'), url)).toBeNull();
    expect(pp.detect(parse('<script type="application/ld+json">{"@type":"Movie","name":"   "}</script>'), url)).toBeNull();
    expect(pp.creditsRolling(parse(''))).toBe(false);
    expect(pp.video(parse(''))).toBeNull();
  });

  it('caps a huge title and stays fast', () => {
    const doc = parse('<div class="skin-metadata-manager-header"></div>');
    const el = doc.querySelector('div');
    if (el) el.textContent = 'Never Let Me Go '.repeat(70_000);
    const started = performance.now();
    const d = pp.detect(doc, url);
    expect(performance.now() - started).toBeLessThan(500);
    expect(d?.rawTitle.length).toBeLessThanOrEqual(300);
  });
});

describe('URLs', () => {
  const titlePages = [
    // research §8: real player URLs quoted by PreMiD
    'https://www.paramountplus.com/shows/video/esJvFlqdrcS_kFHnpxSuYp449E7tTexD/',
    'https://www.paramountplus.com/movies/video/Alcn0hcGx0HosdhcawKteH8DXh3RiOF7/',
    'https://paramountplus.com/movies/video/Alcn0hcGx0HosdhcawKteH8DXh3RiOF7',
    'https://www.paramountplus.com/gb/movies/video/Alcn0hcGx0HosdhcawKteH8DXh3RiOF7/',
    'https://www.paramountplus.com/au/shows/video/esJvFlqdrcS_kFHnpxSuYp449E7tTexD/',
    'https://www.paramountplus.com/ca/shows/star-trek-strange-new-worlds/',
    'https://www.paramountplus.com/shows/star-trek-strange-new-worlds/',
    'https://www.paramountplus.com/movies/never-let-me-go/FIXTURE0detail000000000000000001/',
    'https://www.paramountplus.com/movies/video/Alcn0hcGx0HosdhcawKteH8DXh3RiOF7/?searchReferral=1',
  ];
  const otherPages = [
    'https://www.paramountplus.com/',
    'https://www.paramountplus.com/home/',
    'https://www.paramountplus.com/movies/',
    'https://www.paramountplus.com/shows/',
    'https://www.paramountplus.com/shows/video/',
    'https://www.paramountplus.com/movies/video/',
    'https://www.paramountplus.com/live-video/',
    'https://www.paramountplus.com/live-tv/',
    'https://www.paramountplus.com/live-video/fixture-channel/',
    'https://www.paramountplus.com/search/?q=never',
    'https://www.paramountplus.com/account/',
    'https://www.paramountplus.com.evil.example/movies/video/Alcn0hcGx0HosdhcawKteH8DXh3RiOF7/',
    'ftp://www.paramountplus.com/movies/video/Alcn0hcGx0HosdhcawKteH8DXh3RiOF7/',
    'https://www.netflix.com/watch/70060002',
    'https://play.max.com/video/watch/914be9f6-e1b2-4f5f-aa34-de07a2a3423b/3c3df515-93b8-4410-b10a-414079529821',
    'https://www.primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.hulu.com/watch/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://example.com/movies/video/Alcn0hcGx0HosdhcawKteH8DXh3RiOF7/',
  ];

  it.each(titlePages)('title page: %s', (href) => {
    expect(pp.isTitlePage(new URL(href))).toBe(true);
  });

  it.each(otherPages)('not a title page: %s', (href) => {
    expect(pp.isTitlePage(new URL(href))).toBe(false);
  });

  it('has one match pattern covering paramountplus.com and www.', () => {
    expect(pp.matches).toEqual(['*://*.paramountplus.com/*']);
    expect(pp.id).toBe('paramount-plus');
    expect(pp.name).toBe('Paramount+');
  });

  it('detects nothing from a Paramount-shaped DOM on another service or the live page', () => {
    const { doc } = load('player-movie');
    expect(pp.detect(doc, new URL('https://www.netflix.com/watch/70060002'))).toBeNull();
    expect(pp.detect(doc, new URL('https://www.paramountplus.com/live-video/'))).toBeNull();
  });
});

/** Issue #13: the tab-title forms, each signal alone, and the player winning over the page's JSON-LD. */
{
  const movieUrl = 'https://www.paramountplus.com/movies/video/FIXTURE0player00000000000000009/';
  const showUrl = 'https://www.paramountplus.com/shows/video/FIXTURE0player00000000000000008/';
  const player = (header: string, body = ''): string =>
    `<div class="aa-player-skin"><video></video><div class="skin-metadata-manager-header">${header}</div>${body ? `<div class="skin-metadata-manager-body">${body}</div>` : ''}</div>`;
  const ld = (json: object): string => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
  describeSignals(
    pp,
    [
      { name: '"Watch X Season 2 Episode 4: … on Paramount+"', url: showUrl, tab: 'Watch Tulsa King Season 2 Episode 4: Bad Company on Paramount+', body: '', expected: { kind: 'episode', title: 'Tulsa King', episodeLine: 'Season 2 Episode 4: Bad Company', signal: 'tab-title' } },
      { name: '"X | Paramount+"', url: movieUrl, tab: 'Brooklyn | Paramount+', body: '', expected: { kind: 'movie', title: 'Brooklyn', signal: 'tab-title' } },
      { name: 'German "Schaue dir X Staffel 2 Folge 4: … an - Paramount+"', url: showUrl, tab: 'Schaue dir Tulsa King Staffel 2 Folge 4: Bad Company an - Paramount+', body: '', expected: { kind: 'episode', title: 'Tulsa King', episodeLine: 'Staffel 2 Folge 4: Bad Company', signal: 'tab-title' } },
      { name: 'German film "Schaue dir X an - Paramount+"', url: movieUrl, tab: 'Schaue dir Brooklyn an - Paramount+', body: '', expected: { kind: 'movie', title: 'Brooklyn', signal: 'tab-title' } },
      { name: '"Watch X - Paramount Plus"', url: movieUrl, tab: 'Watch Brooklyn - Paramount Plus', body: '', expected: { kind: 'movie', title: 'Brooklyn', signal: 'tab-title' } },
      { name: 'the service alone names nothing', url: movieUrl, tab: 'Paramount+', body: '', expected: null },
      { name: 'JSON-LD alone', url: movieUrl, body: ld({ '@type': 'Movie', name: 'Brooklyn', datePublished: '2015' }), expected: { title: 'Brooklyn', year: 2015, signal: 'json-ld' } },
      { name: 'the player header alone', url: movieUrl, body: player('Brooklyn'), expected: { title: 'Brooklyn', signal: 'player' } },
      { name: 'player and JSON-LD agree: the JSON-LD’s year goes with it', url: movieUrl, body: ld({ '@type': 'Movie', name: 'Brooklyn', datePublished: '2015' }) + player('Brooklyn'), expected: { title: 'Brooklyn', year: 2015, signal: 'player' } },
      { name: 'player and JSON-LD disagree: the player wins', url: movieUrl, tab: 'Watch Carol - Paramount Plus', body: ld({ '@type': 'Movie', name: 'Carol', datePublished: '2015' }) + player('Brooklyn'), expected: { title: 'Brooklyn', signal: 'player' } },
    ],
  );
}

