import { describe, expect, it } from 'vitest';
import { describeAdapter, describeSignals } from '../helpers/describe-adapter';
import { parse, siteFixtures } from '../helpers/site-fixtures';
import { netflix, readNetflixPage, selectors } from '../../lib/sites/netflix';
import { PAGE_DATA_ATTRIBUTE, sanitizePageData } from '../../lib/sites/page-data';
import { primeVideo } from '../../lib/sites/prime-video';
import type { DetectedTitle } from '../../lib/sites/types';

const { fixtures, fixture, load } = siteFixtures('netflix');

describeAdapter(netflix, { selectors });

const PLAYER_FIXTURES = fixtures.filter((f) => f.name.startsWith('player-')).map((f) => f.name);
const DETAIL_FIXTURES = fixtures.filter((f) => f.name.startsWith('detail-')).map((f) => f.name);
const CREDITS_FIXTURES = ['player-movie-credits', 'player-episode-credits-de', 'player-movie-postplay'];

describe('fixtures', () => {
  it('has every required page kind', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'player-movie',
        'player-movie-credits',
        'player-episode',
        'detail-movie',
        'detail-series',
        'detail-series-de',
        'player-episode-credits-de',
        'player-movie-postplay',
      ]),
    );
  });

});

describe('badgeMount', () => {
  it.each(['player-movie', 'player-movie-credits', 'player-episode'])('%s: mounts inside .watch-video', (name) => {
    const { doc, url } = load(name);
    const detected = netflix.detect(doc, url);
    expect(detected?.page).toBe('player');
    const mount = detected ? netflix.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.classList.contains('watch-video')).toBe(true);
  });

  it.each(DETAIL_FIXTURES)('%s: mounts inline beside the title', (name) => {
    const { doc, url } = load(name);
    const detected = netflix.detect(doc, url);
    const mount = detected ? netflix.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('inline');
    expect(mount?.container.querySelector(':scope > img.previewModal--player-titleTreatment-logo, :scope > img.playerModel--player__storyArt, :scope > h1')).toBeTruthy();
    expect(mount?.container.closest('.billboard, .billboard-row')).toBeNull();
  });

  it('is null once the player or the title is gone', () => {
    const { doc, url } = load('player-movie');
    const detected = netflix.detect(doc, url) as DetectedTitle;
    doc.querySelector('.watch-video')?.remove();
    expect(netflix.badgeMount(doc, detected)).toBeNull();
    const detail = load('detail-movie');
    const d = netflix.detect(detail.doc, detail.url) as DetectedTitle;
    detail.doc.querySelector('.previewModal--wrapper')?.remove();
    expect(netflix.badgeMount(detail.doc, d)).toBeNull();
  });
});

describe('video', () => {
  it.each(PLAYER_FIXTURES)('%s: the content video in the video canvas', (name) => {
    const video = netflix.video(load(name).doc);
    expect(video?.tagName).toBe('VIDEO');
    expect(video?.closest('[data-uia="video-canvas"]')?.closest('.watch-video')).not.toBeNull();
  });

  it.each(DETAIL_FIXTURES)('%s: no content video', (name) => {
    expect(netflix.video(load(name).doc)).toBeNull();
  });
});

describe('watchCreditsControl', () => {
  it('finds the service’s own "watch credits" on the end-of-title UI', () => {
    const control = netflix.watchCreditsControl?.(load('player-movie-credits').doc);
    expect(control?.textContent?.trim()).toBe('Watch Credits');
    expect(control?.matches(selectors.watchCredits.join(','))).toBe(true);
  });

  it('finds none while the film plays, nor when the card is hidden', () => {
    expect(netflix.watchCreditsControl?.(load('player-movie').doc)).toBeNull();
    const { doc } = load('player-movie-credits');
    for (const el of doc.querySelectorAll<HTMLElement>(selectors.watchCredits.join(','))) el.style.display = 'none';
    expect(netflix.watchCreditsControl?.(doc)).toBeNull();
  });
});

describe('creditsRolling', () => {
  it.each(CREDITS_FIXTURES)('%s: true', (name) => {
    expect(netflix.creditsRolling(load(name).doc)).toBe(true);
  });

  it.each(fixtures.filter((f) => !CREDITS_FIXTURES.includes(f.name)).map((f) => f.name))('%s: false', (name) => {
    expect(netflix.creditsRolling(load(name).doc)).toBe(false);
  });

  it('is false when the buttons are in the DOM but hidden', () => {
    const { doc } = load('player-movie-credits');
    const box = doc.querySelector('[data-uia="watch-credits-seamless-button"]')?.parentElement as HTMLElement | null;
    box?.setAttribute('hidden', '');
    expect(netflix.creditsRolling(doc)).toBe(false);
    box?.removeAttribute('hidden');
    if (box) box.style.display = 'none';
    expect(netflix.creditsRolling(doc)).toBe(false);
  });

  it('stays true after the title block unmounts (detect then has nothing to read)', () => {
    const { doc, url } = load('player-movie-credits');
    doc.querySelector('[data-uia="controls-standard"]')?.remove();
    expect(netflix.detect(doc, url)).toBeNull();
    expect(netflix.creditsRolling(doc)).toBe(true);
  });
});

describe('detect without a URL change', () => {
  it('reads a new title when the player re-renders its title block', () => {
    const { doc, url } = load('player-movie');
    const block = doc.querySelector('[data-uia="video-title"]');
    if (!block) throw new Error('no title');
    block.textContent = 'Brooklyn';
    expect(netflix.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'movie',
      title: 'Brooklyn',
      rawTitle: 'Brooklyn',
      serviceId: '80000001',
      signal: 'player',
    });
    block.innerHTML = '<h4>Seinfeld</h4><span>S4:E6</span><span>The Bubble Boy</span>';
    expect(netflix.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'Seinfeld',
      rawTitle: 'Seinfeld',
      episodeLine: 'S4:E6 The Bubble Boy',
      signal: 'player',
    });
  });

  it('is null while the controls are hidden, and reads the title again when they come back', () => {
    const { doc, url, f } = load('player-movie');
    const controls = doc.querySelector('[data-uia="controls-standard"]');
    const parent = controls?.parentElement;
    if (!controls || !parent) throw new Error('no controls');
    controls.remove();
    expect(netflix.detect(doc, url)).toBeNull();
    parent.append(controls);
    expect(netflix.detect(doc, url)).toEqual(f.expected);
  });

  it('reads episodes by structure in any UI language (German "Flg.", Korean "1화")', () => {
    const { doc, url } = load('player-episode-credits-de');
    const player = doc.querySelector('[data-uia="player"]');
    const block = doc.createElement('div');
    block.setAttribute('data-uia', 'video-title');
    block.innerHTML = '<h4>Altered Carbon</h4><span>Flg. 2</span><span>Fallen Angel</span>';
    player?.append(block);
    expect(netflix.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'Altered Carbon',
      rawTitle: 'Altered Carbon',
      episodeLine: 'Flg. 2 Fallen Angel',
      signal: 'player',
    });
    block.innerHTML = '<h4>SPYxFAMILY 스파이 패밀리</h4><span>1화</span><span>오퍼레이션 올빼미</span>';
    expect(netflix.detect(doc, url)).toMatchObject({ kind: 'episode', title: 'SPYxFAMILY 스파이 패밀리', episodeLine: '1화 오퍼레이션 올빼미' });
  });

  it('reads a movie title wrapped in an h4 without episode spans as a film', () => {
    const { doc, url } = load('player-movie');
    const block = doc.querySelector('[data-uia="video-title"]');
    if (block) block.innerHTML = '<h4>Glass Onion: A Knives Out Mystery</h4>';
    expect(netflix.detect(doc, url)).toMatchObject({ kind: 'movie', title: 'Glass Onion: A Knives Out Mystery' });
  });

  it.each(['player-movie', 'player-movie-credits', 'detail-movie'])(
    '%s: follows a string swap of the title (what the e2e does)',
    (name) => {
      const f = fixture(name);
      expect(f.html.split('Never Let Me Go')).toHaveLength(2);
      const yearCount = f.html.split('2010').length - 1;
      expect(yearCount).toBe(name === 'detail-movie' ? 1 : 0);
      const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film').replace('2010', '1999');
      const detected = netflix.detect(parse(html), new URL(f.url));
      expect(detected).toMatchObject({ kind: 'movie', title: 'Some Other Film' });
      expect(detected?.year).toBe(name === 'detail-movie' ? 1999 : undefined);
    },
  );

  it('ignores the billboard and hover previews: only the open details modal counts', () => {
    const { doc, url } = load('detail-movie');
    doc.querySelector('.previewModal--wrapper')?.classList.replace('detail-modal', 'mini-modal');
    expect(netflix.detect(doc, url)).toBeNull();
  });

  it('reads a logged-out film page, and falls back to JSON-LD / og:title / document.title', () => {
    const { doc, url } = load('detail-series-de');
    const ld = doc.querySelector('script[type="application/ld+json"]');
    if (ld) ld.textContent = '{"@type":"Movie","name":"Never Let Me Go"}';
    const h1 = doc.querySelector('h1');
    const item = doc.querySelector('[data-uia="item-runtime"]');
    const year = doc.querySelector('[data-uia="item-year"]');
    if (h1) h1.textContent = 'Alles, was wir geben mussten';
    if (item) item.textContent = '1 Std. 43 Min.';
    if (year) year.textContent = '2010';
    expect(netflix.detect(doc, url)).toEqual({
      page: 'detail',
      kind: 'movie',
      title: 'Alles, was wir geben mussten',
      rawTitle: 'Alles, was wir geben mussten',
      year: 2010,
      runtime: 103,
      serviceId: '80000002',
      signal: 'detail',
    });
    doc.querySelector('[data-uia="title-info"]')?.remove();
    expect(netflix.detect(doc, url)).toEqual({
      page: 'detail',
      kind: 'movie',
      title: 'Never Let Me Go',
      rawTitle: 'Never Let Me Go',
      serviceId: '80000002',
      signal: 'json-ld',
    });
    ld?.remove();
    // og:title "Altered Carbon ansehen | Netflix Offizielle Webseite": Netflix's own words taken off.
    expect(netflix.detect(doc, url)).toMatchObject({ title: 'Altered Carbon', signal: 'json-ld' });
    doc.querySelector('meta[property="og:title"]')?.remove();
    expect(netflix.detect(doc, url)).toMatchObject({ title: 'Altered Carbon', signal: 'tab-title' });
    doc.title = 'Netflix';
    expect(netflix.detect(doc, url)).toBeNull();
    // On /browse the head names a title only in a title's form (issue #13: /title/ now redirects to ?jbv=), never
    // Netflix's own page ("Home - Netflix").
    const browse = load('detail-movie');
    browse.doc.querySelector('.previewModal--wrapper')?.remove();
    browse.doc.title = 'Home - Netflix';
    expect(netflix.detect(browse.doc, browse.url)).toBeNull();
    browse.doc.title = 'The Wolf of Wall Street - Netflix';
    expect(netflix.detect(browse.doc, browse.url)).toMatchObject({ title: 'The Wolf of Wall Street', signal: 'tab-title' });
  });

  it('reads nothing on pages that are not title pages, even with a player or modal in the DOM', () => {
    expect(netflix.detect(load('player-movie').doc, new URL('https://www.netflix.com/browse'))).toBeNull();
    expect(netflix.detect(load('detail-movie').doc, new URL('https://www.netflix.com/browse'))).toBeNull();
  });
});

describe('malformed pages', () => {
  const watch = new URL('https://www.netflix.com/watch/80000001');
  const title = new URL('https://www.netflix.com/title/80000001');

  it('returns null for empty and half-built pages without throwing', () => {
    expect(netflix.detect(parse(''), watch)).toBeNull();
    expect(netflix.detect(parse(''), title)).toBeNull();
    expect(netflix.detect(parse('<div class="watch-video"><div data-uia="video-title">  </div></div>'), watch)).toBeNull();
    expect(netflix.detect(parse('<div class="watch-video"><div data-uia="video-title">\u200e\u202b</div></div>'), watch)).toBeNull();
    expect(netflix.detect(parse('<div class="watch-video"><div data-uia="video-title"><span>S1:E1</span></div></div>'), watch)).toBeNull();
    expect(netflix.detect(parse('<div data-uia="title-info"><h1 data-uia="title-info-title">[OV]</h1></div>'), title)).toBeNull();
    expect(netflix.detect(parse('<script type="application/ld+json">{not json</script>'), title)).toBeNull();
    expect(netflix.detect(parse('<script type="application/ld+json">[null, 3, {"@type": 7}]</script>'), title)).toBeNull();
    expect(netflix.creditsRolling(parse(''))).toBe(false);
    expect(netflix.video(parse(''))).toBeNull();
    expect(netflix.video(parse('<div class="watch-video"><div data-uia="video-canvas"></div></div>'))).toBeNull();
  });

  it('caps a huge title and stays fast', () => {
    const doc = parse('<div class="watch-video"><div data-uia="video-title"></div></div>');
    const block = doc.querySelector('[data-uia="video-title"]');
    if (block) block.textContent = 'Never Let Me Go '.repeat(70_000);
    const started = performance.now();
    const detected = netflix.detect(doc, watch);
    expect(performance.now() - started).toBeLessThan(500);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
    expect(detected?.title.length).toBeLessThanOrEqual(300);
  });
});

describe('URLs', () => {
  const titlePages = [
    'https://www.netflix.com/title/80223779',
    'https://www.netflix.com/title/80223779/',
    'https://www.netflix.com/browse?jbv=80223779',
    'https://www.netflix.com/browse/genre/83?jbv=80223779',
    'https://www.netflix.com/watch/81416715',
    'https://www.netflix.com/watch/81416715?trackId=14170286&tctx=1%2C0%2C%2C%2C%2C%2C%2C%2C%2CVideo%3A81416715%2CdetailsPagePlayButton',
    'https://netflix.com/title/80223779',
    'https://www.netflix.com/de/title/80000002',
    'https://www.netflix.com/de-en/title/80000002',
    'https://www.netflix.com/gb/title/80000002',
    'https://www.netflix.ca/title/80223779',
    'https://www.netflix.com.au/watch/81416715',
  ];
  const otherPages = [
    'https://www.netflix.com/',
    'https://www.netflix.com/browse',
    'https://www.netflix.com/browse?jbv=',
    'https://www.netflix.com/browse?jbv=abc',
    'https://www.netflix.com/browse/genre/83',
    'https://www.netflix.com/search?q=never%20let%20me%20go',
    'https://www.netflix.com/title/',
    'https://www.netflix.com/title/abc',
    'https://www.netflix.com/watch/',
    'https://www.netflix.com/watch/81416715/extra',
    'https://www.netflix.com/YourAccount',
    'https://www.netflix.com/de/',
    'https://help.netflix.com/title/80223779',
    'https://www.netflix.com.evil.example/title/80223779',
    'https://netflix.example.com/title/80223779',
    'https://www.primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.amazon.com/gp/video/detail/B0CLRQ7M7Z/',
    'https://www.disneyplus.com/play/00000000-0000-0000-0000-000000000000',
    'https://www.hulu.com/watch/00000000-0000-0000-0000-000000000000',
    'https://example.com/title/80223779',
  ];

  it.each(titlePages)('title page: %s', (href) => {
    expect(netflix.isTitlePage(new URL(href))).toBe(true);
    expect(primeVideo.isTitlePage(new URL(href))).toBe(false);
  });

  it.each(otherPages)('not a title page: %s', (href) => {
    expect(netflix.isTitlePage(new URL(href))).toBe(false);
  });

  it('has the documented hosts as match patterns, and an id equal to its file name', () => {
    expect([...netflix.matches]).toEqual(['*://*.netflix.com/*', '*://*.netflix.ca/*', '*://*.netflix.com.au/*']);
    expect(netflix.id).toBe('netflix');
    expect(netflix.name).toBe('Netflix');
  });

  it('takes the service id from /title/, jbv= and a film\'s /watch/ id', () => {
    const doc = parse('<div data-uia="title-info"><h1 data-uia="title-info-title">Lincoln</h1></div>');
    expect(netflix.detect(doc, new URL('https://www.netflix.com/de-en/title/70153391'))?.serviceId).toBe('70153391');
  });
});

describe('page world (readNetflixPage and the bridge)', () => {
  /** A stand-in window: the URL path and Netflix's player state at the documented path. */
  const win = (path: string, videoMetadata: unknown): Window =>
    ({
      location: new URL(`https://www.netflix.com${path}`),
      netflix: { appContext: { state: { playerApp: { getState: () => ({ videoPlayer: { videoMetadata } }) } } } },
    }) as unknown as Window;
  const show = {
    title: 'Stranger Things',
    type: 'show',
    seasons: [{ seq: 1, episodes: [{ episodeId: 80000011, seq: 3, title: 'Holly, Jolly', creditsOffset: 2800 }] }],
  };

  it('reads the film on screen: title, year, credits marker', () => {
    const meta = { '80000001': { _metadata: { video: { title: 'Never Let Me Go', type: 'movie', year: 2010, creditsOffset: 5880 } } } };
    expect(readNetflixPage(win('/watch/80000001', meta))).toEqual({ title: 'Never Let Me Go', kind: 'movie', year: 2010, serviceId: '80000001', creditsStart: 5880 });
  });

  it('reads the video where newer builds keep it (`_video._video`, issue #13)', () => {
    const meta = { '80000001': { _video: { _video: { title: 'Never Let Me Go', type: 'movie', year: 2010, creditsOffset: 5880 } } } };
    expect(readNetflixPage(win('/watch/80000001', meta))).toEqual({ title: 'Never Let Me Go', kind: 'movie', year: 2010, serviceId: '80000001', creditsStart: 5880 });
  });

  it('reads an episode id as its show, with the episode line and the episode’s own marker', () => {
    const meta = { '80000011': { _metadata: { video: show } } };
    expect(readNetflixPage(win('/watch/80000011', meta))).toEqual({
      title: 'Stranger Things',
      kind: 'episode',
      subtitle: 'S1:E3 Holly, Jolly',
      serviceId: '80000011',
      creditsStart: 2800,
    });
  });

  it('reads nothing for another id, off the player, or from a state that throws or has the wrong shape', () => {
    const meta = { '80000001': { _metadata: { video: { title: 'Never Let Me Go', type: 'movie' } } } };
    expect(readNetflixPage(win('/watch/80000002', meta))).toBeNull();
    expect(readNetflixPage(win('/browse', meta))).toBeNull();
    expect(readNetflixPage({ location: new URL('https://www.netflix.com/watch/1') } as unknown as Window)).toBeNull();
    expect(readNetflixPage(win('/watch/80000001', { '80000001': { _metadata: { video: { title: 42, type: 'movie' } } } }))).toBeNull();
    expect(readNetflixPage(win('/watch/80000001', { '80000001': { _metadata: { video: { title: 'X', type: 'supplemental' } } } }))).toBeNull();
    const throwing = { location: new URL('https://www.netflix.com/watch/1'), netflix: { appContext: { state: { playerApp: { getState: () => { throw new Error('x'); } } } } } };
    expect(() => readNetflixPage(throwing as unknown as Window)).toThrow(); // runPageWorld turns this into "nothing"
  });

  it('the fixture’s stand-in state reads as the attribute the fixture carries', () => {
    const { doc } = load('player-movie-pageworld');
    const meta = { '80000001': { _metadata: { video: { id: 80000001, title: 'Never Let Me Go', type: 'movie', year: 2010, runtime: 6180, creditsOffset: 5880 } } } };
    expect(sanitizePageData(readNetflixPage(win('/watch/80000001', meta)))).toEqual(JSON.parse(doc.documentElement.getAttribute(PAGE_DATA_ATTRIBUTE) ?? 'null'));
    expect(doc.querySelector('script')?.textContent).toContain("creditsOffset: 5880");
  });

  it('page data wins over the DOM, but only for the /watch/ id in the address bar', () => {
    const { doc, url } = load('player-movie');
    doc.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, JSON.stringify({ title: 'Encanto', kind: 'movie', year: 2021, serviceId: '80000001' }));
    expect(netflix.detect(doc, url)).toMatchObject({ title: 'Encanto', year: 2021 });
    doc.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, JSON.stringify({ title: 'Encanto', kind: 'movie', serviceId: '80000999' }));
    expect(netflix.detect(doc, url)).toMatchObject({ title: 'Never Let Me Go' });
    doc.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, JSON.stringify({ title: 'Stranger Things', kind: 'episode', subtitle: 'S1:E3 Holly, Jolly', serviceId: '80000001' }));
    expect(netflix.detect(doc, url)).toMatchObject({ kind: 'episode', title: 'Stranger Things', episodeLine: 'S1:E3 Holly, Jolly' });
  });
});

/** Issue #13: each signal alone, and the player winning over the page under it when they disagree. */
{
  const bridge = (data: object): string => ` data-credits-cue-page='${JSON.stringify(data)}'`;
  const player = (title: string): string =>
    `<div class="watch-video"><div data-uia="video-canvas"><video></video></div><div data-uia="video-title">${title}</div></div>`;
  const modal = '<div data-uia="modal-motion-container-DETAIL_MODAL"><img class="playerModel--player__storyArt" alt="Brooklyn"></div>';
  describeSignals(
    netflix,
    [
      { name: 'the page data alone', url: 'https://www.netflix.com/watch/80000001', htmlAttributes: bridge({ title: 'Brooklyn', kind: 'movie', year: 2015, serviceId: '80000001' }), body: '<div class="watch-video"></div>', expected: { page: 'player', title: 'Brooklyn', year: 2015, signal: 'page-data' } },
      { name: 'the player heading alone', url: 'https://www.netflix.com/watch/80000001', body: player('Brooklyn'), expected: { page: 'player', title: 'Brooklyn', signal: 'player' } },
      { name: 'page data and player disagree: the page data (the player’s own state) wins', url: 'https://www.netflix.com/watch/80000001', htmlAttributes: bridge({ title: 'Brooklyn', kind: 'movie', serviceId: '80000001' }), body: player('Carol'), expected: { title: 'Brooklyn', signal: 'page-data' } },
      { name: 'page data of another id (left over from autoplay) loses to the player', url: 'https://www.netflix.com/watch/80000001', htmlAttributes: bridge({ title: 'Brooklyn', kind: 'movie', serviceId: '80000009' }), body: player('Carol'), expected: { title: 'Carol', signal: 'player' } },
      { name: 'the modal alone', url: 'https://www.netflix.com/browse?jbv=80000003', body: modal, expected: { page: 'detail', title: 'Brooklyn', signal: 'detail' } },
      { name: 'modal and tab title disagree: the modal wins', url: 'https://www.netflix.com/browse?jbv=80000003', tab: 'Carol - Netflix', body: modal, expected: { title: 'Brooklyn', signal: 'detail' } },
      { name: 'the tab title alone, " - Netflix"', url: 'https://www.netflix.com/browse?jbv=80000003', tab: 'The Wolf of Wall Street - Netflix', body: '', expected: { title: 'The Wolf of Wall Street', signal: 'tab-title' } },
      { name: 'the tab title alone, "Watch …"', url: 'https://www.netflix.com/title/80000003', tab: 'Watch The Wolf of Wall Street', body: '', expected: { title: 'The Wolf of Wall Street', signal: 'tab-title' } },
      { name: 'JSON-LD on a full-load title page', url: 'https://www.netflix.com/title/80000003', tab: 'Netflix', body: '<script type="application/ld+json">{"@type":"Movie","name":"Brooklyn"}</script>', expected: { title: 'Brooklyn', signal: 'json-ld' } },
      { name: 'a hub tab title names nothing', url: 'https://www.netflix.com/browse?jbv=80000003', tab: 'Home - Netflix', body: '', expected: null },
    ],
  );
}

