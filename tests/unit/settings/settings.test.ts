import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RatingSourceId } from '../../../lib/core/schema';
import { DEFAULT_SOURCES, RATING_SOURCES } from '../../../lib/core/ratings/sources';
import { DEFAULT_SETTINGS, REGISTRY, SETTINGS_KEY, SETTINGS_VERSION, defaultSettings, enabledSources, formatShortcut, isSiteEnabled, isUsableShortcut, matchesShortcut, migrateSettings, migrations, normalizeSettings, shortcutFromEvent, type Settings, type Shortcut } from '../../../lib/core/settings';
import { loadSettings, resetSettings, saveSettings, watchSettings } from '../../../lib/protocol/settings-store';
import { sites } from '../../../lib/sites/index';

const FIXTURES = join(import.meta.dirname, '../../fixtures/settings');

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

async function store(value: unknown): Promise<void> {
  await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: value });
}

async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
}

const on = (id: RatingSourceId): { id: RatingSourceId; enabled: true } => ({ id, enabled: true });
const off = (id: RatingSourceId): { id: RatingSourceId; enabled: false } => ({ id, enabled: false });
const ids = (s: Settings): string[] => s.ratingSources.map((r) => r.id);

/** What each fixture must load as: the viewer's choices survive every upgrade. One entry per fixture file. */
const EXPECTED: Record<string, Settings> = {
  // v1 listed the shown sources in order; every other v1 source comes back switched off (tmdb and metacritic were
  // defaults, but this viewer had hidden them).
  'v1.json': {
    ...defaultSettings(),
    ratingSources: [
      on('rt-critics'),
      on('imdb'),
      on('fandango'),
      off('rt-audience'),
      off('metacritic'),
      off('metacritic-user'),
      off('tmdb'),
      off('mediastinger'),
    ],
    combinedScore: true,
  },
  // v2 lists 6 of the 8 sources: the 2 it lacks are new to it, so they are appended in default order, disabled
  // because neither is a default source. rt-critics stays off although it is a default: the viewer switched it off.
  'v2.json': {
    ...defaultSettings(),
    ratingSources: [on('tmdb'), off('imdb'), on('metacritic'), off('rt-critics'), on('rt-audience'), off('metacritic-user'), off('fandango'), off('mediastinger')],
    combinedScore: false,
  },
  'v3.json': {
    ratingSources: [on('metacritic'), on('imdb'), off('rt-critics'), off('rt-audience'), off('metacritic-user'), off('tmdb'), off('fandango'), on('mediastinger')],
    combinedScore: true,
    badge: { position: 'bottom-left', size: 'small', autoHide: false },
    // Only the saved switch is kept; sites v3.json does not mention (registered since) are on by isSiteEnabled.
    sites: { 'prime-video': false },
    spoilerMode: 'shown',
    hideRatingsUntilReveal: true,
    theme: 'dark',
    shortcut: { key: 'KeyK', alt: false, shift: true, ctrl: true, meta: false },
    // Added after v3 without a version step: filled from the defaults.
    keepCreditsPlaying: false,
  },
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('defaults come from the registries', () => {
  it('lists every rating source exactly once, the default sources first and on, the rest off', () => {
    expect([...ids(DEFAULT_SETTINGS)].sort()).toEqual(RATING_SOURCES.map((s) => s.id).sort());
    expect(enabledSources(DEFAULT_SETTINGS)).toEqual([...DEFAULT_SOURCES]);
    expect(ids(DEFAULT_SETTINGS).slice(0, DEFAULT_SOURCES.length)).toEqual([...DEFAULT_SOURCES]);
  });

  it('turns every registry site on', () => {
    expect(DEFAULT_SETTINGS.sites).toEqual({});
    for (const site of sites) expect(isSiteEnabled(DEFAULT_SETTINGS, site.id)).toBe(true);
  });

  it('has the documented fixed defaults', () => {
    expect(DEFAULT_SETTINGS.combinedScore).toBe(false);
    expect(DEFAULT_SETTINGS.badge).toEqual({ position: 'top-right', size: 'medium', autoHide: true });
    expect(DEFAULT_SETTINGS.spoilerMode).toBe('hidden');
    expect(DEFAULT_SETTINGS.hideRatingsUntilReveal).toBe(false);
    expect(DEFAULT_SETTINGS.theme).toBe('system');
    expect(formatShortcut(DEFAULT_SETTINGS.shortcut)).toBe('Alt+Shift+C');
    expect(DEFAULT_SETTINGS.keepCreditsPlaying).toBe(false);
  });

  it('is frozen, and defaultSettings() hands out independent copies', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS.ratingSources[0])).toBe(true);
    const copy = defaultSettings();
    copy.badge.size = 'large';
    expect(defaultSettings().badge.size).toBe('medium');
  });

  it('picks up a source or site added to the registry with no other change', () => {
    const extra = 'letterboxd' as RatingSourceId;
    const registry = { ...REGISTRY, sourceIds: [...REGISTRY.sourceIds, extra] };
    const defaults = defaultSettings(registry);
    expect(defaults.ratingSources.at(-1)).toEqual(off(extra));
    expect(isSiteEnabled(defaults, 'future-site')).toBe(true);
    // Made a default source, it is on and takes its default place.
    const promoted = defaultSettings({ ...registry, defaultSources: [extra, ...REGISTRY.defaultSources] });
    expect(promoted.ratingSources[0]).toEqual(on(extra));
    // A viewer's saved order keeps its place; the new source is appended after it, off.
    const saved = normalizeSettings({ ratingSources: [on('tmdb'), off('imdb')] }, defaults);
    expect(ids(saved).slice(0, 2)).toEqual(['tmdb', 'imdb']);
    expect(saved.ratingSources.at(-1)).toEqual(off(extra));
    expect(saved.ratingSources).toHaveLength(RATING_SOURCES.length + 1);
  });
});

describe('migrations', () => {
  it('has one step for every version after the first', () => {
    const steps = Object.keys(migrations).map(Number).sort((a, b) => a - b);
    expect(steps).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });

  it('has one fixture per version, and an expectation for each', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => `v${i + 1}.json`));
    for (const file of files) {
      expect(fixture(file).version).toBe(Number(/^v(\d+)/.exec(file)?.[1]));
      expect(EXPECTED[file], file).toBeDefined();
    }
  });

  it.each(Object.keys(EXPECTED))('loads %s as current settings with the viewer’s choices', async (file) => {
    await store(fixture(file));
    const loaded = await loadSettings();
    expect(loaded).toEqual(EXPECTED[file]);
    // The result is already valid: validating it again changes nothing.
    expect(normalizeSettings(loaded)).toEqual(loaded);
  });

  it.each(Object.keys(EXPECTED))('migrates %s to the current version', (file) => {
    const migrated = migrateSettings(fixture(file));
    expect(migrated.version).toBe(SETTINGS_VERSION);
  });

  it('steps are pure: the input is not changed and the same input gives the same output', () => {
    for (const file of ['v1.json', 'v2.json']) {
      const input = Object.freeze(fixture(file));
      const before = JSON.stringify(input);
      const version = input.version as number;
      const step = migrations[version + 1];
      expect(step).toBeDefined();
      const a = step?.(input);
      expect(JSON.stringify(input)).toBe(before);
      expect(step?.(input)).toEqual(a);
      expect(a?.version).toBe(version + 1);
    }
  });

  it('v1 → v2 survives a malformed source list', () => {
    const v2 = migrations[2]?.({ version: 1, sources: 'imdb', combined: 'yes' });
    expect(v2?.ratingSources).toEqual(expect.arrayContaining([off('imdb')]));
    expect(normalizeSettings(migrateSettings({ version: 1, sources: ['imdb', 7, 'imdb'] })).ratingSources[0]).toEqual(on('imdb'));
  });

  it('loading does not write: the upgraded shape is stored on the next save', async () => {
    await store(fixture('v1.json'));
    await loadSettings();
    expect(await stored()).toEqual(fixture('v1.json'));
    await saveSettings({ theme: 'light' });
    expect(await stored()).toEqual({ ...EXPECTED['v1.json'], theme: 'light', version: SETTINGS_VERSION });
  });
});

describe('validation, field by field', () => {
  it('gives the defaults when nothing or something unusable is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    for (const junk of ['settings', 42, null, [1, 2], true]) {
      await store(junk);
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('replaces each invalid value by its default and keeps every valid one', async () => {
    await store({
      version: 3,
      ratingSources: [{ id: 'imdb', enabled: 'x' }, { id: 'nope', enabled: true }, off('tmdb'), on('tmdb'), 'junk', on('fandango')],
      combinedScore: 'yes',
      badge: { position: 'middle', size: 'large', autoHide: 1 },
      sites: { 'prime-video': 'no', 'no-such-site': false, 'Bad Id': false, ['__proto__']: false },
      spoilerMode: 'shown',
      hideRatingsUntilReveal: null,
      theme: 'blue',
      shortcut: { key: 'KeyK', alt: true },
    });
    const s = await loadSettings();
    // imdb keeps its default `enabled`; unknown ids and the second tmdb are dropped; missing sources appended.
    expect(s.ratingSources.slice(0, 3)).toEqual([on('imdb'), off('tmdb'), on('fandango')]);
    expect([...ids(s)].sort()).toEqual(RATING_SOURCES.map((r) => r.id).sort());
    expect(s.combinedScore).toBe(false);
    expect(s.badge).toEqual({ position: 'top-right', size: 'large', autoHide: true });
    // A malformed switch is dropped (the site stays on); a well-formed id keeps its switch even without an adapter
    // (inert, and it survives a build that brings the site back); malformed ids are dropped.
    expect(s.sites).toEqual({ 'no-such-site': false });
    expect(isSiteEnabled(s, 'prime-video')).toBe(true);
    expect(s.spoilerMode).toBe('shown');
    expect(s.hideRatingsUntilReveal).toBe(false);
    expect(s.theme).toBe('system');
    // A shortcut is one choice: half a shortcut is not mixed with the default's other half.
    expect(s.shortcut).toEqual(DEFAULT_SETTINGS.shortcut);
  });

  it('refuses a shortcut that typing would trigger', () => {
    const bare = { key: 'KeyK', alt: false, shift: false, ctrl: false, meta: false };
    expect(normalizeSettings({ shortcut: bare }).shortcut).toEqual(DEFAULT_SETTINGS.shortcut);
    expect(normalizeSettings({ shortcut: { ...bare, shift: true } }).shortcut).toEqual(DEFAULT_SETTINGS.shortcut);
    expect(normalizeSettings({ shortcut: { ...bare, key: 'ShiftLeft', ctrl: true } }).shortcut).toEqual(DEFAULT_SETTINGS.shortcut);
    expect(normalizeSettings({ shortcut: { ...bare, key: 'F8' } }).shortcut).toEqual({ ...bare, key: 'F8' });
  });

  it('ignores fields from the future and does not downgrade a newer object', async () => {
    await store({ ...fixture('v3.json'), version: SETTINGS_VERSION + 1, badge: { position: 'top-left', size: 'small', autoHide: true, opacity: 0.5 }, lists: ['watchlist'] });
    const s = await loadSettings();
    expect(s).not.toHaveProperty('lists');
    expect(s.badge).toEqual({ position: 'top-left', size: 'small', autoHide: true });
    expect(s.theme).toBe('dark');
    await saveSettings({ theme: 'light' });
    const raw = (await stored()) as Record<string, unknown>;
    expect(raw.version).toBe(SETTINGS_VERSION + 1);
    expect(raw.lists).toEqual(['watchlist']);
    expect(raw.theme).toBe('light');
  });

  it('takes an object without a version as current', async () => {
    await store({ theme: 'dark', combinedScore: true });
    const s = await loadSettings();
    expect(s.theme).toBe('dark');
    expect(s.combinedScore).toBe(true);
  });
});

describe('save, reset, watch', () => {
  it('saves a patch over the stored settings, at the current version', async () => {
    await store(fixture('v3.json'));
    const saved = await saveSettings({ combinedScore: false, badge: { position: 'top-left', size: 'large', autoHide: true } });
    expect(saved).toEqual({ ...EXPECTED['v3.json'], combinedScore: false, badge: { position: 'top-left', size: 'large', autoHide: true } });
    expect(await stored()).toEqual({ ...saved, version: SETTINGS_VERSION });
    expect(await loadSettings()).toEqual(saved);
  });

  it('ignores an invalid value in a patch, keeping the saved one', async () => {
    await store(fixture('v3.json'));
    const saved = await saveSettings({ theme: 'neon' as Settings['theme'], spoilerMode: 'hidden' });
    expect(saved.theme).toBe('dark');
    expect(saved.spoilerMode).toBe('hidden');
  });

  it('keeps both of two saves started together', async () => {
    await Promise.all([saveSettings({ theme: 'dark' }), saveSettings({ combinedScore: true })]);
    const s = await loadSettings();
    expect(s.theme).toBe('dark');
    expect(s.combinedScore).toBe(true);
  });

  it('reset forgets everything', async () => {
    await store(fixture('v3.json'));
    expect(await resetSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await stored()).toBeUndefined();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('watch reports each change, parsed, until stopped', async () => {
    const seen = vi.fn<(s: Settings) => void>();
    const stop = watchSettings(seen);
    await saveSettings({ theme: 'light' });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]?.[0].theme).toBe('light');
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { theme: 'dark' } });
    expect(seen).toHaveBeenCalledTimes(1);
    await resetSettings();
    expect(seen).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
    stop();
    await saveSettings({ theme: 'dark' });
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('watch upgrades an old object written by another build', async () => {
    const seen = vi.fn<(s: Settings) => void>();
    watchSettings(seen);
    await store(fixture('v1.json'));
    expect(seen).toHaveBeenCalledWith(EXPECTED['v1.json']);
  });
});

describe('reader helpers', () => {
  const altShiftC: Shortcut = { key: 'KeyC', alt: true, shift: true, ctrl: false, meta: false };
  const press = (code: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({
    code,
    altKey: false,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  });

  it('matches a shortcut exactly', () => {
    expect(matchesShortcut(press('KeyC', { altKey: true, shiftKey: true }), altShiftC)).toBe(true);
    expect(matchesShortcut(press('KeyC', { altKey: true, shiftKey: true, ctrlKey: true }), altShiftC)).toBe(false);
    expect(matchesShortcut(press('KeyC', { altKey: true }), altShiftC)).toBe(false);
    expect(matchesShortcut(press('KeyV', { altKey: true, shiftKey: true }), altShiftC)).toBe(false);
  });

  it('formats shortcuts the way platforms print them', () => {
    expect(formatShortcut(altShiftC)).toBe('Alt+Shift+C');
    expect(formatShortcut({ key: 'Digit4', alt: false, shift: true, ctrl: true, meta: false })).toBe('Ctrl+Shift+4');
    expect(formatShortcut({ key: 'Numpad7', alt: true, shift: false, ctrl: false, meta: true })).toBe('Alt+Meta+Num 7');
    expect(formatShortcut({ key: 'Slash', alt: false, shift: false, ctrl: true, meta: false })).toBe('Ctrl+/');
    expect(formatShortcut({ key: 'F8', alt: false, shift: false, ctrl: false, meta: false })).toBe('F8');
  });

  it('reads a combination from a key event, waiting while only modifiers are down', () => {
    expect(shortcutFromEvent(press('AltLeft', { altKey: true }))).toBeNull();
    expect(shortcutFromEvent(press('ShiftRight', { shiftKey: true, altKey: true }))).toBeNull();
    expect(shortcutFromEvent(press('KeyK', { ctrlKey: true }))).toEqual({ key: 'KeyK', alt: false, shift: false, ctrl: true, meta: false });
    expect(isUsableShortcut({ key: 'KeyK', alt: false, shift: true, ctrl: false, meta: false })).toBe(false);
  });

  it('lists enabled sources in order and treats unknown sites as on', () => {
    expect(enabledSources(EXPECTED['v3.json'] as Settings)).toEqual(['metacritic', 'imdb', 'mediastinger']);
    expect(isSiteEnabled(EXPECTED['v3.json'] as Settings, 'prime-video')).toBe(false);
    expect(isSiteEnabled(EXPECTED['v3.json'] as Settings, 'netflix')).toBe(true);
  });
});
