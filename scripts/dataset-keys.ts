/**
 * The bundled dataset's index keys, made at build time and shipped beside the dataset (`dataset-keys.json.gz`), so
 * the first player page after install is answered without normalising every title in the service worker first
 * (issue #13: ~450 ms of the first answer on Debian's Chromium). wxt.config.ts adds the file to every build.
 *
 * The keys depend on the dataset and on the matcher's rules, so the file is cached under node_modules/.cache by the
 * dataset version and a hash of the code that makes keys; the runtime still checks version and film count before
 * using it (lib/background/film-service.ts) and indexes the films itself otherwise.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildFilmIndex } from '../lib/core/film-index';
import { parseDatasetBytes } from '../lib/core/load-dataset';
import { encodeDatasetKeys } from '../lib/core/quick-index';
import { DATASET_PATH } from '../lib/core/schema';

const ROOT = resolve(import.meta.dirname, '..');

/** The code whose rules the keys follow: a change to any of it makes new keys. */
const KEY_CODE = ['lib/core/match', 'lib/core/clean-title.ts', 'lib/core/film-index.ts', 'lib/core/quick-index.ts'];

function codeHash(): string {
  const hash = createHash('sha256');
  const files = KEY_CODE.flatMap((path) => {
    const full = join(ROOT, path);
    return path.endsWith('.ts') ? [full] : readdirSync(full).filter((f) => f.endsWith('.ts')).sort().map((f) => join(full, f));
  });
  for (const file of files) hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The keys file for the committed dataset: made (about 2 s) or taken from the cache; returns its path. */
export async function datasetKeysFile(): Promise<string> {
  const bytes = readFileSync(join(ROOT, 'assets', DATASET_PATH));
  const datasetHash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const dir = join(ROOT, 'node_modules/.cache/credits-cue');
  const path = join(dir, `dataset-keys-${datasetHash}-${codeHash()}.json.gz`);
  if (existsSync(path)) return path;
  const dataset = await parseDatasetBytes(bytes);
  const json = encodeDatasetKeys(buildFilmIndex(dataset.films), dataset.manifest.version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, gzipSync(json, { level: 9 }));
  return path;
}
