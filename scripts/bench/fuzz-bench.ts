/**
 * The fuzz suite as a bench metric (issue #7): `npx tsx scripts/bench/fuzz-bench.ts` prints the metrics, and
 * `npm run bench` reports them from `runFuzz`.
 *
 * The properties are the suite's own (tests/fuzz/*.fuzz.test.ts), run by Vitest in its happy-dom environment, so
 * the bench runs exactly what `npm test` runs; the counts come from the one table both read (tests/fuzz/cases.ts).
 *
 * - fuzz_cases: hostile inputs tried: every property's generated runs (fixed seed) plus the dedicated worst cases
 *   (1 MB strings, the truncated asset).
 * - fuzz_seconds: wall time of that run, Vitest's start-up included.
 * A failing property fails the bench: a number of cases tried means nothing if one of them broke something.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { totalFuzzCases } from '../../tests/fuzz/cases';
import { runWhenMain } from './bench-utils';

const root = resolve(import.meta.dirname, '../..');

export interface FuzzBench {
  fuzz_cases: number;
  fuzz_seconds: number;
}

export async function runFuzz(): Promise<FuzzBench> {
  const started = performance.now();
  // Vitest's report goes to stderr: the bench's stdout is its table.
  const status = await new Promise<number | null>((done, fail) => {
    const child = spawn('npx', ['vitest', 'run', 'tests/fuzz'], { cwd: root, stdio: ['ignore', 2, 2] });
    child.on('error', fail);
    child.on('close', done);
  });
  if (status !== 0) throw new Error(`fuzz suite failed (vitest exit ${String(status)})`);
  return { fuzz_cases: totalFuzzCases(), fuzz_seconds: Math.round((performance.now() - started) / 100) / 10 };
}

runWhenMain(import.meta.filename, async () => console.log(JSON.stringify(await runFuzz(), null, 2)));
