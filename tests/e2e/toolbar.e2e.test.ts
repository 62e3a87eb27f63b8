/**
 * The toolbar signal in real Chromium: a tab playing a film carries the number of scenes to come on the extension's
 * toolbar button, a mark for a disagreement, the verdict in words as its tooltip; it clears when the tab leaves the
 * player (an episode starts, or the page goes elsewhere). The browser-level shortcut is declared for the browser's
 * shortcuts page and hides the badge on the tab in front.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, newestTabId, openFixture, playingFilm, siteFixture, tabFilm, waitForFilm, waitReady, type ExtensionSession } from './harness';

declare const chrome: {
  action: { getBadgeText(q: { tabId: number }): Promise<string>; getTitle(q: { tabId: number }): Promise<string> };
  runtime: { getManifest(): { commands?: Record<string, { suggested_key?: { default?: string }; description?: string }> } };
};

describe('toolbar signal in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  /** The tab just opened, checked by asking its content script what it shows (the popup's way). */
  async function tabOf(filmId: string): Promise<number> {
    const tabId = await newestTabId(session);
    await expect.poll(async () => (await tabFilm(session, tabId))?.filmId).toBe(filmId);
    return tabId;
  }

  const badgeOf = (tabId: number): Promise<string> => session.page.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const titleOf = (tabId: number): Promise<string> => session.page.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);

  async function open(title: string, year: number, id: string): Promise<{ page: Page; tabId: number }> {
    const page = await openFixture(session, siteFixture('prime-video', 'player-movie'), playingFilm(title, year));
    await waitForFilm(page, id);
    return { page, tabId: await tabOf(id) };
  }

  it('counts the scenes to come, with the verdict as the tooltip', async () => {
    const { page, tabId } = await open('Guardians of the Galaxy', 2014, 'tt2015381');
    await expect.poll(() => badgeOf(tabId)).toBe('2');
    expect(await titleOf(tabId)).toBe('Guardians of the Galaxy (2014): Stay: 1 mid-credit + 1 post-credit scene');
    await page.close();
  });

  it('marks a disagreement, and shows no number where nothing comes', async () => {
    const nlmg = await open('Never Let Me Go', 2010, 'tt1334260');
    await expect.poll(() => badgeOf(nlmg.tabId)).toBe('?');
    expect(await titleOf(nlmg.tabId)).toBe('Never Let Me Go (2010): Sources disagree');
    const endgame = await open('Avengers: Endgame', 2019, 'tt4154796');
    await expect.poll(() => titleOf(endgame.tabId)).toBe('Avengers: Endgame (2019): No scene after the credits — only a sound');
    expect(await badgeOf(endgame.tabId)).toBe('');
    // Each tab keeps its own.
    expect(await badgeOf(nlmg.tabId)).toBe('?');
    await nlmg.page.close();
    await endgame.page.close();
  });

  it('clears when the tab leaves the player: an episode in the same page, then another page', async () => {
    const { page, tabId } = await open('Guardians of the Galaxy', 2014, 'tt2015381');
    await expect.poll(() => badgeOf(tabId)).toBe('2');
    // The next title is an episode (no URL change, as Prime Video's autoplay does).
    const episode = siteFixture('prime-video', 'player-episode');
    await page.evaluate((html) => {
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    }, episode.html);
    await page.waitForFunction(() => document.querySelector('credits-cue-badge') === null);
    await expect.poll(() => badgeOf(tabId)).toBe('');
    expect(await titleOf(tabId)).toBe('Credits Cue');

    await page.evaluate(() => {
      document.body.innerHTML = '';
    });
    const { page: again, tabId: tab2 } = await open('Guardians of the Galaxy', 2014, 'tt2015381');
    await expect.poll(() => badgeOf(tab2)).toBe('2');
    // A full navigation to a page the extension does not read.
    await again.route('https://example.invalid/', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>elsewhere</p>' }));
    await again.goto('https://example.invalid/');
    await expect.poll(() => badgeOf(tab2)).toBe('');
    await page.close();
    await again.close();
  });

  it('declares the browser-level shortcut, and it hides the badge on the tab in front', async () => {
    const commands = await session.page.evaluate(() => chrome.runtime.getManifest().commands);
    expect(commands?.['toggle-badge']).toMatchObject({ suggested_key: { default: 'Alt+Shift+B' }, description: 'Show or hide the badge on this tab' });
    const { page } = await open('Guardians of the Galaxy', 2014, 'tt2015381');
    await page.bringToFront();
    // The command's effect, as the background sends it to the tab in front (a real key press on the browser's
    // shortcut cannot be synthesised into headless Chromium's UI layer).
    const command = (): Promise<unknown> =>
      session.worker.evaluate(async () => {
        const g = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } };
        const [tab] = await g.chrome.tabs.query({ active: true, currentWindow: true });
        return tab?.id === undefined ? undefined : g.chrome.tabs.sendMessage(tab.id, { channel: 'credits-cue/v1', type: 'toggleBadge', data: {} });
      });
    expect(await command()).toEqual({ ok: true, value: false });
    await page.waitForFunction(() => document.querySelector('credits-cue-badge') === null);
    expect(await command()).toEqual({ ok: true, value: true });
    await waitForFilm(page, 'tt2015381');
    await page.close();
  });
});
