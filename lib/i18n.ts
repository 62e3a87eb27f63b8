/**
 * Text lookup for every user-facing string. The browser picks the viewer's language from public/_locales/; the
 * English file is also bundled here as the fallback, because `browser.i18n.getMessage` returns '' for a missing key
 * (and is not available at all in unit tests' fake browser), and a blank label is worse than an English one.
 */
import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const fallbackMessages: Readonly<Record<string, MessageEntry>> = english;

/**
 * The English text with substitutions applied the way browsers do it: `$NAME$` becomes its placeholder's content,
 * then `$1`…`$9` become the substitutions, and `$$` is a literal `$`.
 */
function formatFallback(key: MessageKey, substitutions: readonly string[]): string {
  const entry = fallbackMessages[key];
  if (!entry) return key;
  const placeholders = entry.placeholders ?? {};
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = placeholders[name.toLowerCase()]?.content;
    return content ?? whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_whole, ref: string) => (ref === '$' ? '$' : (substitutions[Number(ref) - 1] ?? '')));
}

/**
 * The browser's own lookup, typed loosely: WXT narrows `getMessage` to the keys of the default locale it generated
 * types for, which are only there once the manifest names a `default_locale`; our `MessageKey` already checks keys.
 */
interface LooseI18n {
  getMessage(key: string, substitutions?: string | string[]): string;
}

/** The message `key` in the viewer's language, with `substitutions` for its placeholders ($1…$9). */
export function t(key: MessageKey, substitutions: readonly string[] = []): string {
  let text = '';
  try {
    const i18n = browser.i18n as unknown as LooseI18n;
    text = i18n.getMessage(key, substitutions.length > 0 ? [...substitutions] : undefined);
  } catch {
    // Not an extension page (unit tests, a page opened from disk): the English fallback below applies.
  }
  return text || formatFallback(key, substitutions);
}
