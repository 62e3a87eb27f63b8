import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

import { DATASET_KEYS_PATH } from './lib/core/quick-index';
import { DATASET_PATH } from './lib/core/schema';
import { datasetKeysFile } from './scripts/dataset-keys';
import { ICON_SIZES, writeIcons } from './scripts/icons';
import { messagesFallback } from './scripts/messages-fallback';

/** The extension pages' content security policy (popup, options, background, the import worker). */
const EXTENSION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// See README "Layout". Auto-imports are off so every dependency is an explicit, greppable import.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [messagesFallback()] }),
  hooks: {
    // The dataset is committed under assets/ (the pipeline's output) and shipped as a file beside the manifest:
    // copied, not imported, because an import would inline 2 MB of base64 into the background script.
    'build:publicAssets': async (wxt, files) => {
      files.push({ absoluteSrc: resolve(import.meta.dirname, 'assets', DATASET_PATH), relativeDest: DATASET_PATH });
      // Its index keys, made at build time (scripts/dataset-keys.ts): the first page after install is answered
      // without indexing 50,000 titles in the worker first.
      files.push({ absoluteSrc: await datasetKeysFile(), relativeDest: DATASET_KEYS_PATH });
      // One mark, drawn once (assets/icon.svg): rendered at each size the manifest and the toolbar use.
      const dir = resolve(wxt.config.wxtDir, 'icons');
      await writeIcons(dir);
      for (const size of ICON_SIZES) files.push({ absoluteSrc: resolve(dir, `${size}.png`), relativeDest: `icons/${size}.png` });
    },
  },
  manifest: ({ browser }) => ({
    // Name and description come from the messages of the browser's language (public/_locales/*/messages.json).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    icons: Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icons/${size}.png`])),
    // A browser-level shortcut for the badge on the tab in front, beside the in-page one (Alt+Shift+C by default);
    // the browser's shortcuts page changes it.
    commands: {
      'toggle-badge': { suggested_key: { default: 'Alt+Shift+B' }, description: '__MSG_commandToggleBadge__' },
    },
    // public/_locales/ holds the English messages (lib/text/i18n.ts); a manifest with _locales must name its default.
    default_locale: 'en',
    // Only what is used: storage for settings. IndexedDB needs no permission.
    permissions: ['storage'],
    // Strict pages: own scripts only (no remote code, no eval), no plugins, and nothing fetched from anywhere but the
    // extension itself (the bundled dataset). Styles are files or CSSOM, never inline attributes.
    content_security_policy:
      browser === 'firefox'
        ? EXTENSION_CSP
        : { extension_pages: EXTENSION_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'credits-cue@credits-cue.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
