/**
 * Reading the bundled dataset asset: gunzip + parse + validate. A truncated or corrupt asset must give a clear
 * error, never a half dataset, so every film is checked before anything is written to IndexedDB.
 */
import { CREDITS_STATES, DATASET_FORMAT, type Dataset, type Film } from './schema';
import { isRecord } from './guards';

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

const STATES: ReadonlySet<string> = new Set(CREDITS_STATES);

/** Checks the fields every reader relies on; deeper fields are produced by the same pipeline that wrote the schema. */
function isFilm(value: unknown): value is Film {
  if (!isRecord(value)) return false;
  const { id, title, credits, ratings, kind } = value;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    typeof title === 'string' &&
    typeof kind === 'string' &&
    isRecord(credits) &&
    typeof credits.state === 'string' &&
    STATES.has(credits.state) &&
    Array.isArray(credits.statements) &&
    Array.isArray(credits.extras) &&
    Array.isArray(ratings)
  );
}

/**
 * A film as an earlier version stored it in IndexedDB: that version's data keeps answering while a new one is being
 * written (lib/background/seed.ts), so a film of dataset format 1 (before `credits.extras`) is read with no extras known.
 */
export function upgradeStoredFilm(film: Film): Film {
  if (!Array.isArray(film.credits.extras)) film.credits.extras = [];
  return film;
}

/** Validates parsed JSON as a dataset; throws DatasetError naming the first problem. */
export function validateDataset(value: unknown): Dataset {
  if (!isRecord(value) || !isRecord(value.manifest) || !Array.isArray(value.films)) {
    throw new DatasetError('Dataset is not an object with "manifest" and "films".');
  }
  const { manifest, films } = value;
  if (manifest.format !== DATASET_FORMAT) {
    throw new DatasetError(`Dataset format ${String(manifest.format)} is not the supported format ${DATASET_FORMAT}.`);
  }
  if (typeof manifest.version !== 'string' || !manifest.version) throw new DatasetError('Dataset has no version.');
  films.forEach((film, i) => {
    if (!isFilm(film)) throw new DatasetError(`Dataset film #${i} is malformed.`);
  });
  return value as unknown as Dataset;
}

/** Gunzipped text, with the platform's streams (service worker, pages and Node 18+ alike). Throws on bad gzip. */
export async function gunzipText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** Gunzips and parses the asset bytes with the platform's streams (service worker, pages and Node 18+ alike). */
export async function parseDatasetBytes(bytes: ArrayBuffer | Uint8Array): Promise<Dataset> {
  let text: string;
  try {
    text = await gunzipText(bytes);
  } catch (error) {
    throw new DatasetError(`Dataset asset is not valid gzip (truncated or corrupt): ${String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`Dataset asset is not valid JSON (truncated or corrupt): ${String(error)}`);
  }
  return validateDataset(json);
}
