/**
 * What each tab's content script last detected, so the popup can put the tab's film on top. Kept in
 * storage.session where the browser has it (survives a service-worker restart, gone with the browser session:
 * nothing about what you watch is written to disk), else in memory.
 */
import { browser } from 'wxt/browser';
import type { TabFilm } from './messaging';

const KEY = (tabId: number): string => `tab:${tabId}`;

type SessionArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };

function sessionArea(): SessionArea | undefined {
  return (browser.storage as unknown as { session?: SessionArea }).session;
}

const memory = new Map<number, TabFilm>();

export async function rememberTabFilm(tabId: number, film: TabFilm): Promise<void> {
  const session = sessionArea();
  if (session) await session.set({ [KEY(tabId)]: film });
  else memory.set(tabId, film);
}

export async function recallTabFilm(tabId: number): Promise<TabFilm | null> {
  const session = sessionArea();
  if (!session) return memory.get(tabId) ?? null;
  const value = (await session.get(KEY(tabId)))[KEY(tabId)];
  return typeof value === 'object' && value !== null ? (value as TabFilm) : null;
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await sessionArea()?.remove(KEY(tabId));
}
