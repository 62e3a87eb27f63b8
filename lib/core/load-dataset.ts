/**
 * Reading the bundled dataset asset: gunzip + parse + validate. A truncated or corrupt asset must give a clear
 * error, never a half dataset, so every film is checked before anything is written to IndexedDB.
 */
import * as v from 'valibot';
import { CREDITS_STATES, DATASET_FORMAT, type Dataset, type Film } from './schema';
import { isRecord, plainObject } from './guards';

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/** A list, not looked into: what its items hold is produced by the same pipeline that wrote the schema. */
const List = v.custom<unknown[]>(Array.isArray);

const NonEmptyString = v.pipe(v.string(), v.nonEmpty());

/** The fields every reader relies on; deeper fields are produced by the same pipeline that wrote the schema. */
const FilmSchema = plainObject({
  id: NonEmptyString,
  title: v.string(),
  kind: v.string(),
  credits: plainObject({ state: v.picklist(CREDITS_STATES), statements: List, extras: List }),
  ratings: List,
});

/** The dataset around its films, checked first: a file that is no dataset at all is named as such. */
const DatasetShape = plainObject({ manifest: v.custom<Record<string, unknown>>(isRecord), films: List });
const Format = v.literal(DATASET_FORMAT);

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
  if (!v.is(DatasetShape, value)) throw new DatasetError('Dataset is not an object with "manifest" and "films".');
  const { manifest, films } = value;
  if (!v.is(Format, manifest.format)) {
    throw new DatasetError(`Dataset format ${String(manifest.format)} is not the supported format ${DATASET_FORMAT}.`);
  }
  if (!v.is(NonEmptyString, manifest.version)) throw new DatasetError('Dataset has no version.');
  films.forEach((film, i) => {
    if (!v.is(FilmSchema, film)) throw new DatasetError(`Dataset film #${i} is malformed.`);
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
