/**
 * `npm run store` from the repository as it is: the zips, the screenshots at the stores' sizes in English and
 * German, the promo tile, and a listing in every language the extension speaks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { STORE_LANGUAGES } from '../../scripts/store-listing';

const ROOT = resolve(import.meta.dirname, '../..');
const STORE = join(ROOT, 'store');

describe('npm run store', () => {
  it('writes the package: zips, 1280×800 screenshots in two languages, a 440×280 tile, the listing', async () => {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/store.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const zip of ['chrome', 'firefox', 'sources']) expect(existsSync(join(STORE, `credits-cue-${version}-${zip}.zip`)), zip).toBe(true);
    for (const lang of ['en', 'de']) {
      const shots = readdirSync(join(STORE, 'screenshots', lang)).sort();
      expect(shots).toEqual(['1-badge.png', '2-alert.png', '3-popup.png', '4-options.png']);
      for (const shot of shots) expect(await sharp(join(STORE, 'screenshots', lang, shot)).metadata(), `${lang}/${shot}`).toMatchObject({ width: 1280, height: 800 });
    }
    expect(await sharp(join(STORE, 'promo-tile.png')).metadata()).toMatchObject({ width: 440, height: 280 });
    expect(await sharp(join(STORE, 'icon-128.png')).metadata()).toMatchObject({ width: 128, height: 128 });
    const listing = readFileSync(join(STORE, 'listing.md'), 'utf8');
    for (const lang of STORE_LANGUAGES) expect(listing).toContain(`## ${lang}\n`);
    expect(listing).toContain('Kommt nach dem Abspann noch eine Szene?');
    expect(listing).toContain('## Single purpose');
    expect(listing).toContain('**storage**');
  }, 300_000);
});
