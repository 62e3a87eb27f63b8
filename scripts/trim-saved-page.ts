/**
 * Makes a fixture of a real page saved from a live site (a SingleFile save in another project's repository): the
 * DOM and every text stay as saved; what only makes the file large or runs goes — style sheets and inline styles,
 * scripts (JSON-LD data blocks stay), data: URIs, SVG drawings, empty third-party frames (consent and ad
 * iframes SingleFile leaves empty), and the browser's own video-control widgets that SingleFile captures as
 * declarative shadow roots (`<template shadowrootmode>`: the browser's, not the site's). A
 * header comment states the provenance, as tests/helpers/describe-adapter.ts requires of a real page.
 *
 * `npx tsx scripts/trim-saved-page.ts <saved.html> <out.html> "<provenance line>"…`
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function trimSavedPage(html: string): string {
  return html
    .replace(/^\s*<!DOCTYPE[^>]*>/i, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '')
    .replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<template\s+shadowrootmode[^>]*>[\s\S]*?<\/template>/gi, '')
    .replace(/<svg\b[\s\S]*?<\/svg>/gi, '<svg></svg>')
    .replace(/<iframe\b[^>]*>\s*<\/iframe>/gi, '')
    .replace(/data:[a-z0-9/+.-]+;base64,[A-Za-z0-9+/=]+/gi, 'data:,')
    .replace(/\sstyle=("[^"]*"|'[^']*'|[^\s>]*)/gi, '');
}

function main(): void {
  const [input, output, ...provenance] = process.argv.slice(2);
  if (!input || !output || provenance.length === 0) throw new Error('usage: trim-saved-page <saved.html> <out.html> "<provenance line>"…');
  const header = ['<!DOCTYPE html>', '<!--', ...provenance.map((line) => `  ${line}`), '-->'].join('\n');
  writeFileSync(output, `${header}\n${trimSavedPage(readFileSync(input, 'utf8')).trimStart()}`);
}

if (process.argv[1]?.endsWith('trim-saved-page.ts')) main();
