/**
 * Text lookup for every user-facing string. The browser picks the viewer's language from public/_locales/; the
 * English file is also bundled here as the fallback, because `browser.i18n.getMessage` returns '' for a missing key
 * (and is not available at all in unit tests' fake browser), and a blank label is worse than an English one.
 */
import { browser } from 'wxt/browser';
import english from '../../public/_locales/en/messages.json';
import { formatNumberIn } from '../core/format-number';
import type { MessageKey } from '../core/message-key';

export type { MessageKey };

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

/**
 * The language the messages shown are in, for Intl (lists, plurals, numbers, dates): each locale's messages.json
 * names its own in `intlLocale`, so the formatting follows the words actually shown, not the browser's UI language.
 */
export function uiLocale(): string {
  return t('intlLocale');
}

/** A number as the shown language writes it ("1,234" / "1.234" / "7,1"); English where Intl refuses the tag. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return formatNumberIn(uiLocale(), n, options);
}

/** `one` or `other` for `n` as the shown language counts (Intl.PluralRules): "1 scene", "2 scenes". */
export function plural(n: number, one: MessageKey, other: MessageKey, substitutions: readonly string[]): string {
  let category = n === 1 ? 'one' : 'other';
  try {
    category = new Intl.PluralRules(uiLocale()).select(n);
  } catch {
    // An unknown locale tag: English's rule above.
  }
  return t(category === 'one' ? one : other, substitutions);
}

/** A list as the shown language joins one ("a, b and c"). */
export function formatList(items: readonly string[]): string {
  try {
    return new Intl.ListFormat(uiLocale(), { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * A date the data gives as YYYY-MM-DD, YYYY-MM or YYYY, as the shown language writes dates ("2 Oct 2026",
 * "2. Okt. 2026"); a year alone stays as it is, anything else too.
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day === undefined ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(uiLocale(), options).format(date);
  } catch {
    return iso;
  }
}
