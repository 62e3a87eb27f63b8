/**
 * The scale bench's IMDb-format files (scripts/bench/imdb-gen.ts), made small: they must be what both importers
 * accept as IMDb's own dumps (the documented headers, every row valid for the browser's row parsers and the Node
 * pipeline's reader), hold what the generator says they hold, and come out the same for the same parameters. If
 * they drifted from the real format, the bench would measure something a viewer never imports.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../lib/pages/imdb/import';
import { IMDB_HEADERS, kindOfHeader, parseAka, parseBasics, parseRating, readLines } from '../../../lib/pages/imdb/tsv';
import { generateImdbDumps, type ImdbGenResult } from '../../../scripts/bench/imdb-gen';
import { readImdbDumps } from '../../../scripts/data/readers/imdb-tsv';
import { BuildReport } from '../../../scripts/data/types';

const SCALE = 0.001; // 12,000 titles

let dir: string;
let result: ImdbGenResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credits-cue-imdb-gen-'));
  result = await generateImdbDumps({ out: dir, scale: SCALE });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileOf = (kind: 'ratings' | 'basics' | 'akas'): Blob => new Blob([readFileSync(result.files[kind])]);

async function linesOf(kind: 'ratings' | 'basics' | 'akas'): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(fileOf(kind))) lines.push(line);
  return lines;
}

describe('imdb-gen: files in IMDb format', () => {
  it('has the documented headers and the stated row counts, 12 M / 1.6 M / 50 M scaled', async () => {
    expect(result.reused).toBe(false);
    expect(result.rows.basics).toBe(12_000);
    expect(result.rows.ratings).toBeGreaterThan(1_200);
    expect(result.rows.ratings).toBeLessThan(2_000);
    expect(result.rows.akas).toBeGreaterThan(40_000);
    expect(result.rows.akas).toBeLessThan(60_000);
    for (const kind of ['ratings', 'basics', 'akas'] as const) {
      const lines = await linesOf(kind);
      expect(lines[0]).toBe(IMDB_HEADERS[kind].join('\t'));
      expect(kindOfHeader(lines[0] ?? '')).toBe(kind);
      expect(lines.length - 1).toBe(result.rows[kind]);
    }
  });

  it('every row is valid for the browser import’s row parsers; \\N, quotes and non-Latin titles occur', async () => {
    const parsers = { ratings: parseRating, basics: parseBasics, akas: parseAka } as const;
    for (const kind of ['ratings', 'basics', 'akas'] as const) {
      const rows = (await linesOf(kind)).slice(1);
      const bad = rows.filter((line) => parsers[kind](line.split('\t')) === null);
      expect(bad.slice(0, 3), kind).toEqual([]);
    }
    const basics = (await linesOf('basics')).join('\n');
    expect(basics).toContain('\\N');
    expect(basics).toMatch(/"/);
    expect(basics).toMatch(/[\u0400-\u04ff]|[\u0370-\u03ff]|[\u30a0-\u30ff]/);
    // Ids run in order, as in IMDb's files (the akas reader relies on a title's lines being together).
    const ids = (await linesOf('akas')).slice(1).map((l) => l.split('\t')[0] ?? '');
    expect(ids.every((id, i) => i === 0 || (ids[i - 1] ?? '') <= id)).toBe(true);
  });

  it('the browser import keeps exactly the films the generator counted', async () => {
    const ratings = await importFile(fileOf('ratings'), { knownIds: new Set() }, async () => undefined);
    expect(ratings.rowsSkipped).toBe(0);
    expect(ratings.keptIds).toHaveLength(result.ratedOver1000);
    const basics = await importFile(fileOf('basics'), { knownIds: new Set(), ratedIds: new Set(ratings.keptIds) }, async () => undefined);
    expect(basics.rowsSkipped).toBe(0);
    expect(basics.rowsKept).toBe(result.bulkFilms);
    expect(result.bulkFilms).toBeGreaterThan(0);
    const sample = new Set(basics.keptIds);
    expect(result.sample.length).toBe(Math.min(1000, result.bulkFilms));
    for (const film of result.sample) expect(sample.has(film.id), film.id).toBe(true);
  });

  it('the Node pipeline reads them with nothing skipped, keeping the same films', async () => {
    const report = new BuildReport();
    const records = await readImdbDumps(dir, report, () => false, { asOf: '2026-12-02' });
    expect(report.skippedTotal).toBe(0);
    expect(records.filter((r) => r.inputId === 'imdb-basics')).toHaveLength(result.bulkFilms);
  });

  it('the same parameters give the same bytes; a second call reuses the files', async () => {
    const again = await generateImdbDumps({ out: dir, scale: SCALE });
    expect(again.reused).toBe(true);
    expect(again.rows).toEqual(result.rows);
    const before = readFileSync(result.files.basics);
    const forced = await generateImdbDumps({ out: dir, scale: SCALE, force: true });
    expect(forced.reused).toBe(false);
    expect(readFileSync(forced.files.basics).equals(before)).toBe(true);
  });
});
