/**
 * lib/'s layering holds because the linter enforces it (eslint.config.js, LAYERS): a core module that reaches for a
 * browser API, storage or UI fails `npx eslint .`, and so does anything in lib/ that imports components/.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['lib/core/x.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;\n"],
    ['lib/core/x.ts', "import { openDB } from 'idb';\nexport const o = openDB;\n"],
    ['lib/core/match/x.ts', "import { t } from '../../text/i18n';\nexport const x = t;\n"],
    ['lib/core/x.ts', "import type { Db } from '../background/store';\nexport type X = Db;\n"],
    ['lib/content/x.ts', "import { Badge } from '../../components/badge';\nexport const x = Badge;\n"],
    ['lib/x.ts', "import { Badge } from '../components/badge';\nexport const x = Badge;\n"],
    ['lib/sites/x.ts', "import { sendMessage } from '../protocol/client';\nexport const x = sendMessage;\n"],
    ['lib/background/x.ts', "import { runSite } from '../content/run-site';\nexport const x = runSite;\n"],
  ])('%s: %s fails', async (file, code) => {
    expect(await problems(file, code)).not.toEqual([]);
  });

  it.each([
    ['lib/core/x.ts', "import { normalizeTitle } from './match/normalize';\nexport const x = normalizeTitle;\n"],
    ['lib/content/x.ts', "import { sendMessage } from '../protocol/client';\nimport { sites } from '../sites/index';\nexport const x = [sendMessage, sites];\n"],
    ['lib/background/x.ts', "import { openDB } from 'idb';\nimport { t } from '../text/i18n';\nexport const x = [openDB, t];\n"],
    ['components/x.tsx', "import { runSite } from '../lib/content/run-site';\nexport const x = runSite;\n"],
  ])('%s: %s passes', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
