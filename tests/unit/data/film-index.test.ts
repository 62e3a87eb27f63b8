import { describe, expect, it } from 'vitest';
import { buildFilmIndex } from '../../../lib/core/film-index';
import { lookup } from '../../../lib/core/match/lookup';
import type { Film } from '../../../lib/core/schema';
import { fakeDataset, fakeFilm } from '../../helpers/dataset';

function film(id: string, title: string, year: number, votes: number, extra: Partial<Film> = {}): Film {
  return { ...fakeFilm(1), id, title, year, ratings: [{ source: 'imdb', value: 7, scale: 10, count: votes, asOf: '2025-04', input: 0 }], ...extra };
}

const films = [
  film('tt0000101', 'Remake Test', 1990, 500),
  film('tt0000102', 'Remake Test', 2015, 90_000),
  film('tt0000103', 'Localized Original', 2001, 10, { alt: ['Lokalisierter Titel'] }),
  film('tt0000104', 'Remake Testament', 2003, 5),
];
const index = buildFilmIndex(films);

describe('film index', () => {
  it('finds by id', () => {
    expect(index.get('tt0000103')?.title).toBe('Localized Original');
    expect(index.get('tt9999999')).toBeUndefined();
  });

  it('ranks the exact year first and gives it high confidence', () => {
    const hits = index.find('remake test', 1990);
    expect(hits.map((h) => [h.film.id, h.confidence])).toEqual([['tt0000101', 'high']]);
  });

  it('accepts a year off by one with medium confidence', () => {
    expect(index.find('Remake Test', 2016)[0]).toMatchObject({ film: { id: 'tt0000102' }, confidence: 'medium' });
  });

  it('without a year: several candidates are low confidence, most popular first', () => {
    const hits = index.find('Remake Test');
    expect(hits.map((h) => h.film.id)).toEqual(['tt0000102', 'tt0000101']);
    expect(hits[0]?.confidence).toBe('low');
  });

  it('matches alternative titles', () => {
    expect(index.find('Lokalisierter Titel', 2001)[0]?.film.id).toBe('tt0000103');
  });

  it('lookup keeps the CLI shape for a miss', () => {
    expect(lookup(index, { title: 'Not In Here' }, [])).toEqual({
      match: null,
      credits: { state: 'unknown', mid: 'unknown', post: 'unknown', midCount: null, postCount: null, extras: [], sources: [] },
      ratings: [],
    });
  });

  it('lookup names each fact\'s input', () => {
    const ds = fakeDataset(3);
    const result = lookup(buildFilmIndex(ds.films), { title: 'Test Film 2', year: 2002 }, ds.manifest.inputs);
    expect(result.match).toMatchObject({ id: ds.films[2]?.id, confidence: 'high' });
    expect(result.ratings[0]).toMatchObject({ source: 'imdb', input: 'test', scale: 10 });
  });
});
