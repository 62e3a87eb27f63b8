/**
 * Popup search and film card, options applied live to an open badge, the popup's per-site switch and the first-run
 * progress bar, in real Chromium with the built extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, newestTabId, openFixture, openPopup, playingFilm, siteFixture, waitForFilm, waitReady, wipeDatabase, type ExtensionSession } from './harness';

const guardians = playingFilm('Guardians of the Galaxy', 2014);

describe('popup and options in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('searches as you type (with a typo) and opens a film card with the keyboard', async () => {
    const popup = await openPopup(session);
    const input = popup.getByTestId('search-input');
    await expect.poll(() => input.isEnabled()).toBe(true);
    await input.pressSequentially('guardains of the gal');
    await expect.poll(() => popup.getByTestId('search-result').first().getAttribute('data-film-id')).toBe('tt2015381');
    await input.press('Enter');
    const card = popup.getByTestId('film-card');
    await card.waitFor();
    expect(await card.getAttribute('data-film-id')).toBe('tt2015381');
    expect(await card.getAttribute('data-credits')).toBe('mid-post');
    expect(await popup.getByTestId('card-verdict').textContent()).toBe('Stay: 1 mid-credit + 1 post-credit scene');
    expect(await card.locator('[data-source="imdb"]').count()).toBe(1);
    await input.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    expect(await popup.getByTestId('data-as-of').textContent()).toContain('Oct 2, 2026');
    await popup.close();
  });

  it('matches accents and localized titles', async () => {
    const popup = await openPopup(session, '?q=amelie');
    await expect.poll(async () => (await popup.getByTestId('search-result').first().textContent()) ?? '').toContain('Amélie');
    await popup.close();
  });

  it('a change of rating sources in the options page reaches the open badge at once', async () => {
    const film = await openFixture(session, siteFixture('prime-video', 'player-movie'), guardians);
    await waitForFilm(film, 'tt2015381');
    const tmdb = film.locator('credits-cue-badge [data-source="tmdb"]');
    await expect.poll(() => tmdb.count()).toBe(1);

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('source-toggle-tmdb').click();
    await expect.poll(() => tmdb.count()).toBe(0);
    await options.getByTestId('source-toggle-tmdb').click();
    await expect.poll(() => tmdb.count()).toBe(1);
    await options.close();
    await film.close();
  });

  it('the popup shows the tab’s film on top and switches the site off and on', async () => {
    const film = await openFixture(session, siteFixture('prime-video', 'player-movie'), guardians);
    await waitForFilm(film, 'tt2015381');
    // The popup asks the tab's own content script what it shows.
    const tabId = await newestTabId(session);
    const popup = await openPopup(session, `?tab=${tabId}`);
    const card = popup.getByTestId('film-card');
    await card.waitFor();
    expect(await card.getAttribute('data-film-id')).toBe('tt2015381');
    const sw = popup.getByTestId('site-switch');
    expect(await sw.isChecked()).toBe(true);
    await sw.uncheck();
    await film.waitForFunction(() => document.querySelector('credits-cue-badge') === null);
    await sw.check();
    await waitForFilm(film, 'tt2015381');
    await popup.close();
    await film.close();
  });

  it('a tab that has left the player is not shown as still playing its film', async () => {
    const film = await openFixture(session, siteFixture('prime-video', 'player-movie'), guardians);
    await waitForFilm(film, 'tt2015381');
    const tabId = await newestTabId(session);
    // A full navigation to a page the extension does not read: its film is gone with the content script.
    await film.route('https://example.invalid/', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>elsewhere</p>' }));
    await film.goto('https://example.invalid/');
    const popup = await openPopup(session, `?tab=${tabId}`);
    await popup.getByTestId('search-input').waitFor();
    // The popup is ready (its search shows); give the tab question time to come back before saying it shows nothing.
    await popup.waitForTimeout(500);
    expect(await popup.getByTestId('site-switch').count()).toBe(0);
    expect(await popup.locator('[data-testid="film-card"][data-film-id="tt2015381"]').count()).toBe(0);
    await popup.close();
    await film.close();
  });

  it('shows a progress bar while the film data is first prepared', async () => {
    await wipeDatabase(session, 80);
    const popup = await openPopup(session);
    const bar = popup.getByTestId('seed-progress');
    await bar.waitFor();
    const first = Number(await bar.getAttribute('aria-valuenow'));
    await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { timeout: 20_000 }).toBeGreaterThan(first);
    await popup.evaluate(() => chrome.storage.local.remove('debug:seedChunkDelayMs'));
    await popup.waitForSelector('[data-testid="search-input"]:not([disabled])', { timeout: 30_000 });
    expect(await bar.count()).toBe(0);
    await popup.close();
  });
});

declare const chrome: {
  storage: {
    local: { set(v: object): Promise<void>; remove(k: string): Promise<void> };
  };
};
