/**
 * Fuzz: page and dataset strings rendered by the badge (components/badge.tsx) and the film card
 * (components/film-card.tsx) are text only. A film whose title, original and alternative titles, credit sources and
 * notes are hostile strings, a hostile page title (the badge's "Match … for “…”" line goes through i18n
 * substitution) and hostile "Wrong film?" alternatives render exactly the elements the same props with plain
 * strings render: no `<script>`, `<img onerror>` or any other element comes from a string, no `on*` attribute
 * appears, and every string is in the text as it was given.
 */
import fc from 'fast-check';
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Badge, type BadgeProps } from '../../components/badge';
import { FilmCard, type FilmCardProps } from '../../components/film-card';
import type { Film } from '../../lib/core/schema';
import { fakeFilm } from '../helpers/dataset';
import { FUZZ_EXAMPLES, fuzzParams } from './cases';
import { hostileText, megabyteStrings } from './arbitraries';

const noop = (): void => undefined;
const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

interface Strings {
  title: string;
  original: string;
  alt: string;
  source: string;
  note: string;
  query: string;
  other: string;
}

const strings: fc.Arbitrary<Strings> = fc.record({
  title: hostileText,
  original: hostileText,
  alt: hostileText,
  source: hostileText,
  note: hostileText,
  query: hostileText,
  other: hostileText,
});

/** The same strings made plain ("x"), empty ones kept empty (an empty note or label renders no element). */
function plainOf(s: Strings): Strings {
  const out = { ...s };
  for (const key of Object.keys(out) as Array<keyof Strings>) out[key] = out[key] === '' ? '' : 'x';
  return out;
}

function filmOf(s: Strings): Film {
  const base = fakeFilm(7, 'mid-post');
  return {
    ...base,
    title: s.title,
    originalTitle: s.original,
    alt: [s.alt, s.title],
    credits: {
      ...base.credits,
      statements: [{ source: s.source, any: 'yes', mid: 'yes', post: 'yes', note: s.note, asOf: '2025-01', input: 0 }],
    },
  };
}

function badgeProps(s: Strings): BadgeProps {
  return {
    film: filmOf(s),
    confidence: 'medium',
    queryTitle: s.query,
    others: [{ id: 'tt9000001', title: s.other, year: 2001, kind: 'movie', credits: 'none' }],
    sources: ['imdb'],
    placement: 'player',
    expanded: true,
    showNotes: true,
    alert: 'scene-coming',
    ratingsHidden: false,
    combined: { value: 71, sources: 1, confidence: 0.5 },
    onRevealRatings: noop,
    onToggleExpanded: noop,
    onToggleNotes: noop,
    onPickOther: noop,
    onSearch: noop,
  };
}

function cardProps(s: Strings): FilmCardProps {
  return {
    film: filmOf(s),
    sourceOrder: ['imdb'],
    combined: null,
    showNotes: true,
    ratingsHidden: false,
    label: s.query,
    onToggleNotes: noop,
    onRevealRatings: noop,
  };
}

/** Tag names in document order, and every attribute name: the structure a string must not change. */
function structure(root: Element): { tags: string[]; attributes: string[] } {
  const all = Array.from(root.querySelectorAll('*'));
  return {
    tags: all.map((el) => el.tagName),
    attributes: all.flatMap((el) => Array.from(el.attributes).map((a) => `${el.tagName}@${a.name}`)),
  };
}

/** Renders the component with `s` and checks it against the same component with plain strings. */
function expectTextOnly(renderWith: (s: Strings) => void, s: Strings, shown: ReadonlyArray<keyof Strings>): void {
  renderWith(plainOf(s));
  const plain = structure(container);
  renderWith(s);
  const hostile = structure(container);
  expect(hostile).toEqual(plain);
  expect(container.querySelector('script, img, svg, iframe, style, object, embed, template')).toBeNull();
  expect(hostile.attributes.some((a) => /@on/i.test(a))).toBe(false);
  const text = container.textContent ?? '';
  for (const key of shown) expect(text.includes(s[key]), key).toBe(true);
}

const renderBadge = (s: Strings): void => render(h(Badge, badgeProps(s)), container);
const renderCard = (s: Strings): void => render(h(FilmCard, cardProps(s)), container);

describe('fuzz: hostile strings in the badge and the film card', () => {
  it('the badge renders them as text, in the same elements as plain strings', () => {
    fc.assert(
      fc.property(strings, (s) => expectTextOnly(renderBadge, s, ['title', 'query', 'other', 'source', 'note'])),
      fuzzParams('render.badge'),
    );
  });

  it('the film card renders them as text, in the same elements as plain strings', () => {
    fc.assert(
      fc.property(strings, (s) => expectTextOnly(renderCard, s, ['title', 'query', 'source', 'note'])),
      fuzzParams('render.filmCard'),
    );
  });
});

describe('fuzz: 1 MB strings in the badge and the film card', () => {
  const examples = megabyteStrings();
  it('has the declared number of dedicated examples', () => {
    expect(examples.length * 2).toBe(FUZZ_EXAMPLES.render);
  });

  it.each(examples)('%s: text only', (_name, huge) => {
    const s: Strings = { title: huge, original: huge, alt: huge, source: 'S', note: 'N', query: huge, other: huge };
    expectTextOnly(renderBadge, s, ['title', 'query', 'other']);
    expectTextOnly(renderCard, s, ['title', 'query']);
  });
});
