/**
 * Titles people can read. The credits feeds spell titles as lower-case keys ("weapons", "driver's ed"); a film only
 * they know would show "weapons (2025)". After the merge (which already prefers a cased title from any source of
 * the same film), a film whose title is still a lower-case key gets:
 * 1. the casing of the same title as another source spells it (the same words, e.g. a catalogue's "Weapons" or a
 *    remake's): casing belongs to the words, not to one film;
 * 2. else a title-case rule (Chicago style: capitalised words, minor words lower case inside the title, numerals
 *    and sequel numerals as written): typography, not a fact, and counted apart by the audit.
 * A film with no title at all (a Kometa entry whose only title was lent by the order alignment, or came from
 * MovieLens, which may not be redistributed) is not shipped: nothing could show it or find it.
 */
import type { DatasetInput, Film } from '../../lib/core/schema';
import { normalizeTitle } from '../../lib/core/match/normalize';
import type { SourceRecord } from './types';

/** Has cased letters and none of them upper case: the credits feeds' keys ("guardians of the galaxy"). */
export function isLowerCaseKey(title: string): boolean {
  return title === title.toLowerCase() && title !== title.toUpperCase();
}

/** A record's titles: its title, original title and alternative titles, in that order, without empty ones. */
export function recordTitles(r: SourceRecord): string[] {
  return [r.title, r.originalTitle, ...(r.altTitles ?? [])].filter((t): t is string => t !== undefined && t !== '');
}

/**
 * For every lower-case title among the records, the first cased spelling of the same words another shown title
 * has (records come in input priority order). Two passes keep it small on a full-dump build: only the words some
 * lower-case title needs are looked for.
 */
export function casingDictionary(records: readonly SourceRecord[]): Map<string, string> {
  const needed = new Set<string>();
  for (const r of records) if (r.title && isLowerCaseKey(r.title)) needed.add(normalizeTitle(r.title));
  const casing = new Map<string, string>();
  if (needed.size === 0) return casing;
  for (const r of records) {
    if (r.titleHidden) continue;
    for (const t of recordTitles(r)) {
      if (isLowerCaseKey(t)) continue;
      const key = normalizeTitle(t);
      if (needed.has(key) && !casing.has(key)) casing.set(key, t);
    }
  }
  return casing;
}

/**
 * Words kept lower case inside a title (Chicago: articles, coordinating conjunctions, short prepositions). "Up",
 * "off" and "out" are left out: in titles they are mostly adverbs ("Knocked Up", "Blow Out"), capitalised.
 */
const MINOR = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'on', 'per', 'to', 'via', 'vs', 'v']);
const ROMAN = /^(?:ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)$/;

function capitalise(word: string): string {
  // Letters after an apostrophe stay lower case ("driver's"); each part of a hyphenated word is capitalised.
  return word.replace(/(^|[-–/(])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

/** Chicago-style title case of a lower-case title. */
export function titleCase(title: string): string {
  const words = title.split(' ');
  const last = words.length - 1;
  let startsPhrase = true;
  return words
    .map((word, i) => {
      const bare = word.replace(/[^\p{L}\p{N}']/gu, '');
      const first = startsPhrase;
      startsPhrase = /[:.!?–-]$/.test(word) || word === '-' || word === '–';
      if (ROMAN.test(bare) && i > 0) return word.toUpperCase();
      if (bare === 'i') return word.replace('i', 'I');
      if (!first && i !== last && MINOR.has(bare)) return word;
      return capitalise(word);
    })
    .join(' ');
}

export interface TitleFixes {
  /** Films whose title took another source's casing of the same words. */
  fromSource: number;
  /** Films whose title was cased by the title-case rule. */
  byRule: number;
  /** Films left out for having no title. */
  untitled: number;
  /** Those films' statements by input id (what their leaving out costs). */
  untitledStatements: Record<string, number>;
  examples: Array<{ id: string; from: string; to: string; how: 'source' | 'rule' }>;
}

/** Applies the casing in place and returns the films that have a title (see the file comment). */
export function fixTitles(films: readonly Film[], casing: ReadonlyMap<string, string>, inputs: readonly DatasetInput[]): { films: Film[]; fixes: TitleFixes } {
  const fixes: TitleFixes = { fromSource: 0, byRule: 0, untitled: 0, untitledStatements: {}, examples: [] };
  const kept: Film[] = [];
  for (const film of films) {
    if (film.title.trim() === '') {
      fixes.untitled++;
      for (const s of film.credits.statements) {
        const id = inputs[s.input]?.id ?? '?';
        fixes.untitledStatements[id] = (fixes.untitledStatements[id] ?? 0) + 1;
      }
      continue;
    }
    if (isLowerCaseKey(film.title)) {
      const from = film.title;
      const cased = casing.get(normalizeTitle(from));
      film.title = cased ?? titleCase(from);
      if (cased) fixes.fromSource++;
      else fixes.byRule++;
      if (fixes.examples.length < 8) fixes.examples.push({ id: film.id, from, to: film.title, how: cased ? 'source' : 'rule' });
    }
    kept.push(film);
  }
  return { films: kept, fixes };
}
