/**
 * The bridge for data only a service's own scripts hold (Disney+ `mediaPlaybackCriteria`, Netflix's player state,
 * Peacock's `startOfCredits`): docs/research/streaming-detection.md §11.1. A content script runs in an isolated world and
 * cannot see page globals or expando properties, so a tiny script in the page's world (a WXT `world: 'MAIN'`
 * content script, `entrypoints/<site>-page.content.ts`) reads them with the site's reader and writes the result,
 * sanitized JSON, into one attribute on `<html>`. The adapter reads it back with `readPageData(doc)`, like any other
 * DOM fact, so adapters stay pure functions of a Document and fixture pages can carry the attribute.
 *
 * Why an attribute and not window.postMessage or CustomEvent: it is synchronous to read inside `detect`, survives
 * the content script starting after the page script, needs no listener bookkeeping, and the runtime's
 * MutationObserver already wakes on attribute changes. The page can write it too, but the page can equally rewrite
 * its own DOM: it is treated with exactly the same distrust (sanitized, capped, validated) on both sides.
 */
import * as v from 'valibot';
import { plainObject } from '../core/guards';
import { clip } from './dom';

export const PAGE_DATA_ATTRIBUTE = 'data-credits-cue-page';
/** Longest attribute value read; a sanitized record is far shorter. */
const MAX_ENCODED_LENGTH = 4096;
/** Seconds: nothing plays longer than 24 hours. */
const MAX_SECONDS = 86_400;

/**
 * A page string as every adapter reads one (`clip`: capped before the regex runs, so a 1 MB string costs what a
 * short one does, whitespace collapsed, capped again); empty is no string.
 */
const PageText = v.pipe(v.string(), v.transform<string, string>(clip), v.nonEmpty());

const Seconds = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_SECONDS));

/** A field a page may leave out or get wrong: a wrong value is dropped on its own, never the whole record. */
function optionalField<const S extends v.GenericSchema>(schema: S): v.SchemaWithFallback<v.OptionalSchema<S, undefined>, undefined> {
  return v.fallback(v.optional(schema), undefined);
}

/** The one description of page data: the PageData type is read from it, and every record is checked against it. */
const PageDataSchema = plainObject({
  /** The playing (or shown) title as the service names it. */
  title: optionalField(PageText),
  /** Second line: the episode line for episodes ("S1:E2 Transplanted"), absent for films. */
  subtitle: optionalField(PageText),
  /** The service's own type for the title, where its data says so. */
  kind: optionalField(v.picklist(['movie', 'episode'])),
  year: optionalField(v.pipe(v.number(), v.integer(), v.minValue(1870), v.maxValue(2100))),
  /** The service's id for the playing item. */
  serviceId: optionalField(PageText),
  /** Seconds into the title where the service's end-credits marker sits. */
  creditsStart: optionalField(Seconds),
  /** Position and duration in seconds, from the service's own clock (Disney+ `video.currentTime` is not usable). */
  position: optionalField(Seconds),
  duration: optionalField(Seconds),
});

/** What a page-world reader may report. Every field is optional; unknown stays absent, never guessed. */
export type PageData = v.InferOutput<typeof PageDataSchema>;

/** Any value → a valid PageData with only known, well-typed, capped fields; null when nothing usable is left. */
export function sanitizePageData(value: unknown): PageData | null {
  let parsed: v.SafeParseResult<typeof PageDataSchema>;
  try {
    parsed = v.safeParse(PageDataSchema, value);
  } catch {
    // A rejected value is described in its issue (by its prototype's constructor name): a hostile page object (a
    // Proxy whose traps throw) can make that throw, and such a value leaves nothing usable.
    return null;
  }
  if (!parsed.success) return null;
  const out = parsed.output;
  for (const key of Object.keys(out) as Array<keyof PageData>) if (out[key] === undefined) delete out[key];
  return Object.keys(out).length > 0 ? out : null;
}

/** What the page world last published, sanitized again on this side; null when absent or malformed. */
export function readPageData(doc: Document): PageData | null {
  const raw = doc.documentElement?.getAttribute(PAGE_DATA_ATTRIBUTE);
  if (!raw || raw.length > MAX_ENCODED_LENGTH) return null;
  try {
    return sanitizePageData(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Writes (or removes) the attribute, only when the value changed, so an unchanged poll wakes no observer. */
export function publishPageData(doc: Document, data: unknown): void {
  const root = doc.documentElement;
  if (!root) return;
  const clean = sanitizePageData(data);
  const encoded = clean ? JSON.stringify(clean) : null;
  if (encoded === root.getAttribute(PAGE_DATA_ATTRIBUTE)) return;
  if (encoded === null) root.removeAttribute(PAGE_DATA_ATTRIBUTE);
  else root.setAttribute(PAGE_DATA_ATTRIBUTE, encoded);
}

/** How often the page world is read. The readers are a few property lookups; once a second is plenty for a title. */
export const PAGE_POLL_MS = 1000;

/**
 * Runs in the page's world: reads with `read` now and every PAGE_POLL_MS, publishing changes. A reader that throws
 * (the service renamed a property, a hostile getter) publishes nothing for that tick. Returns a stop function.
 */
export function runPageWorld(read: (win: Window) => unknown, win: Window = window, intervalMs = PAGE_POLL_MS): () => void {
  const tick = (): void => {
    let data: unknown = null;
    try {
      data = read(win);
    } catch {
      data = null;
    }
    publishPageData(win.document, data);
  };
  tick();
  const id = win.setInterval(tick, intervalMs);
  return () => win.clearInterval(id);
}

/** `obj[a][b]…` where every step is an object; undefined as soon as one is not (or a getter throws). */
export function pathOf(obj: unknown, ...keys: string[]): unknown {
  let cur: unknown = obj;
  try {
    for (const key of keys) {
      if ((typeof cur !== 'object' && typeof cur !== 'function') || cur === null) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
  } catch {
    return undefined;
  }
  return cur;
}
