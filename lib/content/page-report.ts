/**
 * "Copy page report" (issue #13): a short, private description of a page the badge cannot read, for a bug report.
 * Built only when the viewer asks for it in the popup, copied to the clipboard there, and sent nowhere else.
 *
 * It says which site and page kind this is (the URL path, never its query), which of the adapter's signals the page
 * has, what was read (kind and signal, never the title), and the structure around the player: tag names, test-hook
 * names (`data-testid`, `data-uia`, `data-automation-id`) and class names only. No text content, no ids, no other
 * attribute values: nothing the viewer watched or typed, nothing that identifies them.
 */
import { safely } from '../sites/dom';
import type { DetectedTitle, SiteAdapter } from '../sites/types';

/** The attributes whose names say what an element is to the site's own tests; their values are kept. */
const HOOKS = ['data-testid', 'data-uia', 'data-automation-id'] as const;
/** Bounds: a report stays short whatever the page does. */
const MAX_DEPTH = 6;
const MAX_NODES = 160;
const MAX_CLASSES = 4;
const MAX_NAME = 48;

/** A class or hook name as plain [A-Za-z0-9_-] (anything else could carry text), capped. */
function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '').slice(0, MAX_NAME);
}

/** One element as `tag.class[hook=value]`: no id, no text, no other attribute. */
export function describeElement(el: Element): string {
  const tag = el.tagName.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, MAX_NAME);
  const classes = Array.from(el.classList)
    .map(safeName)
    .filter(Boolean)
    .slice(0, MAX_CLASSES)
    .map((c) => `.${c}`)
    .join('');
  const hooks = HOOKS.map((name) => {
    const value = el.getAttribute(name);
    return value === null ? '' : `[${name}=${safeName(value)}]`;
  }).join('');
  return `${tag}${classes}${hooks}`;
}

/** The element's subtree (open shadow roots included), indented, breadth-bounded and depth-bounded. */
function outline(root: Element, lines: string[]): void {
  const walk = (el: Element, depth: number): void => {
    if (lines.length >= MAX_NODES) return;
    lines.push(`${'  '.repeat(depth)}${describeElement(el)}`);
    if (depth >= MAX_DEPTH) return;
    const shadow = el.shadowRoot;
    if (shadow) {
      lines.push(`${'  '.repeat(depth + 1)}#shadow-root`);
      for (const child of Array.from(shadow.children)) walk(child, depth + 2);
    }
    for (const child of Array.from(el.children)) walk(child, depth + 1);
  };
  walk(root, 0);
}

/** How the badge read the page, without the title. */
function readingOf(detected: DetectedTitle | null): string {
  if (!detected) return 'nothing';
  return `a ${detected.kind} on a ${detected.page} page, by the ${detected.signal ?? 'page'} signal${detected.year ? ', with a year' : ''}`;
}

export interface PageReportInput {
  adapter: SiteAdapter;
  doc: Document;
  url: URL;
  /** The extension's version, for the report's reader. */
  version?: string;
}

/** The report's text. Pure: reads the page as it is now, keeps nothing. */
export function buildPageReport({ adapter, doc, url, version }: PageReportInput): string {
  const titlePage = safely(() => adapter.isTitlePage(url), false);
  const detected = titlePage ? safely(() => adapter.detect(doc, url), null) : null;
  const signals = safely(() => adapter.signals(doc, url), []);
  const player = safely(() => adapter.player(doc), null);
  const lines = [
    'Credits Cue page report',
    `site: ${adapter.name} (${adapter.id})${version ? `, Credits Cue ${version}` : ''}`,
    `page: ${url.hostname}${url.pathname.slice(0, 200)}`,
    `watched for a title: ${titlePage ? 'yes' : 'no'}`,
    `read: ${readingOf(detected)}`,
    `signals: ${signals.map((s) => `${s.signal} ${s.found ? 'found' : 'missing'}`).join(', ') || 'none'}`,
    `player: ${player ? 'on screen' : 'none found'}`,
  ];
  const around = player ?? doc.body;
  if (around) {
    const ancestry: string[] = [];
    for (let el = around.parentElement; el && ancestry.length < 12; el = el.parentElement) ancestry.unshift(describeElement(el));
    lines.push(`structure (${player ? 'the player' : 'the page body'}, inside: ${ancestry.join(' > ') || '(root)'}):`);
    const tree: string[] = [];
    outline(around, tree);
    lines.push(...tree.map((l) => `  ${l}`));
    if (tree.length >= MAX_NODES) lines.push('  … (cut)');
  }
  return lines.join('\n');
}
