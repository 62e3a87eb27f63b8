/**
 * Adding a service stays small: its adapter, one registry line, a thin content-script entrypoint, fixtures, tests
 * and a README row. This test keeps those in step, so a service missing any of them fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sites } from '../../lib/sites/index';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

describe('every registered site has all its parts', () => {
  it('ids are unique kebab-case', () => {
    const ids = sites.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  describe.each(sites.map((s) => [s.id, s] as const))('%s', (id, site) => {
    it('has its adapter file, named after its id', () => {
      expect(existsSync(join(root, 'lib/sites', `${id}.ts`))).toBe(true);
    });

    it('has a thin content-script entrypoint that hands the adapter to the shared runtime', () => {
      const entry = read(`entrypoints/${id}.content/index.ts`);
      expect(entry).toContain('runSite(');
      expect(entry).toContain(`~/lib/sites/${id}`);
      // Thin: wiring only, all behaviour in lib/.
      expect(entry.split('\n').length).toBeLessThan(25);
    });

    it('has fixtures (each page with its expected result) and a test file', () => {
      const dir = join(root, 'tests/fixtures/sites', id);
      const html = readdirSync(dir).filter((f) => f.endsWith('.html'));
      expect(html.length).toBeGreaterThanOrEqual(4);
      for (const f of html) expect(existsSync(join(dir, f.replace(/\.html$/, '.json')))).toBe(true);
      expect(existsSync(join(root, 'tests/sites', `${id}.test.ts`))).toBe(true);
      // The checks every adapter gets (tests/helpers/describe-adapter.ts) run for this one too.
      expect(read(`tests/sites/${id}.test.ts`)).toMatch(/\bdescribeAdapter\(/);
    });

    it('is in the README’s supported-sites table', () => {
      const readme = read('README.md');
      const table = readme.slice(readme.indexOf('## Supported sites'), readme.indexOf('## Quick start'));
      expect(table).toContain(`| ${site.name} |`);
    });
  });

  it('no entrypoint runs a site that is not registered', () => {
    const entries = readdirSync(join(root, 'entrypoints')).filter((f) => f.endsWith('.content'));
    expect(entries.map((e) => e.replace(/\.content$/, '')).sort()).toEqual(sites.map((s) => s.id).sort());
  });

  // A service whose title lives in its own scripts adds one more thin entrypoint: `<id>-page.content.ts`, run in the
  // page's world, which only hands the adapter file's page reader to the shared bridge (lib/sites/page-data.ts).
  it('page-world entrypoints belong to a registered site and only run its reader', () => {
    const ids = new Set(sites.map((s) => s.id));
    const pages = readdirSync(join(root, 'entrypoints')).filter((f) => f.endsWith('-page.content.ts'));
    for (const file of pages) {
      const id = file.replace(/-page\.content\.ts$/, '');
      expect(ids.has(id), file).toBe(true);
      const entry = read(`entrypoints/${file}`);
      expect(entry).toContain("world: 'MAIN'");
      expect(entry).toContain('runPageWorld(');
      expect(entry).toContain(`~/lib/sites/${id}`);
      expect(entry.split('\n').length).toBeLessThan(25);
    }
  });
});
