import { describe, expect, it } from 'vitest';
import { matchKey, matchWords, normalizeTitle, titleKey } from '../../../lib/core/match/normalize';

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

  it('reads numbers as numbers: entity codes are their source reader\u2019s to decode, never the normaliser\u2019s', () => {
    expect(normalizeTitle('it 8217 s all so quiet')).toBe('it 8217 s all so quiet');
    expect(normalizeTitle('8213: Gacy House')).toBe('8213 gacy house');
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

describe('normalizeTitle fast path', () => {
  it('folds pure-ASCII titles exactly like the general path', () => {
    // The ASCII branch is hand-written; these are the edge cases of the regex chain it replaces.
    expect(normalizeTitle('&')).toBe('and');
    expect(normalizeTitle('&&x')).toBe('and and x');
    expect(normalizeTitle('Rock&Roll')).toBe('rock and roll');
    expect(normalizeTitle("`Don't`")).toBe('dont');
    expect(normalizeTitle('  A--B  ')).toBe('a b');
    expect(normalizeTitle('\u0000\u007f')).toBe('');
  });
});

describe('matchWords', () => {
  it.each([
    ['Rocky II', 'rocky 2'],
    ['Rocky IV', 'rocky 4'],
    ['Mission: Impossible III', 'mission impossible 3'],
    ['A Quiet Place Part II', 'a quiet place part 2'],
    ['Mission: Impossible – Dead Reckoning Part One', 'mission impossible dead reckoning part 1'],
    ['Star Wars: Episode I - The Phantom Menace', 'star wars episode 1 the phantom menace'],
    ['Kill Bill: Vol. 1', 'kill bill volume 1'],
    ['The Godfather Pt. II', 'the godfather part 2'],
    ['It Chapter Two', 'it chapter 2'],
  ])('%s → %s', (input, expected) => {
    expect(matchWords(input).join(' ')).toBe(expected);
  });

  it('leaves the pronoun I, leading numerals and words that contain numerals alone', () => {
    expect(matchWords('Who Am I').join(' ')).toBe('who am i');
    expect(matchWords('I, Robot').join(' ')).toBe('i robot');
    expect(matchWords('V for Vendetta').join(' ')).toBe('v for vendetta');
    expect(matchWords('X-Men').join(' ')).toBe('x men');
    expect(matchWords('Mix Civil Vixen').join(' ')).toBe('mix civil vixen');
    // Beyond XX a "numeral" is a word: MCM, LI, DI are not sequel numbers.
    expect(matchWords('Louis XXI').join(' ')).toBe('louis xxi');
    // "One" is a number only after part/chapter/episode/volume/book.
    expect(matchWords('One Day').join(' ')).toBe('one day');
  });
});

describe('matchKey', () => {
  it('drops a leading article of the main languages', () => {
    expect(matchKey('A Quiet Place')).toBe(matchKey('Quiet Place'));
    expect(matchKey('Das Leben der Anderen')).toBe('lebenderanderen');
    expect(matchKey('Les Misérables')).toBe(matchKey('Miserables'));
    expect(matchKey("L'Avventura")).toBe('avventura');
    expect(matchKey('La forme de l’eau')).toBe('formedeleau');
    expect(matchKey('El laberinto del fauno')).toBe('laberintodelfauno');
    expect(matchKey('Il buono, il brutto, il cattivo')).toBe('buonoilbruttoilcattivo');
    expect(matchKey('O Auto da Compadecida')).toBe('autodacompadecida');
    expect(matchKey('De Tweeling')).toBe('tweeling');
    expect(matchKey('Het Diner')).toBe('diner');
  });

  it('never drops an article that is the whole title, and treats a false friend the same on both sides', () => {
    expect(matchKey('Die')).toBe('die');
    expect(matchKey('It')).toBe('it');
    expect(matchKey("L'")).toBe('l');
    // "Die Hard" loses "die" as a German article: the query and the dataset title lose it alike.
    expect(matchKey('Die Hard')).toBe(matchKey('DIE HARD'));
    expect(matchKey('Die Hard')).not.toBe(matchKey('Die Hard 2'));
  });

  it('makes roman and arabic sequel numbers, and spelled-out part numbers, one key', () => {
    expect(matchKey('Rocky II')).toBe(matchKey('Rocky 2'));
    expect(matchKey('Part II')).toBe(matchKey('Part 2'));
    expect(matchKey('Dune: Part One')).toBe(matchKey('Dune Part 1'));
    expect(matchKey('Dune: Part One')).toBe(matchKey('Dune - Part I'));
    expect(matchKey('Rocky II')).not.toBe(matchKey('Rocky III'));
  });

  it('folds punctuation, dashes, diacritics, & and the middle dot', () => {
    expect(matchKey('WALL·E')).toBe(matchKey('WALL-E'));
    expect(matchKey('WALL·E')).toBe(matchKey('Wall E'));
    expect(matchKey('Léon: The Professional')).toBe(matchKey('Leon The Professional'));
    expect(matchKey('Mission: Impossible – Dead Reckoning Part One')).toBe(matchKey('Mission Impossible - Dead Reckoning - Part 1'));
    expect(matchKey('Tom & Jerry')).toBe(matchKey('Tom and Jerry'));
  });

  it('is total on hostile input: capped, linear, never throws', () => {
    const huge = `${'Part II '.repeat(200_000)}`;
    const started = performance.now();
    expect(matchKey(huge).length).toBeLessThanOrEqual(500);
    expect(matchKey('\u202E\u200F\u0000 🎬')).toBe('');
    expect(matchKey(`${'-'.repeat(100_000)}x`)).toBe('');
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('titleKey stays the merge key', () => {
  it('keeps its old behaviour: English articles only, no numerals (cc: ids are hashes of it)', () => {
    expect(titleKey('Das Boot')).toBe('dasboot');
    expect(titleKey('Rocky II')).toBe('rockyii');
    expect(titleKey('The Matrix')).toBe('matrix');
  });
});
