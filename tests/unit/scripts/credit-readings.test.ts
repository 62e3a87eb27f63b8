/**
 * The reading rules of issue #12 on real rows of each source: inferred ids checked against independent titles, the
 * vote-rating threshold and source weights measured on the built films, titles cased, the MCU API read. The rules'
 * inputs are the real shared/data files; their expected outcomes are facts checked by hand against the files (the
 * alignment chains named in docs/data-sources.md and the issue, the vote ratings in mediastingers.csv).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreditStatement, Film } from '../../../lib/core/schema';
import { buildDataset, type BuildResult } from '../../../scripts/data/build';
import { measureAgreement, voteThreshold } from '../../../scripts/data/credit-measure';
import { checkInferredIds, titlesAgree } from '../../../scripts/data/id-checks';
import { mcuapiOtherReader, mcuapiReader } from '../../../scripts/data/readers/mcuapi';
import { casingDictionary, fixTitles, titleCase } from '../../../scripts/data/titles';
import { BuildReport, type SourceRecord } from '../../../scripts/data/types';
import { SHARED_DATA } from '../../helpers/shared-data';

function film(result: BuildResult, id: string): Film {
  const f = result.dataset.films.find((x) => x.id === id);
  if (!f) throw new Error(`no film ${id}`);
  return f;
}

const filmsTitled = (result: BuildResult, title: string, year: number): Film[] =>
  result.dataset.films.filter((f) => f.title === title && f.year === year);

describe('titlesAgree', () => {
  it('accepts one film under its variants', () => {
    expect(titlesAgree('birds of prey', 'Birds of Prey: And the Fantabulous Emancipation of One Harley Quinn')).toBe(true);
    expect(titlesAgree('wolf warrior ii', 'Wolf Warrior 2')).toBe(true);
    expect(titlesAgree('haikyuu the dumpster battle', 'Haikyu!! The Dumpster Battle')).toBe(true);
    expect(titlesAgree('the eight hundred', 'The Eight Hundred')).toBe(true);
  });

  it("rejects the alignment's neighbours", () => {
    expect(titlesAgree('trap', 'Harold and the Purple Crayon')).toBe(false);
    expect(titlesAgree('borderlands', 'Trap')).toBe(false);
    expect(titlesAgree('jackass forever', 'The Tender Bar')).toBe(false);
    expect(titlesAgree('elevation', 'Moana 2')).toBe(false);
    expect(titlesAgree('', 'Anything')).toBe(false);
  });
});

describe('checkInferredIds', () => {
  const statement = (idMatch: string): CreditStatement[] => [{ source: 'aftercredits.com', any: 'yes', mid: 'yes', post: 'no', idMatch, input: 0 }];
  const imdb: SourceRecord = { inputId: 'imdb-filtered-2025', line: 2, imdbId: 'tt1609486', title: 'Harold and the Purple Crayon', year: 2024 };
  const post: SourceRecord = { inputId: 'cookiecheck-aftercredits', line: 3, imdbId: 'tt1609486', title: 'trap', year: 2024, credits: statement('inferred: order-aligned with Kometa (dp-aligned)') };
  const aligned: SourceRecord = {
    inputId: 'kometa-aftercredits',
    line: 4,
    imdbId: 'tt1609486',
    title: 'trap',
    year: 2024,
    credits: statement('source imdb_id; title via aftercredits title via order alignment'),
  };

  it("takes a rejected post's id and a rejected Kometa title, saying why, and keeps the confirmed", () => {
    const { records, report } = checkInferredIds([imdb, post, aligned, { ...post, line: 5, imdbId: 'tt0000001' }]);
    expect(records[1]?.imdbId).toBeUndefined();
    expect(records[1]?.title).toBe('trap');
    expect(records[1]?.credits?.[0]?.idMatch).toContain('not confirmed (independent sources give tt1609486 to "Harold and the Purple Crayon (2024)")');
    expect(records[2]).toMatchObject({ imdbId: 'tt1609486', title: '' });
    expect(records[2]?.year).toBeUndefined();
    expect(records[3]?.credits?.[0]?.idMatch).toContain('no independent source knows tt0000001');
    expect(report.rejected.map((r) => r.claim)).toEqual(['id', 'title', 'id']);
    expect(post.imdbId).toBe('tt1609486'); // the input is not mutated

    const fine = checkInferredIds([{ ...imdb, title: 'Trap' }, post]);
    expect(fine.report).toEqual({ confirmed: 1, rejected: [] });
    expect(fine.records[1]).toBe(post);
  });
});

describe('titles', () => {
  it('title-cases a lower-case key in the Chicago style', () => {
    expect(titleCase('the day the earth blew up a looney tunes movie')).toBe('The Day the Earth Blew Up a Looney Tunes Movie');
    expect(titleCase("now you see me now you don't")).toBe("Now You See Me Now You Don't");
    expect(titleCase('wolf warrior ii')).toBe('Wolf Warrior II');
    expect(titleCase('spider-man: across the spider-verse')).toBe('Spider-Man: Across the Spider-Verse');
    expect(titleCase('what i did for love')).toBe('What I Did for Love');
    expect(titleCase('minions & monsters')).toBe('Minions & Monsters');
  });

  it('takes the casing another source spells, leaves out films without a title', () => {
    const records: SourceRecord[] = [
      { inputId: 'cookiecheck-aftercredits', line: 2, title: 'weapons', year: 2025 },
      { inputId: 'tmdb-top-10k', line: 9, title: 'Weapons', year: 1999 },
      { inputId: 'kometa-aftercredits', line: 3, title: 'Some Movielens Title', titleHidden: true },
    ];
    const casing = casingDictionary(records);
    expect([...casing]).toEqual([['weapons', 'Weapons']]);
    const base: Film = { id: 'cc:1', title: 'weapons', kind: 'movie', credits: { state: 'none', mid: 'no', post: 'no', extras: [], statements: [] }, ratings: [], merged: [] };
    const { films, fixes } = fixTitles([base, { ...base, id: 'cc:2', title: 'hot spot' }, { ...base, id: 'tt1', title: '' }], casing, []);
    expect(films.map((f) => f.title)).toEqual(['Weapons', 'Hot Spot']);
    expect(fixes).toMatchObject({ fromSource: 1, byRule: 1, untitled: 1 });
  });
});

describe('MCU API reader on the real files', () => {
  let mcu: SourceRecord[];
  let other: SourceRecord[];
  let report: BuildReport;
  beforeAll(async () => {
    report = new BuildReport();
    mcu = await mcuapiReader.read(SHARED_DATA, report);
    other = await mcuapiOtherReader.read(SHARED_DATA, new BuildReport());
  });

  it('reads each released film once, with its listed scenes counted by position', () => {
    const byId = (id: string): CreditStatement | undefined => [...mcu, ...other].find((r) => r.imdbId === id)?.credits?.[0];
    // The Avengers: a scene during the credits, one after.
    expect(byId('tt0848228')).toMatchObject({ any: 'yes', mid: 'yes', post: 'yes', midCount: 1, postCount: 1, content: 'scene' });
    // Guardians of the Galaxy Vol. 2: five listed scenes.
    expect(byId('tt3896198')).toMatchObject({ midCount: 3, postCount: 2 });
    // Avengers: Endgame: no scene listed.
    expect(byId('tt4154796')).toMatchObject({ any: 'no', mid: 'no', post: 'no' });
    expect(mcu.find((r) => r.imdbId === 'tt4154796')).toMatchObject({ title: 'Avengers: Endgame', year: 2019, runtime: 182 });
    // Venom: Let There Be Carnage is a Sony entry: the other input.
    expect(other.find((r) => r.imdbId === 'tt7097896')?.inputId).toBe('mcuapi-other');
    expect(mcu.every((r) => r.inputId === 'mcuapi')).toBe(true);
  });

  it('skips films not released by the snapshot and entries without an IMDb id, saying why', () => {
    expect(mcu.some((r) => r.imdbId === 'tt21357150')).toBe(false); // Avengers: Doomsday (2026-12-18)
    const skipped = report.skipped.get('raw/mcuapi/movies.json');
    expect(skipped?.examples.some((e) => /not released/.test(e))).toBe(true);
    expect(skipped?.examples.some((e) => /no imdb_id/.test(e))).toBe(true);
  });
});

describe('voteThreshold', () => {
  it('is the lowest rating whose margin window and tail agree at the bar', () => {
    const table = [
      { rating: 0, yes: 5, no: 5 },
      { rating: 1, yes: 20, no: 5 },
      { rating: 2, yes: 25, no: 0 },
      { rating: 3, yes: 30, no: 1 },
    ];
    expect(voteThreshold(table, 0.95, 25)).toBe(2);
    expect(voteThreshold(table, 0.99, 25)).toBe(null); // the tail from 2 is 55/56
    expect(voteThreshold(table, 0.5, 25)).toBe(0);
    expect(voteThreshold([], 0.9, 25)).toBe(null);
  });
});

describe('measureAgreement', () => {
  it('compares only questions both answer, and each pair once', () => {
    const rows = measureAgreement([
      new Map([
        ['a', { any: 'yes' as const, mid: 'no' as const }],
        ['b', { any: 'yes' as const, post: 'yes' as const }],
      ]),
      new Map([
        ['a', { any: 'no' as const }],
        ['b', { any: 'yes' as const }],
      ]),
    ]);
    expect(rows).toEqual([{ a: 'a', b: 'b', question: 'any', films: 2, agree: 1 }]);
  });
});

describe('the readings on the real build', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildDataset({ sourcesDir: SHARED_DATA });
  }, 180_000);

  it('derives the vote-rating threshold from the agreement it measures', () => {
    const v = result.dataset.manifest.credits?.voteRating;
    // TMDb keywords against aftercredits.com: the bar; a rating qualifies when its margin and tail reach it.
    expect(v?.bar).toBeGreaterThan(0.95);
    expect(v?.threshold).toBe(4);
    const band = (lo: number, hi: number): { yes: number; no: number } =>
      (v?.byRating ?? []).filter((r) => r.rating >= lo && r.rating <= hi).reduce((t, r) => ({ yes: t.yes + r.yes, no: t.no + r.no }), { yes: 0, no: 0 });
    // Entries rated 3 or below disagree with aftercredits.com far more often than the bar allows.
    const low = band(-1000, 3);
    expect(low.no / (low.yes + low.no)).toBeGreaterThan(0.2);
    const high = band(4, 100_000);
    expect(high.yes / (high.yes + high.no)).toBeGreaterThan(v?.bar ?? 1);
  });

  it('weighs each source and writes the table to the manifest', () => {
    const m = result.dataset.manifest.credits;
    const source = (key: string) => m?.sources.find((s) => s.key === key);
    expect(source('aftercredits.com')?.inputs).toEqual(['cookiecheck-aftercredits', 'kometa-aftercredits']);
    for (const key of ['aftercredits.com', 'mediastinger.com', 'TMDb keywords', 'MCU API']) {
      expect(source(key)?.measured).toBe(true);
      expect(source(key)?.reliableYes).toBe(true);
    }
    // The Sony/Fox entries' zeros: wrong against aftercredits.com too often to count.
    expect(source('MCU API (Sony, Fox)')?.reliableNo).toBe(false);
    // One page cannot be measured: it counts, so its disagreement shows.
    expect(source("What's After the Movie?")).toMatchObject({ measured: false, reliableYes: true, reliableNo: true });
    expect(m?.agreement.find((r) => r.a === 'aftercredits.com' && r.b === 'mediastinger.com' && r.question === 'any')?.films).toBeGreaterThan(100);
  });

  it('re-ties the shifted alignment chains: each film gets its own post', () => {
    // Trap's post sat on Harold and the Purple Crayon, Borderlands' on Trap, Jackass Forever's on The Tender Bar.
    const trap = film(result, 'tt26753003');
    expect(trap.title).toBe('Trap');
    expect(trap.credits.statements.some((s) => s.url === 'https://aftercredits.com/2024/08/trap-2024/')).toBe(true);
    expect(trap.credits.statements.some((s) => s.url === 'https://aftercredits.com/2024/08/borderlands-2024/')).toBe(false);
    expect(film(result, 'tt4978420').credits.statements.some((s) => s.url === 'https://aftercredits.com/2024/08/borderlands-2024/')).toBe(true);
    const harold = film(result, 'tt1609486');
    expect(harold.credits.statements.some((s) => s.url?.includes('trap-2024'))).toBe(false);
    const tender = film(result, 'tt3108894');
    expect(tender.title).toBe('The Tender Bar');
    expect(tender.alt ?? []).not.toContain('Jackass Forever');
    expect(tender.credits.statements.some((s) => s.url?.includes('jackass-forever'))).toBe(false);
    expect(filmsTitled(result, 'Jackass Forever', 2022)).toHaveLength(1);
    expect(filmsTitled(result, 'Jackass Forever', 2022)[0]?.credits.statements.some((s) => s.url?.includes('jackass-forever'))).toBe(true);
    expect(film(result, 'tt13622970').credits.statements.some((s) => s.url?.includes('elevation-2024'))).toBe(false); // Moana 2
  });

  it('ships no film without a title and no lower-case title', () => {
    expect(result.dataset.films.filter((f) => f.title.trim() === '')).toEqual([]);
    // A title still all lower case is one with no word to capitalise ("4x4", "#martyisdead"), as its source spells it.
    const lower = result.dataset.films.filter((f) => f.title === f.title.toLowerCase() && f.title !== f.title.toUpperCase());
    expect(lower.filter((f) => titleCase(f.title) !== f.title).map((f) => f.title)).toEqual([]);
    expect(lower.length).toBeLessThan(20);
    expect(result.dataset.manifest.checks?.titles.untitled).toBeGreaterThan(0);
  });
});
