/**
 * matchFilm on real hard cases. The fixture films carry facts copied from the built dataset (tt ids, titles,
 * original and alternative titles, years, runtimes, kinds); vote counts only order popularity. The last block runs
 * a few of the same cases against the built asset itself, so a rebuilt dataset that breaks them is noticed.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFilmIndex, type FilmIndex } from '../../../lib/core/film-index';
import { parseDatasetBytes } from '../../../lib/core/load-dataset';
import { DATASET_PATH, type Film } from '../../../lib/core/schema';
import { cleanMatchTitle, frontArticle } from '../../../lib/core/match/candidates';
import { editDistance } from '../../../lib/core/edit-distance';
import { lookup } from '../../../lib/core/match/lookup';
import { matchFilm, runtimeFit, type MatchQuery } from '../../../lib/core/match/match';

function film(id: string, title: string, year: number | undefined, runtime: number | undefined, extra: Partial<Film> = {}): Film {
  return {
    id,
    title,
    year,
    runtime,
    kind: 'movie',
    credits: { state: 'unknown', mid: 'unknown', post: 'unknown', extras: [], statements: [] },
    ratings: [{ source: 'imdb', value: 7, scale: 10, count: 1000, asOf: '2025-04', input: 0 }],
    merged: [{ input: 0, line: 2, rule: 'first' }],
    ...extra,
  };
}

const votes = (count: number): Partial<Film> => ({ ratings: [{ source: 'imdb', value: 7, scale: 10, count, asOf: '2025-04', input: 0 }] });

const FILMS: Film[] = [
  film('tt0075148', 'Rocky', 1976, 119),
  film('tt0079817', 'Rocky II', 1979, 119),
  film('tt0084602', 'Rocky III', 1982, 95),
  film('tt0089927', 'Rocky IV', 1985, 91),
  film('tt0060009', 'Mission: Impossible', 1966, undefined, { kind: 'series' }),
  film('tt0117060', 'Mission: Impossible', 1996, 110),
  film('tt0120755', 'Mission: Impossible II', 2000, 123),
  film('tt1229238', 'Mission: Impossible - Ghost Protocol', 2011, 133),
  film('tt9603212', 'Mission: Impossible - Dead Reckoning Part One', 2023, undefined),
  // The dataset holds Léon twice: "Léon" (IMDb Top 1000, Vega) and the tt record under its US title.
  film('cc:966619788a', 'Léon', 1994, 110),
  film('tt0110413', 'Léon: The Professional', 1994, undefined, { alt: ['The Professional'] }),
  film('tt0910970', 'WALL·E', 2008, 98),
  film('tt0405094', 'The Lives of Others', 2006, 137, { originalTitle: 'Das Leben der Anderen' }),
  film('tt0363163', 'Downfall', 2004, 156, { originalTitle: 'Der Untergang' }),
  film('tt2771200', 'Beauty and the Beast', 2017, 129, { alt: ['La bella y la bestia', 'La bella e la bestia', 'Die Schöne und das Biest'] }),
  film('tt5580390', 'The Shape of Water', 2017, 123, { alt: ['La forma del agua', "La forme de l'eau", "La forma dell'acqua - The Shape of Water"] }),
  film('tt0023245', 'The Mummy', 1932, 72, votes(10_000)),
  film('tt0120616', 'The Mummy', 1999, 124, votes(415_448)),
  film('tt2345759', 'The Mummy', 2017, 110, { ...votes(213_957), alt: ['Die Mumie', 'La momia', 'La momie'] }),
  film('tt1361336', 'Tom & Jerry', 2021, 101, votes(41_543)),
  film('tt15767718', 'Tom and Jerry', 2021, 151, votes(357)),
  film('tt10832274', 'Swan Song', 2021, 105, votes(1_970)),
  film('tt13207508', 'Swan Song', 2021, 112, votes(18_538)),
  film('tt0116282', 'Fargo', 1996, 98, votes(663_221)),
  film('tt2802850', 'Fargo', 2014, undefined, { ...votes(362_041), kind: 'series' }),
  film('tt1833116', 'The Informer', 2019, 109),
  film('tt7161312', 'Informer', 2018, undefined, { kind: 'series' }),
  film('tt0095016', 'Die Hard', 1988, 131),
  film('tt0099423', 'Die Hard 2', 1990, 124, { alt: ['Die Hard 2: Die Harder'] }),
  film('tt0246460', 'Die Another Day', 2002, 133),
  film('tt6644200', 'A Quiet Place', 2018, 90),
  film('tt8332922', 'A Quiet Place Part II', 2021, 96),
  film('tt0371746', 'Iron Man', 2008, 126),
  film('tt0115218', 'Iron Man', 1994, undefined, { kind: 'series' }),
  film('tt0107818', 'Philadelphia', 1993, 125),
  film('tt0103639', 'Aladdin', 1992, 90, votes(429_281)),
  film('tt6139732', 'Aladdin', 2019, 127, votes(302_873)),
  film('tt1911658', 'Penguins of Madagascar', 2014, 92),
  film('tt0133093', 'The Matrix', 1999, 136),
  film('tt0033428', 'Bowery Blitzkrieg', 1941, 62),
  film('tt0082096', 'Das Boot', 1981, 149),
  film('tt2395427', 'Avengers: Age of Ultron', 2015, 141),
  film('tt4154796', 'Avengers: Endgame', 2019, 181),
  film('tt1160419', 'Dune', 2021, 155, { alt: ['Dune: Part One'] }),
  film('tt0087182', 'Dune', 1984, 137),
  film('tt15239678', 'Dune: Part Two', 2024, 166),
];

const index = buildFilmIndex(FILMS);

function best(query: MatchQuery): [string, string] | null {
  const result = matchFilm(index, query);
  return result.best ? [result.best.film.id, result.best.confidence] : null;
}

describe('matchFilm: titles', () => {
  it('reads roman and arabic sequel numbers as one', () => {
    expect(best({ title: 'Rocky 2', year: 1979 })).toEqual(['tt0079817', 'high']);
    expect(best({ title: 'Rocky II', year: 1979 })).toEqual(['tt0079817', 'high']);
    expect(best({ title: 'Rocky 4', year: 1985, runtime: 91, kind: 'movie' })).toEqual(['tt0089927', 'high']);
    expect(best({ title: 'Rocky', year: 1976 })).toEqual(['tt0075148', 'high']);
    expect(best({ title: 'Mission: Impossible 2', year: 2000 })).toEqual(['tt0120755', 'high']);
    expect(best({ title: 'A Quiet Place Part 2', year: 2021 })).toEqual(['tt8332922', 'high']);
  });

  it('matches Mission: Impossible titles through their dashes, colons and spelled-out parts', () => {
    expect(best({ title: 'Mission: Impossible – Dead Reckoning Part One', year: 2023 })).toEqual(['tt9603212', 'high']);
    expect(best({ title: 'Mission Impossible - Dead Reckoning - Part 1', year: 2023, kind: 'movie' })).toEqual(['tt9603212', 'high']);
    expect(best({ title: 'MISSION: IMPOSSIBLE—GHOST PROTOCOL', year: 2011, runtime: 133 })).toEqual(['tt1229238', 'high']);
    // A page that shows the title without "Part One": the film whose title begins with it, not asserted.
    expect(best({ title: 'Mission: Impossible – Dead Reckoning', year: 2023 })).toEqual(['tt9603212', 'low']);
  });

  it('matches accents, the middle dot and a main title before the colon (at lower confidence)', () => {
    expect(best({ title: 'WALL-E', year: 2008 })).toEqual(['tt0910970', 'high']);
    expect(best({ title: 'Wall E', year: 2008, runtime: 98 })).toEqual(['tt0910970', 'high']);
    expect(best({ title: 'Leon: The Professional', year: 1994 })).toEqual(['tt0110413', 'high']);
    // "Léon" is both a film of its own in the dataset and the main title of the tt record: twins, so medium.
    expect(best({ title: 'Léon', year: 1994 })).toEqual(['cc:966619788a', 'medium']);
    expect(matchFilm(index, { title: 'Léon', year: 1994 }).others.map((o) => o.id)).toContain('tt0110413');
    // Only the main title of "Penguins of Madagascar" plus ": The Movie": the film, but not asserted without runtime.
    expect(best({ title: 'Penguins of Madagascar: The Movie', year: 2014 })).toEqual(['tt1911658', 'medium']);
    expect(best({ title: 'Penguins of Madagascar: The Movie', year: 2014, runtime: 92 })).toEqual(['tt1911658', 'high']);
  });

  it('finds localized titles from originalTitle and alt', () => {
    expect(best({ title: 'Das Leben der Anderen', year: 2006 })).toEqual(['tt0405094', 'high']);
    expect(best({ title: 'Der Untergang', year: 2004, runtime: 150 })).toEqual(['tt0363163', 'high']);
    // An alternative title alone is asserted only when the runtime confirms it (akas include loose local names).
    expect(best({ title: 'Die Schöne und das Biest', year: 2017 })).toEqual(['tt2771200', 'medium']);
    expect(best({ title: 'Die Schöne und das Biest', year: 2017, runtime: 129 })).toEqual(['tt2771200', 'high']);
    expect(best({ title: "La Forme de l'Eau", year: 2017, runtime: 123 })).toEqual(['tt5580390', 'high']);
    expect(best({ title: 'Die Mumie', year: 2017, runtime: 110 })).toEqual(['tt2345759', 'high']);
    expect(best({ title: 'The Professional', year: 1994 })).toEqual(['tt0110413', 'medium']);
  });

  it('treats a false-friend article the same on both sides', () => {
    expect(best({ title: 'Die Hard', year: 1988 })).toEqual(['tt0095016', 'high']);
    expect(best({ title: 'Die Hard 2: Die Harder', year: 1990 })).toEqual(['tt0099423', 'medium']);
    expect(best({ title: 'Die Another Day', year: 2002, runtime: 133 })).toEqual(['tt0246460', 'high']);
    expect(best({ title: 'A Quiet Place', year: 2018 })).toEqual(['tt6644200', 'high']);
    expect(best({ title: 'Das Boot', year: 1981 })).toEqual(['tt0082096', 'high']);
    expect(best({ title: 'Boot, Das', year: 1981 })).toEqual(['tt0082096', 'high']);
    expect(best({ title: 'Matrix, The', year: 1999 })).toEqual(['tt0133093', 'high']);
  });

  it('does not assert a title that matches only once an article is dropped', () => {
    // "Informer" (a 2018 series) is not "The Informer" (a 2019 film): a movie page titled "Informer" gets the
    // film as a guess, never as the answer.
    const r = best({ title: 'Informer', year: 2019, kind: 'movie' });
    expect(r?.[0]).toBe('tt1833116');
    expect(r?.[1]).not.toBe('high');
  });

  it('drops copy notes and reads a bracketed year', () => {
    expect(best({ title: 'Philadelphia (4K UHD)', year: 1993 })).toEqual(['tt0107818', 'high']);
    expect(best({ title: 'Aladdin (1992)' })).toEqual(['tt0103639', 'high']);
    expect(best({ title: 'Aladdin [2019] (Hindi Version)' })).toEqual(['tt6139732', 'high']);
    expect(best({ title: 'Marvel Studios’ Iron Man', year: 2008, runtime: 126 })).toEqual(['tt0371746', 'high']);
  });

  it('offers a spelling variant of the same year, never as high', () => {
    expect(best({ title: 'Bowery Blitzkreig', year: 1941, runtime: 62 })).toEqual(['tt0033428', 'medium']);
    expect(best({ title: 'Bowery Blitzkreig', year: 1975, runtime: 62 })).toBeNull();
  });
});

describe('matchFilm: year, runtime and kind', () => {
  it('lets the year decide between remakes', () => {
    expect(best({ title: 'The Mummy', year: 1932 })).toEqual(['tt0023245', 'high']);
    expect(best({ title: 'The Mummy', year: 1999 })).toEqual(['tt0120616', 'high']);
    expect(best({ title: 'The Mummy', year: 2017 })).toEqual(['tt2345759', 'high']);
    // One year off: medium, unless the runtime confirms it.
    expect(best({ title: 'The Mummy', year: 2018 })).toEqual(['tt2345759', 'medium']);
    expect(best({ title: 'The Mummy', year: 2018, runtime: 111 })).toEqual(['tt2345759', 'high']);
    // Without a year: the most popular, as a guess.
    expect(best({ title: 'The Mummy' })).toEqual(['tt0120616', 'low']);
  });

  it('uses the runtime to pick between two films of one title and year', () => {
    expect(best({ title: 'Tom and Jerry', year: 2021, runtime: 101 })).toEqual(['tt1361336', 'high']);
    expect(best({ title: 'Tom & Jerry', year: 2021, runtime: 150 })).toEqual(['tt15767718', 'high']);
    // Two films 7 minutes apart: the closer one, but the runtime is not evidence enough for high.
    expect(best({ title: 'Swan Song', year: 2021, runtime: 105 })).toEqual(['tt10832274', 'medium']);
    expect(best({ title: 'Swan Song', year: 2021, runtime: 112 })).toEqual(['tt13207508', 'medium']);
    // No runtime: the better-known one, not asserted.
    expect(best({ title: 'Swan Song', year: 2021 })).toEqual(['tt13207508', 'medium']);
  });

  it('never matches an episode', () => {
    expect(matchFilm(index, { title: 'Rocky II', year: 1979, kind: 'episode' })).toEqual({ best: null, others: [] });
    expect(matchFilm(index, { title: 'Fargo', kind: 'episode' })).toEqual({ best: null, others: [] });
  });

  it('keeps series and movies of one title apart', () => {
    expect(best({ title: 'Fargo', kind: 'series' })).toEqual(['tt2802850', 'medium']);
    expect(best({ title: 'Fargo', year: 1996, kind: 'movie' })).toEqual(['tt0116282', 'high']);
    expect(best({ title: 'Fargo', year: 2014, kind: 'series' })).toEqual(['tt2802850', 'high']);
    // A movie page never gets a series as a confident answer.
    expect(best({ title: 'Fargo', year: 2014, kind: 'movie' })).toEqual(['tt2802850', 'low']);
    expect(best({ title: 'Mission: Impossible', year: 1966, kind: 'movie' })?.[1]).toBe('low');
    expect(best({ title: 'Mission: Impossible', year: 1996, kind: 'movie' })).toEqual(['tt0117060', 'high']);
    expect(best({ title: 'Iron Man', year: 2008, kind: 'movie' })).toEqual(['tt0371746', 'high']);
  });

  it('answers null for a film that is not in the dataset, with namesakes as alternatives', () => {
    expect(matchFilm(index, { title: 'A Film Nobody Made', year: 2020 })).toEqual({ best: null, others: [] });
    const r = matchFilm(index, { title: 'Rocky', year: 2030 });
    expect(r.best).toBeNull();
    expect(r.others.map((o) => o.id)).toEqual(['tt0075148']);
  });

  // Issue #13: Prime's detail page under the player kept the previous film's year badge after autoplay.
  it('an exact title is not lost to another title on the year alone; the confidence says so', () => {
    expect(best({ title: 'Avengers: Age of Ultron', year: 2019, kind: 'movie' })).toEqual(['tt2395427', 'low']);
    expect(best({ title: 'Avengers: Age of Ultron', year: 2019, runtime: 141, kind: 'movie' })).toEqual(['tt2395427', 'medium']);
    expect(matchFilm(index, { title: 'Avengers: Age of Ultron', year: 2019 }).others.map((o) => o.id)).toContain('tt4154796');
    // The right year still gives the exact film at high confidence, and another title of the page's year still
    // wins when the page names it in full.
    expect(best({ title: 'Avengers: Age of Ultron', year: 2015, kind: 'movie' })).toEqual(['tt2395427', 'high']);
    expect(best({ title: 'Avengers: Endgame', year: 2019, kind: 'movie' })).toEqual(['tt4154796', 'high']);
    expect(best({ title: 'Dune: Part Two', year: 2024, kind: 'movie' })).toEqual(['tt15239678', 'high']);
    // A remake of another year alone is still offered, never asserted.
    expect(best({ title: 'Dune', year: 2030, kind: 'movie' })).toBeNull();
  });

  it('lists other candidates best first, without the answer', () => {
    const r = matchFilm(index, { title: 'The Mummy', year: 2017 });
    expect(r.others.map((o) => o.id)).toEqual(['tt0120616', 'tt0023245']);
  });
});

describe('matchFilm: hostile input', () => {
  it('never throws and stays fast on huge, control and RTL strings', () => {
    const started = performance.now();
    const hostile: MatchQuery[] = [
      { title: 'x'.repeat(1_000_000) },
      { title: `${'('.repeat(50_000)}Rocky II${')'.repeat(50_000)}`, year: 1979 },
      { title: `${' -'.repeat(200_000)}:` },
      { title: '\u202ERocky II\u202C\u200F', year: 1979 },
      { title: '\u0000\u0001Rocky\u0007 II', year: 1979 },
      { title: '' },
      { title: '🎬🍿' },
      { title: 'Rocky II', year: Number.NaN, runtime: Number.POSITIVE_INFINITY },
      { title: 'Rocky II', year: -5, runtime: -3 },
      { title: 42 as unknown as string },
    ];
    for (const q of hostile) expect(() => matchFilm(index, q)).not.toThrow();
    expect(best({ title: '\u202ERocky II\u202C\u200F', year: 1979 })).toEqual(['tt0079817', 'high']);
    expect(best({ title: 'Rocky II', year: Number.NaN, runtime: Number.POSITIVE_INFINITY })?.[0]).toBe('tt0079817');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('helpers', () => {
  it('cleanMatchTitle keeps real subtitles and drops only copy notes', () => {
    expect(cleanMatchTitle('Uzumaki (Spiral) (English subtitled)')).toEqual({ title: 'Uzumaki (Spiral)', year: undefined });
    expect(cleanMatchTitle("To End All Wars: Director's Cut").title).toBe('To End All Wars');
    expect(cleanMatchTitle("Elektra DIRECTOR'S CUT").title).toBe('Elektra');
    expect(cleanMatchTitle('Rurouni Kenshin: The Final').title).toBe('Rurouni Kenshin: The Final');
    expect(cleanMatchTitle('The Manchurian Candidate (2004)')).toEqual({ title: 'The Manchurian Candidate', year: 2004 });
    expect(cleanMatchTitle('(2004)').title).toBe('(2004)');
  });

  it('frontArticle reads a catalogue\'s trailing article', () => {
    expect(frontArticle('Matrix, The')).toBe('The Matrix');
    expect(frontArticle('Misérables, Les')).toBe('Les Misérables');
    expect(frontArticle('Run, Hide, Die')).toBe('Die Run, Hide');
    expect(frontArticle('Rocky')).toBe('Rocky');
  });

  it('editDistance counts edits and swaps, and stops early', () => {
    expect(editDistance('blitzkrieg', 'blitzkreig', 2)).toBe(1);
    expect(editDistance('aashikawara', 'aashikaawara', 2)).toBe(1);
    expect(editDistance('rocky', 'rambo', 1)).toBe(2);
  });

  it('runtimeFit allows a few minutes and calls a large gap a mismatch', () => {
    expect(runtimeFit(100, 104)).toBe('match');
    expect(runtimeFit(100, 110)).toBe('near');
    expect(runtimeFit(100, 140)).toBe('mismatch');
    expect(runtimeFit(undefined, 140)).toBe('unknown');
  });

  it('lookup uses the matcher and keeps the CLI shape', () => {
    const result = lookup(index, { title: 'Rocky 2', year: 1979, kind: 'movie' }, []);
    expect(result.match).toEqual({ id: 'tt0079817', title: 'Rocky II', year: 1979, confidence: 'high' });
    expect(Object.keys(result)).toEqual(['match', 'credits', 'ratings']);
    expect(lookup(index, { title: 'Rocky II', kind: 'episode' }, []).match).toBeNull();
  });
});

describe('matchFilm on the built dataset', () => {
  let real: FilmIndex;
  beforeAll(async () => {
    const dataset = await parseDatasetBytes(await readFile(resolve(import.meta.dirname, '../../../assets', DATASET_PATH)));
    real = buildFilmIndex(dataset.films);
  });
  const id = (q: MatchQuery): string | undefined => matchFilm(real, q).best?.film.id;

  it('finds the hard cases above among 51k films', () => {
    expect(id({ title: 'Rocky 2', year: 1979, kind: 'movie' })).toBe('tt0079817');
    expect(id({ title: 'Rocky IV', year: 1985, kind: 'movie' })).toBe('tt0089927');
    expect(id({ title: 'Mission: Impossible – Dead Reckoning Part One', year: 2023, kind: 'movie' })).toBe('tt9603212');
    expect(id({ title: 'WALL-E', year: 2008, kind: 'movie' })).toBe('tt0910970');
    expect(id({ title: 'Das Leben der Anderen', year: 2006, kind: 'movie' })).toBe('tt0405094');
    expect(id({ title: 'Die Schöne und das Biest', year: 2017, runtime: 129, kind: 'movie' })).toBe('tt2771200');
    expect(id({ title: 'Godzilla', year: 1998, kind: 'movie' })).toBe('tt0120685');
    expect(id({ title: 'Godzilla', year: 2014, kind: 'movie' })).toBe('tt0831387');
    expect(id({ title: 'Tom and Jerry', year: 2021, runtime: 101, kind: 'movie' })).toBe('tt1361336');
    expect(id({ title: 'Fargo', year: 2014, kind: 'series' })).toBe('tt2802850');
    expect(matchFilm(real, { title: 'Rocky II', year: 1979, kind: 'episode' }).best).toBeNull();
  });
});
