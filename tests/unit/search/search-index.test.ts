// @vitest-environment node
/**
 * Popup search relevance on the real bundled dataset: hard queries people type, each checked against the film ids
 * it must return (looked up in the dataset by hand when the test was written, not derived from the engine).
 * A dataset rebuild that drops one of these films should fail here loudly rather than pass quietly.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetBytes } from '../../../lib/core/load-dataset';
import { DATASET_PATH, type Film } from '../../../lib/core/schema';
import { buildSearchIndex, MAX_LIMIT, type SearchHit, type SearchIndex } from '../../../lib/core/search/search-index';

let films: Film[] = [];
let index: SearchIndex;
let buildMs = 0;

beforeAll(async () => {
  const bytes = await readFile(resolve(import.meta.dirname, '../../../assets', DATASET_PATH));
  films = (await parseDatasetBytes(bytes)).films;
  const t0 = performance.now();
  index = buildSearchIndex(films);
  buildMs = performance.now() - t0;
}, 60_000);

const ids = (query: string, n = 3): string[] => index.search(query, n).map((h) => h.id);
const top = (query: string): string | undefined => index.search(query, 1)[0]?.id;

// Ids verified in assets/dataset.json.gz.
const GUARDIANS = 'tt2015381'; // Guardians of the Galaxy (2014)
const GUARDIANS_2 = 'tt3896198'; // Guardians of the Galaxy Vol. 2, alt "Les gardiens de la galaxie Vol. 2"
const INCEPTION = 'tt1375666';
const AMELIE = 'tt0211915'; // Amélie, original "Le fabuleux destin d'Amélie Poulain"
const LEON_PRO = 'tt0110413'; // Léon: The Professional
const LEON = 'cc:966619788a'; // Léon (1994), a second record of the same film under its short title
const ROCKY_2 = 'tt0079817'; // Rocky II
const ROCKY_3 = 'tt0084602'; // Rocky III
const ROCKY_4 = 'tt0089927'; // Rocky IV
const TOY_STORY_3 = 'tt0435761';
const GODFATHER = 'tt0068646';
const IT_2017 = 'tt1396484'; // It (2017), alt "Es - Kapitel Eins"
const THOR_RAGNAROK = 'tt3501632'; // alt "Thor: Tag der Entscheidung"
const PIRATES_5 = 'tt1790809'; // alt "Fluch der Karibik: Salazars Rache"
const LIVES_OF_OTHERS = 'tt0405094'; // original "Das Leben der Anderen"
const BEAUTY_BEAST_2017 = 'tt2771200'; // alt "Die Schöne und das Biest"
const LOTR_1978 = 'tt0077869'; // The Lord of the Rings (1978): a few hundred votes
const LOTR_FELLOWSHIP = 'tt0120737';
const US_2019 = 'tt6857112';
const US_1991 = 'tt0103181';
const USUAL_SUSPECTS = 'tt0114814';
const M_1931 = 'tt0022100';
const SHAWSHANK = 'tt0111161';
const STAR_WARS = 'tt0076759';
const INTERSTELLAR = 'tt0816692';
const PULP_FICTION = 'tt0110912';
const DARK_KNIGHT = 'tt0468569';
const SPIDER_MAN_HOMECOMING = 'tt2250912';
const SWAT_2003 = 'tt0257076';
const ET = 'tt0083866'; // E.T. the Extra-Terrestrial
const WALL_E = 'tt0910970'; // WALL·E
const IRON_MAN = 'tt0371746';

describe('popup search: the dataset', () => {
  it('builds over the whole dataset quickly', () => {
    expect(index.size).toBe(films.length);
    expect(films.length).toBeGreaterThan(40_000);
    // Loose bound for slow CI machines; the real number is search_build_ms in `npm run bench`.
    expect(buildMs).toBeLessThan(3000);
  });
});

describe('popup search: typos', () => {
  it.each([
    ['guardains of the galaxy', GUARDIANS],
    ['incepton', INCEPTION],
    ['the shawshank redemtion', SHAWSHANK],
    ['star wras', STAR_WARS],
    ['interstelar', INTERSTELLAR],
    ['pulp fictoin', PULP_FICTION],
  ])('%s → the film meant, first', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it('ranks a typo match below an exact one', () => {
    const [exact, typo] = index.search('amelie', 2);
    expect(exact).toMatchObject({ id: AMELIE, score: 1 });
    expect(typo?.score).toBeLessThan(0.25);
  });
});

describe('popup search: accents and case', () => {
  it('folds accents both ways', () => {
    expect(top('amelie')).toBe(AMELIE);
    expect(top('Amélie')).toBe(AMELIE);
    expect(top('LÉON')).toBe(LEON);
    expect(top('leon')).toBe(LEON);
  });

  it('finds "leon the professional" as the exact title, ahead of the more-voted short record', () => {
    expect(ids('leon the professional', 1)).toEqual([LEON_PRO]);
    expect(ids('leon', 2)).toEqual([LEON, LEON_PRO]);
  });
});

describe('popup search: localized and original titles', () => {
  it.each([
    ['thor tag der entscheidung', THOR_RAGNAROK, 'Thor: Tag der Entscheidung'],
    ['fluch der karibik salazars rache', PIRATES_5, 'Fluch der Karibik: Salazars Rache'],
    ['les gardiens de la galaxie', GUARDIANS_2, 'Les gardiens de la galaxie Vol. 2'],
    ['die schone und das biest', BEAUTY_BEAST_2017, 'Die Schöne und das Biest'],
    ['es kapitel eins', IT_2017, 'Es - Kapitel Eins'],
    ['das leben der anderen', LIVES_OF_OTHERS, 'Das Leben der Anderen'],
    ['le fabuleux destin', AMELIE, "Le fabuleux destin d'Amélie Poulain"],
  ])('%s → %s, reporting the title that matched', (query, id, matched) => {
    const [hit] = index.search(query, 1);
    expect(hit).toMatchObject({ id, matched });
  });

  it('ranks an original title typed in full as an exact match', () => {
    expect(index.search('das leben der anderen', 1)[0]?.score).toBe(1);
  });
});

describe('popup search: sequel numerals', () => {
  it('matches digits and roman numerals either way', () => {
    expect(top('rocky 2')).toBe(ROCKY_2);
    expect(top('rocky ii')).toBe(ROCKY_2);
    expect(top('Rocky II')).toBe(ROCKY_2);
    expect(top('rocky 4')).toBe(ROCKY_4);
    expect(top('toy story 3')).toBe(TOY_STORY_3);
    expect(top('toy story iii')).toBe(TOY_STORY_3);
  });

  it('keeps a half-typed numeral useful: "rocky i" lists the sequels', () => {
    expect(ids('rocky i', 3).sort()).toEqual([ROCKY_2, ROCKY_3, ROCKY_4].sort());
  });
});

describe('popup search: as you type', () => {
  it('puts the most popular title starting with a short prefix first', () => {
    expect(top('godf')).toBe(GODFATHER);
    expect(ids('godf', 3)).toEqual([GODFATHER, 'tt0071562', 'tt0099674']); // Part II, Part III
  });

  it('answers a one-letter query with a full page of popular title prefixes', () => {
    const hits = index.search('s');
    expect(hits).toHaveLength(20);
    expect(hits[0]?.id).toBe(SHAWSHANK);
    for (const hit of hits) expect(hit.score).toBe(0.75);
  });

  it('matches word prefixes in any title position ("guard gal")', () => {
    expect(top('guard gal')).toBe(GUARDIANS);
  });

  it('makes the leading article optional', () => {
    expect(ids('lord of the rings', 2)).toEqual([LOTR_1978, LOTR_FELLOWSHIP]);
    expect(top('the godfather')).toBe(GODFATHER);
    expect(top('dark knight')).toBe(DARK_KNIGHT);
  });

  it('keeps the film on the first screen at every keystroke once a few letters are typed', () => {
    const query = 'guardians of the galaxy';
    for (let n = 4; n <= query.length; n++) {
      // Top 10, not top 3: at "guardian" five films titled exactly "The Guardian" rightly come first.
      expect(ids(query.slice(0, n), 10), query.slice(0, n)).toContain(GUARDIANS);
    }
    expect(ids('guardians o', 1)).toEqual([GUARDIANS]);
  });

  it('finds titles typed without their hyphens, dots or spaces', () => {
    expect(top('spiderman homecoming')).toBe(SPIDER_MAN_HOMECOMING);
    expect(ids('swat', 2)).toContain(SWAT_2003);
    expect(ids('et', 3)).toContain(ET);
    expect(top('walle')).toBe(WALL_E);
    expect(top('ironman')).toBe(IRON_MAN);
    expect(top('starwars')).toBe(STAR_WARS);
  });
});

describe('popup search: exact before popular', () => {
  it('"it" → the film titled exactly "It" first', () => {
    expect(index.search('it', 1)[0]).toMatchObject({ id: IT_2017, title: 'It', score: 1 });
  });

  it('"us" → both films titled "Us" before the far more voted The Usual Suspects', () => {
    expect(ids('us', 3)).toEqual([US_2019, US_1991, USUAL_SUSPECTS]);
  });

  it('"m" → the film titled "M" before The Matrix', () => {
    expect(top('m')).toBe(M_1931);
  });

  it('"lord of the rings" → the 1978 film of that exact title before the trilogy', () => {
    expect(top('lord of the rings')).toBe(LOTR_1978);
  });
});

describe('popup search: results', () => {
  it('returns nothing for a query that matches nothing', () => {
    expect(index.search('xqzzvkw')).toEqual([]);
    expect(index.search('qwertyuiop asdfghjkl zxcvbnm')).toEqual([]);
  });

  it('lists each film once, best first, with what the popup shows', () => {
    const hits = index.search('star wars', 50);
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    for (let i = 1; i < hits.length; i++) expect((hits[i] as SearchHit).score).toBeLessThanOrEqual((hits[i - 1] as SearchHit).score);
    expect(hits[0]).toEqual({ id: STAR_WARS, title: 'Star Wars', year: 1977, kind: 'movie', credits: expect.any(String), matched: 'Star Wars', score: 1 });
  });

  it('honours the limit within bounds', () => {
    expect(index.search('the', 5)).toHaveLength(5);
    expect(index.search('the', 1000)).toHaveLength(MAX_LIMIT);
    expect(index.search('the', 0)).toHaveLength(1);
    expect(index.search('the', Number.NaN)).toHaveLength(20);
  });

  it('gives the same answers when asked again (no state leaks between searches)', () => {
    const first = index.search('guardains of the galaxy');
    index.search('ironman');
    index.search('s');
    expect(index.search('guardains of the galaxy')).toEqual(first);
  });
});

describe('popup search: hostile input', () => {
  it('caps a 1 MB query and stays fast', () => {
    const huge = 'amelie '.repeat(150_000);
    const t0 = performance.now();
    expect(Array.isArray(index.search(huge))).toBe(true);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('ignores control characters, emoji, bidi marks and broken surrogates', () => {
    expect(index.search('\u0000\u0007\u001b[31m')).toEqual([]);
    expect(index.search('🎬🍿')).toEqual([]);
    expect(top('\u200f\u202eamelie\u202c')).toBe(AMELIE);
    expect(top('\u0000amelie\u0007')).toBe(AMELIE);
    expect(top('🎬 amelie')).toBe(AMELIE);
    expect(Array.isArray(index.search('\ud800amelie\udfff'))).toBe(true);
  });

  it('answers nothing, without throwing, for empty or non-string queries', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search(undefined as unknown as string)).toEqual([]);
    expect(index.search({ length: 3 } as unknown as string)).toEqual([]);
  });

  it('survives pathological word lists', () => {
    for (const query of ['the '.repeat(60), 'a b c d e f g h i j k l', 'x'.repeat(199), '1 2 3 4 5 6 7 8 9 10 11 12']) {
      expect(() => index.search(query)).not.toThrow();
    }
  });
});
