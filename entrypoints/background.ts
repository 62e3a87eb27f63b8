import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createFilmService } from '~/lib/data/film-service';
import { gunzipText, parseDatasetBytes } from '~/lib/data/load-dataset';
import { DATASET_KEYS_PATH, decodeDatasetKeys } from '~/lib/data/quick-index';
import { handleMessages } from '~/lib/messaging';
import { forgetTab, recallTabFilm, rememberTabFilm } from '~/lib/tab-films';
import bundledManifest from '~/assets/dataset-manifest.json';
import { DATASET_PATH } from '~/lib/data/schema';

/** storage.local key of the e2e-only seed throttle (see SeedOptions.chunkDelayMs). */
const SEED_DELAY_KEY = 'debug:seedChunkDelayMs';

export default defineBackground(() => {
  const service = createFilmService({
    bundledVersion: bundledManifest.version,
    async loadDataset() {
      // Copied beside the manifest by wxt.config.ts; a root-relative URL resolves inside the extension's own
      // origin in Chrome's worker and Firefox's background page alike (never a network request).
      const response = await fetch(`/${DATASET_PATH}`);
      if (!response.ok) throw new Error(`Bundled dataset missing (HTTP ${response.status}).`);
      return parseDatasetBytes(await response.arrayBuffer());
    },
    async loadDatasetKeys(version, films) {
      // Optional: without it (a build that lacks the file) the worker indexes the films itself.
      const response = await fetch(`/${DATASET_KEYS_PATH}`);
      return response.ok ? decodeDatasetKeys(await gunzipText(await response.arrayBuffer()), version, films) : undefined;
    },
    async chunkDelayMs() {
      const value: unknown = (await browser.storage.local.get(SEED_DELAY_KEY))[SEED_DELAY_KEY];
      return typeof value === 'number' ? value : undefined;
    },
  });
  handleMessages({
    ...service.handlers,
    async openSearch({ query }) {
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(query)}`) });
      return null;
    },
    async reportDetected(film, { tabId }) {
      if (tabId !== undefined) await rememberTabFilm(tabId, film);
      return null;
    },
    getTabFilm: ({ tabId }) => recallTabFilm(tabId),
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // Seed on install and update, and resume on every worker start (a worker stopped mid-seed lands here again).
  browser.runtime.onInstalled.addListener(() => void service.ensureSeeded().catch(console.error));
  void service.ensureSeeded().catch(console.error);
});
