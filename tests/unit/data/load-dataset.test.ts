import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DatasetError, parseDatasetBytes } from '../../../lib/core/load-dataset';
import { fakeDataset } from '../../helpers/dataset';

// Node's DecompressionStream, as in the service worker.
// @vitest-environment node

const good = gzipSync(JSON.stringify(fakeDataset(20)));

describe('parseDatasetBytes', () => {
  it('reads a valid asset', async () => {
    const ds = await parseDatasetBytes(good);
    expect(ds.films).toHaveLength(20);
  });

  it('rejects a truncated asset with a clear error', async () => {
    await expect(parseDatasetBytes(good.subarray(0, good.length - 40))).rejects.toThrow(DatasetError);
    await expect(parseDatasetBytes(good.subarray(0, good.length - 40))).rejects.toThrow(/truncated or corrupt/);
  });

  it('rejects bytes that are not gzip', async () => {
    await expect(parseDatasetBytes(new TextEncoder().encode('{"manifest":{}}'))).rejects.toThrow(/not valid gzip/);
  });

  it('rejects valid gzip of broken JSON', async () => {
    await expect(parseDatasetBytes(gzipSync('{"manifest": ['))).rejects.toThrow(/not valid JSON/);
  });

  it('rejects another format version and malformed films', async () => {
    const ds = fakeDataset(2);
    await expect(parseDatasetBytes(gzipSync(JSON.stringify({ ...ds, manifest: { ...ds.manifest, format: 99 } })))).rejects.toThrow(/format 99/);
    const bad = { ...ds, films: [ds.films[0], { id: 'tt1', title: 'x', kind: 'movie', credits: { state: 'maybe', statements: [] }, ratings: [] }] };
    await expect(parseDatasetBytes(gzipSync(JSON.stringify(bad)))).rejects.toThrow(/film #1 is malformed/);
  });
});
