/**
 * Real Chromium with the built extension loaded (shared/research/toolchain.md): Debian `chromium` driven by
 * playwright-core over a CDP pipe, headless, offline. Streaming sites are served from fixtures by request routing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** A page of the extension (popup.html), the context tests send messages from. */
  page: Page;
  close(): Promise<void>;
}

export async function launchExtension(): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'credits-cue-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return {
    context,
    worker,
    extensionId,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Sends one message-map request from an extension page, exactly as the popup and content scripts do. */
export async function send<T = unknown>(page: Page, type: string, data: unknown): Promise<{ ok: boolean; value?: T; error?: string }> {
  return page.evaluate(
    async ([type, data]) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ channel: 'credits-cue/v1', type, data });
    },
    [type, data] as const,
  ) as Promise<{ ok: boolean; value?: T; error?: string }>;
}

export interface StatusValue {
  state: string;
  done: number;
  total: number;
  version?: string;
  resumedFrom?: number;
  error?: string;
}

/** Polls getStatus until the seed is ready (or fails). */
export async function waitReady(page: Page, timeoutMs = 30_000): Promise<StatusValue> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await send<StatusValue>(page, 'getStatus', {});
    if (reply.value?.state === 'ready') return reply.value;
    if (reply.value?.state === 'error') throw new Error(`Seed failed: ${reply.value.error}`);
    if (Date.now() > deadline) throw new Error(`Seed not ready after ${timeoutMs} ms: ${JSON.stringify(reply)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stops every service worker of the browser, as Chrome does to an idle MV3 worker (or a crash would). */
export async function stopServiceWorkers(session: ExtensionSession): Promise<void> {
  const cdp = await session.context.newCDPSession(session.page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
