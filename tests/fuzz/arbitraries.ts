/**
 * Hostile page strings for the fuzz suite (issue #7): the generators every *.fuzz.test.ts draws from, and the
 * invariants they check. A hostile string is a run of pieces, each one of: markup (`<script>`, `<img onerror>`),
 * HTML entities (valid, out of range, surrogate code points), C0/C1 controls, bidi controls, zero-width characters,
 * emoji and ZWJ sequences, combining marks (and "zalgo" stacks), full-width forms, lone surrogates, the words and
 * shapes the parsers look for (season suffixes, version tags, runtimes, entity tokens), and plain random text.
 * Very long strings (1 MB) are fixed examples (`megabyteStrings`), not part of every run.
 */
import fc from 'fast-check';

const chars = (from: number, to: number): fc.Arbitrary<string> => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

export const MARKUP = [
  '<script>alert(1)</script>',
  '<script src="https://evil.example/x.js"></script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="document.title=1">',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '"><b>bold</b><a href="javascript:alert(1)">x</a>',
  '</title><script>alert(1)</script>',
  '<style>*{display:none}</style>',
  '<!--',
  '-->',
  '<![CDATA[x]]>',
  '<template shadowrootmode="open"><slot></slot></template>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '$1',
  '$$',
  '$QUERY$',
  '\\u003cscript\\u003e',
] as const;

const ENTITIES = [
  '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#39;', '&nbsp;', '&#0;', '&#xD800;', '&#xdfff;', '&#x110000;', '&#9999999;',
  '&bogus;', '&amp;lt;script&amp;gt;', '&lt;script&gt;alert(1)&lt;/script&gt;', '&#128512;', '&#x1F3AC;', '&#8217;', '&#38;',
  '&', '&#', '&#x;', '&;',
] as const;

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'] as const;
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f'] as const;
const EMOJI = ['🎬', '👨‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇺🇸', '❤️', '🧑🏿‍🚀', '#️⃣', '👁‍🗨', '🫠'] as const;

/** Strings the title, episode, runtime and year parsers and the matcher's keys react to. */
const TITLE_SHAPES = [
  'Test Film 7', 'The Matrix', ': Season 1', ' - Season 2', 'Staffel 2', ': Die komplette Staffel 1', ' S1', 'シーズン1',
  '【東京湾大海戦】', '[dt./OV]', '(4K UHD)', '（字幕版）', '(Subtitled)', '(2019)', '(500)', ' Part II', ' Vol. 2', ' Part One',
  "L'", 'L’Âge d’or', 'Matrix, The', 'S1 E2', 'Season 1, Ep. 4', 'S1:E3', '第1話', 'Folge 3', '1 h 43 min', '103min', '2h',
  '1時間43分', '2010', '1879', '2101', '99999', 'Prime Video: ', "Marvel Studios' ", ' - ', ' – ', ':', '(', ')', '[', ']', ',',
  '8217', '038', '8211', '8230', '&', "'", '’', '`', 'ﷺ', 'ß', 'İ', 'ﬁ', '½', '²', '™', 'Ⅻ', '０３８', '\u00a0', '\u3000',
  '\u2028', ' ', '  ', '\t', '\n', '\r\n', 'Die', 'and', 'The',
] as const;

const zalgo = fc.array(chars(0x300, 0x36f), { minLength: 1, maxLength: 40 }).map((marks) => `Z${marks.join('')}`);

/** One hostile piece; a hostile string is several joined. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.constantFrom(...ENTITIES) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((n) => (n % 2 ? `&#${n};` : `&#x${n.toString(16)};`)) },
  { weight: 2, arbitrary: fc.oneof(chars(0, 0x1f), chars(0x7f, 0x9f)) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 2, arbitrary: fc.constantFrom(...ZERO_WIDTH) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: chars(0x300, 0x36f) },
  { weight: 1, arbitrary: zalgo },
  { weight: 2, arbitrary: fc.oneof(chars(0xff01, 0xff5e), fc.constant('\u3000')) },
  { weight: 2, arbitrary: chars(0xd800, 0xdfff) },
  { weight: 4, arbitrary: fc.constantFrom(...TITLE_SHAPES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A hostile string of up to ~40 pieces (usually a few hundred characters at most). */
export const hostileString: fc.Arbitrary<string> = fc.array(hostilePiece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** A hostile string repeated to 2-60 k characters: long enough to cross every cap, cheap enough for many runs. */
export const longHostileString: fc.Arbitrary<string> = fc
  .tuple(hostileString, fc.integer({ min: 2_000, max: 60_000 }))
  .map(([s, length]) => (s ? s.repeat(Math.ceil(length / s.length)).slice(0, length) : 'x'.repeat(length)));

/** What a page may hand us: mostly hostile strings, sometimes a long one. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: hostileString },
  { weight: 1, arbitrary: longHostileString },
);

/** A real-looking title with hostile text around it: exercises the paths a plain title takes, with junk. */
export const titleWithJunk = (titles: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    hostileText,
    fc.tuple(hostileString, fc.constantFrom(...titles), hostileString).map(([a, t, b]) => `${a}${t}${b}`),
    fc.tuple(fc.constantFrom(...titles), hostilePiece).map(([t, p]) => `${t}${p}`),
  );

/** 1 MB (1,048,576 UTF-16 units) strings: one of each hostile family, run as dedicated examples. */
export function megabyteStrings(): Array<[name: string, value: string]> {
  const MB = 1 << 20;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  return [
    ['plain letters', fill('a')],
    ['markup', fill('<script>alert(1)</script><img src=x onerror=alert(1)>')],
    ['entities', fill('&amp;lt;&#128512;&#x202E;&nbsp;')],
    ['bidi and zero-width', fill('\u202e\u2066\u200f\u200b\ufeff')],
    ['emoji ZWJ sequences', fill('👨‍👩‍👧‍👦🎬')],
    ['lone surrogates', fill('\ud800x\udc00')],
    ['combining marks', fill('e\u0301\u0302\u0303')],
    ['controls and spaces', fill('\u0000\u0007 \t\n\u0085\u00a0')],
    ['separators and brackets', fill(' - ([:–')],
    ['season and part words', fill('Part II Season 1 [OV] ')],
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Invariants.

/** True when `s` has a surrogate code unit without its partner. */
export function hasLoneSurrogate(s: string): boolean {
  return /\p{Surrogate}/u.test(s);
}

/** True when `s` ends with a high surrogate (a pair cut in half). */
export function endsInHighSurrogate(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}

/** C0/C1 controls. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidi controls (Unicode Bidi_Control: U+061C, U+200E/F, U+202A–E, U+2066–9). */
export const BIDI_CHARS = /\p{Bidi_Control}/u;
/** Invisible characters page text must lose (ZWJ stays: it glues emoji). */
export const INVISIBLE_CHARS = /[\u200b\u2060-\u2065\ufeff]/;

/**
 * Bound on the summed time of one property's calls (2,000 or so): measured at about 1 s on an idle 2-core machine for
 * the slowest (detect on fixture pages, matchFilm), so a loaded machine passes and a hang or a quadratic path fails.
 */
export const BATCH_MS = 8_000;

/** Total time of a batch of calls, so a bound can be asserted over thousands of them (robust to one slow call). */
export class Stopwatch {
  total = 0;
  calls = 0;
  worst = 0;

  time<T>(fn: () => T): T {
    const started = performance.now();
    try {
      return fn();
    } finally {
      const took = performance.now() - started;
      this.total += took;
      this.calls++;
      if (took > this.worst) this.worst = took;
    }
  }

  async timeAsync<T>(fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      const took = performance.now() - started;
      this.total += took;
      this.calls++;
      if (took > this.worst) this.worst = took;
    }
  }
}
