import { describe, expect, it } from 'vitest';
import type { Rating, RatingSourceId } from '../../../lib/core/schema';
import { combinedScore, combinedTone } from '../../../lib/core/ratings/aggregate';
import { DEFAULT_SOURCES, RATING_SOURCES, ratingSource, scoreTone, visibleRatings } from '../../../lib/core/ratings/sources';

const r = (source: RatingSourceId, value: number, scale: number, count?: number): Rating => ({ source, value, scale, count, asOf: '2025', input: 0 });

describe('rating registry', () => {
  it('has unique ids and every default source in it', () => {
    const ids = RATING_SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of DEFAULT_SOURCES) expect(ids).toContain(id);
  });

  it.each([
    [r('rt-critics', 60, 100, 100), 'good'], // fresh from 60 %
    [r('rt-critics', 59, 100, 100), 'bad'],
    [r('metacritic', 61, 100), 'good'], // green from 61
    [r('metacritic', 60, 100), 'mixed'],
    [r('metacritic', 39, 100), 'bad'], // red to 39
    [r('imdb', 7.0, 10, 5000), 'good'],
    [r('imdb', 6.2, 10, 5000), 'mixed'],
    [r('imdb', 5.5, 10, 5000), 'bad'],
    [r('imdb', 8.5, 10, 999), 'few-votes'], // under 1,000 votes: greyed whatever the score
    [r('tmdb', 7.0, 10, 500), 'good'], // same convention whatever scale the input used
    [r('tmdb', 69, 100, 500), 'mixed'],
    [r('tmdb', 90, 100, 10), 'few-votes'],
  ] as const)('%o is %s', (rating, tone) => {
    expect(scoreTone(rating)).toBe(tone);
  });

  it('a source without a count is never greyed for it', () => {
    expect(scoreTone(r('metacritic', 80, 100))).toBe('good');
  });

  it('formats on the source’s own scale', () => {
    expect(ratingSource('imdb')?.format(7.14, 10, 'en')).toBe('7.1');
    expect(ratingSource('rt-critics')?.format(92, 100, 'en')).toBe('92%');
    expect(ratingSource('tmdb')?.format(7.65, 10, 'en')).toBe('77%');
    expect(ratingSource('metacritic')?.format(69, 100, 'en')).toBe('69');
  });

  it('links where the ids allow', () => {
    expect(ratingSource('imdb')?.link?.({ id: 'tt1334260' })).toBe('https://www.imdb.com/title/tt1334260/');
    expect(ratingSource('imdb')?.link?.({ id: 'cc:abc' })).toBeUndefined();
    expect(ratingSource('tmdb')?.link?.({ id: 'tt1', tmdbId: 42 })).toBe('https://www.themoviedb.org/movie/42');
    expect(ratingSource('rt-critics')?.link).toBeUndefined();
  });

  it('visible ratings follow the viewer’s order and skip missing sources', () => {
    const ratings = [r('tmdb', 7, 10, 100), r('imdb', 7, 10, 100)];
    expect(visibleRatings(ratings, ['imdb', 'metacritic', 'tmdb']).map((x) => x.source)).toEqual(['imdb', 'tmdb']);
  });
});

describe('combined score', () => {
  const means = { imdb: 64, metacritic: 58, 'rt-critics': 60, tmdb: 63 };

  it('needs at least two sources', () => {
    expect(combinedScore([r('imdb', 8, 10, 100_000)], means)).toBeNull();
  });

  it('blends well-voted sources close to their values', () => {
    const c = combinedScore([r('imdb', 8, 10, 1_000_000), r('metacritic', 76, 100, 50), r('rt-critics', 92, 100, 300)], means);
    expect(c?.sources).toBe(3);
    expect(c?.value).toBeGreaterThanOrEqual(80);
    expect(c?.value).toBeLessThanOrEqual(84);
  });

  it('pulls few votes toward the mean and hides a low-confidence blend', () => {
    expect(combinedScore([r('imdb', 10, 10, 10), r('tmdb', 100, 100, 5)], means)).toBeNull();
    const weak = combinedScore([r('imdb', 10, 10, 5000), r('tmdb', 100, 100, 500)], means);
    expect(weak?.value).toBeLessThan(90);
    expect(weak?.confidence).toBe(0.5);
  });

  it('respects the enabled sources and ignores sources without a prior', () => {
    const ratings = [r('imdb', 8, 10, 1_000_000), r('metacritic', 40, 100, 50), r('fandango', 5, 5, 1000)];
    expect(combinedScore(ratings, means, ['imdb', 'fandango'])).toBeNull();
    expect(combinedScore(ratings, means)?.sources).toBe(2);
  });

  it('bands', () => {
    expect([combinedTone(65), combinedTone(64), combinedTone(45), combinedTone(44)]).toEqual(['good', 'mixed', 'mixed', 'bad']);
  });
});
