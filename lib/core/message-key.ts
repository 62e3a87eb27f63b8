/**
 * The keys of the extension's messages (public/_locales/en/messages.json): a type only, so core modules can name the
 * message that says a thing without reaching for the browser's lookup (that is lib/text/i18n.ts).
 */
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
