/**
 * The one line splitter both IMDb readers use (lib/core/line-blocks.ts): the browser import feeds it a File's
 * stream, the Node pipeline a file read stream. Same bytes, same lines, however the chunks fall.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstField, lineBlocks, lineText } from '../../../lib/core/line-blocks';
import { readLines } from '../../../lib/pages/imdb/tsv';
import { readImdbTsv } from '../../../scripts/data/readers/imdb-tsv';
import { BuildReport, DataError } from '../../../scripts/data/types';

const TEXT = '\uFEFFtconst\ttitle\r\ntt0000001\tAmélie\ntt0000002\t"Quoted" 東京\r\n\ntt0000003\tLast, no break';
const LINES = ['tconst\ttitle', 'tt0000001\tAmélie', 'tt0000002\t"Quoted" 東京', '', 'tt0000003\tLast, no break'];
const bytes = new TextEncoder().encode(TEXT);

async function* inChunks(size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function split(size: number, maxLineLength = 1000): Promise<{ lines: string[]; ids: string[] }> {
  const lines: string[] = [];
  const ids: string[] = [];
  for await (const block of lineBlocks(inChunks(size), { maxLineLength, tooLong: (n) => new Error(`too long after ${n}`) })) {
    for (let i = 0; i < block.count; i++) {
      lines.push(lineText(block, i));
      ids.push(firstField(block, i));
    }
  }
  return { lines, ids };
}

const dir = mkdtempSync(join(tmpdir(), 'line-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lineBlocks', () => {
  it.each([1, 2, 3, 5, 7, 64, 4096])('chunks of %i bytes give the same lines (BOM, CRLF, UTF-8 split mid-character)', async (size) => {
    const { lines, ids } = await split(size);
    expect(lines).toEqual(LINES);
    expect(ids).toEqual(['tconst', 'tt0000001', 'tt0000002', '', 'tt0000003']);
  });

  it('a line longer than allowed stops with the caller’s error, naming how many lines came before', async () => {
    await expect(split(4, 20)).rejects.toThrow('too long after 2');
    await expect(split(4, 5)).rejects.toThrow('too long after 0');
  });

  it('the browser reader and the Node reader, fed the same file, read the same rows', async () => {
    const path = join(dir, 'same.tsv');
    writeFileSync(path, bytes);
    const browser: string[] = [];
    for await (const line of readLines(new Blob([bytes]))) browser.push(line);
    expect(browser).toEqual(LINES);
    const report = new BuildReport();
    const rows: string[] = [];
    for await (const { row } of readImdbTsv(path, ['tconst', 'title'], report)) rows.push(`${row.tconst}\t${row.title}`);
    // The empty line is a malformed row to the pipeline (skipped and counted), not a row.
    expect(rows).toEqual(LINES.slice(1).filter((l) => l !== ''));
    expect(report.skippedTotal).toBe(1);
  });

  it('the Node reader stops on a file with no line breaks with a DataError, not unbounded memory', async () => {
    const path = join(dir, 'binary.tsv');
    writeFileSync(path, Buffer.alloc(200_000, 0x41));
    const read = async (): Promise<void> => {
      for await (const _ of readImdbTsv(path, ['tconst'], new BuildReport())) void _;
    };
    await expect(read()).rejects.toBeInstanceOf(DataError);
  });
});
