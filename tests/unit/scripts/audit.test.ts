/**
 * `npm run data:audit` on the shipped dataset: every reading rule is accounted for, the causes add up to the
 * verdict counts, and a change against an earlier dataset is traced to the rule that made it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetBytes } from '../../../lib/core/load-dataset';
import { DATASET_PATH, type Dataset } from '../../../lib/core/schema';
import { auditDataset, formatAudit, RULES, type AuditReport } from '../../../scripts/data/audit';

const REPO = resolve(import.meta.dirname, '../../..');
const ASSET = join(REPO, 'assets', DATASET_PATH);
let dataset: Dataset;
let report: AuditReport;
const tmp = mkdtempSync(join(tmpdir(), 'cc-audit-'));

beforeAll(async () => {
  dataset = await parseDatasetBytes(readFileSync(ASSET));
  report = auditDataset(dataset);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

describe('data:audit on the shipped dataset', () => {
  it('every reading rule changes verdicts, each change a transition between states', () => {
    expect(report.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of report.rules) {
      expect(rule.changed, rule.id).toBeGreaterThan(0);
      expect(sum(rule.transitions), rule.id).toBe(rule.changed);
    }
    const byId = Object.fromEntries(report.rules.map((r) => [r.id, r]));
    // Issue #12's causes, in the direction it names.
    expect(byId['vote-threshold']?.transitions['some → unknown']).toBeGreaterThan(50);
    expect(byId.extras?.transitions['mid → none']).toBeGreaterThan(50);
    expect(byId['mediastinger-yes']?.transitions['conflict → mid']).toBeGreaterThan(0);
  });

  it('names a cause for every conflict and a source for every "some"', () => {
    expect(report.states.conflict).toBeGreaterThan(0);
    // A film can have a conflict on both positions: at least one cause each.
    expect(sum(report.conflictsByCause)).toBeGreaterThanOrEqual(report.states.conflict);
    expect(sum(report.someBySource)).toBe(report.states.some);
    expect(Object.keys(report.someBySource)).not.toContain('(none counted)');
    expect(report.extrasOnly.films).toBeGreaterThan(100);
    expect(report.extrasOnly.films).toBeLessThanOrEqual(report.states.none);
  });

  it('traces a change against an earlier dataset to its rule', () => {
    const endgame = dataset.films.find((f) => f.id === 'tt4154796');
    const schindler = dataset.films.find((f) => f.id === 'tt0108052');
    const before = [
      { id: 'tt4154796', title: 'Avengers: Endgame', state: 'post' },
      { id: 'tt0108052', title: "Schindler's List", state: 'some' },
      { id: 'tt0000000', title: 'Gone', state: 'none' },
    ];
    const b = auditDataset(dataset, before).before;
    expect(endgame?.credits.state).toBe('none');
    expect(schindler?.credits.state).toBe('unknown');
    expect(b?.transitions).toEqual({ 'post → none': 1, 'some → unknown': 1 });
    // Undoing the extras rule alone leaves the MCU API's "no scene" against an unexplained "something" (a
    // conflict): only without the MCU API does Endgame say "post" again.
    expect(b?.explained['post → none']).toEqual({ mcuapi: 1 });
    expect(b?.explained['some → unknown']).toEqual({ 'vote-threshold': 1 });
    expect(b?.removed).toBe(1);
  });

  it('prints every section, and the CLI reads an earlier dataset of any format', () => {
    const text = formatAudit(dataset, report);
    for (const heading of ['Agreement between sources', 'Weights', 'mediastinger.com vote list', 'What each rule changed', 'Conflicts by cause', '"some" verdicts', 'Extras']) {
      expect(text).toContain(heading);
    }
    const earlier = join(tmp, 'earlier.json.gz');
    writeFileSync(earlier, gzipSync(JSON.stringify({ manifest: { format: 1 }, films: [{ id: 'tt4154796', title: 'x', credits: { state: 'post' } }] })));
    const run = spawnSync(join(REPO, 'node_modules/.bin/tsx'), ['scripts/data-audit.ts', '--before', earlier, '--films'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Against the earlier dataset');
    expect(run.stdout).toMatch(/tt4154796 {2}Avengers: Endgame: post → none {2}\(mcuapi\)/);
    const bad = spawnSync(join(REPO, 'node_modules/.bin/tsx'), ['scripts/data-audit.ts', '--before', ASSET.replace('.gz', '.nope')], { cwd: REPO, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('cannot read');
  }, 60_000);
});
