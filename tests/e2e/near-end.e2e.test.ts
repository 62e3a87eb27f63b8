/**
 * The time-based credits alert in real Chromium, for the services that show no documented end-of-title UI (Hulu,
 * Apple TV+): the player's video plays real media 21 minutes long (silent audio generated here, not a fixture
 * file), the page seeks it to the last minute, and the badge says the credits roll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, playingFilm, siteFixture, waitForFilm, waitReady, type ExtensionSession } from './harness';

/** 21 minutes of silence as an 8 kHz, 8-bit mono WAV (about 10 MB): long enough to count as a feature. */
function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const data = rate * seconds;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes per second
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(data, 40);
  return Buffer.concat([header, Buffer.alloc(data, 0x80)]);
}

const guardians = playingFilm('Guardians of the Galaxy', 2014);

describe.each(['hulu', 'apple-tv'])('%s: the near-end fallback in real Chromium', (site) => {
  let session: ExtensionSession;
  const media = silentWav(21 * 60);
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('no alert while the film plays; the alert in its last minutes', async () => {
    const fixture = siteFixture(site, 'player-movie');
    const mediaUrl = new URL('/credits-cue-test-media.wav', fixture.url).href;
    const page = await openFixture(session, fixture, guardians);
    // Served with byte ranges, as a media server does: Chromium seeks only in media it can ask ranges of.
    await page.route(mediaUrl, (route) => {
      const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers().range ?? '');
      if (!range) return route.fulfill({ status: 200, contentType: 'audio/wav', headers: { 'accept-ranges': 'bytes' }, body: media });
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), media.length - 1) : media.length - 1;
      return route.fulfill({
        status: 206,
        contentType: 'audio/wav',
        headers: { 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${media.length}` },
        body: media.subarray(start, end + 1),
      });
    });
    await waitForFilm(page, 'tt2015381');
    // Every video of the page plays the long media (the adapter picks the content one).
    const duration = await page.evaluate(async (src) => {
      const videos = [...document.querySelectorAll('video')];
      await Promise.all(
        videos.map(
          (v) =>
            new Promise<void>((resolve, reject) => {
              v.addEventListener('loadedmetadata', () => resolve(), { once: true });
              v.addEventListener('error', () => reject(new Error('media failed to load')), { once: true });
              v.src = src;
            }),
        ),
      );
      const first = videos[0];
      if (first) first.currentTime = 60;
      return first?.duration ?? 0;
    }, mediaUrl);
    expect(duration).toBeGreaterThan(20 * 60);
    await page.waitForTimeout(500);
    expect(await page.locator('credits-cue-badge').getByTestId('credits-alert').count()).toBe(0);
    await page.evaluate(() => {
      for (const v of document.querySelectorAll('video')) v.currentTime = v.duration - 60;
    });
    await expect.poll(() => page.locator('credits-cue-badge').getByTestId('credits-alert').getAttribute('data-alert'), { timeout: 10_000 }).toBe('scene-coming');
    await page.close();
  });
});
