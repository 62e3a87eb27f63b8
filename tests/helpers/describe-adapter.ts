/**
 * The checks every site adapter gets, written once: its fixtures say what they are built from and stay small, each
 * detects exactly its expected JSON on a URL the adapter's match patterns cover, every selector is exercised by a
 * fixture, and no method throws on a DOM that throws. Each tests/sites/<site>.test.ts calls this and adds what is
 * particular to its service.
 */
import { describe, expect, it } from 'vitest';
import { siteForUrl } from '../../lib/sites/index';
import type { DetectedTitle, SiteAdapter } from '../../lib/sites/types';
import { parse, siteFixtures } from './site-fixtures';

export interface AdapterCheckOptions {
  /** The adapter's selectors object (each list of alternatives must match in at least one fixture). */
  selectors: Readonly<Record<string, readonly string[]>>;
  /** URLs for the hostile-DOM checks; default: every fixture's URL (each page kind the adapter reads). */
  urls?: readonly string[];
  /** Parses a fixture (a site whose fixtures use declarative shadow DOM attaches the roots here). */
  parseFixture?: (html: string) => Document;
  /** Whether a selector matches in a parsed fixture (a site reading through shadow roots searches them too). */
  matches?: (doc: Document, selector: string) => boolean;
}

/** A document whose every query throws: a malformed or hostile page at its worst. */
function throwingDocument(): Document {
  const boom = (): never => {
    throw new Error('boom');
  };
  // The page-world attribute on <html> is read too: its getter throws as well.
  return { title: 'x', querySelector: boom, querySelectorAll: boom, getElementById: boom, documentElement: { getAttribute: boom } } as unknown as Document;
}

export function describeAdapter(adapter: SiteAdapter, options: AdapterCheckOptions): void {
  const { fixtures } = siteFixtures(adapter.id);
  const parseFixture = options.parseFixture ?? parse;
  const matches = options.matches ?? ((doc, selector) => doc.querySelector(selector) !== null);
  const cases = fixtures.map((f) => [f.name, f] as const);

  describe(`${adapter.name}: checks every adapter passes`, () => {
    it.each(cases)('%s says what it is built from and stays small', (_name, f) => {
      expect(f.html.startsWith('<!DOCTYPE html>\n<!--')).toBe(true);
      const header = f.html.slice(0, f.html.indexOf('-->'));
      if (/REAL PAGE/.test(header)) {
        // A page saved from the live site: where it is kept (repository, path, commit) and when it was saved.
        expect(header).toMatch(/repository \S+\/\S+/);
        expect(header).toMatch(/path \S+/);
        expect(header).toMatch(/commit [0-9a-f]{7,40}/);
        expect(header).toMatch(/saved\b[^\n]*\d{4}-\d{2}-\d{2}/);
        expect(f.html.length).toBeLessThan(400_000);
        expect(f.notes).toMatch(/real ids?\b/i);
      } else {
        expect(header).toMatch(/RECONSTRUCTION/);
        expect(f.html.length).toBeLessThan(10_000);
        expect(f.notes).toMatch(/fixture (?:episode )?ids?\b/i);
      }
    });

    it.each(cases)('%s: the signal that named its title is one this page has', (_name, f) => {
      const doc = parseFixture(f.html);
      const reports = adapter.signals(doc, new URL(f.url));
      if (f.expected?.signal) expect(reports).toContainEqual({ signal: f.expected.signal, found: true });
      else expect(f.expected).toBeNull();
    });

    it.each(cases)('%s: detect() equals the expected JSON', (_name, f) => {
      expect(adapter.detect(parseFixture(f.html), new URL(f.url))).toEqual(f.expected);
    });

    it.each(cases)('%s: this adapter’s content script runs on its URL, a title page wherever it detects one', (_name, f) => {
      const url = new URL(f.url);
      expect(siteForUrl(url)?.id).toBe(adapter.id);
      // A page that detects something must be a title page, or the runtime would never ask (shopping pages and
      // live channels are fixtures too, and may be neither).
      if (f.expected) expect(adapter.isTitlePage(url)).toBe(true);
    });

    const docs = fixtures.map((f) => parseFixture(f.html));
    const entries = Object.entries(options.selectors).flatMap(([key, list]) => list.map((selector) => [key, selector] as const));
    it.each(entries)('selector %s: %s matches in at least one fixture', (_key, selector) => {
      expect(docs.some((doc) => matches(doc, selector))).toBe(true);
    });

    it('returns null (or false) from every method when the DOM throws', () => {
      const hostile = throwingDocument();
      const detected: DetectedTitle = { page: 'player', kind: 'movie', title: 'X', rawTitle: 'X' };
      for (const href of options.urls ?? fixtures.map((f) => f.url)) expect(adapter.detect(hostile, new URL(href))).toBeNull();
      expect(adapter.badgeMount(hostile, detected)).toBeNull();
      expect(adapter.badgeMount(hostile, { ...detected, page: 'detail' })).toBeNull();
      expect(adapter.video(hostile)).toBeNull();
      expect(adapter.player(hostile)).toBeNull();
      for (const href of options.urls ?? fixtures.map((f) => f.url)) {
        // The URL's id is read from the URL alone; every signal of the page is missing.
        expect(adapter.signals(hostile, new URL(href)).filter((r) => r.signal !== 'url-id').every((r) => !r.found)).toBe(true);
      }
      expect(adapter.creditsRolling(hostile)).toBe(false);
      expect(adapter.watchCreditsControl?.(hostile) ?? null).toBeNull();
    });
  });
}

/** One page of a site's signal table: what its tab title and body hold, and what must be read from it. */
export interface SignalCase {
  name: string;
  url: string;
  /** The tab title. */
  tab?: string;
  /** Attributes on <html> (the page-world bridge). */
  htmlAttributes?: string;
  body: string;
  /** What detect() must give (a field set to undefined must be absent), or null. */
  expected: Partial<DetectedTitle> | null;
  /** Whether the URL carries an id (default: yes). */
  urlId?: boolean;
}

/**
 * Issue #13: each signal of a site alone, and in disagreement, as a table: detect() gives the expected reading, and
 * the signal that named it is one the page report lists as found.
 */
export function describeSignals(adapter: SiteAdapter, cases: readonly SignalCase[], parseFixture: (html: string) => Document = parse): void {
  describe(`${adapter.name}: signals, alone and in disagreement`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const doc = parseFixture(`<html${c.htmlAttributes ?? ''}><head><title>${c.tab ?? ''}</title></head><body>${c.body}</body></html>`);
      const url = new URL(c.url);
      const detected = adapter.detect(doc, url);
      if (c.expected === null) {
        expect(detected).toBeNull();
      } else {
        expect(detected).toMatchObject(Object.fromEntries(Object.entries(c.expected).filter(([, v]) => v !== undefined)));
        for (const [key, value] of Object.entries(c.expected)) if (value === undefined) expect(detected).not.toHaveProperty(key);
      }
      const found = adapter.signals(doc, url).filter((r) => r.found).map((r) => r.signal);
      expect(found.includes('url-id')).toBe(c.urlId ?? true);
      if (detected?.signal) expect(found).toContain(detected.signal);
    });
  });
}
