/**
 * `npm run bench`: speed and size goals, measured (never asserted in tests). Builds the extension, runs it in
 * headless Chromium, prints a table and writes bench-results.json (not committed). Metric names are contracts.
 *
 * - seed_ms: full seed of the bundled dataset in the service worker (fetch + gunzip + parse + IndexedDB writes),
 *   median of fresh seeds after clearing the database. Goal <= 2000.
 * - lookup_p50_ms / lookup_p99_ms: findFilms round trip from an extension page over the client's port. Goal p50 <= 1.
 * - dataset_bytes: the compressed asset. Goal <= 3 MB.
 * - films: films in the dataset.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATASET_PATH, MANIFEST_PATH } from '../lib/data/schema';
import { launchExtension, send, stopServiceWorkers, waitReady, type ExtensionSession, type StatusValue } from '../tests/e2e/harness';

const root = resolve(import.meta.dirname, '..');

interface Metric {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

async function freshSeedMs(session: ExtensionSession): Promise<number> {
  await stopServiceWorkers(session);
  await session.page.evaluate(
    () =>
      new Promise<void>((res, rej) => {
        const del = indexedDB.deleteDatabase('credits-cue');
        del.onsuccess = () => res();
        del.onerror = () => rej(del.error);
      }),
  );
  const status: StatusValue & { seedMs?: number } = await waitReady(session.page);
  if (status.seedMs === undefined) throw new Error('status carries no seedMs');
  return status.seedMs;
}

/**
 * Times findFilms round trips from an extension page over the same port protocol lib/messaging.ts uses
 * (connect with the channel name, post {id, message}, reply {id, result}). Page code cannot import the client.
 */
async function lookupTimes(session: ExtensionSession, titles: Array<[string, number | undefined]>): Promise<number[]> {
  return session.page.evaluate(async (queries) => {
    type Port = { postMessage(m: unknown): void; onMessage: { addListener(f: (m: { id: number }) => void): void } };
    const { chrome } = globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } };
    const port = chrome.runtime.connect({ name: 'credits-cue/v1' });
    let settle: (() => void) | undefined;
    port.onMessage.addListener(() => settle?.());
    const times: number[] = [];
    let id = 0;
    for (const [title, year] of queries) {
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        settle = resolve;
        port.postMessage({ id: id++, message: { channel: 'credits-cue/v1', type: 'findFilms', data: { title, year } } });
      });
      times.push(performance.now() - t0);
    }
    return times;
  }, titles);
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');

  const manifest = JSON.parse(readFileSync(resolve(root, 'assets', MANIFEST_PATH), 'utf8')) as { counts: { films: number } };
  const metrics: Metric[] = [];
  const session = await launchExtension();
  try {
    await waitReady(session.page);
    const seeds: number[] = [];
    for (let i = 0; i < 3; i++) seeds.push(await freshSeedMs(session));
    seeds.sort((a, b) => a - b);
    metrics.push({ name: 'seed_ms', value: percentile(seeds, 50), unit: 'ms', goal: '<= 2000', ok: percentile(seeds, 50) <= 2000 });

    // Real titles from the dataset, through the same API the content scripts use.
    const sample = (await send<Array<{ title: string; year?: number }>>(session.page, 'searchPrefix', { prefix: 'the', limit: 100 })).value ?? [];
    const queries = sample.map((f): [string, number | undefined] => [f.title, f.year]);
    await lookupTimes(session, queries.slice(0, 20)); // warm-up
    const times = (await lookupTimes(session, Array.from({ length: 1000 }, (_, i) => queries[i % queries.length] ?? ['x', undefined]))).sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    metrics.push({ name: 'lookup_p50_ms', value: +p50.toFixed(3), unit: 'ms', goal: '<= 1', ok: p50 <= 1 });
    metrics.push({ name: 'lookup_p99_ms', value: +percentile(times, 99).toFixed(3), unit: 'ms' });
  } finally {
    await session.close();
  }
  const bytes = statSync(resolve(root, 'assets', DATASET_PATH)).size;
  metrics.push({ name: 'dataset_bytes', value: bytes, unit: 'B', goal: '<= 3000000', ok: bytes <= 3_000_000 });
  metrics.push({ name: 'films', value: manifest.counts.films, unit: '' });

  console.log('\nmetric            value        goal');
  for (const m of metrics) {
    const mark = m.ok === undefined ? ' ' : m.ok ? '✓' : '✗';
    console.log(`${mark} ${m.name.padEnd(16)} ${String(m.value).padStart(10)} ${m.unit.padEnd(3)} ${m.goal ?? ''}`);
  }
  const results = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  writeFileSync(resolve(root, 'bench-results.json'), `${JSON.stringify({ date: new Date().toISOString(), results, metrics }, null, 2)}\n`);
  console.log('\nwrote bench-results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
