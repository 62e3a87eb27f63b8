/**
 * The scenes a viewer sees, played in real Chromium with the built extension on Prime Video pages served under the
 * real hosts: the one place the demo (`npm run demo`) and the store's screenshots (`npm run store`) take them from.
 * Each scene opens its page, waits until the extension has answered, and hands the page to `shoot`.
 */
import type { Page } from 'playwright-core';
import { openFixture, playingFilm, siteFixture, waitForFilm, type ExtensionSession } from '../tests/e2e/harness';

export type Shoot = (page: Page, name: string) => Promise<void>;

async function waitForBadge(page: Page, id: string): Promise<void> {
  await waitForFilm(page, id, { timeout: 15_000 });
  await page.waitForTimeout(300); // let the fade-in settle before the picture
}

export interface ScreenFilm {
  title: string;
  year: number;
  id: string;
}

/** The player fixture's own film: Never Let Me Go (2010), whose sources disagree (the product's canonical example). */
export const NEVER_LET_ME_GO: ScreenFilm = { title: 'Never Let Me Go', year: 2010, id: 'tt1334260' };
/** A film with a scene during and one after the credits. */
export const GUARDIANS: ScreenFilm = { title: 'Guardians of the Galaxy', year: 2014, id: 'tt2015381' };

/** The badge in the player as it first shows, closed (the demo opens it on the same page for its next shot). */
export async function badgeInPlayer(session: ExtensionSession, shoot: Shoot, options: { film?: ScreenFilm; name?: string } = {}): Promise<Page> {
  const film = options.film ?? NEVER_LET_ME_GO;
  const page = await openFixture(session, siteFixture('prime-video', 'player-movie'), playingFilm(film.title, film.year));
  await waitForBadge(page, film.id);
  await shoot(page, options.name ?? 'badge-in-player');
  return page;
}

/** The credits alert: the service's next-up card shows, a scene is still to come. */
export async function creditsAlert(session: ExtensionSession, shoot: Shoot, name = 'credits-alert'): Promise<Page> {
  const page = await openFixture(session, siteFixture('prime-video', 'player-movie-nextup'), playingFilm(GUARDIANS.title, GUARDIANS.year));
  await waitForBadge(page, GUARDIANS.id);
  await page.locator('credits-cue-badge').getByTestId('credits-alert').waitFor();
  await shoot(page, name);
  return page;
}

/**
 * The popup: its search results (`searchName`, when given), then the first result's film card ("only a sound":
 * Avengers: Endgame's extras said as extras, by default).
 */
export async function popupCard(
  session: ExtensionSession,
  shoot: Shoot,
  options: { query?: string; name?: string; searchName?: string; theme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const popup = await session.context.newPage();
  if (options.theme) await popup.emulateMedia({ colorScheme: options.theme });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?q=${encodeURIComponent(options.query ?? 'avengers endgame')}`);
  await popup.getByTestId('search-result').first().waitFor();
  if (options.searchName) await shoot(popup, options.searchName);
  await popup.getByTestId('search-input').press('Enter');
  await popup.getByTestId('film-card').waitFor();
  await shoot(popup, options.name ?? 'popup-card');
  return popup;
}

/** The options page, at the given size. */
export async function optionsPage(session: ExtensionSession, shoot: Shoot, options: { name?: string; theme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await session.context.newPage();
  if (options.theme) await page.emulateMedia({ colorScheme: options.theme });
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByTestId('source-toggle-imdb').waitFor();
  await shoot(page, options.name ?? 'options');
  return page;
}
