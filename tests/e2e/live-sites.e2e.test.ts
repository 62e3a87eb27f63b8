/**
 * Issue #13 in real Chromium: the players as they are in 2026 — real pages saved from the live sites and marked
 * reconstructions — under their real hosts, the built extension's content scripts reading them. Every case here
 * gave no badge or the wrong film before. The first page after install is in seed.e2e.test.ts (fresh profile).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, newestTabId, openFixture, openPopup, playingFilm, siteFixture, tabFilm, waitForFilm, waitReady, type ExtensionSession, type SiteFixture } from './harness';

const GUARDIANS = 'tt2015381';
const guardians = playingFilm('Guardians of the Galaxy', 2014);

const filmId = (page: Page, id: string): Promise<void> => waitForFilm(page, id, { timeout: 15_000 });

const badgeAttr = (page: Page, name: string): Promise<string | null> => page.locator('credits-cue-badge').getAttribute(name);

describe('the live sites of 2026 in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
    // Real saved pages name images and styles on the live hosts: nothing but the fixture itself is served.
    await session.context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => route.abort());
  });
  afterAll(() => session?.close());

  /** The fixture under another URL of the same host (e.g. a /watch?gti= deep link). */
  const at = (fixture: SiteFixture, url: string): SiteFixture => ({ ...fixture, url });

  describe('Prime Video', () => {
    it('after autoplay the player’s own heading names the film, never the detail page under it', async () => {
      const page = await openFixture(session, siteFixture('prime-video', 'player-movie-autoplay'));
      await filmId(page, 'tt2395427'); // Avengers: Age of Ultron, not the page's Avengers: Endgame (tt4154796)
      expect(await badgeAttr(page, 'data-credits')).toBe('mid');
      await page.close();
    });

    it('playback started from the storefront gets a badge, and so does a /watch?gti= deep link', async () => {
      const fixture = siteFixture('prime-video', 'storefront-player');
      const page = await openFixture(session, fixture, guardians);
      await filmId(page, GUARDIANS);
      await page.close();
      const deep = await openFixture(session, at(fixture, 'https://www.primevideo.com/watch?gti=amzn1.dv.gti.1cff3851-755c-43ed-9423-4cc6b5c20ba6'), guardians);
      await filmId(deep, GUARDIANS);
      await deep.close();
    });

    it('a French episode line makes an episode: no film badge', async () => {
      const page = await openFixture(session, siteFixture('prime-video', 'player-episode-fr'));
      await page.waitForTimeout(1000);
      expect(await page.locator('credits-cue-badge').count()).toBe(0);
      await page.close();
    });

    it('the real amazon.de page: a series plays (no film badge, and no "can’t read" either)', async () => {
      const page = await openFixture(session, siteFixture('prime-video', 'player-series-real-de'));
      await page.waitForTimeout(3500);
      expect(await page.locator('credits-cue-badge').count()).toBe(0);
      await page.close();
    });
  });

  describe('Netflix', () => {
    it('the 2026 details modal on /browse?jbv= gets its inline badge', async () => {
      const page = await openFixture(session, siteFixture('netflix', 'detail-modal-2026'), guardians);
      await filmId(page, GUARDIANS);
      expect(await page.locator('[data-uia="modal-motion-container-DETAIL_MODAL"] credits-cue-badge').count()).toBe(1);
      await page.close();
    });

    it('a /browse?jbv= page named only by its tab title ("X - Netflix")', async () => {
      const fixture = siteFixture('netflix', 'detail-modal-2026');
      const page = await openFixture(session, fixture, (html) => guardians(html).replace(/<img class="playerModel[^>]*>/, '<div class="playerModel--player__storyArt"></div>'));
      // A film named only by the tab title has nothing to sit beside on the page: no inline badge, but the popup knows.
      await page.waitForTimeout(1000);
      expect(await tabFilm(session, await newestTabId(session))).toMatchObject({ siteId: 'netflix', filmId: GUARDIANS });
      await page.close();
    });
  });

  describe('Peacock', () => {
    it('a /watch/playback/vod/_/<uuid> player without a page-level video', async () => {
      const page = await openFixture(session, siteFixture('peacock', 'player-movie-2026'), guardians);
      await filmId(page, GUARDIANS);
      await page.close();
    });

    it('a /watch/playback/vod/GMO_…_HDSDR player named only by its tab title', async () => {
      const page = await openFixture(session, siteFixture('peacock', 'player-movie-tabtitle'), guardians);
      await filmId(page, GUARDIANS);
      await page.close();
    });
  });

  describe('Max', () => {
    it('the real page saved at the credits: the tab title names the film, and the credits alert shows', async () => {
      const page = await openFixture(session, siteFixture('max', 'player-movie-real'));
      await filmId(page, 'tt15239678'); // Dune: Part Two
      await expect.poll(() => page.locator('credits-cue-badge').getByTestId('credits-alert').getAttribute('data-alert')).toBe('nothing');
      await page.close();
    });

    it('a /video/watch/<uuid> deep link (one id) is a player page', async () => {
      const fixture = siteFixture('max', 'player-movie');
      const page = await openFixture(session, at(fixture, 'https://play.max.com/video/watch/00000000-0000-4000-8000-00000000f00a'), guardians);
      await filmId(page, GUARDIANS);
      await page.close();
    });
  });

  describe('Paramount+ and Disney+', () => {
    it('Paramount+: the tab title names the film when the player shows nothing, in each of its forms', async () => {
      const fixture = siteFixture('paramount-plus', 'player-movie-tabtitle');
      for (const form of ['Never Let Me Go | Paramount+', 'Schaue dir Never Let Me Go an - Paramount+', 'Watch Never Let Me Go on Paramount+']) {
        const page = await openFixture(session, fixture, (html) => guardians(html.replace('<title>Never Let Me Go | Paramount+</title>', `<title>${form}</title>`)));
        await filmId(page, GUARDIANS);
        await page.close();
      }
    });

    it('Disney+: the title bug after 80 other open shadow roots', async () => {
      const page = await openFixture(session, siteFixture('disney-plus', 'player-movie-many-roots'), guardians);
      await filmId(page, GUARDIANS);
      await page.close();
    });
  });

  describe('a page that cannot be read', () => {
    it('says so in the player and searches with what the page gives', async () => {
      // The storefront player with its heading empty: a player on screen, no title anywhere.
      const page = await openFixture(session, siteFixture('prime-video', 'storefront-player'), (html) =>
        html.replace('<h1 class="f1tc6yrb">Never Let Me Go</h1>', '<h1 class="f1tc6yrb"></h1>').replace('Prime Video: Home', 'Watch Brooklyn | Prime Video'),
      );
      const badge = page.locator('credits-cue-badge');
      await expect.poll(() => badge.getAttribute('data-unreadable'), { timeout: 10_000 }).toBe('');
      expect(await badge.getAttribute('data-credits')).toBe('unknown');
      expect(await page.locator('.dv-player-fullscreen credits-cue-badge').count()).toBe(1);
      expect(await badge.getByTestId('verdict').textContent()).toBe('Can’t read the title here — search');
      const opened = session.context.waitForEvent('page');
      await badge.getByTestId('badge-unreadable').click();
      const search = await opened;
      expect(search.url()).toContain(`chrome-extension://${session.extensionId}/popup.html?q=Brooklyn`);
      await search.close();
      await page.close();
    });

    it('"Copy page report" copies the site, path, signals and structure, with no text and no ids', async () => {
      const page = await openFixture(session, siteFixture('prime-video', 'player-movie-autoplay'));
      await filmId(page, 'tt2395427');
      const tabId = await newestTabId(session);
      const popup = await openPopup(session, `?tab=${tabId}`);
      await popup.getByTestId('page-report').click();
      const text = (await popup.getByTestId('page-report-text').textContent()) ?? '';
      expect(text).toContain('site: Prime Video (prime-video)');
      expect(text).toContain('page: www.primevideo.com/detail/0FIXTURE00000000000000000E/ref=atv_dp_btf_el_prime_sd_tv_play_0');
      expect(text).toContain('signals: player found, detail found, tab-title found, url-id found');
      expect(text).toMatch(/div\.atvwebplayersdk-player-container/);
      expect(text).not.toMatch(/Avengers|Ultron|autoplay=1|dv-web-player/);
      // On the clipboard, exactly what the popup shows.
      expect(await popup.getByTestId('page-report-status').getAttribute('data-copied')).toBe('true');
      // Read back the way a person would: pasted into a field of another page.
      const pad = await session.context.newPage();
      await pad.setContent('<textarea></textarea>');
      await pad.locator('textarea').focus();
      await pad.keyboard.press('Control+V');
      expect(await pad.locator('textarea').inputValue()).toBe(text);
      await pad.close();
      await popup.close();
      await page.close();
    });
  });
});
