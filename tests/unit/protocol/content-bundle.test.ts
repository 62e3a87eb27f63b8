// @vitest-environment node
/**
 * Content scripts import lib/protocol's client, messages and server (for their tab's requests) but never check a
 * payload: the payload schemas (lib/protocol/schemas.ts) must be left out of their bundle, or every content script
 * pays for them against its 30 KB budget. Built here with the same bundler as `wxt build` (Vite).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'content-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled code of an entry that re-exports `source`. */
async function bundle(source: string): Promise<string> {
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, source.replaceAll('~/', `${root}/`));
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'entry' }, rollupOptions: { external: [/^wxt(\/|$)/] } },
  });
  const [result] = Array.isArray(out) ? out : [out];
  return (result as Rolldown.RolldownOutput).output[0].code;
}

/** Strings only the payload schemas hold: the IMDb id rule and the import-date rule. */
const SCHEMA_MARKS = ['tt\\d{7,10}', '\\d{4}-\\d{2}-\\d{2}'];

describe('content-script bundle', () => {
  it('leaves the payload schemas out of what content scripts import from lib/protocol', async () => {
    const code = await bundle(
      "export { sendMessage } from '~/lib/protocol/client';\n" +
        "export { CHANNEL, unwrap } from '~/lib/protocol/messages';\n" +
        "export { handleTabRequests } from '~/lib/protocol/server';\n",
    );
    expect(code).toContain('handleTabRequests');
    for (const mark of SCHEMA_MARKS) expect(code).not.toContain(mark);
  });

  it('has them where payloads are checked (so the test above can fail)', async () => {
    const code = await bundle("export { dispatch } from '~/lib/protocol/server';\n");
    for (const mark of SCHEMA_MARKS) expect(code).toContain(mark);
  });
});
