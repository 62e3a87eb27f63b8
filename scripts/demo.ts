/**
 * `npm run demo`: builds the extension, opens real Chromium with it loaded (headed when a display exists, else
 * headless) on Prime Video pages served locally under the real hosts, plays through detection and the credits
 * alert, and writes screenshots to demo-output/. The canonical example is Never Let Me Go (2010), a film whose
 * sources disagree; Guardians of the Galaxy (2014) shows a film with scenes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, openFixture, siteFixture, waitReady } from '../tests/e2e/harness';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'demo-output');

async function waitForBadge(page: Page, id: string): Promise<void> {
  await page.waitForFunction((id) => document.querySelector('credits-cue-badge')?.getAttribute('data-film-id') === id, id, { timeout: 15_000 });
  await page.waitForTimeout(300); // let the fade-in settle before the picture
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  mkdirSync(out, { recursive: true });
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  console.log(`Chromium ${headed ? 'headed' : 'headless'} with the built extension…`);
  const session = await launchExtension({ headed, viewport: { width: 1280, height: 720 } });
  const shots: string[] = [];
  const shoot = async (page: Page, name: string): Promise<void> => {
    const path = resolve(out, `${name}.png`);
    await page.screenshot({ path });
    shots.push(path);
  };
  try {
    await waitReady(session.page);
    await shoot(session.page, '0-popup-ready');

    const player = siteFixture('prime-video', 'player-movie');
    const page = await openFixture(session, player);
    await waitForBadge(page, 'tt1334260');
    await shoot(page, '1-badge-in-player');
    await page.locator('credits-cue-badge').getByTestId('badge-toggle').click();
    await page.locator('credits-cue-badge').getByTestId('badge-details').waitFor();
    await shoot(page, '2-badge-expanded');

    const nextUp = siteFixture('prime-video', 'player-movie-nextup');
    const alert = await openFixture(session, nextUp, (html) => html.replaceAll('Never Let Me Go', 'Guardians of the Galaxy').replace(/>\s*2010\s*</g, '>2014<'));
    await waitForBadge(alert, 'tt2015381');
    await alert.locator('credits-cue-badge').getByTestId('credits-alert').waitFor();
    await shoot(alert, '3-credits-alert');

    // Fullscreen is only granted to the tab in front.
    await page.bringToFront();
    await page.locator('credits-cue-badge').getByTestId('badge-toggle').click();
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'demo-fullscreen';
      button.style.cssText = 'position:fixed;left:0;top:0;width:4px;height:4px;opacity:0;z-index:2147483647';
      button.onclick = () => void document.querySelector('.dv-player-fullscreen')?.requestFullscreen();
      document.body.append(button);
    });
    await page.click('#demo-fullscreen');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await page.waitForTimeout(300);
    await shoot(page, '4-fullscreen');

    const detail = await openFixture(session, siteFixture('prime-video', 'detail-movie'));
    await detail.locator('credits-cue-badge').waitFor({ timeout: 15_000 });
    await shoot(detail, '5-detail-page');

    // Popup (search and a film card) and options, in both themes.
    for (const theme of ['light', 'dark'] as const) {
      const popup = await session.context.newPage();
      await popup.emulateMedia({ colorScheme: theme });
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?q=never let me`);
      await popup.getByTestId('search-result').first().waitFor();
      await shoot(popup, `6-popup-search-${theme}`);
      await popup.getByTestId('search-input').press('Enter');
      await popup.getByTestId('film-card').waitFor();
      await shoot(popup, `7-popup-card-${theme}`);
      await popup.close();

      const options = await session.context.newPage();
      await options.emulateMedia({ colorScheme: theme });
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await options.getByTestId('source-toggle-imdb').waitFor();
      await shoot(options, `8-options-${theme}`);
      await options.close();
    }
  } finally {
    await session.close();
  }
  console.log('\nScreenshots:');
  for (const path of shots) console.log(`  ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
