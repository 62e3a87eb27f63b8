import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, type MessageKey } from '../../../lib/i18n';

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
