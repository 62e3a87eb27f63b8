import { defineConfig } from 'wxt';

// See README "Layout". Auto-imports are off so every dependency is an explicit, greppable import.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Credits Cue',
    description:
      'Is there a scene after the credits? See it, and the film’s ratings, right in the player. Works offline; nothing leaves your browser.',
    // Only what is used: storage for settings. IndexedDB needs no permission.
    permissions: ['storage'],
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
