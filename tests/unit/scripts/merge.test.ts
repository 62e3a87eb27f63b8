/**
 * mergeRecords: one test per rule and per guard. Fixtures are SourceRecords shaped like the readers' output; ids,
 * titles and years are real where a case allows it (Never Let Me Go tt1334260 / TMDb 42188; the two 2017 "The Wall"
 * tt ids of the Soeiro and IMDb files). Values a case needs that no source gives (a runtime tie, a made-up rating)
 * are test-only: these records never reach the dataset.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CreditStatement, DatasetInput, Film, MergeRule, Rating } from '../../../lib/core/schema';
import { titleKey } from '../../../lib/core/match/normalize';
import { MAX_ALT, mergeRecords, type MergeResult } from '../../../scripts/data/merge';
import type { SourceRecord } from '../../../scripts/data/types';

/** Inputs in priority order, like readers/index.ts: catalogues, rating files, credits feeds. */
const INPUTS: DatasetInput[] = ['catalogue', 'catalogue-2', 'tmdb-list', 'ratings', 'ratings-2', 'credits', 'credits-2'].map(
  (id) => ({ id, file: `${id}.csv`, name: id, origin: 'test fixture', licence: 'test', asOf: '2020' }),
);
const idx = (inputId: string): number => INPUTS.findIndex((i) => i.id === inputId);

function rec(inputId: string, line: number, fields: Omit<Partial<SourceRecord>, 'inputId' | 'line'>): SourceRecord {
  return { inputId, line, title: '', ...fields };
}

function statement(fields: Partial<CreditStatement>): CreditStatement {
  return { source: 'aftercredits.com', any: 'unknown', mid: 'unknown', post: 'unknown', input: 0, ...fields };
}

function rating(fields: Partial<Rating>): Rating {
  return { source: 'imdb', value: 7.1, scale: 10, asOf: '2020', input: 0, ...fields };
}

const NO_CROSSWALK = new Map<number, string>();

function merge(records: SourceRecord[], crosswalk: Map<number, string> = NO_CROSSWALK): MergeResult {
  return mergeRecords(records, INPUTS, crosswalk);
}

function filmOf(result: MergeResult, inputId: string, line: number): Film {
  const f = result.films.find((film) => film.merged.some((m) => m.input === idx(inputId) && m.line === line));
  if (!f) throw new Error(`record ${inputId}:${line} is in no film`);
  return f;
}

function ruleOf(result: MergeResult, inputId: string, line: number): MergeRule | undefined {
  return filmOf(result, inputId, line).merged.find((m) => m.input === idx(inputId) && m.line === line)?.rule;
}

describe('mergeRecords: ids', () => {
  it('groups records by IMDb id: first, then imdb-id', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt1334260', title: 'Never Let Me Go', year: 2010, runtime: 103 }),
      rec('credits', 5645, { imdbId: 'tt1334260', title: 'never let me go', year: 2010 }),
    ]);
    expect(r.films).toHaveLength(1);
    expect(r.films[0]?.id).toBe('tt1334260');
    expect(r.films[0]?.merged).toEqual([
      { input: idx('catalogue'), line: 2, rule: 'first' },
      { input: idx('credits'), line: 5645, rule: 'imdb-id' },
    ]);
  });

  it('never merges two different IMDb ids, even with the same title and year', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt4218696', title: 'The Wall', year: 2017 }),
      rec('catalogue-2', 2, { imdbId: 'tt6845582', title: 'The Wall', year: 2017 }),
    ]);
    expect(r.films.map((f) => f.id)).toEqual(['tt4218696', 'tt6845582']);
  });

  it('joins a TMDb-only record to the film whose records state that TMDb id', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt1334260', tmdbId: 42188, title: 'Never Let Me Go', year: 2010 }),
      rec('tmdb-list', 7, { tmdbId: 42188, title: 'Never Let Me Go', year: 2010 }),
    ]);
    expect(r.films).toHaveLength(1);
    expect(ruleOf(r, 'tmdb-list', 7)).toBe('tmdb-id');
    expect(r.films[0]?.tmdbId).toBe(42188);
  });

  it('bridges a TMDb id to an IMDb film through the crosswalk (rule tmdb-id, counted)', () => {
    const crosswalk = new Map([[42188, 'tt1334260']]);
    const r = merge(
      [
        rec('catalogue', 2, { imdbId: 'tt1334260', title: 'Never Let Me Go', year: 2010 }),
        rec('tmdb-list', 7, { tmdbId: 42188, title: 'Never Let Me Go', year: 2010 }),
      ],
      crosswalk,
    );
    expect(r.films).toHaveLength(1);
    expect(r.films[0]?.id).toBe('tt1334260');
    expect(ruleOf(r, 'tmdb-list', 7)).toBe('tmdb-id');
    expect(r.stats.crosswalked).toBe(1);
  });

  it('gives a TMDb-only film its tt id from the crosswalk even when no source has the id', () => {
    const r = merge([rec('tmdb-list', 7, { tmdbId: 42188, title: 'Never Let Me Go', year: 2010 })], new Map([[42188, 'tt1334260']]));
    expect(r.films.map((f) => [f.id, f.tmdbId])).toEqual([['tt1334260', 42188]]);
  });

  it('ignores a crosswalk link to a film that states another TMDb id', () => {
    const r = merge(
      [
        rec('catalogue', 2, { imdbId: 'tt1334260', tmdbId: 42188, title: 'Never Let Me Go', year: 2010 }),
        rec('tmdb-list', 7, { tmdbId: 999, title: 'Other Film', year: 2010 }),
      ],
      new Map([[999, 'tt1334260']]),
    );
    expect(r.films).toHaveLength(2);
    expect(r.stats.crosswalkConflicts).toBe(1);
    expect(filmOf(r, 'tmdb-list', 7).id).toMatch(/^cc:/);
  });
});

describe('mergeRecords: title + year', () => {
  it('joins by normalised title and exact year (title-year), keeping the cased title', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt1334260', title: 'Never Let Me Go', year: 2010 }),
      rec('credits', 9, { title: 'never let me go', year: 2010 }),
    ]);
    expect(r.films).toHaveLength(1);
    expect(ruleOf(r, 'credits', 9)).toBe('title-year');
    expect(r.films[0]?.title).toBe('Never Let Me Go');
  });

  it('joins within one year (title-year±1)', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt1334260', title: 'Never Let Me Go', year: 2010 }),
      rec('ratings', 3, { title: 'Never Let Me Go', year: 2011 }),
    ]);
    expect(ruleOf(r, 'ratings', 3)).toBe('title-year±1');
    expect(r.films[0]?.year).toBe(2010);
  });

  it('does not join two years apart', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt1334260', title: 'Never Let Me Go', year: 2010 }),
      rec('ratings', 3, { title: 'Never Let Me Go', year: 2012 }),
    ]);
    expect(r.films).toHaveLength(2);
  });

  it('prefers the exact year over a ±1 candidate', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt0000001', title: 'Hero', year: 2019 }),
      rec('catalogue', 3, { imdbId: 'tt0000002', title: 'Hero', year: 2020 }),
      rec('ratings', 4, { title: 'Hero', year: 2020 }),
    ]);
    expect(filmOf(r, 'ratings', 4).id).toBe('tt0000002');
    expect(ruleOf(r, 'ratings', 4)).toBe('title-year');
  });

  it('breaks a tie between same-title films by the closest runtime within 10 minutes', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt4218696', title: 'The Wall', year: 2017, runtime: 88 }),
      rec('catalogue', 3, { imdbId: 'tt6845582', title: 'The Wall', year: 2017, runtime: 120 }),
      rec('ratings', 4, { title: 'The Wall', year: 2017, runtime: 90 }),
    ]);
    expect(filmOf(r, 'ratings', 4).id).toBe('tt4218696');
    expect(ruleOf(r, 'ratings', 4)).toBe('title-year±1+runtime');
    expect(r.unmerged).toEqual([]);
  });

  it('reports an ambiguous match instead of merging; drops a ratings-only record', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt4218696', title: 'The Wall', year: 2017 }),
      rec('catalogue', 3, { imdbId: 'tt6845582', title: 'The Wall', year: 2017 }),
      rec('ratings', 4, { title: 'The Wall', year: 2017, ratings: [rating({ source: 'metacritic', value: 57, scale: 100 })] }),
    ]);
    expect(r.films.map((f) => f.id)).toEqual(['tt4218696', 'tt6845582']);
    expect(r.films.every((f) => f.ratings.length === 0)).toBe(true);
    expect(r.unmerged).toEqual([
      {
        inputId: 'ratings',
        input: idx('ratings'),
        line: 4,
        title: 'The Wall',
        year: 2017,
        reason: 'ambiguous',
        candidates: ['tt4218696', 'tt6845582'],
      },
    ]);
    expect(r.stats.dropped).toBe(1);
  });

  it('keeps an ambiguous record with credits as its own film, joinable by id only', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt4218696', title: 'The Wall', year: 2017 }),
      rec('catalogue', 3, { imdbId: 'tt6845582', title: 'The Wall', year: 2017 }),
      // 2018: within ±1 of both films.
      rec('credits', 4, { title: 'wall', year: 2018, credits: [statement({ any: 'no', mid: 'no', post: 'no' })] }),
      // 2019: two years from both films, one from the kept film, which it must not join by title.
      rec('credits-2', 5, { title: 'wall', year: 2019, credits: [statement({ any: 'yes' })] }),
    ]);
    expect(r.unmerged.map((u) => [u.line, u.reason, u.candidates])).toEqual([[4, 'ambiguous', ['tt4218696', 'tt6845582']]]);
    const kept = filmOf(r, 'credits', 4);
    expect(kept.id).toBe(r.unmerged[0]?.keptAs);
    expect(kept.merged).toEqual([{ input: idx('credits'), line: 4, rule: 'first' }]);
    expect(kept.credits.state).toBe('none');
    expect(filmOf(r, 'credits-2', 5).id).not.toBe(kept.id);
    expect(r.films).toHaveLength(4);
    expect(r.stats.dropped).toBe(0);
  });

  it('never merges a series with a movie', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt0000003', title: 'Fargo', year: 1996, kind: 'movie' }),
      rec('ratings', 3, { title: 'Fargo', year: 1996, kind: 'series' }),
      rec('ratings-2', 4, { title: 'Fargo', year: 1996, kind: 'tv-movie' }),
    ]);
    expect(filmOf(r, 'ratings', 3).id).not.toBe('tt0000003');
    expect(filmOf(r, 'ratings', 3).kind).toBe('series');
    // A TV movie is still a film: same family as a movie.
    expect(filmOf(r, 'ratings-2', 4).id).toBe('tt0000003');
  });

  it('never joins two rows of the same input by title (a source lists each film once)', () => {
    const r = merge([
      rec('ratings', 2, { title: 'Hero', year: 2019 }),
      rec('ratings', 3, { title: 'Hero', year: 2020 }),
      rec('ratings-2', 4, { title: 'Hero', year: 2020 }),
    ]);
    expect(r.films).toHaveLength(2);
    expect(filmOf(r, 'ratings-2', 4)).toBe(filmOf(r, 'ratings', 3));
  });

  it('does not join a TMDb record to a film that states another TMDb id', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt0000004', tmdbId: 1, title: 'Solo', year: 2018 }),
      rec('tmdb-list', 3, { tmdbId: 2, title: 'Solo', year: 2018 }),
    ]);
    expect(r.films).toHaveLength(2);
  });
});

describe('mergeRecords: records without a year', () => {
  it('merge by id only', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt1334260', title: 'Never Let Me Go', year: 2010 }),
      rec('credits', 3, { imdbId: 'tt1334260', title: '' }),
    ]);
    expect(r.films).toHaveLength(1);
  });

  it('a title-only record without a year is reported when a film has its title, and kept alone otherwise', () => {
    const r = merge([
      rec('catalogue', 2, { imdbId: 'tt1334260', title: 'Never Let Me Go', year: 2010 }),
      rec('ratings', 3, { title: 'Never Let Me Go', ratings: [rating({ source: 'rt-critics', value: 71, scale: 100 })] }),
      rec('ratings', 4, { title: 'Only Here', ratings: [rating({ source: 'rt-critics', value: 50, scale: 100 })] }),
    ]);
    expect(r.unmerged.map((u) => [u.line, u.reason, u.candidates, u.keptAs])).toEqual([[3, 'no-year', ['tt1334260'], undefined]]);
    expect(r.films).toHaveLength(2);
    expect(filmOf(r, 'ratings', 4).year).toBeUndefined();
  });
});

describe('mergeRecords: film fields', () => {
  it('derives a stable id from the title key and year when no record has a tt id', () => {
    const r = merge([rec('ratings', 2, { title: 'The Standoff', year: 2016 })]);
    const expected = `cc:${createHash('sha1').update(`${titleKey('The Standoff')}|2016`).digest('hex').slice(0, 10)}`;
    expect(r.films[0]?.id).toBe(expected);
    // Same key from another source, another casing: same id.
    expect(merge([rec('credits', 9, { title: 'standoff', year: 2016 })]).films[0]?.id).toBe(expected);
  });

  it('gives same-key films distinct ids, deterministically', () => {
    const records = [rec('ratings', 2, { title: 'Mentor', year: 2014 }), rec('ratings', 3, { title: 'Mentor', year: 2014 })];
    const a = merge(records).films.map((f) => f.id);
    expect(new Set(a).size).toBe(2);
    expect(merge([...records].reverse()).films.map((f) => f.id)).toEqual(a);
  });

  it('does not depend on the order records arrive in', () => {
    const records = [
      rec('catalogue', 2, { imdbId: 'tt1334260', tmdbId: 42188, title: 'Never Let Me Go', year: 2010, runtime: 103 }),
      rec('tmdb-list', 5, { tmdbId: 42188, title: 'Never Let Me Go', year: 2010 }),
      rec('ratings', 3, { title: 'Never Let Me Go', year: 2011 }),
      rec('credits', 4, { title: 'never let me go', year: 2010, credits: [statement({ any: 'yes', mid: 'no', post: 'yes' })] }),
      rec('ratings-2', 8, { title: 'The Standoff', year: 2016 }),
    ];
    expect(merge([...records].reverse())).toEqual(merge(records));
  });

  it('chooses title, originalTitle, alt, year, runtime, kind', () => {
    const r = merge([
      rec('credits', 2, { imdbId: 'tt0000005', title: 'amelie', year: 2001 }),
      rec('ratings', 3, { imdbId: 'tt0000005', title: 'Amelie', year: 2001, runtime: 122 }),
      rec('catalogue', 4, {
        imdbId: 'tt0000005',
        title: 'Amélie',
        originalTitle: "Le fabuleux destin d'Amélie Poulain",
        altTitles: ['Amélie from Montmartre', 'AMELIE'],
        year: 2001,
        runtime: 122,
        kind: 'movie',
      }),
      rec('catalogue-2', 5, { imdbId: 'tt0000005', title: 'Amelie', year: 2002, runtime: 120 }),
    ]);
    const f = r.films[0];
    expect(f?.title).toBe('Amélie');
    expect(f?.originalTitle).toBe("Le fabuleux destin d'Amélie Poulain");
    expect(f?.alt).toEqual(['Amélie from Montmartre']);
    expect(f?.year).toBe(2001);
    expect(f?.runtime).toBe(122);
    expect(f?.kind).toBe('movie');
  });

  it('caps alt titles', () => {
    const altTitles = Array.from({ length: 30 }, (_, i) => `Title number ${i}`);
    const r = merge([rec('catalogue', 2, { imdbId: 'tt0000006', title: 'Main', year: 2000, altTitles })]);
    expect(r.films[0]?.alt).toHaveLength(MAX_ALT);
  });

  it('omits optional fields that no record gives and defaults the kind to movie', () => {
    const f = merge([rec('credits', 2, { imdbId: 'tt0000007', title: '' })]).films[0];
    expect(f && Object.keys(f).sort()).toEqual(['credits', 'id', 'kind', 'merged', 'ratings', 'title']);
    expect(f?.kind).toBe('movie');
  });

  it('combines credit statements and stamps their input index', () => {
    const r = merge([
      rec('credits', 2, { imdbId: 'tt1334260', title: 'never let me go', year: 2010, credits: [statement({ any: 'yes', mid: 'no', post: 'yes' })] }),
      rec('credits-2', 2, {
        imdbId: 'tt1334260',
        title: 'Never Let Me Go',
        year: 2010,
        credits: [statement({ source: "What's After the Movie?", any: 'no', mid: 'no', post: 'no' })],
      }),
    ]);
    const credits = r.films[0]?.credits;
    expect(credits?.state).toBe('conflict');
    expect(credits?.statements.map((s) => s.input)).toEqual([idx('credits'), idx('credits-2')]);
  });

  it('keeps one rating per source: freshest, then more votes, then input priority', () => {
    const r = merge([
      rec('catalogue', 2, {
        imdbId: 'tt1334260',
        title: 'Never Let Me Go',
        year: 2010,
        ratings: [rating({ value: 7.0, asOf: '2016', count: 100 }), rating({ source: 'tmdb', value: 6.9, asOf: '2022-07' })],
      }),
      rec('ratings', 3, { imdbId: 'tt1334260', title: 'Never Let Me Go', ratings: [rating({ value: 7.1, asOf: '2025-04', count: 5 })] }),
      rec('ratings-2', 4, { imdbId: 'tt1334260', title: 'Never Let Me Go', ratings: [rating({ source: 'tmdb', value: 7.0, asOf: '2022-07', count: 10 })] }),
    ]);
    expect(r.films[0]?.ratings).toEqual([
      rating({ value: 7.1, asOf: '2025-04', count: 5, input: idx('ratings') }),
      rating({ source: 'tmdb', value: 7.0, asOf: '2022-07', count: 10, input: idx('ratings-2') }),
    ]);
  });

  it('does not modify the records it is given', () => {
    const records = [rec('credits', 2, { imdbId: 'tt1334260', title: 'x', credits: [statement({ any: 'no' })], ratings: [rating({})] })];
    const copy = structuredClone(records);
    merge(records);
    expect(records).toEqual(copy);
  });
});

describe('mergeRecords: explainability and order', () => {
  const records = [
    rec('catalogue', 2, { imdbId: 'tt4218696', title: 'The Wall', year: 2017, runtime: 88 }),
    rec('catalogue', 3, { imdbId: 'tt6845582', title: 'The Wall', year: 2017, runtime: 120 }),
    rec('catalogue-2', 2, { imdbId: 'tt1334260', tmdbId: 42188, title: 'Never Let Me Go', year: 2010 }),
    rec('tmdb-list', 2, { tmdbId: 42188, title: 'Never Let Me Go', year: 2010 }),
    rec('tmdb-list', 3, { tmdbId: 77, title: 'Bridged', year: 2005 }),
    rec('ratings', 2, { title: 'The Wall', year: 2017, runtime: 91 }),
    rec('ratings', 3, { title: 'The Wall', year: 2018 }),
    rec('ratings', 4, { title: 'Never Let Me Go', year: 2011 }),
    rec('ratings', 5, { title: 'No Year Film' }),
    rec('ratings-2', 2, { title: 'Never Let Me Go' }),
    rec('credits', 2, { title: 'wall', year: 2017, credits: [statement({ any: 'no' })] }),
  ];
  const r = merge(records, new Map([[77, 'tt0000008']]));

  it('places every record in exactly one film step or in the dropped unmerged list', () => {
    const steps = r.films.flatMap((f) => f.merged.map((m) => `${m.input}:${m.line}`));
    const dropped = r.unmerged.filter((u) => u.keptAs === undefined).map((u) => `${u.input}:${u.line}`);
    const all = records.map((x) => `${idx(x.inputId)}:${x.line}`);
    expect([...steps, ...dropped].sort()).toEqual([...all].sort());
    expect(new Set(steps).size).toBe(steps.length);
    expect(r.stats.records).toBe(records.length);
    const counted = Object.values(r.stats.byRule).reduce((a, b) => a + b, 0);
    expect(counted).toBe(steps.length);
  });

  it('starts every film with exactly one "first" step', () => {
    for (const f of r.films) expect(f.merged.filter((m) => m.rule === 'first')).toHaveLength(1);
  });

  it('names the rule of each step', () => {
    expect(ruleOf(r, 'ratings', 2)).toBe('title-year±1+runtime');
    expect(ruleOf(r, 'ratings', 4)).toBe('title-year±1');
    expect(ruleOf(r, 'tmdb-list', 2)).toBe('tmdb-id');
    expect(filmOf(r, 'tmdb-list', 3).id).toBe('tt0000008');
  });

  it('sorts films by id and steps by input then line', () => {
    const ids = r.films.map((f) => f.id);
    expect(ids).toEqual([...ids].sort());
    for (const f of r.films) {
      const keys = f.merged.map((m) => m.input * 1e6 + m.line);
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
    }
  });

  it('rejects a record of an undeclared input', () => {
    expect(() => merge([rec('nope', 2, { title: 'x' })])).toThrow(/unknown input "nope"/);
  });
});
