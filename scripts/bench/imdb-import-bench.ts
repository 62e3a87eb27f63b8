/**
 * The browser-side IMDb import at full scale (issue #6), in headless Chromium with the built extension: the viewer's
 * path exactly — the options page's file input gets the dump, the worker streams it, the background stores and
 * commits it — then lookups and popup searches with every film imported.
 *
 * - imdb_ratings_import_s / imdb_basics_import_s: from setting the file on `[data-testid="imdb-import"]` to
 *   `[data-testid="imdb-import-done"]` (read, filter, store, commit and the background's re-index), ratings first
 *   (basics keeps the films the ratings import found with enough votes), each file on its own. Goals <= 15 s
 *   (1.6 M rows) and <= 120 s (12 M rows).
 * - imdb_ratings_import_peak_mb / imdb_basics_import_peak_mb: the peak, during that import, of the whole browser's
 *   proportional set size (PSS, /proc/<pid>/smaps_rollup) summed over the browser process and all its children
 *   (renderers incl. the options page and its import worker, the extension's service worker, the storage and
 *   network services), sampled every 200 ms. PSS counts shared pages once across the processes, so the sum is the
 *   browser's real footprint. `details` also gives the value just before the import (the idle browser) and the
 *   options page's own JS heap peak (CDP Performance.getMetrics JSHeapUsedSize); the worker's and the service
 *   worker's heaps are not reachable through Playwright's CDP sessions, hence the process-level figure.
 * - lookup_p50_ms_imported: matchTitle round trips over the client's port (the content scripts' request), as
 *   scripts/bench.ts's lookup_p50_ms, over bundled titles and imported (generated) titles alike.
 * - search_p95_ms_imported: one popup keystroke through the background (`searchFilms`, limit 20, over the same port
 *   the popup uses, timed in the page): every prefix of bundled and generated titles, up to 40 characters. The
 *   background builds the search index as soon as an import is applied; a keystroke sent the moment the last
 *   import is done waits for what is left of that build, and is reported apart (search_first_ms_imported). The
 *   lookups and the percentile come after it (the steady state), as search-bench.ts does. Goal <= 10 ms.
 * - films_imported: films the import added to the answering index (index size after minus before).
 *
 * Use: `measureImdbImport(session, dir)` with an ExtensionSession of tests/e2e/harness.ts (the extension built
 * first: `npx wxt build`) and a folder from imdb-gen.ts. The imports are removed afterwards (the options page's
 * remove button) unless `keep` is set, so a session can go on measuring the bundled data.
 * CLI: `npx tsx scripts/bench/imdb-import-bench.ts [DIR]` (default: the generated full-size dumps, made if missing;
 * it does not build the extension).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, send, waitReady, type ExtensionSession } from '../../tests/e2e/harness';
import { lookupSample, matchRequest, percentile, portTimes, runWhenMain } from './bench-utils';
import { generateImdbDumps, type GeneratedFilm } from './imdb-gen';
import { keystrokes } from './search-bench';
import { KEEP_MIN_VOTES } from '../../lib/core/imdb-rows';

const IMPORT_TIMEOUT_MS = 15 * 60_000;
const SAMPLE_MS = 200;
const MAX_TYPED = 40;

export interface ImdbImportBench {
  imdb_ratings_import_s: number;
  imdb_ratings_import_peak_mb: number;
  imdb_basics_import_s: number;
  imdb_basics_import_peak_mb: number;
  imdb_akas_import_s: number;
  imdb_akas_import_peak_mb: number;
  lookup_p50_ms_imported: number;
  search_p95_ms_imported: number;
  films_imported: number;
}

export interface ImdbImportBenchDetails extends ImdbImportBench {
  details: {
    ratings_rows_kept: number;
    basics_rows_kept: number;
    akas_rows_kept: number;
    /** Whole-browser PSS just before each import (MiB). */
    ratings_baseline_mb: number;
    basics_baseline_mb: number;
    akas_baseline_mb: number;
    /** The options page's JS heap peak during each import (MiB). */
    ratings_options_heap_mb: number;
    basics_options_heap_mb: number;
    akas_options_heap_mb: number;
    films_before: number;
    films_after: number;
    lookup_p99_ms_imported: number;
    lookups: number;
    search_p50_ms_imported: number;
    search_max_ms_imported: number;
    /** A keystroke the moment the last import is done: waits for the rest of the search index's build. */
    search_first_ms_imported: number;
    keystrokes: number;
  };
}

export interface MeasureImdbImportOptions {
  /** Leave the imports in place afterwards (default: removed). */
  keep?: boolean;
  /** Generated films to look up and search for (default: the stamp's sample in `dir`). */
  generated?: readonly GeneratedFilm[];
  log?: (line: string) => void;
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

// ---------------------------------------------------------------------------------------------------------------
// Process memory.

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Pid → parent pid for every process. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so read after the last ')'.
    const m = stat ? /\)\s+\S+\s+(\d+)/.exec(stat.slice(stat.lastIndexOf(')'))) : null;
    if (m) out.set(Number(name), Number(m[1]));
  }
  return out;
}

/**
 * The session's browser process: the Chromium whose command line names the session's own profile folder, so another
 * browser running at the same time (a parallel bench) is never counted. (CDP's Browser.getBrowserCommandLine would
 * say the same, but answers only with --enable-automation, which a persistent context does not set.)
 */
function browserPid(session: ExtensionSession): number {
  const profile = `--user-data-dir=${session.userDataDir}`;
  const candidates = readdirSync('/proc').filter((n) => /^\d+$/.test(n) && (readText(`/proc/${n}/cmdline`) ?? '').split('\0').includes(profile));
  // The browser is the one whose parent is not itself a candidate (children may repeat the flag).
  const set = new Set(candidates.map(Number));
  const ppid = parents();
  const root = [...set].find((pid) => !set.has(ppid.get(pid) ?? -1));
  if (root === undefined) throw new Error(`no process with ${profile}`);
  return root;
}

/** Summed PSS (KiB) of `root` and all its descendants. */
function treePssKb(root: number): number {
  const ppid = parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of ppid) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    const m = /^Pss:\s+(\d+)\s+kB/m.exec(readText(`/proc/${pid}/smaps_rollup`) ?? '');
    if (m) total += Number(m[1]);
  }
  return total;
}

/** Samples the browser's PSS and the page's JS heap until stopped; returns the peaks in MiB. */
async function sampleMemory(session: ExtensionSession, page: Page, root: number): Promise<{ stop(): Promise<{ pssMb: number; heapMb: number }> }> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let pss = treePssKb(root);
  let heap = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    pss = Math.max(pss, treePssKb(root));
    cdp
      .send('Performance.getMetrics')
      .then((r) => {
        const used = (r as { metrics: Array<{ name: string; value: number }> }).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        heap = Math.max(heap, used);
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, SAMPLE_MS);
  return {
    async stop() {
      clearInterval(timer);
      pss = Math.max(pss, treePssKb(root));
      await cdp.detach().catch(() => undefined);
      return { pssMb: Math.round(pss / 1024), heapMb: Math.round(heap / 1048576) };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Import, lookups, search.

interface ImportRun {
  seconds: number;
  rows: number;
  baselineMb: number;
  peakMb: number;
  heapMb: number;
}

/** One file through the options page, timed from the file being set to the done state. */
async function importOne(session: ExtensionSession, file: string, root: number, log: (l: string) => void): Promise<ImportRun> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const input = page.getByTestId('imdb-import');
    await input.waitFor({ state: 'attached' });
    const baselineMb = Math.round(treePssKb(root) / 1024);
    const memory = await sampleMemory(session, page, root);
    const progress = setInterval(() => {
      void page
        .getByTestId('imdb-import-progress')
        .getAttribute('aria-valuenow', { timeout: 1000 })
        .then((pct) => log(`  ${file.split('/').at(-1)}: ${pct ?? '?'} %`))
        .catch(() => undefined);
    }, 10_000);
    const started = performance.now();
    try {
      await input.setInputFiles(file);
      const done = page.getByTestId('imdb-import-done');
      const error = page.getByTestId('imdb-import-error');
      await Promise.race([
        done.waitFor({ timeout: IMPORT_TIMEOUT_MS }),
        error.waitFor({ timeout: IMPORT_TIMEOUT_MS }).then(async () => {
          throw new Error(`import of ${file} failed: ${await error.textContent()}`);
        }),
      ]);
      const seconds = (performance.now() - started) / 1000;
      const { pssMb, heapMb } = await memory.stop();
      return { seconds, rows: Number(await done.getAttribute('data-rows')), baselineMb, peakMb: pssMb, heapMb };
    } finally {
      clearInterval(progress);
      await memory.stop();
    }
  } finally {
    await page.close();
  }
}

function stampSample(dir: string): GeneratedFilm[] {
  const text = readText(join(dir, 'imdb-gen-stamp.json'));
  if (!text) return [];
  return (JSON.parse(text) as { result?: { sample?: GeneratedFilm[] } }).result?.sample ?? [];
}

async function filmCount(page: Page): Promise<number> {
  const info = await send<{ films: number } | null>(page, 'getDatasetInfo', {});
  return info.value?.films ?? NaN;
}

export async function measureImdbImportDetails(session: ExtensionSession, dir: string, options: MeasureImdbImportOptions = {}): Promise<ImdbImportBenchDetails> {
  const log = options.log ?? (() => undefined);
  const files = { ratings: resolve(dir, 'title.ratings.tsv.gz'), basics: resolve(dir, 'title.basics.tsv.gz'), akas: resolve(dir, 'title.akas.tsv.gz') };
  await waitReady(session.page);
  const root = browserPid(session);
  const filmsBefore = await filmCount(session.page);

  log('imdb-import-bench: title.ratings…');
  const ratings = await importOne(session, files.ratings, root, log);
  log(`imdb-import-bench: title.ratings ${ratings.seconds.toFixed(1)} s, ${ratings.rows} rows kept, peak ${ratings.peakMb} MB`);
  log('imdb-import-bench: title.basics…');
  const basics = await importOne(session, files.basics, root, log);
  log(`imdb-import-bench: title.basics ${basics.seconds.toFixed(1)} s, ${basics.rows} rows kept, peak ${basics.peakMb} MB`);
  log('imdb-import-bench: title.akas…');
  const akas = await importOne(session, files.akas, root, log);
  log(`imdb-import-bench: title.akas ${akas.seconds.toFixed(1)} s, ${akas.rows} rows kept, peak ${akas.peakMb} MB`);
  const filmsAfter = await filmCount(session.page);

  // The popup's first keystroke right after the last import finished: the background builds the search index
  // over every film once an import is applied, so this waits for what is left of that build. The lookups and
  // keystrokes below then measure the steady state.
  const [first = NaN] = await portTimes(session.page, [{ type: 'searchFilms', data: { query: 'a', limit: 20 } }]);

  // Queries: bundled titles through the content scripts' API, and generated films the import added.
  const bundled = await lookupSample();
  const generated = (options.generated ?? stampSample(dir)).filter((f) => f.votes >= KEEP_MIN_VOTES);
  const lookups: Array<[string, number | undefined]> = [
    ...bundled,
    ...generated.slice(0, 100).map((f): [string, number | undefined] => [f.title, f.year]),
  ];
  if (lookups.length === 0) throw new Error('no titles to look up');
  const matchRequests = (n: number): Array<{ type: string; data: unknown }> =>
    Array.from({ length: n }, (_, i) => {
      const [title, year] = lookups[i % lookups.length] ?? ['x', undefined];
      return { type: 'matchTitle', data: matchRequest(title, year) };
    });
  await portTimes(session.page, matchRequests(20)); // warm-up
  const lookupTimes = (await portTimes(session.page, matchRequests(1000))).sort((a, b) => a - b);

  const queries = [...bundled.slice(0, 24).map(([title]) => title), ...generated.slice(0, 24).map((f) => f.title)];
  // The way a person types them: lower case, at most MAX_TYPED characters.
  const strokes = keystrokes(queries.map((q) => q.toLowerCase().slice(0, MAX_TYPED)));
  const searchRequests = strokes.map((query) => ({ type: 'searchFilms', data: { query, limit: 20 } }));
  const searchTimes = (await portTimes(session.page, searchRequests)).sort((a, b) => a - b);

  if (!options.keep) {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByTestId('imdb-import-remove').click();
    await page.getByTestId('imdb-imported').waitFor({ state: 'detached', timeout: 120_000 });
    await page.close();
  }

  return {
    imdb_ratings_import_s: round(ratings.seconds, 1),
    imdb_ratings_import_peak_mb: ratings.peakMb,
    imdb_basics_import_s: round(basics.seconds, 1),
    imdb_basics_import_peak_mb: basics.peakMb,
    imdb_akas_import_s: round(akas.seconds, 1),
    imdb_akas_import_peak_mb: akas.peakMb,
    lookup_p50_ms_imported: round(percentile(lookupTimes, 50)),
    search_p95_ms_imported: round(percentile(searchTimes, 95)),
    films_imported: filmsAfter - filmsBefore,
    details: {
      ratings_rows_kept: ratings.rows,
      basics_rows_kept: basics.rows,
      akas_rows_kept: akas.rows,
      ratings_baseline_mb: ratings.baselineMb,
      basics_baseline_mb: basics.baselineMb,
      akas_baseline_mb: akas.baselineMb,
      ratings_options_heap_mb: ratings.heapMb,
      basics_options_heap_mb: basics.heapMb,
      akas_options_heap_mb: akas.heapMb,
      films_before: filmsBefore,
      films_after: filmsAfter,
      lookup_p99_ms_imported: round(percentile(lookupTimes, 99)),
      lookups: lookupTimes.length,
      search_p50_ms_imported: round(percentile(searchTimes, 50)),
      search_max_ms_imported: round(searchTimes.at(-1) ?? NaN),
      search_first_ms_imported: round(first, 1),
      keystrokes: searchTimes.length,
    },
  };
}

export async function measureImdbImport(session: ExtensionSession, dir: string, options: MeasureImdbImportOptions = {}): Promise<ImdbImportBench> {
  const { details: _details, ...metrics } = await measureImdbImportDetails(session, dir, options);
  return metrics;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? (await generateImdbDumps({ log: (l) => console.error(l) })).dir;
  const session = await launchExtension();
  try {
    const result = await measureImdbImportDetails(session, dir, { log: (l) => console.error(l) });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await session.close();
  }
}

runWhenMain(import.meta.filename, main);
