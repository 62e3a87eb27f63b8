/**
 * Page-world data in real Firefox: the Firefox build is MV2 and its manifest keeps the `world: 'MAIN'` content
 * scripts (entrypoints/*-page.content.ts). Firefox honours that key in MV2 too (since Firefox 128), so the page
 * script publishes what only the service's own scripts hold, as in Chromium (tests/e2e/page-world.e2e.test.ts).
 * The fixture's pre-published attribute is stripped, so only the page-world script can supply it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asFilm, launchFirefoxExtension, openFixture, siteFixture, waitForBadge, waitSeeded, type FirefoxSession } from './harness';

const ATTRIBUTE = 'data-credits-cue-page';
const stripBridge = (html: string): string => html.replace(/ data-credits-cue-page='[^']*'/, '');
const guardians = (html: string): string =>
  stripBridge(html).replaceAll('Never Let Me Go', 'Guardians of the Galaxy').replace('year: 2010', 'year: 2014');

describe('page-world data in real Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefoxExtension();
    const ms = await waitSeeded(session, siteFixture('prime-video', 'player-movie'), asFilm('Guardians of the Galaxy', 2014), 'tt2015381');
    console.log(`firefox: dataset seeded and a lookup answered after ${ms} ms`);
  });
  afterAll(() => session?.close());

  it('Netflix: the MAIN-world script publishes the player state and the badge names the film', async () => {
    const fixture = siteFixture('netflix', 'player-movie-pageworld');
    expect(fixture.html).toContain(ATTRIBUTE);
    expect(guardians(fixture.html)).not.toContain(`${ATTRIBUTE}=`);
    const page = await openFixture(session, fixture, guardians);
    const badge = await waitForBadge(page, { filmId: 'tt2015381' });
    expect(badge.credits).toBe('mid-post');
    const published = await page.evaluate((name) => JSON.parse(document.documentElement.getAttribute(name) ?? 'null') as unknown, ATTRIBUTE);
    expect(published).toEqual({ title: 'Guardians of the Galaxy', kind: 'movie', year: 2014, serviceId: '80000001', creditsStart: 5880 });
    await page.close();
  });
});
