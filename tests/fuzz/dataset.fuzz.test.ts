/**
 * Fuzz: reading the dataset asset (lib/core/load-dataset.ts). Documented: "a truncated or corrupt asset must give a
 * clear error, never a half dataset": parseDatasetBytes and validateDataset either return a validated dataset or
 * throw a DatasetError naming the problem. Async runs carry a per-run timeout, so a hang fails the property.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetError, parseDatasetBytes, validateDataset } from '../../lib/core/load-dataset';
import { DATASET_FORMAT, DATASET_PATH, type Dataset } from '../../lib/core/schema';
import { fakeDataset } from '../helpers/dataset';
import { FUZZ_EXAMPLES, fuzzParams } from './cases';
import { hostileText } from './arbitraries';

const RUN_TIMEOUT_MS = 20_000;

/** A dataset as validateDataset accepts it: every film has the fields every reader relies on. */
function expectValid(dataset: Dataset): void {
  expect(dataset.manifest.format).toBe(DATASET_FORMAT);
  expect(typeof dataset.manifest.version).toBe('string');
  for (const film of dataset.films) {
    expect(typeof film.id === 'string' && film.id.length > 0).toBe(true);
    expect(typeof film.title).toBe('string');
    expect(Array.isArray(film.ratings) && Array.isArray(film.credits.statements) && Array.isArray(film.credits.extras)).toBe(true);
  }
}

async function outcome(run: () => Promise<Dataset> | Dataset): Promise<Dataset | DatasetError> {
  try {
    const dataset = await run();
    expectValid(dataset);
    return dataset;
  } catch (error) {
    // A clear error: the module's own type, with a message.
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    return error as DatasetError;
  }
}

/** Values near a valid dataset: a real small one with parts replaced by anything JSON can hold. */
const base = fakeDataset(3);
const nearDataset: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.record({
    manifest: fc.oneof(fc.constant(base.manifest), fc.record({ format: fc.oneof(fc.constant(DATASET_FORMAT), fc.jsonValue()), version: fc.oneof(hostileText, fc.jsonValue()) }), fc.jsonValue()),
    films: fc.oneof(
      fc.array(
        fc.oneof(
          fc.constantFrom(...base.films),
          fc.constantFrom(...base.films).chain((film) =>
            fc.record({ key: fc.constantFrom('id', 'title', 'kind', 'credits', 'ratings', 'state', 'statements', 'extras'), value: fc.jsonValue() }).map(({ key, value }) =>
              key === 'state' || key === 'statements' || key === 'extras'
                ? { ...film, credits: { ...film.credits, [key]: value } }
                : { ...film, [key]: value },
            ),
          ),
          fc.record({ id: hostileText, title: hostileText, kind: hostileText, credits: fc.constant(base.films[0]?.credits), ratings: fc.constant([]) }),
          fc.jsonValue(),
        ),
        { maxLength: 8 },
      ),
      fc.jsonValue(),
    ),
  }),
);

describe('fuzz: validateDataset', () => {
  it('returns a valid dataset or throws a DatasetError for any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(nearDataset, async (value) => {
        await outcome(() => validateDataset(value));
      }),
      fuzzParams('dataset.validate'),
    );
  });
});

describe('fuzz: parseDatasetBytes', () => {
  it('arbitrary bytes and gzip-like headers: a DatasetError, never a hang', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.uint8Array({ maxLength: 4096 }).map((b) => Uint8Array.of(0x1f, 0x8b, ...b)),
      fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0xff, ...b)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        expect(await outcome(() => parseDatasetBytes(b))).toBeInstanceOf(DatasetError);
      }),
      { ...fuzzParams('dataset.bytes'), timeout: RUN_TIMEOUT_MS },
    );
  });

  it('valid gzip of arbitrary JSON (and of text that is not JSON): a dataset or a DatasetError', async () => {
    const text = fc.oneof(
      nearDataset.map((v) => JSON.stringify(v) ?? 'undefined'),
      nearDataset.map((v) => (JSON.stringify(v) ?? '').slice(0, -1)),
      hostileText,
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const got = await outcome(() => parseDatasetBytes(gzipSync(t)));
        let json: unknown;
        try {
          json = JSON.parse(t);
        } catch {
          expect(got).toBeInstanceOf(DatasetError);
          return;
        }
        // Valid JSON: the same answer validateDataset gives.
        const direct = await outcome(() => validateDataset(json));
        expect(got instanceof DatasetError).toBe(direct instanceof DatasetError);
      }),
      { ...fuzzParams('dataset.gzipJson'), timeout: RUN_TIMEOUT_MS },
    );
  });

  it('the real asset cut anywhere: a DatasetError, never a half dataset', async () => {
    const asset = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../assets', DATASET_PATH)));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: asset.length - 1 }), async (at) => {
        expect(await outcome(() => parseDatasetBytes(asset.subarray(0, at)))).toBeInstanceOf(DatasetError);
      }),
      { ...fuzzParams('dataset.truncatedAsset'), timeout: RUN_TIMEOUT_MS },
    );
  });
});

describe('fuzz: parseDatasetBytes on megabyte inputs', () => {
  const MB = 1 << 20;
  const examples: Array<[string, () => Uint8Array]> = [
    ['1 MB of 0xff', () => new Uint8Array(MB).fill(0xff)],
    ['1 MB of zeros, gzipped', () => new Uint8Array(gzipSync(new Uint8Array(MB)))],
  ];

  it('has the declared number of dedicated examples', () => {
    expect(examples.length).toBe(FUZZ_EXAMPLES.dataset);
  });

  it.each(examples)('%s: a DatasetError', async (_name, make) => {
    expect(await outcome(() => parseDatasetBytes(make()))).toBeInstanceOf(DatasetError);
  });
});
