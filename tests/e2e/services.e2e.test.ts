/**
 * Every service beyond Prime Video (which has its own, fuller suite), in real Chromium under its real hosts: the
 * badge's verdict for a film with scenes and one without, no film badge on an episode, and the credits alert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, playingFilm as asFilm, siteFixture, waitForFilm, waitReady, type ExtensionSession } from './harness';

/**
 * Fixture page kinds per service: the film player, the same with the service's end-of-title UI (where the service
 * has one; Hulu's alert comes from the near-end fallback, unit-tested in tests/unit/content), an episode.
 */
const SERVICES: Array<{ site: string; movie: string; credits?: string; episode: string }> = [
  { site: 'hulu', movie: 'player-movie', episode: 'player-episode' },
  { site: 'netflix', movie: 'player-movie', credits: 'player-movie-credits', episode: 'player-episode' },
  { site: 'disney-plus', movie: 'player-movie', credits: 'player-movie-upnext', episode: 'player-episode' },
  { site: 'max', movie: 'player-movie', credits: 'player-movie-upnext', episode: 'player-episode' },
  { site: 'paramount-plus', movie: 'player-movie', credits: 'player-movie-endcard', episode: 'player-episode' },
  { site: 'peacock', movie: 'player-movie', credits: 'player-movie-binge', episode: 'player-episode' },
  { site: 'apple-tv', movie: 'player-movie', episode: 'player-episode' },
];

describe.each(SERVICES)('$site in real Chromium', ({ site, movie, credits, episode }) => {
  const withCredits = credits ? [credits] : [];
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('a film with scenes: mid-post verdict', async () => {
    const page = await openFixture(session, siteFixture(site, movie), asFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(page, 'tt2015381');
    expect(await page.locator('credits-cue-badge').getAttribute('data-credits')).toBe('mid-post');
    await page.close();
  });

  it('a film without: "No end-credit scenes"', async () => {
    const page = await openFixture(session, siteFixture(site, movie), asFilm('Encanto', 2021));
    await waitForFilm(page, 'tt2953050');
    expect(await page.locator('credits-cue-badge').getByTestId('verdict').textContent()).toBe('No end-credit scenes');
    await page.close();
  });

  it('an episode: no film badge', async () => {
    const page = await openFixture(session, siteFixture(site, episode));
    await page.waitForTimeout(800);
    expect(await page.locator('credits-cue-badge').count()).toBe(0);
    await page.close();
  });

  it.each(withCredits)('the service’s end-of-title UI (%s) raises the credits alert', async (kind) => {
    const page = await openFixture(session, siteFixture(site, kind), asFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(page, 'tt2015381');
    await expect.poll(() => page.locator('credits-cue-badge').getByTestId('credits-alert').getAttribute('data-alert')).toBe('scene-coming');
    await page.close();
  });
});
