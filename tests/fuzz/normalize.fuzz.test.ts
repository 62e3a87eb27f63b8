/**
 * Fuzz: title normalisation (lib/core/match/normalize.ts) on hostile page strings. Documented intent checked here:
 * "pure and total: any string in, a string out, never a throw"; the output is "lower-case words separated by single
 * spaces" (so no control, bidi, zero-width or lone surrogate survives); the pure-ASCII fast path gives "the same as
 * the full chain"; and the *OfNormalized shortcuts the film index takes give the same words and keys as the full
 * functions.
 *
 * Not checked, because not intended (found by fuzzing, left as they are: titleKey must not change, "cc:" film ids are
 * hashes of it): normalizeTitle's output may exceed the 500-character input cap ("&" becomes " and ", NFKD expands
 * U+FDFA to 18 characters), so it is not idempotent on huge input. Every caller normalises a raw title exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasLeadingElision,
  matchKey,
  matchKeyOfWords,
  matchWords,
  matchWordsOfNormalized,
  normalizeTitle,
  titleKey,
  titleKeyOfNormalized,
} from '../../lib/core/match/normalize';
import { FUZZ_EXAMPLES, fuzzParams } from './cases';
import { BATCH_MS, hostilePiece, hostileText, megabyteStrings, Stopwatch } from './arbitraries';

/** normalizeTitle reads the first 500 characters (MAX_INPUT in normalize.ts). */
const MAX_INPUT = 500;
/**
 * The output is not capped, the input is: NFKD expands one character to at most 18 (U+FDFA), "&" becomes " and ".
 * So 18 × MAX_INPUT is the bound.
 */
const MAX_OUTPUT = 18 * MAX_INPUT;
const WORDS = /^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u;
const KEY = /^[\p{L}\p{N}]*$/u;

describe('fuzz: normalizeTitle', () => {
  it('is total and returns lower-case words separated by single spaces, bounded, quickly', () => {
    const watch = new Stopwatch();
    fc.assert(
      fc.property(hostileText, (input) => {
        const out = watch.time(() => normalizeTitle(input));
        expect(typeof out).toBe('string');
        expect(out).toMatch(WORDS);
        expect(out.length).toBeLessThanOrEqual(MAX_OUTPUT);
        expect(out).toBe(out.toLowerCase());
      }),
      fuzzParams('normalize.normalizeTitle'),
    );
    expect(watch.total).toBeLessThan(BATCH_MS);
  });

  it('takes the pure-ASCII fast path to the same result as the full chain', () => {
    // An ASCII title plus " \u0301" (a lone combining mark, its own token) forces the full chain and adds nothing.
    const asciiPiece = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('&', "'", '`', '038', '8211', '8217', '8230', ' 8217 ', 'The ', ' and ', 'Part II', '\t', '  '),
    );
    const ascii = fc.array(asciiPiece, { maxLength: 60 }).map((p) => p.join('').slice(0, MAX_INPUT - 2));
    fc.assert(
      fc.property(ascii, (input) => {
        expect(normalizeTitle(input)).toBe(normalizeTitle(`${input} \u0301`));
      }),
      fuzzParams('normalize.asciiFastPath'),
    );
  });
});

describe('fuzz: titleKey and matchKey', () => {
  it('are total, spaceless keys, and the index shortcuts agree with the full functions', () => {
    const input = fc.oneof(hostileText, fc.array(hostilePiece, { maxLength: 8 }).map((p) => `L'${p.join('')}`));
    const watch = new Stopwatch();
    fc.assert(
      fc.property(input, (title) => {
        const [tk, mk, words] = watch.time(() => [titleKey(title), matchKey(title), matchWords(title)] as const);
        expect(tk).toMatch(KEY);
        expect(mk).toMatch(KEY);
        for (const w of words) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
        const normalized = normalizeTitle(title);
        // Documented: the index normalises each title once and derives every key from that.
        expect(titleKeyOfNormalized(normalized)).toBe(tk);
        expect(matchKeyOfWords(words)).toBe(mk);
        if (!hasLeadingElision(title)) {
          expect(matchWordsOfNormalized(normalized)).toEqual(words);
          // A title with any word has a key ("And" keeps its "and"s rather than vanishing).
          expect(mk === '').toBe(normalized === '');
        }
      }),
      fuzzParams('normalize.keys'),
    );
    expect(watch.total).toBeLessThan(BATCH_MS);
  });
});

describe('fuzz: normalisation of 1 MB strings', () => {
  const examples = megabyteStrings();
  it('has the declared number of dedicated examples', () => {
    expect(examples.length * 3).toBe(FUZZ_EXAMPLES.normalize);
  });

  it.each(examples)('%s: capped, clean and fast', (_name, huge) => {
    const started = performance.now();
    const normalized = normalizeTitle(huge);
    const tk = titleKey(huge);
    const mk = matchKey(huge);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(normalized).toMatch(WORDS);
    expect(normalized.length).toBeLessThanOrEqual(MAX_OUTPUT);
    expect(tk).toMatch(KEY);
    expect(mk).toMatch(KEY);
  });
});
