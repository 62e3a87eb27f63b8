/**
 * The German UI in real Chromium started with --lang=de: the badge in the player, the popup card and the options page
 * speak German, with German numbers and dates (the messages of public/_locales/de and Intl in "de").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openFixture, openPopup, playingFilm, siteFixture, waitForFilm, waitReady, type ExtensionSession } from './harness';

describe('German UI in real Chromium (--lang=de)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ lang: 'de' });
    await waitReady(session.page);
  });
  afterAll(() => session?.close());

  it('the badge says the verdict and the scores in German', async () => {
    const page = await openFixture(session, siteFixture('prime-video', 'player-movie'), playingFilm('Guardians of the Galaxy', 2014));
    await waitForFilm(page, 'tt2015381');
    expect(await page.locator('credits-cue-badge [data-testid="verdict"]').textContent()).toBe('Bleib dran: 1 im Abspann + 1 Szene danach');
    // IMDb's 8.0 as German writes it.
    expect(await page.locator('credits-cue-badge [data-source="imdb"]').textContent()).toMatch(/IMDb \d,\d/);
    await page.locator('credits-cue-badge [data-testid="badge-toggle"]').click();
    expect(await page.locator('credits-cue-badge [data-testid="badge-details"]').textContent()).toContain('im Abspann: ja, nach dem Abspann: ja');
    await page.close();

    const endgame = await openFixture(session, siteFixture('prime-video', 'player-movie'), playingFilm('Avengers: Endgame', 2019));
    await waitForFilm(endgame, 'tt4154796');
    expect(await endgame.locator('credits-cue-badge [data-testid="verdict"]').textContent()).toBe('Keine Szene nach dem Abspann – nur ein Ton');
    await endgame.close();
  });

  it('the popup card and the options page are German', async () => {
    const popup = await openPopup(session, '?q=the%20matrix');
    await expect.poll(() => popup.getByTestId('search-result').first().getAttribute('data-film-id')).toBe('tt0133093');
    expect(await popup.getByTestId('search-input').getAttribute('placeholder')).toBe('Titel, in jeder Sprache …');
    await popup.getByTestId('search-result').first().click();
    await popup.getByTestId('film-card').waitFor();
    expect(await popup.getByTestId('card-verdict').textContent()).toBe('Keine Szene nach dem Abspann – nur Texttafeln');
    // "Filmdaten vom 02.10.2026 · 50.915 Filme": German date and thousands separator.
    expect(await popup.getByTestId('data-as-of').textContent()).toMatch(/^Filmdaten vom 02\.10\.2026 · \d{2}\.\d{3} Filme$/);
    await popup.close();

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('source-toggle-imdb').waitFor();
    expect(await options.locator('h1').textContent()).toBe('Credits Cue – Einstellungen');
    expect(await options.locator('html').getAttribute('lang')).toBe('de');
    expect(await options.getByTestId('privacy-link').textContent()).toBe('Datenschutzerklärung');
    await options.close();
  });
});
