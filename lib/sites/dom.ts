/**
 * The DOM reading every adapter does the same way: selector lists tried in order, capped text, "shown" without
 * layout, and reads that never throw. Shared by every site adapter, so nothing here names a service's selectors.
 */
import { capLength, MAX_TITLE_LENGTH, normalizePageText, parseRuntime, parseYear } from '../core/clean-title';
import type { DetectedTitle, SignalId, SignalReport } from './types';

/** Alternatives for one thing on a page, most reliable first. */
export type SelectorList = readonly string[];

/** Every match of every alternative, in alternative order. */
export function all(root: ParentNode, list: SelectorList): Element[] {
  return list.flatMap((selector) => Array.from(root.querySelectorAll(selector)));
}

/** The first match of the first alternative that matches. */
export function first(root: ParentNode, list: SelectorList): Element | null {
  for (const selector of list) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** A page string capped and with runs of whitespace collapsed; nothing decoded; '' for anything not a string. */
export function clip(value: unknown): string {
  return typeof value === 'string' ? capLength(capLength(value, MAX_TITLE_LENGTH * 2).replace(/\s+/g, ' ').trim()) : '';
}

/** The text as read (an image's alt for title artwork), clipped. */
export function textOf(el: Element): string {
  return clip(el.tagName === 'IMG' ? el.getAttribute('alt') : el.textContent);
}

/**
 * The first element of `list` (in alternative order) with visible text: control or bidi marks alone are empty.
 * `skip` leaves out elements that carry another title (a next-up card naming the next film).
 */
export function firstWithText(root: ParentNode, list: SelectorList, skip?: (el: Element) => boolean): { el: Element; text: string } | null {
  for (const el of all(root, list)) {
    if (skip?.(el)) continue;
    const text = textOf(el);
    if (normalizePageText(text)) return { el, text };
  }
  return null;
}

/** Drops optional fields that came out undefined, so detections compare and serialise cleanly. */
export function compact(d: DetectedTitle): DetectedTitle {
  for (const key of ['year', 'runtime', 'serviceId', 'episodeLine', 'signal'] as const) if (d[key] === undefined) delete d[key];
  return d;
}

/** Runs a DOM read; a malformed or hostile page yields the fallback instead of an exception. */
export function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export interface ShownOptions {
  /** Also count `aria-hidden="true"` as hidden (players that hide their overlays only that way). */
  ariaHidden?: boolean;
}

/**
 * Not hidden by attribute or inline style between `el` and `root` (the whole ancestry without one). No layout is
 * needed, so it works in unit tests on parsed fixtures as in the browser.
 */
export function isShown(el: Element, root?: Element | null, options: ShownOptions = {}): boolean {
  const stop = root ? root.parentElement : null;
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    if (options.ariaHidden && node.getAttribute('aria-hidden') === 'true') return false;
    const style = (node as Partial<HTMLElement>).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** The first shown `list` element under `root` that can be clicked (a "watch credits" button), or null. */
export function shownControl(root: Element, list: SelectorList, shown: (el: Element) => boolean): HTMLElement | null {
  const el = all(root, list).find(shown);
  return el && typeof (el as Partial<HTMLElement>).click === 'function' ? (el as HTMLElement) : null;
}

/** A player on the page: its wrapper and the content video inside it. */
export interface Player {
  root: Element;
  video: HTMLVideoElement;
}

/**
 * The first player wrapper (in alternative order) that holds a content <video>: key on what plays, not on the URL
 * (research §12.2).
 */
export function playerWithVideo(doc: ParentNode, players: SelectorList, videos: SelectorList): Player | null {
  for (const root of all(doc, players)) {
    const video = all(root, videos).find((el) => el.tagName === 'VIDEO');
    if (video) return { root, video: video as HTMLVideoElement };
  }
  return null;
}

/** A metadata item that is a running time and nothing else: "1h 43m", "2 hr 5 min", "103 min". */
const RUNTIME_ITEM = /^\d{1,2}\s*(?:h|hr|hrs)(?:\s*\d{1,2}\s*m(?:in)?)?$|^\d{1,3}\s*m(?:in)?$/i;

/**
 * Year and runtime from short metadata items whose whole text is one of them ("2010", "1h 43m", "103 min"), so a
 * rating, a season count or a genre is never misread as either. Leaf elements only.
 */
export function yearAndRuntime(items: readonly Element[]): { year?: number; runtime?: number } {
  let year: number | undefined;
  let runtime: number | undefined;
  for (const el of items) {
    if (el.children.length > 0) continue;
    const text = normalizePageText(el.textContent ?? '', 40);
    if (year === undefined && /^\d{4}$/.test(text)) year = parseYear(text);
    else if (runtime === undefined && RUNTIME_ITEM.test(text)) runtime = parseRuntime(text);
  }
  return { year, runtime };
}

/**
 * A detail page's detection, with the signal it was read by: a series page never carries a runtime (its items are
 * per episode).
 */
export function detailDetection(
  title: string,
  rawTitle: string,
  series: boolean,
  facts: { year?: number; runtime?: number },
  serviceId: string | undefined,
  signal: SignalId,
): DetectedTitle {
  return compact({
    page: 'detail',
    kind: series ? 'series' : 'movie',
    title,
    rawTitle,
    year: facts.year,
    runtime: series ? undefined : facts.runtime,
    serviceId,
    signal,
  });
}

/** Whether `el` is inside (or is) a match of any alternative of `list`: a card or overlay whose text is not the title. */
export function inside(el: Element, list: SelectorList): boolean {
  return list.some((s) => el.closest(s) !== null);
}

/** Two titles equal but for case: a player's heading and the page under it may differ only in that. */
export function sameTitle(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/**
 * A title out of a page string of the service's own form (a tab title, an og:title): `forms` are tried in order and
 * the first that matches gives the title (its first capture group). Undefined when none matches: a string of
 * another form (a hub page, a loading title) names no film.
 */
export function titleOfForms(text: string, forms: readonly RegExp[]): string | undefined {
  for (const form of forms) {
    const title = clip(form.exec(text)?.[1]);
    if (normalizePageText(title)) return title;
  }
  return undefined;
}

/** The tab title without the service's own words (`titleOfForms` on it), or undefined. */
export function tabTitle(doc: Document, forms: readonly RegExp[]): string | undefined {
  return titleOfForms(clip(doc.title), forms);
}

/** The page report's signal list: each reader run (never throwing), found when it read anything. */
export function signalReports(readers: ReadonlyArray<readonly [SignalId, () => unknown]>): SignalReport[] {
  return readers.map(([signal, read]) => ({ signal, found: Boolean(safely(read, undefined)) }));
}
