/**
 * Declarative shadow DOM (`<template shadowrootmode="open">`) is attached by Chromium's parser when it navigates
 * (the e2e), but not by a DOMParser: neither the browser's nor happy-dom's (checked: happy-dom 21 leaves the
 * <template> in place and `host.shadowRoot` null). This attaches each such template as a real shadow root, as the
 * browser would have. A no-op for pages without them.
 */
import { parse } from './site-fixtures';

export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append((template as HTMLTemplateElement).content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** A fixture page parsed with its declarative shadow roots attached. */
export function parseShadow(html: string): Document {
  const doc = parse(html);
  attachDeclarativeShadowRoots(doc);
  return doc;
}
