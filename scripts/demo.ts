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
import { badgeInPlayer, creditsAlert, NEVER_LET_ME_GO, optionsPage, popupCard } from './screens';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'demo-output');

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

    const page = await badgeInPlayer(session, shoot, { film: NEVER_LET_ME_GO, name: '1-badge-in-player' });
    await page.locator('credits-cue-badge').getByTestId('badge-toggle').click();
    await page.locator('credits-cue-badge').getByTestId('badge-details').waitFor();
    await shoot(page, '2-badge-expanded');

    await creditsAlert(session, shoot, '3-credits-alert');

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
      const popup = await popupCard(session, shoot, { query: 'never let me', theme, searchName: `6-popup-search-${theme}`, name: `7-popup-card-${theme}` });
      await popup.close();
      const options = await optionsPage(session, shoot, { theme, name: `8-options-${theme}` });
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
