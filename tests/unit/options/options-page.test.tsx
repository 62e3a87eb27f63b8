import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/options/app';
import { RATING_SOURCES } from '../../../lib/core/ratings/sources';
import { DEFAULT_SETTINGS, SETTINGS_KEY, enabledSources, type Settings } from '../../../lib/core/settings';
import { loadSettings, saveSettings } from '../../../lib/protocol/settings-store';
import { sites } from '../../../lib/sites/index';
import { scoreText } from '../../../lib/text/score-text';

async function stored(): Promise<Record<string, unknown> | undefined> {
  return (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown> | undefined;
}

/** Renders the page and waits until the saved settings are on screen. */
async function renderPage(): Promise<void> {
  render(<App />);
  await screen.findByTestId('source-toggle-imdb');
}

async function savedStatus(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved'));
}

function byTestId<T extends HTMLElement>(id: string): T {
  return screen.getByTestId(id) as T;
}

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no manifest: the page shows the version the real one carries (package.json's, by WXT).
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Credits Cue', version: '9.8.7' });
  delete document.documentElement.dataset.theme;
});

afterEach(() => {
  cleanup();
});

describe('options page', () => {
  it('renders every registry source (label and scale) and one switch per site', async () => {
    await renderPage();
    for (const source of RATING_SOURCES) {
      const box = byTestId<HTMLInputElement>(`source-toggle-${source.id}`);
      expect(screen.getByLabelText(source.label)).toBe(box);
      expect(box.checked).toBe(enabledSources(DEFAULT_SETTINGS).includes(source.id));
      const range = document.getElementById(box.getAttribute('aria-describedby') ?? '');
      expect(range?.textContent).toContain(scoreText(source, source.scale, source.scale));
    }
    expect(screen.getByTestId('source-toggle-imdb').closest('li')?.textContent).toContain('0.0–10.0');
    for (const site of sites) expect(screen.getByRole('switch', { name: site.name })).toBe(byTestId(`site-toggle-${site.id}`));
    expect(screen.getByText(/makes no network requests/)).toBeTruthy();
  });

  it('shows the version in its footer and links the privacy policy page', async () => {
    await renderPage();
    expect(byTestId('version').textContent).toBe('Credits Cue 9.8.7');
    const link = byTestId<HTMLAnchorElement>('privacy-link');
    expect(link.textContent).toBe('Privacy policy');
    expect(link.getAttribute('href')).toMatch(/\/privacy\.html$/);
  });

  it('gives every control a name, in the visual order', async () => {
    await renderPage();
    const controls = [...document.querySelectorAll<HTMLElement>('input, select, button')];
    for (const control of controls) {
      const labelled = control.id && document.querySelector(`label[for="${control.id}"]`);
      const ownText = control.tagName === 'BUTTON' && control.textContent?.trim();
      const named = labelled || ownText || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
      expect(named, control.outerHTML).toBeTruthy();
      // No tabindex tricks: focus order is DOM order, which is the visual order.
      expect(control.hasAttribute('tabindex'), control.outerHTML).toBe(false);
    }
    const order = ['source-toggle-imdb', 'combined-score', 'badge-position', 'keep-credits', 'site-toggle-prime-video', 'spoiler-mode', 'hide-ratings', 'theme', 'shortcut-input', 'reset-settings'];
    const positions = order.map((id) => controls.indexOf(byTestId(id)));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('saves a source toggle at once and announces it', async () => {
    await renderPage();
    fireEvent.click(byTestId('source-toggle-imdb'));
    await savedStatus();
    expect(enabledSources(await loadSettings())).not.toContain('imdb');
    fireEvent.click(byTestId('source-toggle-fandango'));
    await waitFor(async () => expect(enabledSources(await loadSettings())).toContain('fandango'));
    expect((await stored())?.version).toBe(3);
  });

  it('reorders sources with the Up/Down buttons, keeping focus on the moved source', async () => {
    await renderPage();
    const up = byTestId<HTMLButtonElement>('source-up-rt-critics');
    up.focus();
    fireEvent.click(up);
    await waitFor(async () => expect((await loadSettings()).ratingSources.slice(0, 2).map((s) => s.id)).toEqual(['rt-critics', 'imdb']));
    expect(screen.getByTestId('save-status').textContent).toMatch(/Rotten Tomatoes \(critics\) moved to position 1 of \d+/);
    // At the top its Up button is disabled, so focus moved to its Down button.
    expect(byTestId<HTMLButtonElement>('source-up-rt-critics').disabled).toBe(true);
    expect(document.activeElement).toBe(byTestId('source-down-rt-critics'));
    const items = [...document.querySelectorAll('.source-list li input')].map((el) => el.getAttribute('data-testid'));
    expect(items.slice(0, 2)).toEqual(['source-toggle-rt-critics', 'source-toggle-imdb']);
    const last = RATING_SOURCES.at(-1)?.id ?? '';
    expect(byTestId<HTMLButtonElement>(`source-down-${last}`).disabled).toBe(true);
    fireEvent.click(byTestId('source-down-rt-critics'));
    await waitFor(async () => expect((await loadSettings()).ratingSources[0]?.id).toBe('imdb'));
    expect(document.activeElement).toBe(byTestId('source-down-rt-critics'));
  });

  it('saves the combined score, badge, site, spoiler and hide-ratings controls', async () => {
    await renderPage();
    fireEvent.click(byTestId('combined-score'));
    fireEvent.change(byTestId('badge-position'), { target: { value: 'bottom-left' } });
    fireEvent.change(byTestId('badge-size'), { target: { value: 'large' } });
    fireEvent.click(byTestId('badge-autohide'));
    expect(byTestId<HTMLInputElement>('keep-credits').checked).toBe(false);
    fireEvent.click(byTestId('keep-credits'));
    fireEvent.click(byTestId('site-toggle-prime-video'));
    fireEvent.change(byTestId('spoiler-mode'), { target: { value: 'shown' } });
    fireEvent.click(byTestId('hide-ratings'));
    await waitFor(async () => {
      const s = await loadSettings();
      expect(s.combinedScore).toBe(true);
      expect(s.badge).toEqual({ position: 'bottom-left', size: 'large', autoHide: false });
      expect(s.keepCreditsPlaying).toBe(true);
      expect(s.sites['prime-video']).toBe(false);
      expect(s.spoilerMode).toBe('shown');
      expect(s.hideRatingsUntilReveal).toBe(true);
    });
    expect(byTestId<HTMLInputElement>('combined-score').checked).toBe(true);
    expect(byTestId<HTMLSelectElement>('badge-position').value).toBe('bottom-left');
  });

  it('explains the combined score in one honest line', async () => {
    await renderPage();
    const help = document.getElementById(byTestId('combined-score').getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toMatch(/0–100/);
    expect(help?.textContent).toMatch(/few votes/);
    expect(help?.textContent).toMatch(/at least 2 sources/);
  });

  it('applies the theme to the page through data-theme', async () => {
    await renderPage();
    expect(document.documentElement.dataset.theme).toBe('system');
    fireEvent.change(byTestId('theme'), { target: { value: 'dark' } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect((await loadSettings()).theme).toBe('dark');
    fireEvent.change(byTestId('theme'), { target: { value: 'light' } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
  });

  it('starts from the saved theme', async () => {
    await saveSettings({ theme: 'dark' });
    await renderPage();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(byTestId<HTMLSelectElement>('theme').value).toBe('dark');
  });

  it('records a new shortcut from the next key combination', async () => {
    await renderPage();
    const field = byTestId<HTMLButtonElement>('shortcut-input');
    expect(field.textContent).toBe('Alt+Shift+C');
    fireEvent.click(field);
    expect(field.dataset.recording).toBe('true');
    // Modifiers alone: still waiting.
    fireEvent.keyDown(field, { key: 'Control', code: 'ControlLeft', ctrlKey: true });
    expect(field.dataset.recording).toBe('true');
    fireEvent.keyDown(field, { key: 'k', code: 'KeyK', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(field.textContent).toBe('Ctrl+Shift+K'));
    expect(field.dataset.recording).toBeUndefined();
    await waitFor(async () => expect((await loadSettings()).shortcut).toEqual({ key: 'KeyK', alt: false, shift: true, ctrl: true, meta: false }));
  });

  it('cancels recording with Escape and refuses a bare key', async () => {
    await renderPage();
    const field = byTestId<HTMLButtonElement>('shortcut-input');
    fireEvent.click(field);
    fireEvent.keyDown(field, { key: 'k', code: 'KeyK' });
    expect(field.dataset.recording).toBe('true');
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/Ctrl, Alt or Meta/));
    fireEvent.keyDown(field, { key: 'Escape', code: 'Escape' });
    expect(field.dataset.recording).toBeUndefined();
    expect(field.textContent).toBe('Alt+Shift+C');
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Shortcut unchanged'));
    expect(await stored()).toBeUndefined();
  });

  it('resets to the defaults only after confirmation', async () => {
    await saveSettings({ theme: 'dark', combinedScore: true });
    await renderPage();
    fireEvent.click(byTestId('reset-settings'));
    // Cancel keeps everything, and focus returns to the button.
    expect(document.activeElement).toBe(byTestId('reset-cancel'));
    fireEvent.click(byTestId('reset-cancel'));
    expect(document.activeElement).toBe(byTestId('reset-settings'));
    expect((await loadSettings()).combinedScore).toBe(true);

    fireEvent.click(byTestId('reset-settings'));
    fireEvent.click(byTestId('reset-confirm'));
    await waitFor(() => expect(byTestId<HTMLInputElement>('combined-score').checked).toBe(false));
    expect(await stored()).toBeUndefined();
    expect(document.documentElement.dataset.theme).toBe('system');
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/defaults/));
  });

  it('follows changes made elsewhere (popup, another browser)', async () => {
    await renderPage();
    const changed: Partial<Settings> = { hideRatingsUntilReveal: true };
    await saveSettings(changed);
    await waitFor(() => expect(byTestId<HTMLInputElement>('hide-ratings').checked).toBe(true));
  });
});
