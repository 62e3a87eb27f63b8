/**
 * Pages that change under the content script, in real Chromium: a hundred single-page navigations in a row, the
 * player closed and opened again and again, and many tabs at once. Always at most one badge per page, the right
 * film at the end, and the page's listeners do not grow.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sites } from '../../lib/sites/index';
import { launchExtension, openFixture, siteFixture, waitForFilm, waitReady, type ExtensionSession } from './harness';

const asFilm = (title: string, year: number) => (html: string) =>
  html.replaceAll('Never Let Me Go', title).replace(/>\s*2010\s*</g, `>${year}<`).replace('year: 2010', `year: ${year}`);

/** Event listeners on document and window, from every world (CDP DOMDebugger): a leak shows as growth. */
async function listenerCount(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  let total = 0;
  for (const expression of ['document', 'window']) {
    const { result } = (await cdp.send('Runtime.evaluate', { expression })) as { result: { objectId?: string } };
    const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId ?? '' })) as { listeners: unknown[] };
    total += listeners.length;
  }
  await cdp.detach();
  return total;
}

describe('churn in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('100 navigations and player open/close cycles: one badge at most, no listener growth, the right film at the end', async () => {
    const page = await openFixture(session, siteFixture('netflix', 'player-movie'), asFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(page, 'tt2015381');
    const before = await listenerCount(page);
    const maxBadges = await page.evaluate(async () => {
      let most = 0;
      const watch = new MutationObserver(() => {
        most = Math.max(most, document.querySelectorAll('credits-cue-badge').length);
      });
      watch.observe(document, { childList: true, subtree: true });
      const player = document.querySelector('.watch-video');
      const parent = player?.parentElement;
      if (!player || !parent) throw new Error('no player');
      for (let i = 0; i < 100; i++) {
        // Netflix's own kind of navigation: pushState to another /watch/ id, the player re-mounting.
        history.pushState({}, '', `/watch/${80000100 + i}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
        player.remove();
        await new Promise((r) => setTimeout(r, 5));
        parent.append(player);
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => setTimeout(r, 300));
      watch.disconnect();
      return Math.max(most, document.querySelectorAll('credits-cue-badge').length);
    });
    expect(maxBadges).toBe(1);
    await waitForFilm(page, 'tt2015381');
    expect(await listenerCount(page)).toBeLessThanOrEqual(before);
    await page.close();
  });

  it('many tabs at once: each shows exactly one badge with its own film', async () => {
    const films: Array<[string, number, string]> = [
      ['Guardians of the Galaxy', 2014, 'tt2015381'],
      ['Encanto', 2021, 'tt2953050'],
    ];
    const pages = await Promise.all(
      sites.flatMap((site, i) => {
        const [title, year, id] = films[i % films.length] ?? films[0]!;
        return [openFixture(session, siteFixture(site.id, 'player-movie'), asFilm(title, year)).then((page) => ({ page, id }))];
      }),
    );
    for (const { page, id } of pages) {
      await waitForFilm(page, id);
      expect(await page.locator('credits-cue-badge').count()).toBe(1);
    }
    await Promise.all(pages.map(({ page }) => page.close()));
  });
});
