/**
 * The page report (issue #13): what the popup copies for a bug report must describe the page's structure and what
 * was read, and never carry its text, ids or other attribute values.
 */
import { describe, expect, it } from 'vitest';
import { buildPageReport, describeElement } from '../../../lib/content/page-report';
import { primeVideo } from '../../../lib/sites/prime-video';
import { max } from '../../../lib/sites/max';
import { parse, siteFixtures } from '../../helpers/site-fixtures';

describe('page report', () => {
  it('says the site, the path without its query, the signals and what was read, never the title', () => {
    const { doc, url } = siteFixtures('prime-video').load('player-movie-autoplay');
    const report = buildPageReport({ adapter: primeVideo, doc, url, version: '0.1.0' });
    expect(report).toContain('site: Prime Video (prime-video), Credits Cue 0.1.0');
    expect(report).toContain(`page: www.primevideo.com${url.pathname}`);
    expect(url.search).not.toBe('');
    expect(report).not.toContain('autoplay=1');
    expect(report).toContain('read: a movie on a player page, by the player signal');
    expect(report).toContain('signals: player found, detail found, tab-title found, url-id found');
    expect(report).toContain('player: on screen');
    // The structure around the player: tags, hook names, classes.
    expect(report).toMatch(/div\.dv-player-fullscreen/);
    expect(report).toMatch(/div\.atvwebplayersdk-player-container\.f1g7im4y/);
    // No text (titles, captions), no ids, no other attribute values.
    for (const text of ['Avengers', 'Ultron', 'Endgame', 'Thor', 'not an episode line', 'dv-web-player', 'Web Player']) expect(report).not.toContain(text);
  });

  it('describes the page body when no player is on screen, and a real page at the credits', () => {
    const real = siteFixtures('max').load('player-movie-real');
    const report = buildPageReport({ adapter: max, doc: real.doc, url: real.url });
    expect(report).toContain('read: a movie on a player page, by the tab-title signal');
    expect(report).toContain('signals: player missing, detail missing, tab-title found, url-id found');
    expect(report).toMatch(/\[data-testid=VideoElement\]/);
    expect(report).not.toContain('Dune');
    const empty = buildPageReport({ adapter: max, doc: parse('<main><p>Hello there</p></main>'), url: new URL('https://play.max.com/home?q=secret') });
    expect(empty).toContain('player: none found');
    expect(empty).toContain('structure (the page body');
    expect(empty).not.toContain('Hello');
    expect(empty).not.toContain('secret');
  });

  it('keeps only safe characters of class and hook names, and stays short on a huge page', () => {
    const doc = parse('<div class="a&quot;b <script> ok_1" id="secret-id" data-testid="x y\'z" title="Some Film" aria-label="Some Film"></div>');
    const el = doc.querySelector('div');
    if (!el) throw new Error('no element');
    expect(describeElement(el)).toBe('div.ab.script.ok_1[data-testid=xyz]');
    const big = parse(`<main>${'<section><div><span></span></div></section>'.repeat(2000)}</main>`);
    const report = buildPageReport({ adapter: max, doc: big, url: new URL('https://play.max.com/home') });
    expect(report.split('\n').length).toBeLessThan(200);
    expect(report).toContain('… (cut)');
  });

  it('never throws on a page that throws', () => {
    const boom = (): never => {
      throw new Error('boom');
    };
    const hostile = { title: 'x', body: null, querySelector: boom, querySelectorAll: boom, documentElement: { getAttribute: boom } } as unknown as Document;
    expect(buildPageReport({ adapter: primeVideo, doc: hostile, url: new URL('https://www.primevideo.com/detail/0FIXTURE00000000000000000E/') })).toContain('player: none found');
  });
});
