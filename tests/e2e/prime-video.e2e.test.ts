/**
 * Prime Video in real Chromium: fixture pages served under the real hosts, the built extension's content script
 * detecting the film and the badge showing the dataset's verdict. Films are real dataset entries.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, playingFilm as asFilm, siteFixture, waitForFilm, waitReady, type ExtensionSession } from './harness';

const BADGE = 'credits-cue-badge';
const player = siteFixture('prime-video', 'player-movie');
const nextUp = siteFixture('prime-video', 'player-movie-nextup');

async function badgeData(page: Page): Promise<Record<string, string | null>> {
  const badge = page.locator(BADGE);
  await badge.waitFor({ state: 'attached' });
  return badge.evaluate((el) => ({
    credits: el.getAttribute('data-credits'),
    filmId: el.getAttribute('data-film-id'),
    confidence: el.getAttribute('data-confidence'),
  }));
}

describe('Prime Video badge in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('movie with scenes: "Stay" with the verdict, scores and high confidence', async () => {
    const page = await openFixture(session, player, asFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(page, 'tt2015381');
    expect(await badgeData(page)).toEqual({ credits: 'mid-post', filmId: 'tt2015381', confidence: 'high' });
    await expect.poll(() => page.locator(BADGE).getByTestId('verdict').textContent()).toBe('Stay: 1 mid-credit + 1 post-credit scene');
    expect(await page.locator(`${BADGE} .score`).count()).toBeGreaterThanOrEqual(3);
    // Mounted inside the player, so it stays visible in fullscreen.
    expect(await page.locator(`.dv-player-fullscreen ${BADGE}`).count()).toBe(1);
    await page.close();
  });

  it('movie with none: "No end-credit scenes"', async () => {
    const page = await openFixture(session, player, asFilm('Encanto', 2021));
    await waitForFilm(page, 'tt2953050');
    expect(await badgeData(page)).toMatchObject({ credits: 'none', confidence: 'high' });
    expect(await page.locator(BADGE).getByTestId('verdict').textContent()).toBe('No end-credit scenes');
    await page.close();
  });

  it('conflict: "Sources disagree", sources with dates on expand, notes hidden until asked', async () => {
    const page = await openFixture(session, player);
    await waitForFilm(page, 'tt1334260');
    expect(await badgeData(page)).toMatchObject({ credits: 'conflict', confidence: 'high' });
    const badge = page.locator(BADGE);
    expect(await badge.getByTestId('verdict').textContent()).toBe('Sources disagree');
    await badge.getByTestId('badge-toggle').click();
    const details = badge.getByTestId('badge-details');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('aftercredits.com');
    expect(text).toContain('After the Movie?');
    // Dates as the shown language writes them (issue #14): English here.
    expect(text).toContain('Oct 2011');
    expect(await badge.getByTestId('match-confidence').textContent()).toContain('high');
    expect(await badge.getByTestId('badge-search').count()).toBe(1);
    await page.close();
  });

  it('unknown title: says so honestly, no film id, offers a search', async () => {
    const page = await openFixture(session, player, asFilm('Credits Cue Fixture Title Nobody Made', 2010));
    await page.waitForFunction(() => document.querySelector('credits-cue-badge')?.getAttribute('data-credits') === 'unknown');
    expect(await badgeData(page)).toEqual({ credits: 'unknown', filmId: '', confidence: 'low' });
    expect(await page.locator(BADGE).getByTestId('verdict').textContent()).toContain('Not in Credits Cue');
    await page.close();
  });

  it('detail page: the badge sits next to the film title', async () => {
    const page = await openFixture(session, siteFixture('prime-video', 'detail-movie'));
    await waitForFilm(page, 'tt1334260');
    expect(await page.locator(BADGE).getAttribute('data-placement')).toBe('inline');
    const [title, badge] = await Promise.all([page.locator('h1').first().boundingBox(), page.locator(BADGE).boundingBox()]);
    expect(title && badge && badge.y - (title.y + title.height)).toBeLessThan(150);
    await page.close();
  });

  it('Amazon shopping page: inert', async () => {
    const page = await openFixture(session, siteFixture('prime-video', 'shopping'));
    await page.waitForTimeout(500);
    expect(await page.locator(BADGE).count()).toBe(0);
    await page.close();
  });

  it('episode: no film badge', async () => {
    const page = await openFixture(session, siteFixture('prime-video', 'player-episode'));
    // Give the content script time to run its checks; the badge must never appear.
    await page.waitForTimeout(800);
    expect(await page.locator(BADGE).count()).toBe(0);
    await page.close();
  });

  it('a new title without a URL change replaces the badge', async () => {
    const page = await openFixture(session, player);
    await waitForFilm(page, 'tt1334260');
    const url = page.url();
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('.atvwebplayersdk-title-text')) if (el.textContent?.trim()) el.textContent = 'Encanto';
      for (const el of document.querySelectorAll('[data-automation-id="release-year-badge"]')) el.textContent = '2021';
    });
    await waitForFilm(page, 'tt2953050');
    expect(page.url()).toBe(url);
    expect(await page.locator(BADGE).count()).toBe(1);
    await page.close();
  });

  it('stays visible in fullscreen, following the fullscreen element', async () => {
    const page = await openFixture(session, player, asFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(page, 'tt2015381');
    // A trusted click grants the user activation fullscreen needs; the element fullscreened does not contain the
    // badge's mount point, as when a player fullscreens only its video wrapper.
    await page.evaluate(() => {
      const video = document.querySelector('.dv-player-fullscreen video');
      const wrapper = document.createElement('div');
      wrapper.id = 'fs-target';
      video?.parentElement?.insertBefore(wrapper, video);
      if (video) wrapper.append(video);
      const button = document.createElement('button');
      button.id = 'go-fullscreen';
      button.textContent = 'fullscreen';
      button.style.cssText = 'position:fixed;left:0;bottom:0;z-index:2147483647';
      button.onclick = () => void wrapper.requestFullscreen();
      document.body.append(button);
    });
    await page.click('#go-fullscreen');
    await page.waitForFunction(() => document.fullscreenElement?.id === 'fs-target');
    await page.waitForFunction(() => document.fullscreenElement?.querySelector('credits-cue-badge') !== null);
    expect(await page.locator(`#fs-target ${BADGE}`).isVisible()).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForFunction(() => document.querySelector('.dv-player-fullscreen credits-cue-badge') !== null);
    await page.close();
  });

  it('credits alert: next-up card on a film with a scene says stay; on one without says go', async () => {
    const stay = await openFixture(session, nextUp, asFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(stay, 'tt2015381');
    await expect.poll(() => stay.locator(BADGE).getByTestId('credits-alert').getAttribute('data-alert')).toBe('scene-coming');
    expect(await stay.locator(BADGE).getByTestId('credits-alert').textContent()).toBe('Credits rolling — stay, a scene is coming');
    await stay.close();

    const go = await openFixture(session, nextUp, asFilm('Encanto', 2021));
    await waitForFilm(go, 'tt2953050');
    await expect.poll(() => go.locator(BADGE).getByTestId('credits-alert').textContent()).toBe('Nothing after the credits');
    await go.close();
  });

  it('no alert while the film plays on (no next-up card)', async () => {
    const page = await openFixture(session, player, asFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(page, 'tt2015381');
    expect(await page.locator(BADGE).getByTestId('credits-alert').count()).toBe(0);
    await page.close();
  });

  it('keyboard toggle hides and shows the badge', async () => {
    const page = await openFixture(session, player, asFilm('Encanto', 2021));
    await waitForFilm(page, 'tt2953050');
    await page.keyboard.press('Alt+Shift+KeyC');
    await page.waitForFunction(() => !document.querySelector('credits-cue-badge')?.isConnected);
    await page.keyboard.press('Alt+Shift+KeyC');
    await waitForFilm(page, 'tt2953050');
    expect(await page.locator(BADGE).isVisible()).toBe(true);
    await page.close();
  });
});
