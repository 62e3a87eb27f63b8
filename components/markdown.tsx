import type { JSX } from 'preact';

/**
 * The little Markdown our own documents use (PRIVACY.md): headings, paragraphs, lists, tables, and inline bold,
 * italics, code and links. Built as elements, never as HTML text, so nothing in a document can become markup.
 */

type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** Lines → blocks: a blank line ends a paragraph; "- " starts a list item, an indented line continues it. */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3, text: heading[2] ?? '' });
    } else if (line.startsWith('- ')) {
      const items = [line.slice(2)];
      while (i + 1 < lines.length && /^(- | {2}\S)/.test(lines[i + 1] ?? '')) {
        const next = lines[++i] ?? '';
        if (next.startsWith('- ')) items.push(next.slice(2));
        else items[items.length - 1] += ` ${next.trim()}`;
      }
      blocks.push({ kind: 'list', items });
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? '').startsWith('|')) rows.push(cells(lines[i++] ?? ''));
      i--;
      const [head = [], , ...body] = rows;
      blocks.push({ kind: 'table', head, rows: body });
    } else if (line.trim() !== '') {
      let text = line;
      while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== '' && !/^(#|- |\|)/.test(lines[i + 1] ?? '')) text += ` ${(lines[++i] ?? '').trim()}`;
      blocks.push({ kind: 'paragraph', text });
    }
  }
  return blocks;
}

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\[(.+?)\]\((https?:\/\/[^)\s]+)\)/g;

/** Inline marks as elements; anything else stays text. */
export function Inline({ text }: { text: string }): JSX.Element {
  const out: (string | JSX.Element)[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out.push(text.slice(last, m.index));
    const key = m.index;
    if (m[1] !== undefined) out.push(<strong key={key}>{m[1]}</strong>);
    else if (m[2] !== undefined) out.push(<em key={key}>{m[2]}</em>);
    else if (m[3] !== undefined) out.push(<code key={key}>{m[3]}</code>);
    else out.push(<a key={key} href={m[5]} target="_blank" rel="noreferrer noopener">{m[4]}</a>);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return <>{out}</>;
}

export function Markdown({ source }: { source: string }): JSX.Element {
  return (
    <>
      {parseBlocks(source).map((b, i) => {
        switch (b.kind) {
          case 'heading': {
            const H = `h${b.level}` as 'h1' | 'h2' | 'h3';
            return <H key={i}><Inline text={b.text} /></H>;
          }
          case 'paragraph':
            return <p key={i}><Inline text={b.text} /></p>;
          case 'list':
            return (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}><Inline text={item} /></li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <table key={i}>
                <thead><tr>{b.head.map((c, j) => <th key={j}><Inline text={c} /></th>)}</tr></thead>
                <tbody>{b.rows.map((r, j) => <tr key={j}>{r.map((c, k) => <td key={k}><Inline text={c} /></td>)}</tr>)}</tbody>
              </table>
            );
        }
      })}
    </>
  );
}
