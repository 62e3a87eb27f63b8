/**
 * The privacy page renders the repository's PRIVACY.md (components/markdown.tsx): every heading, list and table
 * becomes an element, no Markdown mark is left in the text, and nothing in the document becomes markup.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown, parseBlocks } from '../../../components/markdown';

const POLICY = readFileSync(resolve(import.meta.dirname, '../../../PRIVACY.md'), 'utf8');

afterEach(() => cleanup());

describe('privacy page', () => {
  it('renders PRIVACY.md as headings, paragraphs, lists and a table, with no Markdown left', () => {
    const { container } = render(<Markdown source={POLICY} />);
    expect(container.querySelector('h1')?.textContent).toBe('Credits Cue privacy policy');
    const headings = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['What it reads', 'What it stores, and where', 'What it never does', 'Removing everything', 'How this is checked']);
    expect(container.querySelectorAll('table tbody tr')).toHaveLength(4);
    expect(container.querySelector('table th')?.textContent).toBe('what');
    expect(container.querySelectorAll('li').length).toBeGreaterThanOrEqual(8);
    expect(container.querySelector('code')?.textContent).toBe('storage.sync');
    expect(container.textContent).not.toMatch(/\*\*|`|^#|\|/m);
  });

  it('keeps markup in a document as text', () => {
    const { container } = render(<Markdown source={'# <img src=x onerror=alert(1)>\n\nSee [here](javascript:alert(1)) and **<b>x</b>**.'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('a')).toBeNull(); // only http(s) links become links
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('joins wrapped lines and list continuations', () => {
    expect(parseBlocks('a\nb\n\n- one\n  two\n- three')).toEqual([
      { kind: 'paragraph', text: 'a b' },
      { kind: 'list', items: ['one two', 'three'] },
    ]);
  });
});
