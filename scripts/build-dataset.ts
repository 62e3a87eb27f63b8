/**
 * `npm run data:build [-- --sources DIR] [--imdb DIR] [--out DIR]`: builds assets/dataset.json.gz and
 * assets/dataset-manifest.json from the shared sources and prints what made it in.
 *
 * Defaults: --sources ../shared/data next to the repository, --out the repository's assets/. --imdb points at a
 * folder of user-downloaded IMDb dumps (title.basics/ratings/akas .tsv.gz); without it the sample in the sources
 * folder is used. A source that cannot be read (DataError) stops the build with its file:line and writes nothing.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDataset, type Coverage, writeDataset } from './data/build';
import { DataError } from './data/types';

const USAGE = 'usage: npm run data:build [-- --sources DIR] [--imdb DIR] [--out DIR]';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message: string): never {
  console.error(`data:build: ${message}`);
  process.exit(1);
}

function entries<K extends string>(counts: Partial<Record<K, number>>): string {
  return (Object.entries(counts) as [K, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n.toLocaleString('en')}`)
    .join(', ');
}

function formatCoverage(c: Coverage): string {
  const n = (x: number): string => x.toLocaleString('en');
  const lines = [
    `films: ${n(c.counts.films)} (${entries(c.counts.byKind)})`,
    `films with a credits verdict: ${n(c.filmsWithCreditsVerdict)} (${entries(c.counts.creditsByState)})`,
    `films per rating source: ${entries(c.counts.ratingsBySource)}`,
    `records: ${n(c.merge.records)}; merged by rule: ${entries(c.merge.byRule)}; ids via TMDb→IMDb crosswalk: ${n(c.merge.crosswalked)} (${n(c.merge.crosswalkConflicts)} crosswalk links ignored)`,
    'records per input:',
    ...c.recordsByInput.map((r) => `  ${r.input.padEnd(32)} ${n(r.records).padStart(7)}`),
    `skipped rows: ${n(c.skipped.reduce((sum, s) => sum + s.count, 0))}`,
    ...c.skipped.map((s) => `  ${s.file}: ${n(s.count)}${s.examples[0] ? `  (e.g. ${s.examples[0]})` : ''}`),
    `tt ids dropped (contradicted by IMDb's own data): ${n(c.idsDropped.count)}`,
    ...c.idsDropped.examples.map((d) => `  ${d.inputId}:${d.line} "${d.title}" ${d.year ?? ''}: ${d.imdbId} (IMDb: ${d.authoritative})`),
    `unmerged records: ${n(c.unmerged.count)} (${entries(c.unmerged.byReason)}; ${n(c.merge.dropped)} dropped, the rest kept as their own film because they carry credits)`,
    ...c.unmerged.examples.map(
      (u) =>
        `  ${u.inputId}:${u.line} "${u.title}"${u.year ? ` ${u.year}` : ''}: ${u.reason}, candidates ${u.candidates.slice(0, 4).join(' ')}${u.keptAs ? `; kept as ${u.keptAs}` : '; dropped'}`,
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  let values: { sources?: string; imdb?: string; out?: string };
  try {
    ({ values } = parseArgs({
      options: { sources: { type: 'string' }, imdb: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const sourcesDir = resolve(values.sources ?? resolve(REPO_ROOT, '../shared/data'));
  const outDir = resolve(values.out ?? resolve(REPO_ROOT, 'assets'));
  const imdbDir = values.imdb === undefined ? undefined : resolve(values.imdb);

  const started = performance.now();
  try {
    const result = await buildDataset({ sourcesDir, imdbDir });
    const written = writeDataset(result.dataset, outDir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(formatCoverage(result.coverage));
    console.log(
      `wrote ${written.datasetPath} (${written.datasetBytes.toLocaleString('en')} bytes) and ${written.manifestPath}; ` +
        `version ${result.dataset.manifest.version}, data as of ${result.dataset.manifest.dataAsOf}, ${seconds} s`,
    );
  } catch (error) {
    // Nothing has been written at this point: writeDataset only runs after a complete build.
    if (error instanceof DataError) fail(`cannot read a source, nothing written.\n  ${error.message}`);
    throw error;
  }
}

await main();
