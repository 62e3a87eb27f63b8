/**
 * Fuzz: the page-world bridge (lib/sites/page-data.ts). Documented: "Any value → a valid PageData with only known,
 * well-typed, capped fields; null when nothing usable is left", and the attribute is "treated with exactly the same
 * distrust (sanitized, capped, validated) on both sides".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH } from '../../lib/core/clean-title';
import { PAGE_DATA_ATTRIBUTE, publishPageData, readPageData, sanitizePageData, type PageData } from '../../lib/sites/page-data';
import { FUZZ_EXAMPLES, fuzzParams } from './cases';
import { endsInHighSurrogate, hasLoneSurrogate, hostileText, megabyteStrings } from './arbitraries';

const KEYS = new Set(['title', 'subtitle', 'kind', 'year', 'serviceId', 'creditsStart', 'position', 'duration']);
/** readPageData ignores a longer attribute (MAX_ENCODED_LENGTH in page-data.ts). */
const MAX_ENCODED_LENGTH = 4096;

function expectPageData(data: PageData | null): void {
  if (data === null) return;
  expect(Object.keys(data).length).toBeGreaterThan(0);
  for (const [key, value] of Object.entries(data)) {
    expect(KEYS.has(key), key).toBe(true);
    expect(value).not.toBeUndefined();
  }
  for (const s of [data.title, data.subtitle, data.serviceId]) {
    if (s === undefined) continue;
    expect(typeof s).toBe('string');
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(s).not.toMatch(/^\s|\s\s/);
  }
  if (data.kind !== undefined) expect(['movie', 'episode']).toContain(data.kind);
  if (data.year !== undefined) expect(Number.isInteger(data.year) && data.year >= 1870 && data.year <= 2100).toBe(true);
  for (const n of [data.creditsStart, data.position, data.duration]) {
    if (n !== undefined) expect(typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 86_400).toBe(true);
  }
}

/**
 * `data` with its strings' trailing whitespace removed. Found by this suite, harmless: a string is collapsed and
 * trimmed, then capped, so a cap that falls right after a space leaves that space at the end; sanitizing again
 * (the reading side does) trims it.
 */
function trimEnds(data: PageData | null): PageData | null {
  if (data === null) return null;
  const out: PageData = { ...data };
  for (const key of ['title', 'subtitle', 'serviceId'] as const) {
    const s = out[key];
    if (s !== undefined) out[key] = s.trimEnd();
  }
  return out;
}

/** Anything a page script could hand over: structured values, JSON, and records of the known keys with odd values. */
const pageValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true }),
  fc.jsonValue(),
  fc.record(
    {
      title: fc.oneof(hostileText, fc.anything()),
      subtitle: fc.oneof(hostileText, fc.anything()),
      kind: fc.oneof(fc.constantFrom('movie', 'episode', 'series', 'MOVIE', ''), fc.anything()),
      year: fc.oneof(fc.integer({ min: 1800, max: 2200 }), fc.double(), fc.anything()),
      serviceId: fc.oneof(hostileText, fc.anything()),
      creditsStart: fc.oneof(fc.double(), fc.anything()),
      position: fc.oneof(fc.double({ min: -10, max: 100_000 }), fc.anything()),
      duration: fc.oneof(fc.double(), fc.anything()),
      __proto__: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzz: sanitizePageData', () => {
  it('turns any value into a valid, capped PageData or null, and publish → read gives it back', () => {
    const doc = document.implementation.createHTMLDocument('fuzz');
    fc.assert(
      fc.property(pageValue, (value) => {
        const clean = sanitizePageData(value);
        expectPageData(clean);
        // A title without lone surrogates is never cut into one by the cap.
        const title = (value as { title?: unknown } | null)?.title;
        if (clean?.title !== undefined && typeof title === 'string' && !hasLoneSurrogate(title)) {
          expect(endsInHighSurrogate(clean.title)).toBe(false);
        }
        // Sanitizing again changes nothing (but a trailing space where the cap fell, see trimEnds), and what one side
        // publishes the other side reads back (when it fits the attribute cap).
        expect(sanitizePageData(clean)).toEqual(trimEnds(clean));
        publishPageData(doc, value);
        const encoded = doc.documentElement.getAttribute(PAGE_DATA_ATTRIBUTE);
        expect(encoded === null).toBe(clean === null);
        const read = readPageData(doc);
        // (Through JSON: -0 comes back as 0.)
        if (encoded !== null && encoded.length <= MAX_ENCODED_LENGTH) expect(read).toEqual(trimEnds(JSON.parse(encoded) as PageData));
        else expect(read).toBeNull();
      }),
      fuzzParams('pageData.sanitize'),
    );
  });
});

describe('fuzz: readPageData', () => {
  it('reads null or a valid PageData from any attribute value', () => {
    const doc = document.implementation.createHTMLDocument('fuzz');
    const attribute = fc.oneof(
      hostileText,
      fc.json(),
      pageValue.map((v) => {
        try {
          return JSON.stringify(v) ?? 'undefined';
        } catch {
          return '{';
        }
      }),
      fc.tuple(hostileText, fc.nat(5000)).map(([s, pad]) => JSON.stringify({ title: s, subtitle: 'x'.repeat(pad) })),
    );
    fc.assert(
      fc.property(attribute, (raw) => {
        doc.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, raw);
        const data = readPageData(doc);
        expectPageData(data);
        if (raw.length > MAX_ENCODED_LENGTH) expect(data).toBeNull();
      }),
      fuzzParams('pageData.readAttribute'),
    );
  });
});

describe('fuzz: page data with 1 MB titles', () => {
  const examples = megabyteStrings();
  it('has the declared number of dedicated examples', () => {
    expect(examples.length * 2).toBe(FUZZ_EXAMPLES.pageData);
  });

  it.each(examples)('%s: capped on the way in, ignored as an attribute', (_name, huge) => {
    const started = performance.now();
    const clean = sanitizePageData({ title: huge, subtitle: huge, serviceId: huge, kind: 'movie' });
    expectPageData(clean);
    const doc = document.implementation.createHTMLDocument('fuzz');
    doc.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, JSON.stringify({ title: huge }));
    expect(readPageData(doc)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
