import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The colour variables of the extension pages (popup and options): name → [light, dark]. */
function palette(): Map<string, [string, string]> {
  const css = readFileSync(join(import.meta.dirname, '../../../components/theme.css'), 'utf8');
  const found = new Map<string, [string, string]>();
  for (const m of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
    found.set(m[1] ?? '', [m[2] ?? '', m[3] ?? '']);
  }
  return found;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

// Text on its backgrounds needs 4.5:1 (AA, normal size); control edges, the focus ring and the switch's parts 3:1
// (WCAG 1.4.11 non-text contrast).
const TEXT: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['ok', 'bg'],
  ['on-accent', 'accent'],
  ['on-danger', 'danger'],
  // The popup's score colours, on the page and on the film card.
  ['good', 'bg'],
  ['good', 'surface'],
  ['mixed', 'bg'],
  ['mixed', 'surface'],
  ['bad', 'bg'],
  ['bad', 'surface'],
  ['grey', 'bg'],
  ['grey', 'surface'],
  ['accent', 'surface'],
];
const NON_TEXT: [string, string][] = [
  ['border', 'bg'],
  ['border', 'surface'],
  ['focus', 'bg'],
  ['focus', 'surface'],
  ['accent', 'bg'],
  ['danger', 'bg'],
];

describe('options page colours meet WCAG AA in both themes', () => {
  const colours = palette();
  it('reads the palette', () => {
    expect(colours.size).toBeGreaterThanOrEqual(10);
  });
  for (const [theme, index] of [['light', 0], ['dark', 1]] as const) {
    it.each([...TEXT.map((p) => [...p, 4.5] as const), ...NON_TEXT.map((p) => [...p, 3] as const)])(
      `${theme}: --%s on --%s ≥ %s:1`,
      (fg, bg, min) => {
        const a = colours.get(fg)?.[index];
        const b = colours.get(bg)?.[index];
        expect(a && b, `${fg}/${bg} defined`).toBeTruthy();
        expect(contrast(a ?? '', b ?? '')).toBeGreaterThanOrEqual(min);
      },
    );
  }
});
