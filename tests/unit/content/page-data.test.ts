/**
 * The page-world bridge: what a page script publishes is sanitized on both sides, malformed or hostile values are
 * dropped, and an unchanged reading does not touch the DOM.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_DATA_ATTRIBUTE, pathOf, publishPageData, readPageData, runPageWorld, sanitizePageData } from '../../../lib/sites/page-data';

afterEach(() => {
  document.documentElement.removeAttribute(PAGE_DATA_ATTRIBUTE);
  vi.useRealTimers();
});

describe('sanitizePageData', () => {
  it('keeps known, well-typed fields and drops the rest', () => {
    expect(
      sanitizePageData({ title: '  Encanto ', subtitle: '', kind: 'movie', year: 2021, position: 10.5, duration: 6120, extra: 'x', creditsStart: -1 }),
    ).toEqual({ title: 'Encanto', kind: 'movie', year: 2021, position: 10.5, duration: 6120 });
  });

  it('rejects wrong types, impossible numbers and non-objects', () => {
    expect(sanitizePageData({ title: 42, kind: 'show', year: 20210, position: Number.NaN, duration: Infinity, serviceId: {} })).toBeNull();
    for (const junk of [null, undefined, 'title', 7, [{ title: 'x' }]]) expect(sanitizePageData(junk)).toBeNull();
  });

  it('caps a 1 MB title and collapses whitespace', () => {
    const out = sanitizePageData({ title: `A${'\n b'.repeat(500_000)}` });
    expect(out?.title?.length).toBeLessThanOrEqual(300);
    expect(out?.title).toMatch(/^A b b/);
  });
});

describe('publish and read', () => {
  it('round-trips through the attribute on <html>', () => {
    publishPageData(document, { title: 'Moana', kind: 'movie', position: 1, duration: 6420 });
    expect(readPageData(document)).toEqual({ title: 'Moana', kind: 'movie', position: 1, duration: 6420 });
    publishPageData(document, null);
    expect(document.documentElement.hasAttribute(PAGE_DATA_ATTRIBUTE)).toBe(false);
  });

  it('reads nothing from a malformed, oversized or hostile attribute', () => {
    for (const raw of ['{', 'null', '"x"', `{"title":"${'x'.repeat(5000)}"}`, '{"title":"<img src=x onerror=alert(1)>","kind":"x"}']) {
      document.documentElement.setAttribute(PAGE_DATA_ATTRIBUTE, raw);
      const read = readPageData(document);
      // Markup survives only as text, never as a kind or anything else.
      if (read) expect(read).toEqual({ title: '<img src=x onerror=alert(1)>' });
    }
  });

  it('does not rewrite an unchanged value (no observer wake-up)', () => {
    publishPageData(document, { title: 'Moana' });
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((records) => seen.push(...records));
    observer.observe(document.documentElement, { attributes: true });
    publishPageData(document, { title: 'Moana' });
    observer.disconnect();
    expect(seen.concat(observer.takeRecords())).toHaveLength(0);
  });
});

describe('runPageWorld', () => {
  it('reads now and on every tick, and survives a throwing reader', () => {
    vi.useFakeTimers();
    let n = 0;
    const stop = runPageWorld(() => {
      n++;
      if (n === 2) throw new Error('renamed property');
      return { title: `Title ${n}` };
    });
    expect(readPageData(document)).toEqual({ title: 'Title 1' });
    vi.advanceTimersByTime(1000);
    expect(readPageData(document)).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(readPageData(document)).toEqual({ title: 'Title 3' });
    stop();
    vi.advanceTimersByTime(5000);
    expect(n).toBe(3);
  });
});

describe('pathOf', () => {
  it('walks objects and stops at the first missing or throwing step', () => {
    const hostile = Object.defineProperty({}, 'boom', {
      get() {
        throw new Error('getter');
      },
    });
    expect(pathOf({ a: { b: { c: 1 } } }, 'a', 'b', 'c')).toBe(1);
    expect(pathOf({ a: null }, 'a', 'b')).toBeUndefined();
    expect(pathOf(hostile, 'boom', 'x')).toBeUndefined();
    expect(pathOf('text', 'length')).toBeUndefined();
  });
});
