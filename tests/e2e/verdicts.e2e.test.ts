/**
 * What a viewer sees of the verdicts issue #12 fixed, in real Chromium with the built extension and the shipped
 * dataset: a sound after the credits is said as a sound (never "stay"), text as text, a low-rated list entry is no
 * scene, and each source's statement shows how it was read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, openPopup, playingFilm as playing, siteFixture, waitForFilm, waitReady, type ExtensionSession } from './harness';

describe('verdicts a viewer can trust, in real Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('Avengers: Endgame in the player: "only a sound", with who says what', async () => {
    const page = await openFixture(session, siteFixture('prime-video', 'player-movie'), playing('Avengers: Endgame', 2019));
    await waitForFilm(page, 'tt4154796');
    const host = page.locator('credits-cue-badge');
    expect(await host.getAttribute('data-credits')).toBe('none');
    expect(await host.getAttribute('data-extras')).toBe('audio');
    expect(await page.locator('credits-cue-badge [data-testid="verdict"]').textContent()).toBe('No scene after the credits — only a sound');
    await page.locator('credits-cue-badge [data-testid="badge-toggle"]').click();
    const details = page.locator('credits-cue-badge [data-testid="badge-details"]');
    await details.waitFor();
    expect(await details.textContent()).not.toMatch(/stay/i);
    expect(await page.locator('credits-cue-badge [data-reading="explained-by-extras"]').count()).toBeGreaterThan(0);
    expect(await details.textContent()).toContain('MCU API');
    await page.close();
  });

  it('a film with a scene has no extras hook value', async () => {
    const page = await openFixture(session, siteFixture('prime-video', 'player-movie'), playing('Avengers: Age of Ultron', 2015));
    await waitForFilm(page, 'tt2395427');
    const host = page.locator('credits-cue-badge');
    expect(await host.getAttribute('data-credits')).toBe('mid');
    expect(await host.getAttribute('data-extras')).toBe('');
    expect(await page.locator('credits-cue-badge [data-testid="verdict"]').textContent()).toBe('Stay: 1 mid-credit scene');
    await page.close();
  });

  it('the popup card: The Matrix has text, not a scene; Schindler’s List is no "stay"', async () => {
    const popup = await openPopup(session, '?q=the%20matrix');
    await expect.poll(() => popup.getByTestId('search-result').first().getAttribute('data-film-id')).toBe('tt0133093');
    await popup.getByTestId('search-result').first().click();
    const card = popup.getByTestId('film-card');
    await card.waitFor();
    expect(await card.getAttribute('data-credits')).toBe('none');
    expect(await popup.getByTestId('card-verdict').textContent()).toBe('No scene after the credits — only text on screen');

    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?q=schindler`);
    await expect.poll(() => popup.getByTestId('search-result').first().getAttribute('data-film-id')).toBe('tt0108052');
    await popup.getByTestId('search-result').first().click();
    await popup.getByTestId('film-card').waitFor();
    expect(await popup.getByTestId('film-card').getAttribute('data-credits')).toBe('unknown');
    expect(await popup.getByTestId('card-verdict').textContent()).toBe('No data on end-credit scenes yet');
    expect(await popup.locator('[data-reading="below-threshold"]').textContent()).toContain('not counted: vote rating 2');
    await popup.close();
  });
});
