/**
 * `npm run lookup -- "<title>" [--year N] [--json] [--dataset FILE]`: the extension's own lookup code over the
 * built dataset, from the shell.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFilmIndex } from '../lib/data/film-index';
import { parseDatasetBytes } from '../lib/data/load-dataset';
import { DATASET_PATH } from '../lib/data/schema';
import { lookup, type LookupResult } from '../lib/match/lookup';

const USAGE = 'usage: npm run lookup -- "<title>" [--year N] [--json] [--dataset FILE]';

function fail(message: string): never {
  console.error(`lookup: ${message}\n${USAGE}`);
  process.exit(2);
}

function formatText(result: LookupResult): string {
  if (!result.match) return 'No match in the dataset.';
  const { match, credits, ratings } = result;
  const lines = [
    `${match.title} (${match.year ?? 'year unknown'})  ${match.id}  confidence: ${match.confidence}`,
    `End-credit scenes: ${credits.state}  (mid: ${credits.mid}, post: ${credits.post})`,
    ...credits.sources.map((s) => `  - ${s.source}${s.asOf ? ` (${s.asOf})` : ''}: mid ${s.mid}, post ${s.post}${s.url ? `  ${s.url}` : ''}`),
    'Ratings:',
    ...ratings.map((r) => `  - ${r.source}: ${r.value}/${r.scale}${r.count !== null ? ` (${r.count.toLocaleString('en')})` : ''}  as of ${r.asOf}`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { year: { type: 'string' }, json: { type: 'boolean', default: false }, dataset: { type: 'string' } },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const title = parsed.positionals.join(' ').trim();
  if (!title) fail('a title is required.');
  let year: number | undefined;
  if (parsed.values.year !== undefined) {
    year = Number(parsed.values.year);
    if (!Number.isInteger(year) || year < 1800 || year > 2200) fail(`--year must be a year, got "${parsed.values.year}".`);
  }
  const file = resolve(parsed.values.dataset ?? resolve(import.meta.dirname, '../assets', DATASET_PATH));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    fail(`no dataset at ${file}: run "npm run data:build" first.`);
  }
  const dataset = await parseDatasetBytes(bytes);
  const result = lookup(buildFilmIndex(dataset.films), { title, year }, dataset.manifest.inputs);
  console.log(parsed.values.json ? JSON.stringify(result, null, 2) : formatText(result));
}

main().catch((error: unknown) => {
  console.error(`lookup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
