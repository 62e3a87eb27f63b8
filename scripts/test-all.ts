/**
 * `npm test`: typecheck, lint, unit tests, build + zip for Chrome and Firefox, `web-ext lint` of the Firefox build,
 * then the real-Chromium e2e suite and the real-Firefox one. Ends with one line `N passed, N failed` summed over unit,
 * e2e and Firefox e2e (the workplace CI reads that line; Vitest's own summary is not one it knows). Exits non-zero if
 * any step fails.
 *
 * Without Chromium (or firefox-esr): under CI=true that e2e step fails with a clear message; elsewhere it is skipped
 * with one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const isCi = process.env.CI === 'true' || process.env.CI === '1';

interface Counts {
  passed: number;
  failed: number;
}

const failures: string[] = [];
const totals: Counts = { passed: 0, failed: 0 };

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  if (!ok) failures.push(label);
  return ok;
}

/** Runs a Vitest suite with a JSON report beside the normal one, and adds its counts to the totals. */
function vitest(label: string, config: string | undefined, report: string): void {
  rmSync(resolve(root, report), { force: true });
  const args = ['vitest', 'run', ...(config ? ['--config', config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  run(label, 'npx', args);
  if (!existsSync(resolve(root, report))) {
    failures.push(`${label} (no report)`);
    totals.failed++;
    return;
  }
  const json = JSON.parse(readFileSync(resolve(root, report), 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
  console.log(`${label}: ${json.numPassedTests} passed, ${json.numFailedTests} failed`);
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  // A suite that ran nothing is a broken suite, not a green one.
  if (json.numTotalTests === 0) failures.push(`${label} (no tests ran)`);
}

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('lint', 'npx', ['eslint', '.']);
vitest('unit', undefined, '.ci-unit.json');
const built = run('build + zip (chrome-mv3)', 'npx', ['wxt', 'zip']) && run('build + zip (firefox)', 'npx', ['wxt', 'zip', '-b', 'firefox']);
// Errors fail the step; warnings are only printed (UNSAFE_VAR_ASSIGNMENT: Preact's own innerHTML code).
if (built) run('web-ext lint (firefox-mv2)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-input']);

if (!existsSync(chromium)) {
  const message = `e2e: Chromium not found at ${chromium}. Install it with "apt-get install chromium" or set CHROMIUM_PATH.`;
  if (isCi) {
    console.error(`✗ ${message}`);
    failures.push('e2e (no Chromium)');
  } else {
    console.warn(`⚠ ${message} Skipping the e2e suite (it is required under CI=true).`);
  }
} else if (built) {
  // The e2e suite loads .output/chrome-mv3, which `wxt zip -b firefox` does not touch: rebuild to be sure.
  if (run('build (chrome-mv3 for e2e)', 'npx', ['wxt', 'build'])) vitest('e2e', 'vitest.e2e.config.ts', '.ci-e2e.json');
} else {
  failures.push('e2e (build failed)');
}

if (!existsSync(firefox)) {
  const message = `Firefox e2e: firefox-esr not found at ${firefox}. Install it with "apt-get install firefox-esr" or set FIREFOX_PATH.`;
  if (isCi) {
    console.error(`✗ ${message}`);
    failures.push('firefox e2e (no Firefox)');
  } else {
    console.warn(`⚠ ${message} Skipping the Firefox e2e suite (it is required under CI=true).`);
  }
} else if (built) {
  // Loads .output/firefox-mv2 as left by `wxt zip -b firefox` above (the Chromium builds write only chrome-mv3).
  vitest('firefox e2e', 'vitest.firefox.config.ts', '.ci-firefox.json');
} else {
  failures.push('firefox e2e (build failed)');
}

if (failures.length > 0) console.error(`\n✗ failed steps: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
