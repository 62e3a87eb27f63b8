/**
 * Synthetic datasets for store and messaging tests. Titles are visibly fake ("Test Film 7"): these exercise the
 * machinery, they are not film facts (real facts live only in the built asset and the pipeline tests).
 */
import { DATASET_FORMAT, type CreditsState, type Dataset, type Film } from '../../lib/core/schema';

export function fakeFilm(n: number, state: CreditsState = 'none'): Film {
  return {
    id: `tt${String(9_000_000 + n).padStart(7, '0')}`,
    title: `Test Film ${n}`,
    year: 2000 + (n % 20),
    kind: 'movie',
    credits: { state, mid: 'unknown', post: 'unknown', extras: [], statements: [] },
    ratings: [{ source: 'imdb', value: 5 + (n % 5), scale: 10, count: n * 10, asOf: '2025-04', input: 0 }],
    merged: [{ input: 0, line: n + 2, rule: 'first' }],
  };
}

export function fakeDataset(count: number, version = `v-${count}`): Dataset {
  const films = Array.from({ length: count }, (_, i) => fakeFilm(i));
  return {
    manifest: {
      format: DATASET_FORMAT,
      version,
      dataAsOf: '2026-10-02',
      buildDate: '2026-10-02',
      inputs: [{ id: 'test', file: 'test.csv', name: 'Test', origin: 'tests', licence: 'n/a', asOf: '2026-10-02' }],
      counts: { films: count, byKind: { movie: count }, creditsByState: { none: count, mid: 0, post: 0, 'mid-post': 0, some: 0, unknown: 0, conflict: 0 }, ratingsBySource: { imdb: count } },
    },
    films,
  };
}
