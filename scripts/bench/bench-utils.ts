/**
 * Small pieces the benchmarks share: a seeded PRNG and seeded draws from the bundled dataset's most-voted films
 * (samples and generated data are the same on every run), the nearest-rank percentile, and timed round trips over
 * the background's port from an extension page.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { popularity } from '../../lib/core/film-index';
import { parseDatasetBytes } from '../../lib/core/load-dataset';
import { DATASET_PATH, type Film } from '../../lib/core/schema';

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` items drawn without replacement, in the order `random` draws them. */
export function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = items.slice();
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    const i = Math.floor(random() * pool.length);
    out.push(pool.splice(i, 1)[0] as T);
  }
  return out;
}

/** The films of the bundled dataset (assets/), as the background parses them. */
export async function loadFilms(): Promise<Film[]> {
  const bytes = await readFile(resolve(import.meta.dirname, '../../assets', DATASET_PATH));
  return (await parseDatasetBytes(bytes)).films;
}

/** The `count` most-voted of `films` (what people watch), ties by id so the pool is the same on every run. */
export function mostVoted(films: readonly Film[], count: number): Film[] {
  return films.slice().sort((a, b) => popularity(b) - popularity(a) || (a.id < b.id ? -1 : 1)).slice(0, count);
}

/** Nearest-rank percentile (`p` in 0–100) of an ascending list; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/**
 * Round trips of `type` requests over the port protocol lib/protocol/messages.ts's client uses (connect with the channel
 * name, post {id, message}, reply {id, result}), timed in the page (page code cannot import the client), in ms.
 */
export async function portTimes(page: Page, requests: ReadonlyArray<{ type: string; data: unknown }>): Promise<number[]> {
  const { times, errors } = await page.evaluate(async (requests) => {
    type Reply = { id: number; result?: { ok?: boolean; error?: string } };
    type Port = { postMessage(m: unknown): void; onMessage: { addListener(f: (m: Reply) => void): void }; disconnect(): void };
    const { chrome } = globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } };
    const port = chrome.runtime.connect({ name: 'credits-cue/v1' });
    let settle: (() => void) | undefined;
    const errors: string[] = [];
    port.onMessage.addListener((reply) => {
      if (reply.result?.ok !== true) errors.push(reply.result?.error ?? 'no result');
      settle?.();
    });
    const times: number[] = [];
    let id = 0;
    for (const { type, data } of requests) {
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        settle = resolve;
        port.postMessage({ id: id++, message: { channel: 'credits-cue/v1', type, data } });
      });
      times.push(performance.now() - t0);
    }
    port.disconnect();
    return { times, errors };
  }, requests);
  // A timed error is no answer: the figure would be the speed of a refusal.
  if (errors.length > 0) throw new Error(`${errors.length} of ${requests.length} requests failed: ${errors[0] ?? ''}`);
  return times;
}

/** What a content script sends when a player shows a film's title (lib/content/run-site.ts). */
export function matchRequest(title: string, year: number | undefined): { title: string; year?: number; kind: 'movie' } {
  return year === undefined ? { title, kind: 'movie' } : { title, year, kind: 'movie' };
}

/**
 * Titles to look up as players show them: 100 films drawn with a fixed seed from the 5,000 most-voted films of the
 * bundled dataset (what people watch), title and year, the same on every run of the same dataset.
 */
export async function lookupSample(count = 100): Promise<Array<[string, number | undefined]>> {
  const movies = (await loadFilms()).filter((f) => f.kind === 'movie');
  return pick(mostVoted(movies, 5000), count, seededRandom(2026_12)).map((f): [string, number | undefined] => [f.title, f.year]);
}

/**
 * Runs `main` when `file` (the caller's `import.meta.filename`) is the script node was started with, so a bench
 * module is both importable and runnable (`npx tsx scripts/bench/<name>.ts`); a failure prints and exits 1.
 */
export function runWhenMain(file: string, main: () => Promise<unknown>): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== resolve(file)) return;
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
