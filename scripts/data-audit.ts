/**
 * `npm run data:audit [-- --dataset FILE] [--before FILE] [--films]`: the evidence behind the built dataset's
 * verdicts (scripts/data/audit.ts), printed from the dataset itself: agreement between sources, what each reading
 * rule changed, conflicts by cause, `some` verdicts by source, extras, titles fixed.
 *
 * --before FILE compares with an earlier dataset (any format: only film ids and states are read) and says which rule
 * accounts for each changed film; --films lists every one of them.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parseDatasetBytes } from '../lib/core/load-dataset';
import { DATASET_PATH } from '../lib/core/schema';
import { auditDataset, formatAudit } from './data/audit';
import { errorMessage } from '../lib/core/guards';

const USAGE = 'usage: npm run data:audit [-- --dataset FILE] [--before FILE] [--films]';

function fail(message: string): never {
  console.error(`data:audit: ${message}\n${USAGE}`);
  process.exit(2);
}

/** An earlier dataset, read leniently: whatever its format, films with an id, a title and a credits state. */
function earlierFilms(bytes: Buffer): Array<{ id: string; title: string; state: string }> {
  const json: unknown = JSON.parse(gunzipSync(bytes).toString('utf8'));
  const films = typeof json === 'object' && json !== null && 'films' in json && Array.isArray(json.films) ? (json.films as unknown[]) : [];
  return films.flatMap((f) => {
    if (typeof f !== 'object' || f === null) return [];
    const { id, title, credits } = f as { id?: unknown; title?: unknown; credits?: { state?: unknown } };
    return typeof id === 'string' && typeof credits?.state === 'string' ? [{ id, title: typeof title === 'string' ? title : '', state: credits.state }] : [];
  });
}

async function main(): Promise<void> {
  let values: { dataset?: string; before?: string; films?: boolean };
  try {
    ({ values } = parseArgs({ options: { dataset: { type: 'string' }, before: { type: 'string' }, films: { type: 'boolean', default: false } } }));
  } catch (error) {
    fail(errorMessage(error));
  }
  const file = resolve(values.dataset ?? resolve(import.meta.dirname, '../assets', DATASET_PATH));
  const dataset = await parseDatasetBytes(await readFile(file).catch(() => fail(`no dataset at ${file}: run "npm run data:build" first.`)));
  let before;
  if (values.before !== undefined) {
    const bytes = await readFile(resolve(values.before)).catch(() => fail(`cannot read ${values.before}`));
    try {
      before = earlierFilms(bytes);
    } catch (error) {
      fail(`${values.before} is not a gzipped dataset: ${errorMessage(error)}`);
    }
  }
  const report = auditDataset(dataset, before);
  console.log(formatAudit(dataset, report));
  if (values.films && report.before) {
    console.log('\nChanged films');
    for (const c of report.before.changed) console.log(`  ${c.id}  ${c.title}: ${c.from} → ${c.to}  (${c.rules.join(', ')})`);
  }
}

main().catch((error: unknown) => {
  console.error(`data:audit: ${errorMessage(error)}`);
  process.exit(1);
});
