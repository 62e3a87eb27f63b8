/**
 * The extension's mark (assets/icon.svg) rendered to PNG at the sizes the manifest, the toolbar and the stores use.
 * Each size is rendered from the vector at that size (not scaled down from a large bitmap), so the 16 px toolbar
 * icon keeps the edges the SVG puts on its 16 px grid. Used by the build (wxt.config.ts) and `npm run store`.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

export const ICON_SVG = resolve(import.meta.dirname, '../assets/icon.svg');
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** The SVG's own size: its viewBox is 128 units square, drawn at 72 dpi. */
const SVG_SIZE = 128;

/** One PNG of the mark, `size` pixels square. */
export function iconPng(size: number): Promise<Buffer> {
  return sharp(ICON_SVG, { density: (72 * size) / SVG_SIZE }).resize(size, size).png().toBuffer();
}

/** Writes `<outDir>/<size>.png` for every size in ICON_SIZES. */
export async function writeIcons(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) await sharp(await iconPng(size)).toFile(join(outDir, `${size}.png`));
}
