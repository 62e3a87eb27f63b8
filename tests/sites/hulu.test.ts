import { describe, expect, it } from 'vitest';
import { describeAdapter, describeSignals } from '../helpers/describe-adapter';
import { parse, siteFixtures } from '../helpers/site-fixtures';
import { hulu, selectors } from '../../lib/sites/hulu';
import { parseEpisodeLine } from '../../lib/core/clean-title';

const { fixtures, fixture, load } = siteFixtures('hulu');

describeAdapter(hulu, { selectors });

const PLAYER_FIXTURES = fixtures.filter((f) => f.name.startsWith('player-')).map((f) => f.name);
const DETECTED_PLAYERS = fixtures.filter((f) => f.name.startsWith('player-') && f.expected).map((f) => f.name);
const DETAIL_FIXTURES = fixtures.filter((f) => f.name.startsWith('detail-')).map((f) => f.name);
const PLAYER_ROOT = '.hulu-player-app, #dash-player-container';

describe('fixtures', () => {
  it('has every required page kind', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'player-movie',
        'player-episode',
        'player-live',
        'player-movie-legacy',
        'detail-movie',
        'detail-series',
      ]),
    );
  });

  it.each(PLAYER_FIXTURES)('%s: the player renders as a fixed full-viewport layer with a video and controls', (name) => {
    const { doc } = load(name);
    expect(doc.querySelector('style')?.textContent).toMatch(
      /\.hulu-player-app,#dash-player-container\{position:fixed;inset:0/,
    );
    const root = doc.querySelector(PLAYER_ROOT);
    expect(root?.querySelector('video')).not.toBeNull();
    expect(root?.querySelector('.PlayerMetadata__titleText, .metadata-area__second-line')).not.toBeNull();
    expect(root?.querySelector('button')).not.toBeNull();
  });
});

describe('badgeMount', () => {
  it.each(DETECTED_PLAYERS)('%s: mounts inside the player wrapper (fullscreen-safe)', (name) => {
    const { doc, url } = load(name);
    const detected = hulu.detect(doc, url);
    expect(detected?.page).toBe('player');
    const mount = detected ? hulu.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('player');
    expect(mount?.container.matches(PLAYER_ROOT)).toBe(true);
    expect(mount?.container.querySelector('video')).toBe(hulu.video(doc));
  });

  it('player-movie: mounts in .hulu-player-app, the outer wrapper around #web-player-app', () => {
    const { doc, url } = load('player-movie');
    const detected = hulu.detect(doc, url);
    const mount = detected ? hulu.badgeMount(doc, detected) : null;
    expect(mount?.container.classList.contains('hulu-player-app')).toBe(true);
    expect(mount?.container.querySelector('#web-player-app')).not.toBeNull();
  });

  it.each(DETAIL_FIXTURES)('%s: mounts inline beside the title', (name) => {
    const { doc, url } = load(name);
    const detected = hulu.detect(doc, url);
    const mount = detected ? hulu.badgeMount(doc, detected) : null;
    expect(mount?.placement).toBe('inline');
    expect(mount?.container.querySelector(':scope > .SimpleModalNav__title')?.textContent).toBe(detected?.rawTitle);
  });

  it('is null once the player or the title is gone', () => {
    const { doc, url } = load('player-movie');
    const detected = hulu.detect(doc, url);
    if (!detected) throw new Error('no detection');
    doc.querySelector('.hulu-player-app')?.remove();
    expect(hulu.badgeMount(doc, detected)).toBeNull();
    const detail = load('detail-movie');
    const d = hulu.detect(detail.doc, detail.url);
    if (!d) throw new Error('no detection');
    detail.doc.querySelector('.SimpleModalNav__title')?.remove();
    expect(hulu.badgeMount(detail.doc, d)).toBeNull();
  });
});

describe('video', () => {
  it.each(PLAYER_FIXTURES)('%s: the content video inside the player', (name) => {
    const video = hulu.video(load(name).doc);
    expect(video?.tagName).toBe('VIDEO');
    expect(video?.closest(PLAYER_ROOT)).not.toBeNull();
  });

  it.each(DETAIL_FIXTURES)('%s: no content video', (name) => {
    expect(hulu.video(load(name).doc)).toBeNull();
  });

  it('ignores a preview video outside the player and an unmarked video inside it', () => {
    const { doc } = load('detail-movie');
    doc.querySelector('section')?.append(doc.createElement('video'));
    expect(hulu.video(doc)).toBeNull();
    const player = load('player-movie').doc;
    player.querySelector('#content-video-player')?.remove();
    player.querySelector('.VideoContainer')?.append(player.createElement('video'));
    expect(hulu.video(player)).toBeNull();
  });
});

describe('creditsRolling', () => {
  // No documented Hulu DOM credits signal (research §6): the shared near-end fallback covers it.
  it.each(fixtures.map((f) => f.name))('%s: false', (name) => {
    expect(hulu.creditsRolling(load(name).doc)).toBe(false);
  });
});

describe('detect without a URL change', () => {
  it('reads a new title when the player switches in place', () => {
    const { doc, url } = load('player-movie');
    const title = doc.querySelector('.PlayerMetadata__titleText');
    if (!title) throw new Error('no title');
    title.textContent = 'Brooklyn';
    expect(hulu.detect(doc, url)).toEqual({ page: 'player', kind: 'movie', title: 'Brooklyn', rawTitle: 'Brooklyn', signal: 'player' });
  });

  it('follows autoplay from a film into an episode (season-episode element appears)', () => {
    const { doc, url } = load('player-movie');
    const title = doc.querySelector('.PlayerMetadata__titleText');
    if (!title) throw new Error('no title');
    title.textContent = 'This Is Us';
    const sub = doc.createElement('div');
    sub.className = 'PlayerMetadata__subTitle';
    const se = doc.createElement('span');
    se.className = 'PlayerMetadata__seasonEpisodeText';
    se.textContent = 'S1 E4';
    sub.append(se, '-The Pool • TV-14');
    title.after(sub);
    expect(hulu.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'This Is Us',
      rawTitle: 'This Is Us',
      episodeLine: 'S1 E4-The Pool',
      signal: 'player',
    });
  });

  it('still counts an episode when only the subtitle carries the S/E line; a plain subtitle stays a film', () => {
    const { doc, url } = load('player-episode');
    const sub = doc.querySelector('.PlayerMetadata__subTitle');
    if (!sub) throw new Error('no subtitle');
    sub.textContent = 'S1 E3-Kyle';
    expect(hulu.detect(doc, url)).toMatchObject({ kind: 'episode', episodeLine: 'S1 E3-Kyle' });
    sub.textContent = 'Kyle';
    expect(hulu.detect(doc, url)?.kind).toBe('movie');
  });

  it('legacy player: an S/E third line makes an episode', () => {
    const { doc, url } = load('player-movie-legacy');
    const second = doc.querySelector('.metadata-area__second-line');
    const third = doc.querySelector('.metadata-area__third-line');
    if (!second || !third) throw new Error('no metadata area');
    second.textContent = 'This Is Us';
    third.textContent = 'S1 E3 • Kyle';
    expect(hulu.detect(doc, url)).toEqual({
      page: 'player',
      kind: 'episode',
      title: 'This Is Us',
      rawTitle: 'This Is Us',
      episodeLine: 'S1 E3',
      signal: 'player',
    });
  });

  it('switches to live (→ null) and back without a URL change', () => {
    const { doc, url } = load('player-movie');
    const meta = doc.querySelector('.PlayerMetadata');
    meta?.classList.add('PlayerMetadata--live');
    expect(hulu.detect(doc, url)).toBeNull();
    meta?.classList.remove('PlayerMetadata--live');
    expect(hulu.detect(doc, url)?.title).toBe('Never Let Me Go');
    const live = load('player-live');
    live.doc.querySelector('.PlayerMetadata--live')?.classList.remove('PlayerMetadata--live');
    expect(hulu.detect(live.doc, live.url)).toBeNull();
  });

  it.each(['player-movie', 'player-movie-legacy'])('%s: follows a string swap of the title (what the e2e does)', (name) => {
    const f = fixture(name);
    expect(f.html.includes('2010')).toBe(false);
    const doc = parse(f.html);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
      expect(own.split('Never Let Me Go').length).toBeLessThanOrEqual(2);
    }
    const html = f.html.replaceAll('Never Let Me Go', 'Some Other Film');
    expect(hulu.detect(parse(html), new URL(f.url))).toEqual({
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
    expect(hulu.detect(parse(html), new URL(f.url))).toMatchObject({ title: 'Some Other Film', year: 1999, runtime: 103 });
  });

  it('returns null on detail markup served at a non-title path or another service', () => {
    const { doc } = load('detail-movie');
    expect(hulu.detect(doc, new URL('https://www.hulu.com/hub/movies'))).toBeNull();
    expect(hulu.detect(doc, new URL('https://www.netflix.com/title/70060002'))).toBeNull();
  });
});

describe('localized page (player-episode-es)', () => {
  it('keeps the Spanish title whole and reads the episode from its line alone', () => {
    const { doc, url } = load('player-episode-es');
    expect(hulu.detect(doc, url)?.title).toBe('¿Dónde Está Elisa?');
    // Without the S/E element (its text kept), the line's S/E pattern still makes an episode.
    const sub = doc.querySelector('.PlayerMetadata__subTitle');
    if (!sub) throw new Error('no subtitle');
    const line = sub.textContent ?? '';
    sub.textContent = line;
    expect(doc.querySelector('.PlayerMetadata__seasonEpisodeText')).toBeNull();
    expect(hulu.detect(doc, url)).toMatchObject({ kind: 'episode', title: '¿Dónde Está Elisa?', episodeLine: 'S1 E1-Capítulo 1' });
    expect(parseEpisodeLine(line)).toEqual({ season: 1, episode: 1 });
  });
});

describe('malformed pages', () => {
  const url = new URL('https://www.hulu.com/movie/never-let-me-go-00000000-0000-4000-8000-00000000d001');

  it('returns null for empty and half-built pages without throwing', () => {
    expect(hulu.detect(parse(''), url)).toBeNull();
    expect(hulu.detect(parse('<div class="SimpleModalNav__title">   </div>'), url)).toBeNull();
    expect(hulu.detect(parse('<div class="SimpleModalNav__title">\u200e\u202b</div>'), url)).toBeNull();
    expect(hulu.detect(parse('<div class="SimpleModalNav__title">[OV]</div>'), url)).toBeNull();
    const playerOnly =
      '<div class="hulu-player-app"><video id="content-video-player"></video><div class="PlayerMetadata__titleText"></div></div>';
    expect(hulu.detect(parse(playerOnly), url)).toBeNull();
    expect(hulu.video(parse(playerOnly))).not.toBeNull();
    const noVideo = '<div class="hulu-player-app"><div class="PlayerMetadata__titleText">X</div></div>';
    expect(hulu.detect(parse(noVideo), new URL('https://www.hulu.com/watch/x'))).toBeNull();
    expect(hulu.creditsRolling(parse(''))).toBe(false);
    expect(hulu.video(parse(''))).toBeNull();
  });

  it('caps a huge title and stays fast', () => {
    const doc = parse('<div class="hulu-player-app"><video id="content-video-player"></video><div class="PlayerMetadata__titleText"></div></div>');
    const div = doc.querySelector('.PlayerMetadata__titleText');
    if (div) div.textContent = 'Never Let Me Go '.repeat(70_000);
    const started = performance.now();
    const detected = hulu.detect(doc, url);
    expect(performance.now() - started).toBeLessThan(500);
    expect(detected?.rawTitle.length).toBeLessThanOrEqual(300);
    expect(detected?.title.length).toBeLessThanOrEqual(300);
  });

  it('does not take years or runtimes from prose', () => {
    const html =
      '<div class="SimpleModalNav__title">Film</div><ul><li class="Masthead__meta">Released in 1999 after 90 min of delays</li>' +
      '<li class="Masthead__meta"><span>2001</span></li></ul>';
    expect(hulu.detect(parse(html), url)).toEqual({
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
    // research §6: real watch and detail URLs
    'https://www.hulu.com/watch/7efbe627-6ed3-4894-a483-ec4539f45850',
    'https://www.hulu.com/series/this-is-us-9dc170da-85db-475d-9df4-6572f15ffb00',
    'https://www.hulu.com/movie/marvel-studios%27-the-avengers-d2ab699b-67da-4906-a7a4-5bc542c953cf',
    'https://hulu.com/watch/00000000-0000-4000-8000-00000000f001',
    'https://www.hulu.com/watch/00000000-0000-4000-8000-00000000f001/',
    'https://www.hulu.com/movie/never-let-me-go-00000000-0000-4000-8000-00000000d001?utm_source=share',
    'https://WWW.HULU.COM/series/this-is-us-00000000-0000-4000-8000-00000000D002',
  ];
  const otherPages = [
    'https://www.hulu.com/',
    'https://www.hulu.com/hub/home',
    'https://www.hulu.com/hub/movies',
    'https://www.hulu.com/search?q=never+let+me+go',
    'https://www.hulu.com/my-stuff',
    'https://www.hulu.com/manage-dvr',
    'https://www.hulu.com/live',
    'https://www.hulu.com/watch/1010436',
    'https://www.hulu.com/watch/',
    'https://www.hulu.com/movie/never-let-me-go',
    'https://www.hulu.com/series/this-is-us-9dc170da-85db-475d-9df4-6572f15ffb00/extra',
    'https://www.hulu.com/network/abc-00000000-0000-4000-8000-00000000d003',
    'https://help.hulu.com/watch/7efbe627-6ed3-4894-a483-ec4539f45850',
    'https://www.hulu.jp/watch/7efbe627-6ed3-4894-a483-ec4539f45850',
    'https://www.hulu.com.evil.example/watch/7efbe627-6ed3-4894-a483-ec4539f45850',
    'ftp://www.hulu.com/watch/7efbe627-6ed3-4894-a483-ec4539f45850',
    // other services
    'https://www.netflix.com/watch/70060002',
    'https://www.netflix.com/title/70060002',
    'https://play.max.com/video/watch/914be9f6-e1b2-4f5f-aa34-de07a2a3423b/3c3df515-93b8-4410-b10a-414079529821',
    'https://play.hbomax.com/movie/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://www.primevideo.com/detail/0HAQAA7JM43QWX0H6GUD3IOF70/',
    'https://www.amazon.com/gp/video/detail/B0CLRQ7M7Z/',
    'https://www.disneyplus.com/play/52217243-a137-45d6-9c6a-0dfab4633034',
    'https://example.com/watch/7efbe627-6ed3-4894-a483-ec4539f45850',
  ];

  it.each(titlePages)('title page: %s', (href) => {
    expect(hulu.isTitlePage(new URL(href))).toBe(true);
  });

  it.each(otherPages)('not a title page: %s', (href) => {
    expect(hulu.isTitlePage(new URL(href))).toBe(false);
  });

  it('covers hulu.com and www.hulu.com with match patterns, and nothing else', () => {
    expect([...hulu.matches].sort()).toEqual(['*://hulu.com/*', '*://www.hulu.com/*']);
    expect(hulu.id).toBe('hulu');
    expect(hulu.name).toBe('Hulu');
  });
});

/** Issue #13: each signal alone, and the player winning over the page under it. */
{
  const watch = 'https://www.hulu.com/watch/00000000-0000-4000-8000-00000000f009';
  const player = (title: string): string =>
    `<div id="web-player-app"><video id="content-video-player"></video><div class="PlayerMetadata__titleText">${title}</div></div>`;
  describeSignals(hulu, [
    { name: 'the player title alone', url: watch, body: player('Brooklyn'), expected: { page: 'player', title: 'Brooklyn', signal: 'player' } },
    { name: 'the detail title alone', url: 'https://www.hulu.com/movie/brooklyn-00000000-0000-4000-8000-00000000d009', body: '<div class="SimpleModalNav__title">Brooklyn</div>', expected: { page: 'detail', title: 'Brooklyn', signal: 'detail' } },
    { name: 'player and a page title disagree: the player wins', url: watch, body: '<div class="SimpleModalNav__title">Carol</div>' + player('Brooklyn'), expected: { title: 'Brooklyn', signal: 'player' } },
    { name: 'the URL id alone', url: watch, body: '', expected: null },
  ]);
}
