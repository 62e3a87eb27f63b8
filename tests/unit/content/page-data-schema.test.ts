/**
 * Page data read by its schema (lib/sites/page-data.ts): each field is dropped on its own when wrong, the bounds
 * are the ones the hand-written checks had, and no value a page hands over makes sanitizing throw.
 */
import { describe, expect, it } from 'vitest';
import { sanitizePageData } from '../../../lib/sites/page-data';

describe('page data schema', () => {
  it('drops each wrong field on its own and keeps the rest', () => {
    expect(sanitizePageData({ title: 'Moana', year: '2016', kind: 'show', position: -1, duration: 6420 })).toEqual({ title: 'Moana', duration: 6420 });
  });

  it('keeps the bounds: years 1870–2100, whole; seconds 0–86,400, finite', () => {
    const year = (y: unknown): unknown => sanitizePageData({ title: 'x', year: y })?.year;
    expect([1870, 2100].map(year)).toEqual([1870, 2100]);
    expect([1869, 2101, 2000.5, Number.NaN].map(year)).toEqual([undefined, undefined, undefined, undefined]);
    const seconds = (s: unknown): unknown => sanitizePageData({ title: 'x', creditsStart: s })?.creditsStart;
    expect([0, 86_400, 12.5].map(seconds)).toEqual([0, 86_400, 12.5]);
    expect([-0.1, 86_400.1, Infinity, Number.NaN, '60'].map(seconds)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('treats a string of only whitespace as no string', () => {
    expect(sanitizePageData({ title: ' \n\t ', serviceId: '  ' })).toBeNull();
  });

  it('never reads an array as a record, even one carrying the fields', () => {
    expect(sanitizePageData(Object.assign([], { title: 'Moana' }))).toBeNull();
  });

  it('gives null, never throws, for a hostile page object in a field', () => {
    // A page-world reader passes page values through; a revoked Proxy throws on any inspection.
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => sanitizePageData({ title: proxy, kind: 'movie' })).not.toThrow();
    expect(sanitizePageData({ title: proxy, kind: 'movie' })).toBeNull();
  });
});
