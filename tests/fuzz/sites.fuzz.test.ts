/**
 * Fuzz: URL detection (lib/sites/index.ts siteForUrl, every adapter's isTitlePage) and every adapter's detect() on
 * its own fixture pages with hostile strings written into the page: text nodes, attributes (alt, aria-label,
 * content, href, data-*), JSON-LD blocks and the page-world attribute. Documented (lib/sites/types.ts): detect
 * "never throws", the title is cleaned and the raw title "length-capped"; page strings are read as text, so a
 * `<script>` in a title comes back as text (or is cleaned away), never as an element.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH } from '../../lib/core/clean-title';
import { siteForUrl, sites } from '../../lib/sites/index';
import { PAGE_DATA_ATTRIBUTE } from '../../lib/sites/page-data';
import type { DetectedTitle, SiteAdapter } from '../../lib/sites/types';
import { parse, siteFixtures, type Fixture } from '../helpers/site-fixtures';
import { parseShadow } from '../helpers/shadow-dom';
import { FUZZ_EXAMPLES, fuzzParams } from './cases';
import { BATCH_MS, hostileString, hostileText, megabyteStrings, Stopwatch } from './arbitraries';

// ---------------------------------------------------------------------------------------------------------------
// Fixture documents.

const parseFixture = parseShadow;

/** Every element of the document and of its open shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

/** One place a page string sits: its text as the fixture has it, and how to overwrite it (always as text). */
interface Point {
  original: string;
  set(value: string): void;
}

/** Attributes that carry page strings rather than structure (class, id, type… stay, so selectors still match). */
const STRUCTURAL = new Set(['class', 'id', 'style', 'type', 'rel', 'role', 'hidden', 'name', 'property', 'lang', 'shadowrootmode', 'slot', 'tabindex']);

/** The string leaves of a JSON value, each writable; `write` re-serialises the whole value after each change. */
function jsonPoints(raw: string, write: (json: string) => void): Point[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  const points: Point[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const rec = node as Record<string, unknown>;
    for (const key of Object.keys(rec)) {
      const value = rec[key];
      if (typeof value === 'string') {
        points.push({
          original: value,
          set: (v) => {
            rec[key] = v;
            write(JSON.stringify(data));
          },
        });
      } else visit(value);
    }
  };
  visit(data);
  return points;
}

function injectionPoints(doc: Document): Point[] {
  const points: Point[] = [];
  for (const el of [doc.documentElement, ...deepElements(doc)]) {
    const tag = el.tagName;
    if (tag === 'SCRIPT') {
      if (el.getAttribute('type') === 'application/ld+json') points.push(...jsonPoints(el.textContent ?? '', (json) => (el.textContent = json)));
      continue;
    }
    if (tag === 'STYLE' || tag === 'TEMPLATE') continue;
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== 3 || !(node.textContent ?? '').trim()) continue;
      const text = node as Text;
      points.push({ original: text.data, set: (v) => (text.data = v) });
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name;
      if (STRUCTURAL.has(name)) continue;
      if (name === PAGE_DATA_ATTRIBUTE) points.push(...jsonPoints(attr.value, (json) => el.setAttribute(name, json)));
      else points.push({ original: attr.value, set: (v) => el.setAttribute(name, v) });
    }
  }
  return points;
}

// ---------------------------------------------------------------------------------------------------------------
// What detect may return.

function expectDetection(d: DetectedTitle | null): void {
  if (d === null) return;
  expect(['player', 'detail']).toContain(d.page);
  expect(['movie', 'episode', 'series']).toContain(d.kind);
  expect(typeof d.title).toBe('string');
  expect(typeof d.rawTitle).toBe('string');
  expect(d.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  expect(d.rawTitle.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  for (const s of [d.serviceId, d.episodeLine]) {
    if (s === undefined) continue;
    expect(typeof s).toBe('string');
    expect(s.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  }
  if (d.year !== undefined) expect(Number.isInteger(d.year) && d.year >= 1870 && d.year <= 2100).toBe(true);
  if (d.runtime !== undefined) expect(Number.isInteger(d.runtime) && d.runtime >= 1 && d.runtime <= 1000).toBe(true);
}

/** Runs every reader of the adapter on the page; detect twice (no hidden state) and the DOM untouched. */
function readPage(adapter: SiteAdapter, doc: Document, url: URL, watch: Stopwatch): DetectedTitle | null {
  const before = deepElements(doc).length;
  const detected = watch.time(() => adapter.detect(doc, url));
  expectDetection(detected);
  expect(adapter.detect(doc, url)).toEqual(detected);
  if (detected) adapter.badgeMount(doc, detected);
  adapter.video(doc);
  adapter.creditsRolling(doc);
  adapter.watchCreditsControl?.(doc);
  // Nothing a reader did turned page text into elements.
  expect(deepElements(doc).length).toBe(before);
  return detected;
}

const cases = sites.flatMap((adapter) => siteFixtures(adapter.id).fixtures.map((fixture) => ({ adapter, fixture })));

describe('fuzz: detect() on fixture pages with hostile strings written into them', () => {
  it('never throws, caps every string, creates no element, and stays fast', () => {
    const injection = fc.record({
      at: fc.constantFrom(...cases),
      hostile: hostileText,
      before: hostileString,
      after: hostileString,
      // replace: the hostile string instead of the page's; wrap: around it; inside: in place of the title in it.
      mode: fc.constantFrom('replace', 'wrap', 'inside'),
      targeted: fc.boolean(),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    });
    const watch = new Stopwatch();
    let elementsFromMarkup = 0;
    // Each fixture is parsed once (happy-dom parses a page in ~10 ms) and written to and restored by each run, as a
    // live page rewrites its own DOM.
    const pages = new Map<Fixture, { doc: Document; points: Point[] }>();
    const page = (fixture: Fixture): { doc: Document; points: Point[] } => {
      let found = pages.get(fixture);
      if (!found) {
        const doc = parseFixture(fixture.html);
        pages.set(fixture, (found = { doc, points: injectionPoints(doc) }));
      }
      return found;
    };
    fc.assert(
      fc.property(injection, ({ at, hostile, before, after, mode, targeted, picks }) => {
        const { adapter, fixture } = at;
        const { doc, points } = page(fixture);
        const title = fixture.expected?.rawTitle;
        const chosen = new Set(
          targeted && title ? points.filter((p) => p.original.includes(title)) : picks.map((i) => points[i % points.length]),
        );
        const elements = deepElements(doc).length;
        try {
          for (const point of chosen) {
            if (!point) continue;
            const value =
              mode === 'replace'
                ? hostile
                : mode === 'wrap' || !title
                  ? `${before}${point.original}${after}`
                  : point.original.replace(title, `${before}${title}${after}`);
            point.set(value);
          }
          // Written as text, so the markup in it made no element.
          elementsFromMarkup += deepElements(doc).length - elements;
          readPage(adapter, doc, new URL(fixture.url), watch);
        } finally {
          for (const point of chosen) point?.set(point.original);
        }
      }),
      fuzzParams('sites.detect'),
    );
    // The restored pages still read as their fixtures say.
    for (const [fixture, { doc }] of pages) {
      const adapter = sites.find((a) => a.id === cases.find((c) => c.fixture === fixture)?.adapter.id);
      expect(adapter?.detect(doc, new URL(fixture.url))).toEqual(fixture.expected);
    }
    expect(elementsFromMarkup).toBe(0);
    expect(watch.total).toBeLessThan(BATCH_MS);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// URLs.

/** Hosts each adapter's match patterns cover ("*.netflix.com" → netflix.com, www.netflix.com, a.b.netflix.com). */
function hostsOf(adapter: SiteAdapter): string[] {
  return adapter.matches.flatMap((pattern) => {
    const host = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
    if (!host.startsWith('*.')) return [host];
    const domain = host.slice(2);
    return [domain, `www.${domain}`, `a.b.${domain}`, `WWW.${domain.toUpperCase()}`];
  });
}

const fixturePaths = cases.map(({ fixture }) => new URL(fixture.url)).map((u) => ({ path: u.pathname, search: u.search }));

function expectUrlReaders(url: URL, watch: Stopwatch): SiteAdapter | undefined {
  const site = watch.time(() => siteForUrl(url));
  if (site !== undefined) expect(sites).toContain(site);
  for (const adapter of sites) expect(typeof watch.time(() => adapter.isTitlePage(url))).toBe('boolean');
  return site;
}

describe('fuzz: URL detection', () => {
  it('siteForUrl and isTitlePage are total on arbitrary web URLs', () => {
    const watch = new Stopwatch();
    const emptyDoc = parse('<!DOCTYPE html><html><head></head><body></body></html>');
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true, size: 'medium' }), (href) => {
        const url = new URL(href);
        const site = expectUrlReaders(url, watch);
        if (site) expect(site.detect(emptyDoc, url)).toBeNull();
      }),
      fuzzParams('sites.webUrl'),
    );
    expect(watch.total).toBeLessThan(BATCH_MS);
  });

  it('hostile paths and queries on the real hosts: the host alone picks the adapter', () => {
    const hosts = sites.flatMap((adapter) => hostsOf(adapter).map((host) => ({ adapter, host })));
    const lookalikes = ['netflix.com.evil.example', 'evilnetflix.com', 'hulu.com.', 'primevideo.co', 'amazon.com.evil.example', 'xn--nflx-0qa.com'];
    const pathArb = fc.oneof(
      hostileText,
      fc.tuple(fc.constantFrom(...fixturePaths), hostileString).map(([p, h]) => `${p.path}${h}`),
      fc.tuple(fc.constantFrom(...fixturePaths), hostileString).map(([p, h]) => p.path.replace(/[^/]+$/, h)),
      fc.array(fc.oneof(hostileString, fc.constantFrom('detail', 'watch', 'title', 'video', 'movies', 'gp', '..', '.', '')), { maxLength: 12 }).map((s) => `/${s.join('/')}`),
    );
    const urlArb = fc.record({
      at: fc.constantFrom(...hosts),
      lookalike: fc.option(fc.constantFrom(...lookalikes), { freq: 8 }),
      scheme: fc.constantFrom('https:', 'http:'),
      path: pathArb,
      search: fc.oneof(hostileText, fc.constantFrom(...fixturePaths).map((p) => p.search)),
      hash: hostileString,
    });
    const watch = new Stopwatch();
    fc.assert(
      fc.property(urlArb, ({ at, lookalike, scheme, path, search, hash }) => {
        const url = new URL(`${scheme}//${lookalike ?? at.host}/`);
        url.pathname = path;
        url.search = search;
        url.hash = hash;
        const site = expectUrlReaders(url, watch);
        if (lookalike === null) expect(site?.id).toBe(at.adapter.id);
        else expect(site).toBeUndefined();
      }),
      fuzzParams('sites.hostilePaths'),
    );
    expect(watch.total).toBeLessThan(BATCH_MS);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 1 MB strings.

describe('fuzz: 1 MB strings in pages and URLs', () => {
  const examples = megabyteStrings();
  /** Each adapter's first fixture that detects a title. */
  const titled = sites.map((adapter) => ({ adapter, fixture: siteFixtures(adapter.id).fixtures.find((f) => f.expected) as Fixture }));

  it('has the declared number of dedicated examples', () => {
    expect(examples.length * (titled.length + 1)).toBe(FUZZ_EXAMPLES.sites);
  });

  it.each(examples)('%s: written over the title strings of each adapter’s page: read as fast as a short one', (_name, huge) => {
    for (const { adapter, fixture } of titled) {
      const doc = parseFixture(fixture.html);
      const title = fixture.expected?.rawTitle ?? '';
      for (const point of injectionPoints(doc)) if (point.original.includes(title)) point.set(point.original.replace(title, huge));
      const watch = new Stopwatch();
      readPage(adapter, doc, new URL(fixture.url), watch);
      expect(watch.total).toBeLessThan(1_000);
    }
  });

  it.each(examples)('%s: as the path, query and fragment of a URL on a real host', (_name, huge) => {
    // The URL parser percent-encodes it (up to 9 MB): that, not our code, is the cost, so only our calls are timed.
    const url = new URL('https://www.netflix.com/watch/80000001');
    url.pathname = huge;
    url.search = huge;
    url.hash = huge;
    const watch = new Stopwatch();
    expect(expectUrlReaders(url, watch)?.id).toBe('netflix');
    expect(watch.total).toBeLessThan(3_000);
  });
});
