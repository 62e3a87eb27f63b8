/**
 * Page-world data in real Chromium: the `world: 'MAIN'` content scripts read what only the service's own scripts
 * hold and pass it to the badge through lib/sites/page-data.ts. The fixtures' pre-published attribute is stripped,
 * so only the page-world script can supply it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, siteFixture, waitForFilm, waitReady, type ExtensionSession } from './harness';

const ATTRIBUTE = 'data-credits-cue-page';
const stripBridge = (html: string): string => html.replace(/ data-credits-cue-page='[^']*'/, '');
const guardians = (html: string): string =>
  stripBridge(html).replaceAll('Never Let Me Go', 'Guardians of the Galaxy').replace('year: 2010', 'year: 2014');

describe('page-world data in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('Netflix: the player state names the film while the controls (and the title) are hidden', async () => {
    const fixture = siteFixture('netflix', 'player-movie-pageworld');
    expect(fixture.html).toContain(ATTRIBUTE);
    const page = await openFixture(session, fixture, guardians);
    await waitForFilm(page, 'tt2015381');
    const published = await page.evaluate((name) => JSON.parse(document.documentElement.getAttribute(name) ?? 'null') as unknown, ATTRIBUTE);
    expect(published).toEqual({ title: 'Guardians of the Galaxy', kind: 'movie', year: 2014, serviceId: '80000001', creditsStart: 5880 });
    expect(await page.locator('credits-cue-badge').getAttribute('data-credits')).toBe('mid-post');
    await page.close();
  });

  it('Peacock: the player props’ credits marker raises the alert before any binge card', async () => {
    const page = await openFixture(session, siteFixture('peacock', 'player-movie-credits-marker'), guardians);
    await waitForFilm(page, 'tt2015381');
    expect(await page.locator('.playback-binge__card').count()).toBe(0);
    await expect.poll(() => page.locator('credits-cue-badge').getByTestId('credits-alert').getAttribute('data-alert')).toBe('scene-coming');
    await page.close();
  });

  it('Peacock: without the page-world marker the same page raises no alert', async () => {
    const page = await openFixture(session, siteFixture('peacock', 'player-movie'), guardians);
    await waitForFilm(page, 'tt2015381');
    await page.waitForTimeout(1500);
    expect(await page.locator('credits-cue-badge').getByTestId('credits-alert').count()).toBe(0);
    await page.close();
  });
});
