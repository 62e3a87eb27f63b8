/**
 * Every reference a comment makes can be followed from the repository alone: research notes, the data sources'
 * readings and our issues are in docs/ (docs/README.md), cited by path and section; nothing points at the team's
 * shared folder, which a clone does not have.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'lib', 'components', 'entrypoints', 'scripts', 'tests', 'wxt.config.ts', 'eslint.config.js'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => (/\.(ts|tsx|css|js)$/.test(f) || /^tests\/fixtures\/sites\/.*\.(html|json)$/.test(f)) && existsSync(join(root, f)));
const text = new Map(sources.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

/** Whether `doc` has section `section` ("2", "4.4"): a heading of that number, or item M of section N ("11.1"). */
function hasSection(doc: string, section: string): boolean {
  const lines = doc.split('\n');
  const heading = (n: string): number => lines.findIndex((l) => new RegExp(`^#+ ${n.replace('.', '\\.')}\\.?\\s`).test(l));
  if (heading(section) !== -1) return true;
  const [top, item] = section.split('.');
  const start = top === undefined ? -1 : heading(top);
  if (start === -1 || item === undefined) return false;
  const end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  return lines.slice(start, end === -1 ? undefined : end).some((l) => l.startsWith(`${item}. `));
}

describe('references in comments resolve inside the repository', () => {
  it('no comment points at the shared folder’s notes', () => {
    const outside = [...text].filter(([file, body]) => file !== 'tests/helpers/shared-data.ts' && /shared\/research|(?<![\w/.-])SOURCES\.md/.test(body)).map(([file]) => file);
    expect(outside).toEqual([]);
  });

  it('every cited docs/ file and section exists', () => {
    const missing: string[] = [];
    for (const [file, body] of text) {
      for (const m of body.matchAll(/docs\/([\w/.-]+\.md)(?:\s*§\s*([\d.]*\d))?/g)) {
        const path = join(root, 'docs', m[1] ?? '');
        if (!existsSync(path)) missing.push(`${file}: docs/${m[1]}`);
        else if (m[2] && !hasSection(readFileSync(path, 'utf8'), m[2])) missing.push(`${file}: docs/${m[1]} §${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('"research §N" in the site code, tests and fixtures is a section of docs/research/streaming-detection.md', () => {
    const doc = readFileSync(join(root, 'docs/research/streaming-detection.md'), 'utf8');
    const missing: string[] = [];
    for (const [file, body] of text) {
      for (const m of body.matchAll(/research §\s*([\d.]*\d)/g)) if (!hasSection(doc, m[1] ?? '')) missing.push(`${file}: research §${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('every issue a comment cites is in docs/issues.md', () => {
    const issues = readFileSync(join(root, 'docs/issues.md'), 'utf8');
    const missing = new Set<string>();
    for (const [file, body] of text) {
      // "UTS issue #342" and the like name another project's tracker: only bare "issue #N" / "issues #N" are ours.
      for (const m of body.matchAll(/(?<![A-Z]{2,} )\bissues? #(\d+)/g)) {
        if (!issues.includes(`id="issue-${m[1]}"`)) missing.add(`${file}: issue #${m[1]}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
