/**
 * Prime Video in real Firefox (firefox-esr, headless): the built Firefox MV2 extension installed as a temporary
 * add-on, the player fixture served under its real amazon.com URL, and the badge showing the dataset's verdict.
 * The Chromium suite (tests/e2e/prime-video.e2e.test.ts) covers the badge in depth; this proves the Firefox build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asFilm, launchFirefoxExtension, openFixture, siteFixture, waitForBadge, waitSeeded, type FirefoxSession } from './harness';

const player = siteFixture('prime-video', 'player-movie');

describe('Prime Video badge in real Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefoxExtension();
    // The add-on seeds IndexedDB on install; wait until a lookup finds a known film (here: Guardians).
    const ms = await waitSeeded(session, player, asFilm('Guardians of the Galaxy', 2014), 'tt2015381');
    console.log(`firefox: dataset seeded and a lookup answered after ${ms} ms`);
  });
  afterAll(() => session?.close());

  it('installs under the gecko id from the manifest', () => {
    expect(session.addonId).toBe('credits-cue@credits-cue.invalid');
  });

  it('movie with scenes: mid-post verdict for Guardians of the Galaxy (2014)', async () => {
    const page = await openFixture(session, player, asFilm('Guardians of the Galaxy', 2014));
    const badge = await waitForBadge(page, { filmId: 'tt2015381' });
    expect(badge).toMatchObject({ credits: 'mid-post', filmId: 'tt2015381', confidence: 'high' });
    expect(badge.verdict).toBe('Stay: 1 mid-credit + 1 post-credit scene');
    // Mounted inside the player, as in Chromium.
    expect(await page.$$eval('.dv-player-fullscreen credits-cue-badge', (els) => els.length)).toBe(1);
    await page.close();
  });

  it('movie with none: "No end-credit scenes" for Encanto (2021)', async () => {
    const page = await openFixture(session, player, asFilm('Encanto', 2021));
    const badge = await waitForBadge(page, { filmId: 'tt2953050' });
    expect(badge).toMatchObject({ credits: 'none', confidence: 'high' });
    expect(badge.verdict).toBe('No end-credit scenes');
    await page.close();
  });
});
