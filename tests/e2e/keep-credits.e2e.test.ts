/**
 * "Keep the credits playing", in real Chromium with the built extension: off by default (the service's own
 * "watch credits" is never pressed), switched on in the options page, it presses it once when the credits start on a
 * film with a scene to come, and never for a film without one.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, playingFilm as asFilm, siteFixture, waitReady, type ExtensionSession } from './harness';


/** Each service's end-of-title fixture and its "watch credits" control. */
const CASES = [
  { site: 'netflix', kind: 'player-movie-credits', control: '[data-uia="watch-credits-seamless-button"]' },
  { site: 'prime-video', kind: 'player-movie-nextup', control: '[class*="nextupcardhide-button"]' },
] as const;

/** Clicks on the control, counted by the page itself (installed before any page script runs). */
async function clicks(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.documentElement.dataset.watchCreditsClicks ?? '0'));
}

async function openCredits(session: ExtensionSession, site: string, kind: string, control: string, film: [string, number]): Promise<Page> {
  const page = await openFixture(session, siteFixture(site, kind), (html) =>
    asFilm(...film)(html).replace(
      '</body>',
      `<script>document.addEventListener('click', (e) => { if (e.target.closest(${JSON.stringify(control)})) document.documentElement.dataset.watchCreditsClicks = String(Number(document.documentElement.dataset.watchCreditsClicks || 0) + 1); }, true);</script></body>`,
    ),
  );
  return page;
}

describe.each(CASES)('keep the credits playing on $site', ({ site, kind, control }) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('is off by default: the alert shows and "watch credits" is not pressed', async () => {
    const page = await openCredits(session, site, kind, control, ['Guardians of the Galaxy', 2014]);
    await expect.poll(() => page.locator('credits-cue-badge').getByTestId('credits-alert').getAttribute('data-alert')).toBe('scene-coming');
    await page.waitForTimeout(300);
    expect(await clicks(page)).toBe(0);
    await page.close();
  });

  it('switched on in the options page, presses it once for a film with scenes, never for one without', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('keep-credits').click();
    await expect.poll(() => options.getByTestId('keep-credits').isChecked()).toBe(true);
    await options.close();

    const withScenes = await openCredits(session, site, kind, control, ['Guardians of the Galaxy', 2014]);
    await expect.poll(() => clicks(withScenes)).toBe(1);
    await withScenes.waitForTimeout(300);
    expect(await clicks(withScenes)).toBe(1);
    await withScenes.close();

    const without = await openCredits(session, site, kind, control, ['Encanto', 2021]);
    await expect.poll(() => without.locator('credits-cue-badge').getByTestId('credits-alert').getAttribute('data-alert')).toBe('nothing');
    await without.waitForTimeout(300);
    expect(await clicks(without)).toBe(0);
    await without.close();
  });
});
