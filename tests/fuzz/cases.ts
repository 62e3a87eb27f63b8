/**
 * The fuzz suite's seed and run counts, in one place (issue #7). Each property in tests/fuzz/*.fuzz.test.ts runs
 * `FUZZ_RUNS[name]` generated inputs from `FUZZ_SEED`, so a failure replays exactly; `FUZZ_EXAMPLES` are the
 * dedicated worst cases (1 MB strings, the truncated real asset) each test file runs once beside them. The bench
 * reports their sum as `fuzz_cases` (scripts/bench/fuzz-bench.ts). Pure data: no test code is imported from here.
 */

/** One seed for every property; change it to explore, keep it fixed to replay. */
export const FUZZ_SEED = 0x5eed_c7ed;

/** Generated inputs per property. */
export const FUZZ_RUNS = {
  // lib/core/match/normalize.ts
  'normalize.normalizeTitle': 3000,
  'normalize.asciiFastPath': 2000,
  'normalize.keys': 2000,
  // lib/core/clean-title.ts
  'cleanTitle.capLength': 2000,
  'cleanTitle.normalizePageText': 2000,
  'cleanTitle.cleanTitle': 2000,
  'cleanTitle.parsers': 2000,
  // lib/sites/page-data.ts
  'pageData.sanitize': 2000,
  'pageData.readAttribute': 1000,
  // lib/core/film-index.ts + lib/core/match/match.ts
  'match.matchFilm': 2000,
  'match.hostileIndex': 150,
  // lib/core/search/search-index.ts
  'search.search': 2000,
  // lib/sites/index.ts + adapters
  'sites.webUrl': 2000,
  'sites.hostilePaths': 2000,
  'sites.detect': 2000,
  // lib/pages/imdb/tsv.ts
  'tsv.rows': 3000,
  'tsv.kindOfHeader': 1000,
  'tsv.readLinesText': 300,
  'tsv.readLinesBytes': 300,
  // lib/core/load-dataset.ts
  'dataset.validate': 2000,
  'dataset.bytes': 300,
  'dataset.gzipJson': 200,
  'dataset.truncatedAsset': 20,
  // components/badge.tsx, components/film-card.tsx
  'render.badge': 1000,
  'render.filmCard': 1000,
} as const satisfies Record<string, number>;

export type FuzzProperty = keyof typeof FUZZ_RUNS;

/** Dedicated examples per test file, run once each (tests/fuzz/arbitraries.ts megabyteStrings has 10 strings). */
export const FUZZ_EXAMPLES = {
  // 10 megabyte strings through normalizeTitle, titleKey, matchKey.
  normalize: 30,
  // 10 megabyte strings through capLength, normalizePageText, cleanTitle, parseEpisodeLine, parseYear, parseRuntime.
  cleanTitle: 60,
  // 10 megabyte titles through sanitizePageData and readPageData.
  pageData: 20,
  // 10 megabyte titles through matchFilm and search.
  match: 20,
  // 10 megabyte strings written into each adapter's first fixture with an expected title (8), and as one URL.
  sites: 90,
  // 1 MB random bytes, 1 MB of one line, a 1 MB gzip bomb-like run, for readLines.
  tsv: 3,
  // 1 MB random bytes and 1 MB of zeros, for parseDatasetBytes.
  dataset: 2,
  // 10 megabyte titles rendered in the badge and the film card.
  render: 20,
} as const satisfies Record<string, number>;

/** Generated plus dedicated inputs: the bench's `fuzz_cases`. */
export function totalFuzzCases(): number {
  const sum = (o: Readonly<Record<string, number>>): number => Object.values(o).reduce((a, b) => a + b, 0);
  return sum(FUZZ_RUNS) + sum(FUZZ_EXAMPLES);
}

/** fast-check parameters for one property: the fixed seed and its run count. */
export function fuzzParams(name: FuzzProperty): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: FUZZ_RUNS[name] };
}
