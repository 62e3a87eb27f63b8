/**
 * `npm run store`: everything the Chrome Web Store and addons.mozilla.org ask for, in store/:
 * - the Chrome and Firefox zips and the Firefox sources zip (`wxt zip`, run here so a fresh clone needs nothing else);
 * - 1280×800 screenshots of the badge in the player, the credits alert, the popup's film card and the options page,
 *   in English and German (screenshots/<lang>/), taken by the demo's own scenes (scripts/screens.ts) in real
 *   Chromium started in that language, each under a caption in that language;
 * - a 440×280 promo tile (promo-tile.png), the 128 px store icon (icon-128.png);
 * - listing.md: name and short description per language (the manifest's own messages), the long descriptions,
 *   category, single-purpose statement, and why each permission is asked for (scripts/store-listing.ts).
 * Every picture is composed in Chromium from the extension's real pages, so the fonts and colours are the product's.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, waitReady, type ExtensionSession } from '../tests/e2e/harness';
import { iconPng } from './icons';
import { badgeInPlayer, creditsAlert, GUARDIANS, optionsPage, popupCard } from './screens';
import { CAPTIONS, CATEGORY, JUSTIFICATIONS, LONG_DESCRIPTIONS, SINGLE_PURPOSE, STORE_LANGUAGES } from './store-listing';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'store');
const SCREEN = { width: 1280, height: 800 } as const;
const CAPTION_HEIGHT = 80;
/** The scenes are shot at the size left under the caption, so they are never scaled. */
const SCENE = { width: SCREEN.width, height: SCREEN.height - CAPTION_HEIGHT } as const;
const TILE = { width: 440, height: 280 } as const;

type Messages = Record<string, { message: string }>;

function messages(lang: string): Messages {
  return JSON.parse(readFileSync(resolve(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const FRAME_CSS = `
  * { box-sizing: border-box; margin: 0; }
  body { width: ${SCREEN.width}px; height: ${SCREEN.height}px; overflow: hidden; background: #1b1f2a; font-family: system-ui, 'DejaVu Sans', sans-serif; }
  header { height: ${CAPTION_HEIGHT}px; display: flex; align-items: center; gap: 18px; padding: 0 32px; color: #fff; }
  header img { width: 44px; height: 44px; }
  header h1 { font-size: 30px; font-weight: 650; letter-spacing: -0.01em; }
  main { height: ${SCENE.height}px; display: flex; align-items: center; justify-content: center; }
  main.backdrop { background: radial-gradient(circle at 50% 40%, #f2a93b 0%, #b86f00 70%, #7a4a00 100%); }
  main.backdrop img { box-shadow: 0 18px 48px rgba(0, 0, 0, 0.45); border-radius: 10px; }
`;

/** One store screenshot: the caption and the mark over a scene (a full-width shot, or a small page on a backdrop). */
async function compose(page: Page, caption: string, scene: Buffer, small: boolean, icon: Buffer): Promise<Buffer> {
  await page.setViewportSize(SCREEN);
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><style>${FRAME_CSS}</style>` +
      `<header><img src="${dataUrl(icon)}" alt=""><h1>${escapeHtml(caption)}</h1></header>` +
      `<main class="${small ? 'backdrop' : ''}"><img src="${dataUrl(scene)}" alt=""></main>`,
  );
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  return page.screenshot({ clip: { x: 0, y: 0, ...SCREEN } });
}

async function promoTile(page: Page, icon: Buffer, name: string, tagline: string): Promise<Buffer> {
  await page.setViewportSize(TILE);
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><style>
      * { box-sizing: border-box; margin: 0; }
      body { width: ${TILE.width}px; height: ${TILE.height}px; overflow: hidden; display: flex; flex-direction: column; align-items: center;
        justify-content: center; gap: 14px; background: #1b1f2a; color: #fff; font-family: system-ui, 'DejaVu Sans', sans-serif; text-align: center; padding: 0 28px; }
      img { width: 96px; height: 96px; }
      h1 { font-size: 34px; font-weight: 700; letter-spacing: -0.01em; }
      p { font-size: 16px; line-height: 1.35; color: #f2c27a; }
    </style><img src="${dataUrl(icon)}" alt=""><h1>${escapeHtml(name)}</h1><p>${escapeHtml(tagline)}</p>`,
  );
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  return page.screenshot({ clip: { x: 0, y: 0, ...TILE } });
}

/**
 * The four scenes in one language, each composed into a captioned 1280×800 screenshot. `then` gets the composing
 * page before the browser closes, for a picture that needs only a Chromium to draw it, not a browser of its own.
 */
async function screenshots(lang: 'en' | 'de', icon: Buffer, then?: (page: Page) => Promise<void>): Promise<string[]> {
  const dir = join(OUT, 'screenshots', lang);
  mkdirSync(dir, { recursive: true });
  const session: ExtensionSession = await launchExtension({ lang, viewport: SCENE });
  const written: string[] = [];
  try {
    await waitReady(session.page);
    const frame = await session.context.newPage();
    const shots = new Map<string, Buffer>();
    const keep = async (page: Page, name: string): Promise<void> => {
      // The fixture player has no picture: a dim gradient stands in for one (it shows nothing of any film).
      if (name === 'badge' || name === 'alert') {
        await page.addStyleTag({
          content:
            '.webPlayerSDKContainer, .atvwebplayersdk-player-container, .rendererContainer, .atvwebplayersdk-video-surface, video { background: transparent !important; }' +
            ' .dv-player-fullscreen { background: radial-gradient(ellipse at 30% 45%, #2c3e63 0%, #151b2b 55%, #07090e 100%) !important; }',
        });
      }
      shots.set(name, await page.screenshot());
    };
    await (await badgeInPlayer(session, keep, { film: GUARDIANS, name: 'badge' })).close();
    await (await creditsAlert(session, keep, 'alert')).close();
    await (await popupCard(session, keep, { name: 'popup' })).close();
    await (await optionsPage(session, keep, { name: 'options', viewport: SCENE })).close();
    const order = ['badge', 'alert', 'popup', 'options'] as const;
    for (const [i, name] of order.entries()) {
      const scene = shots.get(name);
      if (!scene) throw new Error(`no ${name} screenshot`);
      const png = await compose(frame, CAPTIONS[lang][name], scene, name === 'popup', icon);
      const path = join(dir, `${i + 1}-${name}.png`);
      writeFileSync(path, png);
      written.push(path);
    }
    await then?.(frame);
  } finally {
    await session.close();
  }
  return written;
}

function listing(version: string): string {
  const lines = [
    '# Credits Cue — store listing',
    '',
    `Version ${version}. Category: ${CATEGORY.chrome} (Chrome Web Store), ${CATEGORY.firefox} (addons.mozilla.org).`,
    'Privacy policy: PRIVACY.md (also inside the extension, linked from the options page).',
    '',
    '## Single purpose',
    '',
    SINGLE_PURPOSE,
    '',
    '## Permissions and why',
    '',
    ...JUSTIFICATIONS.map((j) => `- **${j.what}**: ${j.why}`),
    '',
  ];
  for (const lang of STORE_LANGUAGES) {
    const m = messages(lang);
    lines.push(`## ${lang}`, '', `**Name:** ${m.extName?.message ?? ''}`, '', `**Short description:** ${m.extDescription?.message ?? ''}`, '', '**Description:**', '', LONG_DESCRIPTIONS[lang], '');
  }
  lines.push('## Pictures', '', '- screenshots/en/, screenshots/de/: 1280×800, in this order: badge in the player, credits alert, popup film card, options page', '- promo-tile.png: 440×280', '- icon-128.png', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  console.log('store: building the zips…');
  // The Chrome zip is built from a production build in .output/chrome-mv3, which the e2e harness loads for the
  // pictures below; the Firefox zip builds into .output/firefox-mv2 and leaves it as it is.
  run('npx', ['wxt', 'zip']);
  run('npx', ['wxt', 'zip', '-b', 'firefox']);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const zips = readdirSync(resolve(ROOT, '.output')).filter((f) => f.endsWith('.zip') && f.includes(pkg.version));
  for (const zip of zips) copyFileSync(resolve(ROOT, '.output', zip), join(OUT, zip));

  const icon = await iconPng(128);
  writeFileSync(join(OUT, 'icon-128.png'), icon);
  const en = messages('en');
  const tile = async (page: Page): Promise<void> =>
    writeFileSync(join(OUT, 'promo-tile.png'), await promoTile(page, icon, en.extName?.message ?? 'Credits Cue', 'Is there a scene after the credits? Know before you leave.'));
  const written = [...(await screenshots('en', icon, tile)), ...(await screenshots('de', icon))];
  writeFileSync(join(OUT, 'listing.md'), listing(pkg.version));
  console.log(`\nstore/ written:\n  ${[...zips, 'icon-128.png', 'promo-tile.png', 'listing.md'].join('\n  ')}\n  ${written.map((p) => p.slice(OUT.length + 1)).join('\n  ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
