/**
 * buildDataset / writeDataset / the data:build CLI. A tiny sources folder is cut from real rows of the shared files
 * (the first rows of each plus the rows about Never Let Me Go), so the merge sees real ids, titles and quirks; an
 * integration block runs the whole build on the real shared/data.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../../lib/core/load-dataset';
import { DATASET_PATH, MANIFEST_PATH, type Dataset, type Film } from '../../../lib/core/schema';
import {
  buildDataset,
  buildDateOf,
  type BuildResult,
  canonicalJson,
  datasetVersion,
  encodeDataset,
  writeDataset,
} from '../../../scripts/data/build';
import { creditsFactsReaders } from '../../../scripts/data/readers/credits-facts';
import { imdbFiltered2025Reader } from '../../../scripts/data/readers/imdb-omdb-2025';
import { metacriticReader } from '../../../scripts/data/readers/metacritic';
import { MOVIELENS_LINKS_FILE } from '../../../scripts/data/readers/movielens-crosswalk';
import { tmdb5000Reader } from '../../../scripts/data/readers/tmdb-5000';
import { whatsAfterTheMovieCreditsReader } from '../../../scripts/data/readers/whats-after-the-movie-credits';
import { whatsAfterTheMovieRatingsReader } from '../../../scripts/data/readers/whats-after-the-movie-ratings';
import { DataError, type SourceReader } from '../../../scripts/data/types';
import { SHARED_DATA } from '../../helpers/shared-data';

const SHARED = SHARED_DATA;
const REPO = resolve(__dirname, '../../..');
const NEVER_LET_ME_GO = 'tt1334260';

/** Readers whose files the fixture holds (no multi-line cells, so cutting by line keeps every row whole). */
const FIXTURE_READERS: SourceReader[] = [
  imdbFiltered2025Reader,
  tmdb5000Reader,
  metacriticReader,
  whatsAfterTheMovieRatingsReader,
  ...creditsFactsReaders,
  whatsAfterTheMovieCreditsReader,
];

/** [file, pattern of extra rows to keep besides the header and the first rows] */
const FIXTURE_FILES: readonly (readonly [string, RegExp])[] = [
  ['credits/credits_facts.csv', /never let me go/i],
  ['raw/cookiecheck_index/aftercredits_index.csv', /never-let-me-go/],
  ['raw/kometa_aftercredits/aftercredits_union.csv', /^tt1334260,/],
  ['raw/pmm_mediastingers/mediastingers.csv', /^$/],
  ['raw/whats_after_the_movie/whats_after_the_movie.csv', /./],
  ['raw/imdb_omdb_2000_2025/filtered_imdb_movies.csv.gz', /^tt1334260,/],
  ['raw/tmdb_5000/tmdb_5000_movies.csv.gz', /,Never Let Me Go,/],
  ['raw/metacritic_scrape/metacritic_movies.csv', /^Never Let Me Go,/],
  [MOVIELENS_LINKS_FILE, /,42188$/],
];
const FIRST_ROWS = 30;

/** Copies header + first rows + matching rows of each fixture file from shared/data (gzip in, gzip out). */
function makeFixture(dir: string): void {
  for (const [file, extra] of FIXTURE_FILES) {
    const raw = readFileSync(join(SHARED, file));
    const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    const lines = text.split('\n');
    const kept = lines.filter((line, i) => i <= FIRST_ROWS || (line !== '' && extra.test(line)));
    const out = Buffer.from(`${kept.join('\n')}\n`, 'utf8');
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), file.endsWith('.gz') ? gzipSync(out) : out);
  }
}

function film(dataset: Dataset, id: string): Film {
  const f = dataset.films.find((x) => x.id === id);
  if (!f) throw new Error(`no film ${id}`);
  return f;
}

const tmp: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cc-build-'));
  tmp.push(d);
  return d;
}

afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [{ z: 1, y: 2 }] } })).toBe('{"a":{"c":[{"y":2,"z":1}]},"b":1}');
  });
});

describe('buildDateOf', () => {
  it('uses SOURCE_DATE_EPOCH when set, else the data date; never the clock', () => {
    expect(buildDateOf('2026-10-02', { SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    expect(buildDateOf('2026-10-02', {})).toBe('2026-10-02');
    expect(() => buildDateOf('2026-10-02', { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('build on a tiny sources folder cut from real rows', () => {
  let sources: string;
  let result: BuildResult;

  beforeAll(async () => {
    sources = tempDir();
    makeFixture(sources);
    result = await buildDataset({ sourcesDir: sources, readers: FIXTURE_READERS });
  });

  it('merges Never Let Me Go across ids and titles into one conflicted film', () => {
    const f = film(result.dataset, NEVER_LET_ME_GO);
    expect(f.title).toBe('Never Let Me Go');
    expect(f.year).toBe(2010);
    expect(f.tmdbId).toBe(42188);
    expect(f.credits.state).toBe('conflict');
    const inputs = result.dataset.manifest.inputs;
    const rules = new Set(f.merged.map((m) => `${inputs[m.input]?.id}:${m.rule}`));
    expect(rules).toContain('tmdb-5000:tmdb-id');
    expect(rules).toContain('metacritic-scrape:title-year');
    expect(rules).toContain('whats-after-the-movie:imdb-id');
    // IMDb 2025 beats the 2024 page for "imdb"; the page's 2024 Metascore beats the 2019 scrape.
    const bySource = new Map(f.ratings.map((r) => [r.source, r]));
    expect(bySource.get('imdb')?.asOf).toBe('2025-04');
    expect(bySource.get('metacritic')).toMatchObject({ value: 69, asOf: '2024' });
  });

  it('fills the manifest: inputs in reader order, newest as-of, counts, content version', () => {
    const { manifest, films } = result.dataset;
    expect(manifest.inputs.map((i) => i.id)).toEqual(FIXTURE_READERS.map((r) => r.input.id));
    expect(manifest.inputs.every((i) => !i.file.includes('movielens'))).toBe(true);
    expect(manifest.dataAsOf).toBe('2026-10-02');
    expect(manifest.counts.films).toBe(films.length);
    expect(Object.values(manifest.counts.creditsByState).reduce((a, b) => a + b, 0)).toBe(films.length);
    expect(manifest.version).toBe(datasetVersion(films));
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    expect(result.coverage.recordsByInput.find((r) => r.input === 'whats-after-the-movie')?.records).toBe(1);
  });

  it('stamps every statement, rating and step with a valid input index', () => {
    const n = result.dataset.manifest.inputs.length;
    for (const f of result.dataset.films) {
      for (const ref of [...f.credits.statements, ...f.ratings, ...f.merged]) {
        expect(ref.input).toBeGreaterThanOrEqual(0);
        expect(ref.input).toBeLessThan(n);
      }
    }
  });

  it('writes byte-identical files on two builds, with no gzip timestamp and no temp files left', async () => {
    const again = await buildDataset({ sourcesDir: sources, readers: FIXTURE_READERS });
    const [a, b] = [tempDir(), tempDir()];
    writeDataset(result.dataset, a);
    writeDataset(again.dataset, b);
    for (const name of [DATASET_PATH, MANIFEST_PATH]) expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name)))).toBe(true);
    const gz = readFileSync(join(a, DATASET_PATH));
    expect([...gz.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(readdirSync(a).sort()).toEqual([MANIFEST_PATH, DATASET_PATH].sort());
    // The extension's own validator accepts what the pipeline wrote.
    const parsed = validateDataset(JSON.parse(gunzipSync(gz).toString('utf8')));
    expect(parsed.films.length).toBe(result.dataset.films.length);
    expect(JSON.parse(readFileSync(join(a, MANIFEST_PATH), 'utf8'))).toEqual(JSON.parse(canonicalJson(result.dataset.manifest)));
  });

  it('changes the version exactly when the films change', () => {
    const films = result.dataset.films;
    expect(datasetVersion(structuredClone(films))).toBe(result.dataset.manifest.version);
    const edited = structuredClone(films);
    const first = edited[0];
    if (first) first.title += ' (edited)';
    expect(datasetVersion(edited)).not.toBe(result.dataset.manifest.version);
  });

  describe('a corrupt input', () => {
    let corrupt: string;
    beforeAll(() => {
      corrupt = tempDir();
      cpSync(sources, corrupt, { recursive: true });
      writeFileSync(join(corrupt, 'raw/imdb_omdb_2000_2025/filtered_imdb_movies.csv.gz'), 'not gzip at all\n');
    });

    it('fails the build with a DataError naming the file', async () => {
      const err = await buildDataset({ sourcesDir: corrupt, readers: FIXTURE_READERS }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).file).toBe('raw/imdb_omdb_2000_2025/filtered_imdb_movies.csv.gz');
    });

    it('makes the CLI exit 1 and leave the output folder untouched', () => {
      const out = tempDir();
      const previous = Buffer.from('previous asset');
      writeFileSync(join(out, DATASET_PATH), previous);
      const run = spawnSync(join(REPO, 'node_modules/.bin/tsx'), ['scripts/build-dataset.ts', '--sources', corrupt, '--out', out], {
        cwd: REPO,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('filtered_imdb_movies.csv.gz');
      expect(readdirSync(out)).toEqual([DATASET_PATH]);
      expect(readFileSync(join(out, DATASET_PATH)).equals(previous)).toBe(true);
    });
  });
});

describe('build on the real shared/data', () => {
  let first: BuildResult;
  let second: BuildResult;

  beforeAll(async () => {
    first = await buildDataset({ sourcesDir: SHARED });
    second = await buildDataset({ sourcesDir: SHARED });
  }, 180_000);

  it('is deterministic: two builds encode to identical bytes', () => {
    expect(encodeDataset(first.dataset).equals(encodeDataset(second.dataset))).toBe(true);
    expect(first.dataset.manifest.version).toBe(second.dataset.manifest.version);
  });

  it('shows Never Let Me Go (tt1334260) as a conflict', () => {
    const f = film(first.dataset, NEVER_LET_ME_GO);
    expect(f.credits.state).toBe('conflict');
    expect(f.credits.statements.map((s) => s.source).sort()).toEqual(['What\'s After the Movie?', 'aftercredits.com', 'aftercredits.com'].sort());
  });

  it('has sane counts', () => {
    const { counts } = first.dataset.manifest;
    expect(counts.films).toBeGreaterThan(40_000);
    expect(counts.byKind.movie ?? 0).toBeGreaterThan(35_000);
    expect(counts.byKind.series ?? 0).toBeGreaterThan(1_000);
    expect(counts.creditsByState.none).toBeGreaterThan(4_000);
    expect(counts.creditsByState.mid + counts.creditsByState.post + counts.creditsByState['mid-post']).toBeGreaterThan(1_500);
    expect(counts.creditsByState.conflict).toBeLessThan(200);
    expect(counts.ratingsBySource.imdb ?? 0).toBeGreaterThan(30_000);
    expect(new Set(first.dataset.films.map((f) => f.id)).size).toBe(counts.films);
  });

  it('ships no MovieLens input and stays under 3 MB compressed', () => {
    expect(first.dataset.manifest.inputs.some((i) => /movielens/i.test(i.file))).toBe(false);
    expect(encodeDataset(first.dataset).length).toBeLessThanOrEqual(3 * 1024 * 1024);
  });
});
