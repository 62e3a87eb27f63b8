/**
 * The Node data pipeline on full-size IMDb dumps (issue #6): `npm run data:build -- --imdb DIR --out <temp>` timed
 * wall-clock, with the peak resident memory of the process that does the work.
 *
 * - pipeline_full_s: wall time of the whole build, process start to exit (readers, the three dumps, merge, gzip).
 * - pipeline_peak_rss_mb: peak RSS (MiB) of the build's node process. Measured by GNU time (`/usr/bin/time -f %M`,
 *   the kernel's ru_maxrss of the largest process in the tree) when present; otherwise by polling
 *   /proc/<pid>/status VmHWM (the kernel's own high-water mark) of the node child every 50 ms. Goal <= 400.
 *
 * The dataset is written to a temporary folder (never assets/) that is removed afterwards.
 * CLI: `npx tsx scripts/bench/pipeline-bench.ts [DIR]` (default: the generated full-size dumps, made if missing).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateImdbDumps } from './imdb-gen';
import { runWhenMain } from './bench-utils';

const ROOT = resolve(import.meta.dirname, '../..');
const GNU_TIME = '/usr/bin/time';

export interface PipelineBench {
  pipeline_full_s: number;
  pipeline_peak_rss_mb: number;
}

export interface PipelineBenchDetails extends PipelineBench {
  /** How the peak was measured. */
  rss_method: 'gnu-time' | 'proc-vmhwm';
  /** The build's own summary lines (films, records per input, skipped rows). */
  output: string;
}

function vmHwmKb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export async function measurePipelineDetails(dir: string): Promise<PipelineBenchDetails> {
  const out = mkdtempSync(join(tmpdir(), 'credits-cue-pipeline-'));
  // The node process itself (tsx as an import hook, no wrapper process), so its peak is the build's peak.
  const command = [process.execPath, '--import', 'tsx', join(ROOT, 'scripts/build-dataset.ts'), '--imdb', resolve(dir), '--out', out];
  const useTime = existsSync(GNU_TIME);
  const argv = useTime ? [GNU_TIME, '-f', 'CREDITS_CUE_MAXRSS_KB=%M', ...command] : command;
  try {
    const started = performance.now();
    const child = spawn(argv[0] ?? process.execPath, argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let peakKb = 0;
    const poll = useTime
      ? undefined
      : setInterval(() => {
          if (child.pid !== undefined) peakKb = Math.max(peakKb, vmHwmKb(child.pid) ?? 0);
        }, 50);
    const code = await new Promise<number | null>((res, rej) => {
      child.on('error', rej);
      child.on('close', (c) => res(c));
    });
    const seconds = (performance.now() - started) / 1000;
    if (poll) clearInterval(poll);
    if (code !== 0) throw new Error(`data:build exited with ${code}:\n${stderr.slice(-4000)}`);
    if (useTime) {
      const m = /CREDITS_CUE_MAXRSS_KB=(\d+)/.exec(stderr);
      if (!m) throw new Error(`no peak RSS from ${GNU_TIME}:\n${stderr.slice(-2000)}`);
      peakKb = Number(m[1]);
    }
    return {
      pipeline_full_s: Math.round(seconds * 10) / 10,
      pipeline_peak_rss_mb: Math.round(peakKb / 1024),
      rss_method: useTime ? 'gnu-time' : 'proc-vmhwm',
      output: stdout,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function measurePipeline(dir: string): Promise<PipelineBench> {
  const { pipeline_full_s, pipeline_peak_rss_mb } = await measurePipelineDetails(dir);
  return { pipeline_full_s, pipeline_peak_rss_mb };
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? (await generateImdbDumps({ log: (l) => console.error(l) })).dir;
  const details = await measurePipelineDetails(dir);
  console.log(details.output);
  const { output: _output, ...metrics } = details;
  console.log(JSON.stringify(metrics, null, 2));
}

runWhenMain(import.meta.filename, main);
