/**
 * Fuzz: the generic page-text readers every adapter shares (lib/core/clean-title.ts). Documented: "every function
 * caps its input first", "all functions are total (never throw)", a hostile 1 MB title "costs the same as a short
 * one", control characters become spaces, bidi controls and invisible joiners are dropped (ZWJ stays), entities are
 * decoded to plain text, never parsed as markup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capLength,
  cleanTitle,
  hasSeasonSuffix,
  MAX_TITLE_LENGTH,
  normalizePageText,
  parseEpisodeLine,
  parseRuntime,
  parseYear,
} from '../../lib/core/clean-title';
import { FUZZ_EXAMPLES, fuzzParams } from './cases';
import {
  BATCH_MS,
  BIDI_CHARS,
  CONTROL_CHARS,
  endsInHighSurrogate,
  hasLoneSurrogate,
  hostileText,
  INVISIBLE_CHARS,
  megabyteStrings,
  Stopwatch,
  titleWithJunk,
} from './arbitraries';

const SHAPES = ['Fallout - Season 1', 'The Boys: Staffel 2', 'Dune (4K UHD)', 'Season 1, Ep. 4 The Ghouls', '1 h 43 min', '2010'];

/** What normalizePageText promises about any output. */
function expectCleanText(out: string, max: number): void {
  expect(typeof out).toBe('string');
  expect(out.length).toBeLessThanOrEqual(max);
  expect(out).not.toMatch(CONTROL_CHARS);
  expect(out).not.toMatch(BIDI_CHARS);
  expect(out).not.toMatch(INVISIBLE_CHARS);
  expect(out).toBe(out.trim());
  expect(out).not.toMatch(/\s\s/);
}

describe('fuzz: capLength', () => {
  it('returns a prefix of at most max units that never ends in half a surrogate pair it cut', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 0, max: 400 }), (s, max) => {
        const out = capLength(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(s.startsWith(out)).toBe(true);
        if (s.length <= max) expect(out).toBe(s);
        else {
          expect(out.length).toBeGreaterThanOrEqual(max - 1);
          // Never half of a pair it cut (a lone surrogate the page sent is the page's), so well-formed stays so.
          const next = s.charCodeAt(out.length);
          expect(endsInHighSurrogate(out) && next >= 0xdc00 && next <= 0xdfff).toBe(false);
          if (!hasLoneSurrogate(s)) expect(hasLoneSurrogate(out)).toBe(false);
        }
      }),
      fuzzParams('cleanTitle.capLength'),
    );
  });
});

describe('fuzz: normalizePageText', () => {
  it('caps, drops controls, bidi and invisible characters, collapses spaces', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 400 }), (raw, max) => {
        expectCleanText(normalizePageText(raw, max), max);
        expectCleanText(normalizePageText(raw), MAX_TITLE_LENGTH);
      }),
      fuzzParams('cleanTitle.normalizePageText'),
    );
  });
});

describe('fuzz: cleanTitle and hasSeasonSuffix', () => {
  it('are total, capped at MAX_TITLE_LENGTH, clean, and fast', () => {
    const watch = new Stopwatch();
    fc.assert(
      fc.property(titleWithJunk(SHAPES), (raw) => {
        const [title, season] = watch.time(() => [cleanTitle(raw), hasSeasonSuffix(raw)] as const);
        expectCleanText(title, MAX_TITLE_LENGTH);
        // Capping and cleaning never cut a pair: a well-formed title stays well-formed.
        if (!hasLoneSurrogate(raw)) expect(hasLoneSurrogate(title)).toBe(false);
        expect(typeof season).toBe('boolean');
      }),
      fuzzParams('cleanTitle.cleanTitle'),
    );
    expect(watch.total).toBeLessThan(BATCH_MS);
  });
});

describe('fuzz: parseEpisodeLine, parseYear, parseRuntime', () => {
  it('return null/undefined or a plausible number, never throw', () => {
    const watch = new Stopwatch();
    fc.assert(
      fc.property(titleWithJunk(SHAPES), (text) => {
        const [episode, year, runtime] = watch.time(() => [parseEpisodeLine(text), parseYear(text), parseRuntime(text)] as const);
        if (episode !== null) {
          expect(Number.isInteger(episode.episode) && episode.episode >= 0 && episode.episode <= 9999).toBe(true);
          if (episode.season !== undefined) expect(Number.isInteger(episode.season) && episode.season >= 0 && episode.season <= 999).toBe(true);
        }
        if (year !== undefined) expect(Number.isInteger(year) && year >= 1880 && year <= 2100).toBe(true);
        if (runtime !== undefined) expect(Number.isInteger(runtime) && runtime >= 1 && runtime <= 1000).toBe(true);
      }),
      fuzzParams('cleanTitle.parsers'),
    );
    expect(watch.total).toBeLessThan(BATCH_MS);
  });
});

describe('fuzz: page text readers on 1 MB strings', () => {
  const examples = megabyteStrings();
  it('has the declared number of dedicated examples', () => {
    expect(examples.length * 6).toBe(FUZZ_EXAMPLES.cleanTitle);
  });

  it.each(examples)('%s: capped and as fast as a short title', (_name, huge) => {
    const started = performance.now();
    const capped = capLength(huge);
    const text = normalizePageText(huge);
    const title = cleanTitle(huge);
    parseEpisodeLine(huge);
    parseYear(huge);
    parseRuntime(huge);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(capped.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(endsInHighSurrogate(capped)).toBe(false);
    expectCleanText(text, MAX_TITLE_LENGTH);
    expectCleanText(title, MAX_TITLE_LENGTH);
  });
});

describe('found by this fuzz suite (pinned, whatever the seed)', () => {
  it('drops U+061C ARABIC LETTER MARK with the other bidi controls', () => {
    expect(normalizePageText('\u061cThe Matrix\u061c')).toBe('The Matrix');
    expect(cleanTitle('\u061cFallout - Season 1')).toBe('Fallout');
  });

  it('reads only years 1880-2100, as documented, and looks past an earlier one', () => {
    expect(parseYear('1879')).toBeUndefined();
    expect(parseYear('1800')).toBeUndefined();
    expect(parseYear('1880')).toBe(1880);
    expect(parseYear('Fallout - Season 1 1879 2010')).toBe(2010);
  });
});
