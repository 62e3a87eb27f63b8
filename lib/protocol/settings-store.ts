/**
 * Where the settings live: one object under `SETTINGS_KEY` in `browser.storage.sync`, the channel every context
 * shares (the options page and the popup write, open badges watch). The shape, defaults, migrations and validation
 * are lib/core/settings.ts; only the storage calls are here.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, SETTINGS_VERSION, defaultSettings, normalizeSettings, parseSettings, type Settings } from '../core/settings';
import { isRecord } from '../core/guards';


async function readRaw(): Promise<unknown> {
  const items = await browser.storage.sync.get(SETTINGS_KEY);
  return items[SETTINGS_KEY];
}

/**
 * The viewer's settings, migrated and validated. Read-only on purpose: every badge calls this on page load, and
 * writing the upgraded object back from each tab would spend storage.sync's write quota and race between tabs. The
 * upgraded shape is stored on the next save; migrating again until then is cheap and gives the same result.
 */
export async function loadSettings(): Promise<Settings> {
  return parseSettings(await readRaw());
}

/** Writes run one after another so two quick changes (two clicks) cannot each overwrite the other's field. */
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Applies `patch` over the saved settings and stores the result at the current version. Invalid values in the patch
 * are ignored (the saved value stays). Returns what was stored.
 */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return enqueue(async () => {
    const raw = await readRaw();
    const current = parseSettings(raw);
    const next = normalizeSettings({ ...current, ...patch }, current);
    // Written by a newer build (another browser on sync): keep its version and the fields only it knows, so this
    // older build updates the shared fields without pulling the newer one back down a version.
    const newer = isRecord(raw) && typeof raw.version === 'number' && raw.version > SETTINGS_VERSION ? raw : { version: SETTINGS_VERSION };
    await browser.storage.sync.set({ [SETTINGS_KEY]: { ...newer, ...next } });
    return next;
  });
}

/** Forgets every choice. Removing the key (rather than writing the defaults) lets future default changes apply. */
export function resetSettings(): Promise<Settings> {
  return enqueue(async () => {
    await browser.storage.sync.remove(SETTINGS_KEY);
    return defaultSettings();
  });
}

/**
 * Calls `callback` with the new settings whenever they change in sync storage, from any page or browser, so open
 * badges and pages apply a change at once. Returns the function that stops watching.
 */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'sync' || !change) return;
    callback(parseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
