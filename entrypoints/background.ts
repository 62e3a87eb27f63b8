import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createFilmService } from '~/lib/background/film-service';
import { gunzipText, parseDatasetBytes } from '~/lib/core/load-dataset';
import { DATASET_KEYS_PATH, decodeDatasetKeys } from '~/lib/core/quick-index';
import { handleMessages } from '~/lib/protocol/server';
import { t } from '~/lib/text/i18n';
import { askTab } from '~/lib/protocol/client';
import { toolbarBadge, type ToolbarBadge } from '~/lib/background/toolbar-badge';
import bundledManifest from '~/assets/dataset-manifest.json';
import { DATASET_PATH } from '~/lib/core/schema';

/** storage.local key of the e2e-only seed throttle (see SeedOptions.chunkDelayMs). */
const SEED_DELAY_KEY = 'debug:seedChunkDelayMs';

/** The browser-level shortcut (manifest `commands`, changeable on the browser's shortcuts page). */
export const TOGGLE_BADGE_COMMAND = 'toggle-badge';

/** The toolbar button: `action` in Chrome's MV3, `browserAction` in Firefox's MV2. */
function toolbar(): typeof browser.action {
  return (browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction);
}

/** Shows a tab's toolbar signal (lib/background/toolbar-badge.ts), or takes it off: the default icon, title and no badge. */
async function showToolbar(tabId: number, badge: ToolbarBadge | null): Promise<void> {
  const action = toolbar();
  await Promise.all([
    action.setBadgeText({ tabId, text: badge?.text ?? '' }),
    action.setTitle({ tabId, title: badge?.title ?? t('extName') }),
    ...(badge?.text ? [action.setBadgeBackgroundColor({ tabId, color: badge.color })] : []),
  ]);
  if (badge?.text && action.setBadgeTextColor) await action.setBadgeTextColor({ tabId, color: '#ffffff' });
}

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
    async reportDetected(film, context) {
      const { tabId } = context;
      if (tabId === undefined) return null;
      // The toolbar says at a glance what the tab's film holds; nothing for episodes, unknown titles, other pages.
      const shown = film.filmId === null ? null : await service.handlers.getFilm({ id: film.filmId }, context);
      await showToolbar(tabId, toolbarBadge(shown)).catch(() => undefined);
      return null;
    },
  });
  // A new document in the tab: its signal goes until that page's content script (if any) reports again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url !== undefined) void showToolbar(tabId, null).catch(() => undefined);
  });
  // The browser-level shortcut shows or hides the badge on the tab in front, as the in-page shortcut does.
  browser.commands.onCommand.addListener((command) => {
    if (command !== TOGGLE_BADGE_COMMAND) return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id === undefined ? undefined : askTab(tab.id, 'toggleBadge')))
      .catch(() => undefined);
  });
  // Seed on install and update, and resume on every worker start (a worker stopped mid-seed lands here again).
  browser.runtime.onInstalled.addListener(() => void service.ensureSeeded().catch(console.error));
  void service.ensureSeeded().catch(console.error);
});
