/**
 * Fixture pages of one site (tests/fixtures/sites/<site>/<kind>.html + .json), read once per test file. Every
 * adapter test reads its fixtures the same way; this is that one way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DetectedTitle } from '../../lib/sites/types';

export interface Fixture {
  name: string;
  html: string;
  url: string;
  expected: DetectedTitle | null;
  notes: string;
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function siteFixtures(site: string): {
  fixtures: Fixture[];
  fixture(name: string): Fixture;
  load(name: string): { doc: Document; url: URL; f: Fixture };
} {
  const dir = resolve(import.meta.dirname, '../fixtures/sites', site);
  const fixtures: Fixture[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, '');
      const meta = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Fixture, 'name' | 'html'>;
      return { name, html: readFileSync(join(dir, `${name}.html`), 'utf8'), ...meta };
    });
  const fixture = (name: string): Fixture => {
    const found = fixtures.find((f) => f.name === name);
    if (!found) throw new Error(`no fixture ${name}`);
    return found;
  };
  return { fixtures, fixture, load: (name) => ({ doc: parse(fixture(name).html), url: new URL(fixture(name).url), f: fixture(name) }) };
}
