/**
 * Fuzz: matching a page title (lib/core/film-index.ts + lib/core/match/match.ts) and the popup search
 * (lib/core/search/search-index.ts) over a small synthetic film list, with hostile query titles, years, runtimes, kinds
 * and limits. Documented: page values are untrusted ("a year or runtime that cannot be real is treated as
 * absent, never as an error"), an episode never matches a film, `others` are other films "without `best`", at most
 * five; search "never throws, whatever the input", hits come best first. Each call is timed; the bound is on the
 * batch, generous for a loaded 2-core machine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFilmIndex, type FilmIndex } from '../../lib/core/film-index';
import type { Film } from '../../lib/core/schema';
import { cleanMatchTitle as cleanQueryTitle, titlesOf } from '../../lib/core/match/candidates';
import { matchFilm, rankCandidates, type MatchQuery, type MatchResult } from '../../lib/core/match/match';
import { normalizeTitle } from '../../lib/core/match/normalize';
import { buildSearchIndex, MAX_LIMIT, type SearchIndex } from '../../lib/core/search/search-index';
import { fakeDataset, fakeFilm } from '../helpers/dataset';
import { FUZZ_EXAMPLES, fuzzParams } from './cases';
import { BATCH_MS, hostileText, megabyteStrings, Stopwatch, titleWithJunk } from './arbitraries';

/** The synthetic films, plus a few with the title shapes the matcher reads (subtitles, articles, numerals, akas). */
function syntheticFilms(): Film[] {
  const films = fakeDataset(300).films;
  const shaped: Array<Partial<Film>> = [
    { title: 'The Test Film: Part II', alt: ['Film de Test II'], runtime: 101 },
    { title: 'Test Film - The Movie', originalTitle: 'Der Testfilm', runtime: 88 },
    { title: 'Testfilm, The', year: 2001, runtime: 95 },
    { title: "L'Avventura Test", runtime: 143 },
    { title: 'Test Series', kind: 'series' },
    { title: 'Test Film 7', kind: 'episode' },
    { title: 'Test Film 7 (2019)', year: 2019, runtime: 120 },
    { title: 'Test Film 7 (4K UHD)', year: 2007 },
  ];
  shaped.forEach((overrides, i) => films.push({ ...fakeFilm(1000 + i), ...overrides }));
  return films;
}

const films = syntheticFilms();
const TITLES = films.slice(0, 20).map((f) => f.title).concat(films.slice(300).map((f) => f.title));

const query: fc.Arbitrary<MatchQuery> = fc.record(
  {
    title: titleWithJunk(TITLES),
    // Untrusted page values: out of range, fractional, NaN, infinite.
    year: fc.oneof(fc.integer({ min: 1850, max: 2250 }), fc.constantFrom(2000, 2001, 2007, 2019), fc.double()),
    runtime: fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.constantFrom(88, 95, 101, 120, 143), fc.double()),
    kind: fc.constantFrom('movie', 'episode', 'series'),
  },
  { requiredKeys: ['title'] },
);

function expectMatchResult(index: FilmIndex, q: MatchQuery, result: MatchResult): void {
  expect(Object.keys(result).sort()).toEqual(['best', 'others']);
  if (result.best !== null) {
    expect(index.get(result.best.film.id)).toBe(result.best.film);
    expect(['high', 'medium', 'low']).toContain(result.best.confidence);
  }
  expect(Array.isArray(result.others)).toBe(true);
  expect(result.others.length).toBeLessThanOrEqual(5);
  const ids = result.others.map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
  if (result.best) expect(ids).not.toContain(result.best.film.id);
  for (const o of result.others) {
    const film = index.get(o.id);
    expect(film).toBeDefined();
    expect(o.title).toBe(film?.title);
  }
  if (q.kind === 'episode') expect(result).toEqual({ best: null, others: [] });
}

describe('fuzz: matchFilm and the film index', () => {
  const index = buildFilmIndex(films);

  it('never throws, returns the documented shape, and 2,000 queries take a few seconds at most', () => {
    const watch = new Stopwatch();
    fc.assert(
      fc.property(query, (q) => {
        const result = watch.time(() => matchFilm(index, q));
        expectMatchResult(index, q, result);
        // The index's other readers, with the same hostile strings.
        for (const hit of index.find(q.title, q.year)) expect(['high', 'medium', 'low']).toContain(hit.confidence);
        for (const c of index.candidates(q.title, q.year)) expect([0, 1, 2, 3]).toContain(c.tier);
      }),
      fuzzParams('match.matchFilm'),
    );
    expect(watch.calls).toBeGreaterThanOrEqual(fuzzParams('match.matchFilm').numRuns);
    expect(watch.total).toBeLessThan(BATCH_MS);
  });

  it('builds an index over films with hostile titles, and each film is a candidate for its own title', () => {
    const hostileFilm = fc.record(
      {
        title: hostileText,
        originalTitle: hostileText,
        alt: fc.array(hostileText, { maxLength: 3 }),
        year: fc.integer({ min: 1870, max: 2100 }),
        runtime: fc.integer({ min: 1, max: 400 }),
        kind: fc.constantFrom('movie', 'series', 'short', 'tv-movie', 'video', 'other'),
      },
      { requiredKeys: ['title', 'kind'] },
    );
    fc.assert(
      fc.property(fc.array(hostileFilm, { minLength: 1, maxLength: 12 }), query, (extra, q) => {
        const all = [...films.slice(0, 50), ...extra.map((e, i) => ({ ...fakeFilm(5000 + i), ...e }) as Film)];
        const hostileIndex = buildFilmIndex(all);
        const search = buildSearchIndex(all);
        expectMatchResult(hostileIndex, q, matchFilm(hostileIndex, q));
        search.search(q.title);
        for (const film of all.slice(50)) {
          // Page titles are capped at 300 characters, so only a title that fits can be looked up by itself.
          if (film.title.length > 300) continue;
          // A title that keeps a word once cleaned is found by itself: both sides go through the same steps.
          if (!normalizeTitle(cleanQueryTitle(film.title).title)) continue;
          const { inWindow } = rankCandidates(hostileIndex, { title: film.title });
          expect(inWindow.map((c) => c.film.id)).toContain(film.id);
        }
      }),
      fuzzParams('match.hostileIndex'),
    );
  });
});

/** What clampLimit makes of a requested limit. */
function expectedLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 20;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

function expectHits(search: SearchIndex, q: string, limit: number | undefined): void {
  const hits = limit === undefined ? search.search(q) : search.search(q, limit);
  expect(Array.isArray(hits)).toBe(true);
  expect(hits.length).toBeLessThanOrEqual(expectedLimit(limit));
  const ids = hits.map((h) => h.id);
  expect(new Set(ids).size).toBe(ids.length);
  let last = Infinity;
  for (const hit of hits) {
    const film = films.find((f) => f.id === hit.id);
    expect(film).toBeDefined();
    if (film) expect(titlesOf(film)).toContain(hit.matched);
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.score).toBeLessThanOrEqual(1);
    expect(hit.score).toBeLessThanOrEqual(last);
    last = hit.score;
  }
}

describe('fuzz: popup search', () => {
  const search = buildSearchIndex(films);

  it('never throws, returns at most `limit` distinct hits best first, quickly', () => {
    const limit = fc.option(fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double()), { nil: undefined });
    const watch = new Stopwatch();
    fc.assert(
      fc.property(titleWithJunk(TITLES), limit, (q, l) => {
        watch.time(() => expectHits(search, q, l));
      }),
      fuzzParams('search.search'),
    );
    expect(watch.total).toBeLessThan(BATCH_MS);
  });
});

describe('fuzz: matching and search with 1 MB titles', () => {
  const examples = megabyteStrings();
  const index = buildFilmIndex(films);
  const search = buildSearchIndex(films);
  it('has the declared number of dedicated examples', () => {
    expect(examples.length * 2).toBe(FUZZ_EXAMPLES.match);
  });

  it.each(examples)('%s: answered as fast as a short title', (_name, huge) => {
    const started = performance.now();
    const q: MatchQuery = { title: huge, year: 2001, runtime: 95, kind: 'movie' };
    expectMatchResult(index, q, matchFilm(index, q));
    expectHits(search, huge, 100);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
