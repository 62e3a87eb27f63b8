/**
 * Privacy and least privilege, checked on the built extension:
 * - zero network: every flow (install, seed, each service's badge, popup search, options, IMDb import) runs behind a
 *   recording proxy that sees every request any part of the browser sends over the network; there must be none;
 * - the built manifests ask only for what is used, reach only the supported streaming hosts, and carry a strict
 *   extension CSP (no remote code, no eval).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sites } from '../../lib/sites/index';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, launchExtension, type ExtensionSession } from './harness';
import { hostOf, startNetworkRecorder, type NetworkRecorder } from './network-recorder';
import { browserOwnHosts, recordPageRequests, runEveryFlow } from './privacy-flows';

const OUTPUT = resolve(import.meta.dirname, '../../.output');

describe('zero network', () => {
  let recorder: NetworkRecorder;
  let session: ExtensionSession;
  /** Requests of pages (content scripts included) other than the fixture pages themselves. */
  const fromPages: string[] = [];
  /** When the extension's browser started: the control browser runs at least as long. */
  let launched = 0;
  beforeAll(async () => {
    recorder = await startNetworkRecorder();
    launched = Date.now();
    session = await launchExtension({ proxy: recorder.url });
    await recordPageRequests(session, fromPages);
  });
  afterAll(async () => {
    await session?.close();
    await recorder?.close();
  });

  it('the recorders do see requests (the test can fail)', async () => {
    const probe = await startNetworkRecorder();
    const dir = mkdtempSync(join(tmpdir(), 'credits-cue-probe-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', `--proxy-server=${probe.url}`, '--proxy-bypass-list=<-loopback>'],
    });
    const page = await context.newPage();
    await page.goto('http://example.invalid/probe').catch(() => undefined);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    await probe.close();
    expect(probe.requests.map(hostOf)).toContain('example.invalid');
    const page2 = await session.context.newPage();
    await page2.goto('https://example.invalid/probe').catch(() => undefined);
    await page2.close();
    expect(fromPages).toContain('https://example.invalid/probe');
    // The probe was ours: start the real recording clean.
    fromPages.length = 0;
    recorder.requests.length = 0;
  });

  // Its own timeout: every flow, then a control browser that runs as long again.
  it('no request leaves the browser in any flow', { timeout: 240_000 }, async () => {
    const flows = await runEveryFlow(session);
    expect(flows).toEqual(expect.arrayContaining(['install and seed', 'popup search and film card', 'options', 'IMDb import and removal']));
    expect(flows).toHaveLength(4 + sites.length);
    // Nothing from a page or content script but the fixture pages themselves.
    expect(fromPages).toEqual([]);
    // Nothing from anywhere (service worker and extension pages included) to a host the browser alone does not
    // contact for the same pages.
    const own = await browserOwnHosts(Date.now() - launched);
    expect(recorder.requests.filter((r) => !own.has(hostOf(r)))).toEqual([]);
  });
});

describe('least privilege: the built manifests', () => {
  const chrome = JSON.parse(readFileSync(resolve(OUTPUT, 'chrome-mv3/manifest.json'), 'utf8')) as Record<string, unknown>;
  const firefoxPath = resolve(OUTPUT, 'firefox-mv2/manifest.json');
  const manifests: Array<[string, Record<string, unknown>]> = [['chrome-mv3', chrome]];
  if (existsSync(firefoxPath)) manifests.push(['firefox-mv2', JSON.parse(readFileSync(firefoxPath, 'utf8')) as Record<string, unknown>]);
  const allowedMatches = new Set(sites.flatMap((s) => s.matches));

  it('builds for Firefox too (npm test zips it before this runs)', () => {
    expect(manifests.map(([name]) => name)).toContain('firefox-mv2');
  });

  it.each(manifests)('%s: asks only for storage; no host permissions beyond the content scripts’ streaming hosts', (_name, m) => {
    expect(m.permissions).toEqual(['storage']);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.host_permissions ?? []).toEqual([]);
    const scripts = (m.content_scripts ?? []) as Array<{ matches: string[] }>;
    for (const script of scripts) for (const match of script.matches) expect(allowedMatches.has(match), match).toBe(true);
  });

  it.each(manifests)('%s: no remote code, no externally reachable resources, no eval in the CSP', (_name, m) => {
    const csp = m.content_security_policy;
    const text = typeof csp === 'string' ? csp : String((csp as { extension_pages?: string } | undefined)?.extension_pages ?? '');
    expect(text).toMatch(/script-src 'self'(;|$)/);
    expect(text).toMatch(/object-src 'none'/);
    expect(text).toMatch(/connect-src 'self'/);
    expect(text).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it('no built script loads code from the network or evaluates strings', () => {
    const files = ['background.js', ...((chrome.content_scripts ?? []) as Array<{ js: string[] }>).flatMap((c) => c.js)];
    for (const file of files) {
      const code = readFileSync(resolve(OUTPUT, 'chrome-mv3', file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(|importScripts\(\s*['"]https?:/);
      expect(code, file).not.toMatch(/fetch\(\s*['"`]https?:/);
    }
  });
});
