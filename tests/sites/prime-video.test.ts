import { describe, expect, it } from 'vitest';
import { describeAdapter, describeSignals } from '../helpers/describe-adapter';
import { parse, siteFixtures } from '../helpers/site-fixtures';
import {
  cleanTitle,
  hasSeasonSuffix,
  parseEpisodeLine,
  parseRuntime,
  parseYear,
} from '../../lib/core/clean-title';
import { siteForUrl, sites } from '../../lib/sites/index';
import { primeVideo, selectors } from '../../lib/sites/prime-video';
import type { DetectedTitle } from '../../lib/sites/types';

const { fixtures, fixture, load } = siteFixtures('prime-video');

describeAdapter(primeVideo, { selectors });

const PLAYER_FIXTURES = fixtures.filter((f) => f.expected?.page === 'player').map((f) => f.name);
const NON_PLAYER_FIXTURES = fixtures.filter((f) => f.expected?.page !== 'player').map((f) => f.name);

describe('fixtures', () => {
  it('has every required page kind', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'player-movie',
        'player-movie-nextup',
        'player-episode',
        'player-episode-de',
        'player-episode-ja',
        'player-movie-de-ov',
        'detail-movie',
        'detail-series',
        'trailer',
        'shopping',
        // Issue #13: the 2026 player layout (plain h1) after autoplay, a French episode line, playback from the
        // storefront, and a real page saved from amazon.de.
        'player-movie-autoplay',
        'player-episode-fr',
        'storefront-player',
        'player-series-real-de',
      ]),
    );
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: isTitlePage matches the page kind', (name, f) => {
    expect(primeVideo.isTitlePage(new URL(f.url))).toBe(name !== 'shopping');
  });
});

describe('badgeMount', () => {
  it.each(PLAYER_FIXTURES)('%s: mounts inside the player container', (name) => {
    const { doc, url } = load(name);
    const detected = primeVideo.detect(doc, url);
    expect(detected?.page).toBe('player');
    const mount = detected ? primeVideo.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.classList.contains('atvwebplayersdk-player-container')).toBe(true);
    expect(mount?.container.closest('.dv-player-fullscreen')).not.toBeNull();
  });

  it.each(['detail-movie', 'detail-series', 'trailer'])('%s: mounts inline next to the title heading', (name) => {
    const { doc, url } = load(name);
    const detected = primeVideo.detect(doc, url);
    const mount = detected ? primeVideo.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('inline');
    const heading = mount?.container.querySelector(':scope > h1');
    expect(heading).toBeTruthy();
    expect(mount?.container.closest('.dv-player-fullscreen')).toBeNull();
  });

  it('falls back to the player root when the container is missing, and is null once the player is gone', () => {
    const { doc, url } = load('player-movie');
    const detected = primeVideo.detect(doc, url);
    if (!detected) throw new Error('no detection');
    const container = doc.querySelector('.atvwebplayersdk-player-container');
    const root = doc.querySelector('.dv-player-fullscreen');
    container?.replaceWith(...Array.from(container.childNodes));
    expect(primeVideo.badgeMount(doc, detected)?.container).toBe(root);
    root?.remove();
    expect(primeVideo.badgeMount(doc, detected)).toBeNull();
  });
});

describe('video', () => {
  it.each(PLAYER_FIXTURES)('%s: the content video inside the player', (name) => {
    const { doc } = load(name);
    const video = primeVideo.video(doc);
    expect(video?.tagName).toBe('VIDEO');
    expect(video?.closest('.dv-player-fullscreen')).not.toBeNull();
    expect(video?.className).not.toMatch(/tst/);
  });

  it.each(NON_PLAYER_FIXTURES)('%s: no content video (trailer previews never count)', (name) => {
    expect(primeVideo.video(load(name).doc)).toBeNull();
  });
});

describe('watchCreditsControl', () => {
  it('finds the service’s own "watch credits" on the end-of-title UI', () => {
    const control = primeVideo.watchCreditsControl?.(load('player-movie-nextup').doc);
    expect(control?.textContent?.trim()).toBe('Watch credits');
    expect(control?.matches(selectors.watchCredits.join(','))).toBe(true);
  });

  it('finds none while the film plays, nor when the card is hidden', () => {
    expect(primeVideo.watchCreditsControl?.(load('player-movie').doc)).toBeNull();
    const { doc } = load('player-movie-nextup');
    for (const el of doc.querySelectorAll<HTMLElement>(selectors.watchCredits.join(','))) el.style.display = 'none';
    expect(primeVideo.watchCreditsControl?.(doc)).toBeNull();
  });
});

describe('creditsRolling', () => {
  it('is true while the next-up card shows', () => {
    expect(primeVideo.creditsRolling(load('player-movie-nextup').doc)).toBe(true);
  });

  it.each(fixtures.filter((f) => f.name !== 'player-movie-nextup').map((f) => f.name))('%s: false', (name) => {
    expect(primeVideo.creditsRolling(load(name).doc)).toBe(false);
  });

  it('is false when the card is in the DOM but hidden', () => {
    const { doc } = load('player-movie-nextup');
    const card = doc.querySelector('[class*="nextupcard-button"]')?.parentElement as HTMLElement | null;
    card?.setAttribute('hidden', '');
    expect(primeVideo.creditsRolling(doc)).toBe(false);
    card?.removeAttribute('hidden');
    if (card) card.style.display = 'none';
    expect(primeVideo.creditsRolling(doc)).toBe(false);
  });
});

describe('detect without a URL change', () => {
  it('reads a new title when the player switches in place', () => {
    const { doc, url } = load('player-movie');
    const title = Array.from(doc.querySelectorAll('.atvwebplayersdk-title-text')).find((el) => el.textContent !== '');
    if (!title) throw new Error('no title');
    title.textContent = 'Brooklyn';
    // The detail page underneath still shows the previous film: its year, runtime and id must not be borrowed.
    expect(primeVideo.detect(doc, url)).toEqual({ page: 'player', kind: 'movie', title: 'Brooklyn', rawTitle: 'Brooklyn', signal: 'player' });
  });

  it('moves from the detail page to the player when the overlay opens', () => {
    const { doc, url } = load('detail-movie');
    expect(primeVideo.detect(doc, url)?.page).toBe('detail');
    const playing = parse(fixture('player-movie').html).querySelector('.dv-player-fullscreen');
    if (!playing) throw new Error('no player');
    doc.querySelector('#dv-web-player')?.replaceWith(doc.importNode(playing, true));
    expect(primeVideo.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'movie',
      title: 'Never Let Me Go',
      rawTitle: 'Never Let Me Go',
      year: 2010,
      runtime: 103,
      serviceId: '0FIXTURE00000000000000000B',
      signal: 'player',
    });
  });

  it.each(['player-movie', 'player-movie-nextup', 'player-movie-de-ov'])(
    '%s: follows a string swap of the title and year (what the e2e does)',
    (name) => {
      const f = fixture(name);
      // The year is written once, in the year badge, so even a first-occurrence replace reaches it.
      expect(f.html.split('2010')).toHaveLength(2);
      const doc = parse(f.html);
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
        expect(own.split('Never Let Me Go').length).toBeLessThanOrEqual(2);
      }
      const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film').replace('2010', '1999');
      expect(primeVideo.detect(parse(html), new URL(f.url))).toMatchObject({
        page: 'player',
        kind: 'movie',
        title: 'Some Other Film',
        year: 1999,
      });
    },
  );

  it('keeps the player detection while the controls (and the title) are unmounted', () => {
    const { doc, url, f } = load('player-movie');
    for (const el of Array.from(doc.querySelectorAll('.atvwebplayersdk-overlays-container'))) el.remove();
    // The detail page under the overlay names the film now.
    expect(primeVideo.detect(doc, url)).toEqual({ ...f.expected, signal: 'detail' });
    expect(primeVideo.badgeMount(doc, f.expected as DetectedTitle)?.placement).toBe('player');
  });

  it('treats a player over a series page without an episode line as an episode', () => {
    const { doc, url } = load('player-episode-de');
    doc.querySelector('.atvwebplayersdk-subtitle-text')?.remove();
    expect(primeVideo.detect(doc, url)).toEqual({ page: 'player', kind: 'episode', title: 'Reacher', rawTitle: 'Reacher', signal: 'player' });
  });

  it('uses the next-episode button when the subtitle is missing and nothing underneath tells', () => {
    const { doc, url } = load('player-episode');
    doc.querySelector('.atvwebplayersdk-subtitle-text')?.remove();
    doc.querySelector('main')?.remove();
    // The tab title ("… - Season 1 | Prime Video") would tell too.
    doc.title = '';
    expect(primeVideo.detect(doc, url)?.kind).toBe('episode');
    doc.querySelector('.atvwebplayersdk-nexttitle-button')?.remove();
    expect(primeVideo.detect(doc, url)?.kind).toBe('movie');
  });

  it('reads S/E lines in other languages from the player subtitle', () => {
    const { doc, url } = load('player-movie');
    doc.querySelector('main')?.remove();
    const sub = doc.querySelector('.atvwebplayersdk-subtitle-text');
    for (const line of ['T1 Ep.2: O Início', 'S1: afl. 6', 'シーズン1、エピソード1 サブタイトル', 'S1：第1話', 'Saison 1, épisode 3']) {
      if (sub) sub.textContent = line;
      expect(primeVideo.detect(doc, url)).toMatchObject({ kind: 'episode', episodeLine: line });
    }
  });

  it('never reports a trailer playing in the player overlay as a player detection', () => {
    const { doc, url, f } = load('trailer');
    const overlay = parse(fixture('player-movie').html).querySelector('.dv-player-fullscreen');
    if (!overlay) throw new Error('no player');
    overlay.querySelector('video')?.setAttribute('class', 'tst-video-overlay-player-html5');
    doc.querySelector('#dv-web-player')?.replaceWith(doc.importNode(overlay, true));
    expect(primeVideo.detect(doc, url)).toEqual(f.expected);
    expect(primeVideo.video(doc)).toBeNull();
  });
});

describe('malformed pages', () => {
  const url = new URL('https://www.amazon.com/gp/video/detail/B0FIXTURE01/');

  it('returns null for empty and half-built pages without throwing', () => {
    expect(primeVideo.detect(parse(''), url)).toBeNull();
    expect(primeVideo.detect(parse('<h1 data-automation-id="title">   </h1>'), url)).toBeNull();
    expect(primeVideo.detect(parse('<h1 data-automation-id="title">\u200e\u202b</h1>'), url)).toBeNull();
    expect(primeVideo.detect(parse('<h1 data-testid="title-art"><img alt=""></h1>'), url)).toBeNull();
    expect(primeVideo.detect(parse('<h1 data-automation-id="title">[OV]</h1>'), url)).toBeNull();
    const playerOnly = '<div class="dv-player-fullscreen"><video></video><h1 class="atvwebplayersdk-title-text"></h1></div>';
    expect(primeVideo.detect(parse(playerOnly), url)).toBeNull();
    expect(primeVideo.video(parse(playerOnly))).not.toBeNull();
    expect(primeVideo.creditsRolling(parse(''))).toBe(false);
    expect(primeVideo.video(parse(''))).toBeNull();
  });

  it('caps a huge title and stays fast', () => {
    const doc = parse('<h1 data-automation-id="title"></h1>');
    const h1 = doc.querySelector('h1');
    if (h1) h1.textContent = `${'Never Let Me Go '.repeat(70_000)}`;
    const started = performance.now();
    const detected = primeVideo.detect(doc, url);
    expect(performance.now() - started).toBeLessThan(500);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
    expect(detected?.title.length).toBeLessThanOrEqual(300);
  });
});

const STOREFRONTS = [
  'amazon.com', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br', 'amazon.co.uk', 'amazon.ie', 'amazon.de', 'amazon.fr',
  'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.com.be', 'amazon.se', 'amazon.pl', 'amazon.com.tr', 'amazon.ae',
  'amazon.sa', 'amazon.eg', 'amazon.co.za', 'amazon.in', 'amazon.co.jp', 'amazon.sg', 'amazon.com.au',
];

describe('URLs', () => {
  const titlePages = [
    // castkodi's real URLs (research §2.1)
    'https://www.primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.primevideo.com/region/eu/detail/0KRGHGZCHKS920ZQGY5LBRF7MA/',
    'https://www.amazon.com/gp/video/detail/B0CLRQ7M7Z/',
    'https://www.amazon.co.uk/gp/video/detail/B0BYT8W12F/',
    'https://www.amazon.de/gp/video/detail/B0CPYRVFDQ/',
    'https://www.amazon.de/-/en/gp/video/detail/B09NF4YDYC/',
    'https://www.amazon.co.jp/gp/video/detail/B0B8THG5KX/',
    'https://www.amazon.co.jp/-/en/gp/video/detail/B0CH9DQS7M/',
    // play links and other documented shapes
    'https://www.amazon.de/gp/video/detail/B0FIXTURE03/ref=atv_dp_btf_el_prime_sd_tv_play_0?autoplay=1&t=0',
    'https://www.primevideo.com/detail/The-Exorcist/0IZ2N9EUUJDP66QBK1ELVZJQQC',
    'https://www.primevideo.com/-/es/detail/Lincoln/0MAS1JWD2VIMUWRP0SXS6F7RAQ',
    'https://www.primevideo.com/region/eu/-/de/detail/0KRGHGZCHKS920ZQGY5LBRF7MA/',
    'https://www.primevideo.com/dp/amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6?autoplay=0&ref_=atv_cf_strg_wb',
    'https://app.primevideo.com/detail?gti=amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6',
    'https://primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70',
    ...STOREFRONTS.map((d) => `https://www.${d}/gp/video/detail/B0FIXTURE01/`),
    ...STOREFRONTS.map((d) => `https://www.${d}/-/en/gp/video/detail/B0FIXTURE01/`),
    ...['de', 'fr', 'es', 'pt', 'ja', 'zh_TW', 'pt_BR'].map((l) => `https://www.amazon.com/-/${l}/gp/video/detail/B0FIXTURE01/`),
  ];
  // A player can open on any Prime Video page, not only detail pages: playback started from the storefront and
  // /watch?gti= deep links (issue #13). These are watched for a player; only a detail page is read as one.
  const playerPages = [
    'https://www.amazon.com/gp/video/storefront/',
    'https://www.amazon.com/gp/video/search?phrase=never',
    'https://www.amazon.com/gp/video/detail/',
    'https://www.primevideo.com/',
    'https://www.primevideo.com/storefront/home/',
    'https://www.primevideo.com/region/eu/storefront/',
    'https://www.primevideo.com/search/ref=atv_nb_sug?phrase=fallout',
    'https://www.primevideo.com/-/es/movie',
    'https://www.primevideo.com/genre/drama',
    'https://www.primevideo.com/watch?gti=amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6',
  ];
  const otherPages = [
    'https://www.amazon.com/',
    'https://www.amazon.com/dp/B0FIXTURE08/',
    'https://www.amazon.com/Never-Let-Me-Go-Blu-ray/dp/B0FIXTURE08/ref=sr_1_1',
    'https://www.amazon.com/s?k=never+let+me+go',
    'https://www.amazon.com/gp/product/B0FIXTURE08/',
    'https://www.amazon.de/-/en/dp/B0FIXTURE08/',
    'https://www.amazon.com/Prime-Video/b?node=2676882011',
    'https://www.netflix.com/title/70060002',
    'https://www.netflix.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.amazon.cn/gp/video/detail/B0FIXTURE01/',
    'https://www.amazon.com.evil.example/gp/video/detail/B0FIXTURE01/',
    'https://notamazon.com/gp/video/detail/B0FIXTURE01/',
    'https://primevideo.com.evil.example/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
  ];

  it.each(titlePages)('title page: %s', (href) => {
    expect(primeVideo.isTitlePage(new URL(href))).toBe(true);
    expect(siteForUrl(new URL(href))).toBe(primeVideo);
  });

  it.each(otherPages)('not a title page: %s', (href) => {
    expect(primeVideo.isTitlePage(new URL(href))).toBe(false);
  });

  it.each(playerPages)('watched for a player, never read as a detail page: %s', (href) => {
    expect(primeVideo.isTitlePage(new URL(href))).toBe(true);
    // A detail page's heading on a non-detail URL (a storefront hero) names nothing.
    expect(primeVideo.detect(parse('<h1 data-automation-id="title">Never Let Me Go</h1>'), new URL(href))).toBeNull();
  });

  it('covers every storefront with a match pattern, and nothing else', () => {
    for (const d of STOREFRONTS) expect(primeVideo.matches).toContain(`*://*.${d}/*`);
    expect(primeVideo.matches).toContain('*://*.primevideo.com/*');
    expect(primeVideo.matches).toHaveLength(STOREFRONTS.length + 1);
    // Shopping pages are matched (the script loads) but stay inert through isTitlePage.
    expect(siteForUrl(new URL('https://www.amazon.com/dp/B0FIXTURE08/'))).toBe(primeVideo);
    expect(siteForUrl(new URL('https://www.netflix.com/title/70060002'))).not.toBe(primeVideo);
    expect(siteForUrl(new URL('https://www.amazon.cn/gp/video/detail/B0FIXTURE01/'))).toBeUndefined();
    expect(siteForUrl(new URL('ftp://www.amazon.com/gp/video/detail/B0FIXTURE01/'))).toBeUndefined();
  });

  it('registers the adapter once, with an id equal to its file name', () => {
    expect(sites).toContain(primeVideo);
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    expect(primeVideo.id).toBe('prime-video');
  });

  it('takes the service id from the URL, skipping slugs and ref segments', () => {
    const doc = parse('<h1 data-automation-id="title">Lincoln</h1>');
    const id = (href: string): string | undefined => primeVideo.detect(doc, new URL(href))?.serviceId;
    expect(id('https://www.primevideo.com/-/es/detail/Lincoln/0MAS1JWD2VIMUWRP0SXS6F7RAQ')).toBe('0MAS1JWD2VIMUWRP0SXS6F7RAQ');
    expect(id('https://www.amazon.com/gp/video/detail/B0CLRQ7M7Z/ref=atv_dp_btf_el_prime_sd_tv_play_0?autoplay=1')).toBe('B0CLRQ7M7Z');
    expect(id('https://www.primevideo.com/dp/amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6?autoplay=0')).toBe(
      'amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6',
    );
    expect(id('https://app.primevideo.com/detail?gti=amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6')).toBe(
      'amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6',
    );
    expect(id('https://www.primevideo.com/detail/The-Exorcist/')).toBeUndefined();
  });
});

describe('cleanTitle', () => {
  it.each([
    // research §2.6 (castkodi page titles, "Prime Video: " prefix and entities left in)
    ['Prime Video: Fallout - Season 1', 'Fallout'],
    ['The Boys - Season 1', 'The Boys'],
    ['Mr. &#38; Mrs. Smith - Season 1', 'Mr. & Mrs. Smith'],
    ['Tom Clancy&#39;s Jack Ryan', "Tom Clancy's Jack Ryan"],
    ['Heirate Meinen Mann S1', 'Heirate Meinen Mann'],
    ['The Summer I Turned Pretty - Season 1', 'The Summer I Turned Pretty'],
    ['沈黙の艦隊 - シーズン１【東京湾大海戦】', '沈黙の艦隊'],
    ['Reacher - Season 2', 'Reacher'],
    // version tags (UTS #342) and SE's Amazon_fixTitle shapes
    ['Never Let Me Go [dt./OV]', 'Never Let Me Go'],
    ['Never Let Me Go [OV]', 'Never Let Me Go'],
    ['Never Let Me Go [OmU]', 'Never Let Me Go'],
    ['Never Let Me Go (4K UHD)', 'Never Let Me Go'],
    ['Never Let Me Go (Ultra HD)', 'Never Let Me Go'],
    ['Never Let Me Go (Subtitled)', 'Never Let Me Go'],
    ['君の名は。（字幕版）', '君の名は。'],
    ['The Boys: Staffel 2', 'The Boys'],
    ['The Boys - Staffel 1', 'The Boys'],
    ['The Boys- Staffel 1', 'The Boys'],
    ['The Boys: Die komplette Staffel 1', 'The Boys'],
    ['Taskmaster - Series 3', 'Taskmaster'],
    ['The Boys: Staffel 2 [OV]', 'The Boys'],
    ['The Boys [OV] - Season 2', 'The Boys'],
    ['Ｆａｌｌｏｕｔ', 'Fallout'],
    ['Ocean&#x27;s Eleven', "Ocean's Eleven"],
    ['Fast &amp; Furious', 'Fast & Furious'],
    // things that must stay
    ['(500) Days of Summer', '(500) Days of Summer'],
    // A cut is a copy of the same film (the one cleaner shared with the matcher, issue #13).
    ['Alien (Director\'s Cut)', 'Alien'],
    ['Alien (Director\'s Cut) [OV]', 'Alien'],
    ['Season of the Witch', 'Season of the Witch'],
    ['Apollo 13', 'Apollo 13'],
    ['Mission: Impossible', 'Mission: Impossible'],
    ['Spider-Man: No Way Home', 'Spider-Man: No Way Home'],
    ['Season 1', 'Season 1'],
    ['M3GAN', 'M3GAN'],
    ['&#0; &#xD800; &bogus; &#99999999;', '&#0; &#xD800; &bogus; &#99999999;'],
    ['', ''],
    ['   ', ''],
  ])('%s → %s', (raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected);
  });

  it('keeps markup as text and never interprets it', () => {
    expect(cleanTitle('<img src=x onerror=alert(1)> Film')).toBe('<img src=x onerror=alert(1)> Film');
    expect(cleanTitle('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });

  it('drops control characters, bidi marks and zero-width characters, keeps emoji', () => {
    expect(cleanTitle('Never\u0000Let\u0007Me\tGo')).toBe('Never Let Me Go');
    expect(cleanTitle('\u202eNever\u200f Let\u200b Me\ufeff Go\u2066')).toBe('Never Let Me Go');
    expect(cleanTitle('🎬 Film 👨\u200d👩\u200d👧')).toBe('🎬 Film 👨\u200d👩\u200d👧');
    expect(cleanTitle('الفيلم\u200f [OV]')).toBe('الفيلم');
  });

  it('caps hostile 1 MB input and finishes fast', () => {
    const inputs = [
      'a'.repeat(1_000_000),
      ' '.repeat(1_000_000),
      '- '.repeat(500_000),
      `${'['.repeat(500_000)}${']'.repeat(500_000)}`,
      `${'x Season '.repeat(100_000)}1`,
      '&#38;'.repeat(200_000),
      `Film${' S1'.repeat(300_000)}`,
      '\u{1F3AC}'.repeat(500_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      const out = cleanTitle(input);
      expect(performance.now() - started).toBeLessThan(100);
      expect(out.length).toBeLessThanOrEqual(300);
      // Never half a surrogate pair at the cut.
      expect(out).not.toMatch(/[\ud800-\udbff]$/);
    }
  });

  it('knows a season suffix when it sees one', () => {
    expect(hasSeasonSuffix('Fallout - Season 1')).toBe(true);
    expect(hasSeasonSuffix('Heirate Meinen Mann S1')).toBe(true);
    expect(hasSeasonSuffix('沈黙の艦隊 - シーズン１【東京湾大海戦】')).toBe(true);
    expect(hasSeasonSuffix('Never Let Me Go [dt./OV]')).toBe(false);
    expect(hasSeasonSuffix('Season of the Witch')).toBe(false);
  });
});

describe('page text parsers', () => {
  it.each([
    ['Season 1, Ep. 4 The Ghouls', { season: 1, episode: 4 }],
    ['Staffel 2, F. 1', { season: 2, episode: 1 }],
    ['S1 E1 サブタイトル', { season: 1, episode: 1 }],
    ['S1:E3', { season: 1, episode: 3 }],
    ['シーズン1、エピソード1 サブタイトル', { season: 1, episode: 1 }],
    ['シーズン１、エピソード１２', { season: 1, episode: 12 }],
    ['S1：第1話「タイトル」', { season: 1, episode: 1 }],
    ['T1 Ep.2: Título', { season: 1, episode: 2 }],
    ['S1: afl. 6 De titel', { season: 1, episode: 6 }],
    ['Saison 1, épisode 3', { season: 1, episode: 3 }],
    ['Temporada 2, episodio 10', { season: 2, episode: 10 }],
    ['Sezon 1, odc. 4', { season: 1, episode: 4 }],
    ['Folge 3', { episode: 3 }],
    ['Ep. 7', { episode: 7 }],
  ])('episode line %s', (line, expected) => {
    expect(parseEpisodeLine(line)).toEqual(expected);
  });

  it.each(['Never Let Me Go', 'Bus 1 E 2', 'Apollo 13', '', 'Episode', 'Chapter Two', 'Es 1 Ep 2'])('no episode in %s', (line) => {
    expect(parseEpisodeLine(line)).toBeNull();
  });

  it.each([
    ['1 h 43 min', 103],
    ['1h 43min', 103],
    ['103min', 103],
    ['2h', 120],
    ['53min', 53],
    ['1 Std. 43 Min.', 103],
    ['1時間43分', 103],
    ['１時間４３分', 103],
    ['1 h 5 min', 65],
    ['1 43', 103],
    ['90', 90],
  ])('runtime %s → %d', (text, minutes) => {
    expect(parseRuntime(text)).toBe(minutes);
  });

  it.each(['', 'IMDb', '0 min', '9999 min'])('no runtime in %s', (text) => {
    expect(parseRuntime(text)).toBeUndefined();
  });

  it('reads years from badges and labels', () => {
    expect(parseYear('2010')).toBe(2010);
    expect(parseYear('Released 2026')).toBe(2026);
    expect(parseYear('２０１０')).toBe(2010);
    expect(parseYear('12010')).toBeUndefined();
    expect(parseYear('IMDb 7.6/10')).toBeUndefined();
  });
});

/** Issue #13: each signal alone, and the player winning over the page under it when they disagree. */
{
  const detailUrl = 'https://www.primevideo.com/detail/0FIXTURE00000000000000000E/';
  const player = (heading: string): string =>
    `<div class="dv-player-fullscreen"><video></video><div class="atvwebplayersdk-player-container"><h1>${heading}</h1></div></div>`;
  const detail = (title: string, year: string): string =>
    `<h1 data-automation-id="title">${title}</h1><span data-automation-id="release-year-badge">${year}</span>`;
  describeSignals(
    primeVideo,
    [
      { name: 'the player heading alone', url: 'https://www.primevideo.com/storefront/home/', body: player('Brooklyn'), expected: { page: 'player', title: 'Brooklyn', signal: 'player' }, urlId: false },
      { name: 'the detail heading alone', url: detailUrl, body: detail('Brooklyn', '2015'), expected: { page: 'detail', title: 'Brooklyn', year: 2015, signal: 'detail' } },
      { name: 'the tab title alone', url: detailUrl, tab: 'Watch Brooklyn | Prime Video', body: '', expected: { page: 'detail', title: 'Brooklyn', signal: 'tab-title' } },
      { name: 'the URL id alone', url: detailUrl, tab: 'Prime Video', body: '', expected: null },
      { name: 'player and page disagree: the player wins, without the page’s year', url: detailUrl, tab: 'Watch Avengers: Endgame | Prime Video', body: detail('Avengers: Endgame', '2019') + player('Avengers: Age of Ultron'), expected: { page: 'player', title: 'Avengers: Age of Ultron', year: undefined, runtime: undefined, serviceId: undefined, signal: 'player' } },
      { name: 'player and page agree: the page’s year goes with the player’s title', url: detailUrl, body: detail('Brooklyn', '2015') + player('Brooklyn'), expected: { page: 'player', title: 'Brooklyn', year: 2015, signal: 'player' } },
      { name: 'a deep link names the id', url: 'https://www.primevideo.com/watch?gti=amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6', body: player('Brooklyn'), expected: { serviceId: 'amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6', signal: 'player' } },
    ],
  );
}

