import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, type MessageKey } from '../../../lib/text/i18n';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const file = join(import.meta.dirname, '../../../public/_locales/en/messages.json');
const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;

describe('i18n', () => {
  it('has a message and a description for translators on every key, and only valid key names', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/); // the browsers' rule for message names
      expect(entry.message, key).toBeTruthy();
      expect(entry.description, key).toBeTruthy();
    }
  });

  it('declares every $placeholder$ a message uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(entry.placeholders?.[(name ?? '').toLowerCase()], `${key}: $${name}$`).toBeDefined();
      }
    }
  });

  it('falls back to the English text when the browser has none (fake browser)', () => {
    expect(t('optionsTitle')).toBe('Credits Cue settings');
    expect(t('statusMoved', ['IMDb', '2', '8'])).toBe('IMDb moved to position 2 of 8. Saved');
    expect(t('sourceMoveUpLabel', ['TMDb'])).toBe('Move TMDb up');
    expect(t('nope' as MessageKey)).toBe('nope');
  });
});

/** Every locale the adapters' storefronts serve, besides English (Chrome's folder names). */
const LOCALES = ['de', 'fr', 'es', 'it', 'pt_BR', 'ja'] as const;

function localeFile(locale: string): Record<string, Entry> {
  return JSON.parse(readFileSync(join(import.meta.dirname, `../../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, Entry>;
}

/** The $1…$9 and $NAME$ a message uses, sorted (a translation may order them differently). */
function references(message: string): string[] {
  return [...message.matchAll(/\$[A-Za-z0-9_]+\$|\$[1-9]/g)].map((m) => m[0]).sort();
}

/** Brands and numbers-only messages, the same in every language. */
const SAME_IN_EVERY = new Set(['extName', 'optionsVersion', 'sourceMetacritic']);
/** Words a language spells as English does ("no", "votes", "Sites"). */
const SPELT_ALIKE: Record<(typeof LOCALES)[number], string[]> = {
  de: ['sectionSpoilers'],
  fr: ['sectionSites', 'sectionSpoilers', 'combinedSources', 'scoreVotesOne', 'scoreVotesOther'],
  es: ['sectionSpoilers', 'answerNo'],
  it: ['answerNo'],
  pt_BR: ['sectionSites', 'sectionSpoilers'],
  ja: [],
};

describe.each(LOCALES)('the %s messages', (locale) => {
  const translated = localeFile(locale);

  it('have exactly the English keys, each with its placeholders', () => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(messages).sort());
    for (const [key, entry] of Object.entries(messages)) {
      const own = translated[key];
      expect(own?.message, `${locale} ${key}`).toBeTruthy();
      expect(references(own?.message ?? ''), `${locale} ${key}`).toEqual(references(entry.message));
      expect(own?.placeholders, `${locale} ${key}`).toEqual(entry.placeholders);
    }
  });

  it('are translations, not copies of the English (brands, pure placeholders and words spelt alike aside)', () => {
    const same = Object.keys(messages).filter((key) => translated[key]?.message === messages[key]?.message && !/^[$\d\s:：]*$/.test(messages[key]?.message ?? ''));
    expect(same.filter((key) => !SAME_IN_EVERY.has(key) && !SPELT_ALIKE[locale].includes(key)), locale).toEqual([]);
  });

  it('name their own language for numbers, plurals and lists, and their page language', () => {
    const tag = translated.intlLocale?.message ?? '';
    expect(Intl.NumberFormat.supportedLocalesOf([tag])).toEqual([tag]);
    expect(tag.replace('-', '_')).toBe(locale);
    expect(translated.htmlLang?.message).toBe(tag);
  });
});
