/**
 * What a viewer in another language reads: the verdict, extras, counts, scores and dates through that locale's
 * messages and Intl (the browser picks the messages; here the fake browser answers with a locale's file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { verdictText } from '../../../lib/text/credits-text';
import type { FilmCredits } from '../../../lib/core/schema';
import { formatDate, formatNumber } from '../../../lib/text/i18n';
import { ratingSource } from '../../../lib/core/ratings/sources';
import { scoreText } from '../../../lib/text/score-text';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** The browser's getMessage over one locale's file: named placeholders, then $1…$9. */
function speak(locale: string): void {
  const messages = JSON.parse(readFileSync(join(import.meta.dirname, `../../../public/_locales/${locale}/messages.json`), 'utf8')) as Messages;
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole);
    return named.replace(/\$([1-9])/g, (_w, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
}

const credits = (c: Partial<FilmCredits>): FilmCredits => ({ state: 'none', mid: 'no', post: 'no', extras: [], statements: [], ...c });
const imdb = ratingSource('imdb');
const rt = ratingSource('rt-critics');
if (!imdb || !rt) throw new Error('registry lacks imdb or rt-critics');

afterEach(() => fakeBrowser.reset());

describe('in other languages', () => {
  it('German: verdicts, extras joined the German way, numbers and dates', () => {
    speak('de');
    expect(verdictText(credits({ extras: ['audio', 'stills'] }))).toBe('Keine Szene nach dem Abspann – nur ein Ton und Standbilder');
    expect(verdictText(credits({ state: 'mid-post', mid: 'yes', post: 'yes', midCount: 3, postCount: 2 }))).toBe('Bleib dran: 3 im Abspann + 2 Szenen danach');
    expect(scoreText(imdb, 7.1, 10)).toBe('7,1');
    expect(scoreText(rt, 92, 100)).toBe('92\u00a0%'); // a no-break space, as German sets it
    expect(formatNumber(50915)).toBe('50.915');
    expect(formatDate('2026-10-02')).toBe('02.10.2026');
  });

  it('Japanese and Brazilian Portuguese', () => {
    speak('ja');
    expect(verdictText(credits({ state: 'post', post: 'yes', postCount: 1 }))).toBe('席を立たないで：クレジット後に 1 シーン');
    expect(verdictText(credits({ extras: ['audio'] }))).toBe('クレジット後のシーンはありません（音声のみ）');
    expect(scoreText(imdb, 7.1, 10)).toBe('7.1');
    speak('pt_BR');
    expect(verdictText(credits({ state: 'mid', mid: 'yes', midCount: 2 }))).toBe('Fique: 2 cenas durante os créditos');
    expect(formatNumber(1234.5, { maximumFractionDigits: 1 })).toBe('1.234,5');
  });

  it('French: one and several, the French way', () => {
    speak('fr');
    expect(verdictText(credits({ state: 'post', post: 'yes', postCount: 1 }))).toBe('Restez : 1 scène après le générique');
    expect(verdictText(credits({ state: 'post', post: 'yes', postCount: 2 }))).toBe('Restez : 2 scènes après le générique');
  });
});
