import { describe, expect, it } from 'vitest';
import { normalizeTitle, titleKey } from '../../../lib/match/normalize';

describe('normalizeTitle', () => {
  it.each([
    ['Amélie', 'amelie'],
    ['Léon: The Professional', 'leon the professional'],
    ['Fast & Furious', 'fast and furious'],
    ["Ocean's Eleven", 'oceans eleven'],
    ['Spider-Man: No Way Home', 'spider man no way home'],
    ['Æon Flux', 'aeon flux'],
    ['Die Straße', 'die strasse'],
    ['  WALL·E  ', 'wall e'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });

  it('decodes the aftercredits.com entity tokens only as whole tokens', () => {
    expect(normalizeTitle('it 8217 s all so quiet')).toBe('its all so quiet');
    expect(normalizeTitle('fast 038 furious')).toBe('fast and furious');
    expect(normalizeTitle('room 80385')).toBe('room 80385');
  });

  it('caps huge input and never throws on control characters or emoji', () => {
    const huge = `${'a'.repeat(2_000_000)}`;
    expect(normalizeTitle(huge).length).toBeLessThanOrEqual(500);
    expect(normalizeTitle('\u202Eevil\u0000 🎬 title')).toBe('evil title');
  });
});

describe('titleKey', () => {
  it('joins words, drops a leading article and "and"', () => {
    expect(titleKey('The Lord of the Rings')).toBe(titleKey('Lord of the Rings'));
    expect(titleKey('Spider-Man')).toBe(titleKey('Spiderman'));
    expect(titleKey('Fast & Furious')).toBe(titleKey('Fast and Furious'));
    expect(titleKey('The Lord of the Rings')).toBe('lordoftherings');
  });

  it('keeps a title that is only an article, or only "and"', () => {
    expect(titleKey('The')).toBe('the');
    expect(titleKey('And')).toBe('and');
    expect(titleKey('A')).toBe('a');
  });

  it('keeps different films apart', () => {
    expect(titleKey('Up')).not.toBe(titleKey('Us'));
    expect(titleKey('Alien')).not.toBe(titleKey('Aliens'));
  });
});
