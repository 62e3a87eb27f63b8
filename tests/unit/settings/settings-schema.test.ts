/**
 * Settings read by their schema (lib/core/settings.ts): each field recovers against the fallback it is given (not
 * always the defaults), what is handed out is the caller's own, and an array is never read as an object.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, normalizeSettings, type Settings } from '../../../lib/core/settings';

/** Settings that differ from the defaults in every field. */
function custom(): Settings {
  const s = defaultSettings();
  return {
    ratingSources: [...s.ratingSources].reverse().map((r) => ({ ...r, enabled: !r.enabled })),
    combinedScore: true,
    badge: { position: 'bottom-left', size: 'large', autoHide: false },
    sites: { netflix: false },
    spoilerMode: 'shown',
    hideRatingsUntilReveal: true,
    theme: 'dark',
    shortcut: { key: 'KeyK', alt: false, shift: false, ctrl: true, meta: false },
    keepCreditsPlaying: true,
  };
}

const everyFieldInvalid = {
  ratingSources: 'imdb',
  combinedScore: 'yes',
  badge: 'big',
  sites: ['netflix'],
  spoilerMode: 'maybe',
  hideRatingsUntilReveal: 1,
  theme: 'blue',
  shortcut: { key: 'KeyK' },
  keepCreditsPlaying: null,
};

describe('settings schema', () => {
  it('takes each invalid or missing field from the fallback it is given', () => {
    const fallback = custom();
    expect(normalizeSettings(everyFieldInvalid, fallback)).toEqual(fallback);
    expect(normalizeSettings({}, fallback)).toEqual(fallback);
    expect(normalizeSettings({ badge: { size: 'small', autoHide: 'no' } }, fallback).badge).toEqual({ position: 'bottom-left', size: 'small', autoHide: false });
  });

  it('merges the sources and sites into the fallback’s', () => {
    const fallback = custom();
    const read = normalizeSettings({ ratingSources: [{ id: 'imdb', enabled: 'x' }], sites: { hulu: false, max: 'off' } }, fallback);
    const imdb = fallback.ratingSources.find((s) => s.id === 'imdb');
    expect(read.ratingSources[0]).toEqual(imdb);
    expect(read.ratingSources.slice(1)).toEqual(fallback.ratingSources.filter((s) => s.id !== 'imdb'));
    expect(read.sites).toEqual({ netflix: false, hulu: false });
  });

  it('hands out its own objects: the fallback may be frozen, and is never changed', () => {
    const read = normalizeSettings({}, DEFAULT_SETTINGS);
    expect(read).toEqual(DEFAULT_SETTINGS);
    read.badge.size = 'large';
    read.shortcut.key = 'KeyK';
    read.sites.netflix = false;
    read.ratingSources[0]!.enabled = false;
    read.ratingSources.pop();
    expect(DEFAULT_SETTINGS).toEqual(defaultSettings());
    const fallback = custom();
    const kept = normalizeSettings({ theme: 'light' }, fallback);
    for (const key of ['ratingSources', 'badge', 'sites', 'shortcut'] as const) expect(kept[key]).not.toBe(fallback[key]);
    expect(kept.ratingSources[0]).not.toBe(fallback.ratingSources[0]);
  });

  it('never reads an array as an object, even one carrying the fields', () => {
    const fields = (value: Record<string, unknown>): unknown[] => Object.assign([], value);
    expect(normalizeSettings(fields({ theme: 'dark' }))).toEqual(DEFAULT_SETTINGS);
    const read = normalizeSettings({
      badge: fields({ position: 'bottom-left' }),
      shortcut: fields({ key: 'KeyK', alt: true, shift: false, ctrl: false, meta: false }),
      ratingSources: [fields({ id: 'tmdb', enabled: true })],
      sites: fields({ netflix: false }),
    });
    expect(read.badge).toEqual(DEFAULT_SETTINGS.badge);
    expect(read.shortcut).toEqual(DEFAULT_SETTINGS.shortcut);
    expect(read.ratingSources).toEqual(DEFAULT_SETTINGS.ratingSources);
    expect(read.sites).toEqual({});
  });

  it('reads only the first 64 site switches', () => {
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`site-${i}`, false]));
    expect(Object.keys(normalizeSettings({ sites: many }).sites)).toHaveLength(64);
  });
});
