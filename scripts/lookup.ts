/**
 * `npm run lookup -- "<title>" [--year N] [--runtime M] [--kind movie|episode|series] [--json] [--dataset FILE]`:
 * the extension's own matcher over the built dataset, from the shell. An episode never matches a film.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFilmIndex } from '../lib/core/film-index';
import { parseDatasetBytes } from '../lib/core/load-dataset';
import { DATASET_PATH } from '../lib/core/schema';
import { lookup, type LookupQuery, type LookupResult } from '../lib/core/match/lookup';
import { errorMessage } from '../lib/core/guards';

const USAGE = 'usage: npm run lookup -- "<title>" [--year N] [--runtime MINUTES] [--kind movie|episode|series] [--json] [--dataset FILE]';

const KINDS: ReadonlyArray<NonNullable<LookupQuery['kind']>> = ['movie', 'episode', 'series'];

function isKind(value: string): value is NonNullable<LookupQuery['kind']> {
  return (KINDS as readonly string[]).includes(value);
}

function fail(message: string): never {
  console.error(`lookup: ${message}\n${USAGE}`);
  process.exit(2);
}

function formatText(result: LookupResult): string {
  if (!result.match) return 'No match in the dataset.';
  const { match, credits, ratings } = result;
  const lines = [
    `${match.title} (${match.year ?? 'year unknown'})  ${match.id}  confidence: ${match.confidence}`,
    `End-credit scenes: ${credits.state}  (mid: ${credits.mid}${credits.midCount !== null ? ` ×${credits.midCount}` : ''}, post: ${credits.post}${credits.postCount !== null ? ` ×${credits.postCount}` : ''})${credits.extras.length > 0 ? `  extras: ${credits.extras.join(', ')}` : ''}`,
    ...credits.sources.map(
      (s) =>
        `  - ${s.source}${s.asOf ? ` (${s.asOf})` : ''}: any ${s.any}, mid ${s.mid}, post ${s.post}${s.content ? `, ${s.content}` : ''}${s.extras.length > 0 ? ` (${s.extras.join(', ')})` : ''}${s.voteRating !== null ? `, vote rating ${s.voteRating}` : ''}${s.reading ? `  [${s.reading}]` : ''}${s.url ? `  ${s.url}` : ''}`,
    ),
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
      options: {
        year: { type: 'string' },
        runtime: { type: 'string' },
        kind: { type: 'string' },
        json: { type: 'boolean', default: false },
        dataset: { type: 'string' },
      },
    });
  } catch (error) {
    fail(errorMessage(error));
  }
  const title = parsed.positionals.join(' ').trim();
  if (!title) fail('a title is required.');
  let year: number | undefined;
  if (parsed.values.year !== undefined) {
    year = Number(parsed.values.year);
    if (!Number.isInteger(year) || year < 1800 || year > 2200) fail(`--year must be a year, got "${parsed.values.year}".`);
  }
  let runtime: number | undefined;
  if (parsed.values.runtime !== undefined) {
    runtime = Number(parsed.values.runtime);
    if (!Number.isInteger(runtime) || runtime < 1 || runtime > 1000) fail(`--runtime must be whole minutes (1-1000), got "${parsed.values.runtime}".`);
  }
  const kind = parsed.values.kind;
  if (kind !== undefined && !isKind(kind)) fail(`--kind must be one of ${KINDS.join(', ')}, got "${kind}".`);
  const file = resolve(parsed.values.dataset ?? resolve(import.meta.dirname, '../assets', DATASET_PATH));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    fail(`no dataset at ${file}: run "npm run data:build" first.`);
  }
  const dataset = await parseDatasetBytes(bytes);
  const result = lookup(buildFilmIndex(dataset.films), { title, year, runtime, kind }, dataset.manifest.inputs);
  console.log(parsed.values.json ? JSON.stringify(result, null, 2) : formatText(result));
}

main().catch((error: unknown) => {
  console.error(`lookup: ${errorMessage(error)}`);
  process.exit(1);
});
