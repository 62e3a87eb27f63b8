import { describe, expect, it } from 'vitest';
import { prefixEditDistance, typoCost } from '../../../lib/core/edit-distance';
import { allowedEdits, joinHyphens, joinLetterRuns, titleForms } from '../../../lib/core/search/search-text';

describe('prefixEditDistance', () => {
  it('measures to the closest prefix of the word', () => {
    expect(prefixEditDistance('guard', 'guardians', 2)).toBe(0);
    expect(prefixEditDistance('guardains', 'guardians', 2)).toBe(1); // transposition
    expect(prefixEditDistance('incepton', 'inception', 2)).toBe(1);
    expect(prefixEditDistance('wras', 'wars', 1)).toBe(1);
    expect(prefixEditDistance('matrx', 'matrix', 1)).toBe(1);
  });

  it('stops at the bound', () => {
    expect(prefixEditDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(prefixEditDistance('inception', 'in', 1)).toBe(2);
  });

  it('handles empty strings', () => {
    expect(prefixEditDistance('', 'abc', 1)).toBe(0);
    expect(prefixEditDistance('ab', '', 1)).toBe(2);
  });
});

describe('typoCost', () => {
  it('ranks a whole-word typo before a prefix-only one, and one edit before two', () => {
    expect(typoCost('guardains', 'guardians', 2)).toBe(2);
    expect(typoCost('guardain', 'guardians', 2)).toBe(3);
    expect(typoCost('gaurdains', 'guardians', 2)).toBe(4);
    expect(typoCost('xyzxyzxy', 'guardians', 2)).toBe(0);
  });
});

describe('titleForms', () => {
  it('folds accents and punctuation, drops a leading article from the bare form', () => {
    expect(titleForms('The Lord of the Rings')).toMatchObject({ text: 'the lord of the rings', bare: 'lord of the rings', start: 1 });
    expect(titleForms('Léon: The Professional')).toMatchObject({ bare: 'leon the professional', start: 0 });
  });

  it('keeps a lone article as the title ("The", "A")', () => {
    expect(titleForms('The')?.bare).toBe('the');
  });

  it('spells sequel numerals as digits after the first word only', () => {
    expect(titleForms('Rocky II')?.bare).toBe('rocky 2');
    expect(titleForms('Toy Story III')?.bare).toBe('toy story 3');
    expect(titleForms('V for Vendetta')?.bare).toBe('v for vendetta');
    expect(titleForms('Who Am I')?.bare).toBe('who am i');
  });

  it('caps hostile input and is total', () => {
    expect(titleForms('x'.repeat(1_000_000))?.text.length).toBeLessThanOrEqual(200);
    expect(titleForms('')).toBeUndefined();
    expect(titleForms('🎬\u200f')).toBeUndefined();
  });
});

describe('spellings people type', () => {
  it('drops hyphens between letters', () => {
    expect(joinHyphens('Spider-Man: Homecoming')).toBe('SpiderMan: Homecoming');
    expect(joinHyphens('Rocky')).toBeUndefined();
    expect(joinHyphens('1 - 2')).toBeUndefined();
  });

  it('joins runs of single letters', () => {
    expect(joinLetterRuns(['s', 'w', 'a', 't'])).toBe('swat');
    expect(joinLetterRuns(['e', 't', 'the', 'extra', 'terrestrial'])).toBe('et the extra terrestrial');
    expect(joinLetterRuns(['rocky', 'v'])).toBeUndefined();
  });

  it('allows no typo below 4 letters, one up to 7, two from 8', () => {
    expect([allowedEdits('the'), allowedEdits('rock'), allowedEdits('incepton'), allowedEdits('galaxy')]).toEqual([0, 1, 2, 1]);
  });
});
