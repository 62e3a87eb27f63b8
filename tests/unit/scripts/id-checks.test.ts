import { describe, expect, it } from 'vitest';
import { dropContradictedIds } from '../../../scripts/data/id-checks';
import type { SourceRecord } from '../../../scripts/data/types';

const rec = (inputId: string, title: string, year: number | undefined, imdbId?: string): SourceRecord => ({ inputId, line: 2, title, year, imdbId });
const authoritative = (id: string): boolean => id === 'imdb';
const suspect = (id: string): boolean => id === 'catalogue';

describe('dropContradictedIds', () => {
  it('drops a catalogue id that IMDb gives to another film of the same title and year (Lightyear 2022)', () => {
    const { records, dropped } = dropContradictedIds(
      [rec('imdb', 'Lightyear', 2022, 'tt10298810'), rec('catalogue', 'Lightyear', 2022, 'tt10954616')],
      authoritative,
      suspect,
    );
    expect(records[1]?.imdbId).toBeUndefined();
    expect(records[1]?.title).toBe('Lightyear');
    expect(dropped).toEqual([expect.objectContaining({ imdbId: 'tt10954616', authoritative: 'tt10298810' })]);
  });

  it('keeps an id IMDb knows, an id of another year, and ids where IMDb has two films of that title', () => {
    const input = [
      rec('imdb', 'Encanto', 2021, 'tt2953050'),
      rec('catalogue', 'Encanto', 2021, 'tt2953050'),
      rec('catalogue', 'Encanto', 2019, 'tt0000001'),
      rec('imdb', 'Remake', 2020, 'tt0000010'),
      rec('imdb', 'Remake', 2020, 'tt0000011'),
      rec('catalogue', 'Remake', 2020, 'tt0000012'),
      rec('imdb', 'Known Elsewhere', 2018, 'tt0000020'),
      rec('imdb', 'Other Title', 2019, 'tt0000021'),
      rec('catalogue', 'Other Title', 2019, 'tt0000020'),
    ];
    const { records, dropped } = dropContradictedIds(input, authoritative, suspect);
    expect(records.map((r) => r.imdbId)).toEqual(input.map((r) => r.imdbId));
    expect(dropped).toEqual([]);
  });

  it('never touches authoritative or trusted inputs', () => {
    const { dropped } = dropContradictedIds(
      [rec('imdb', 'Lightyear', 2022, 'tt10298810'), rec('curated', 'Lightyear', 2022, 'tt10954616')],
      authoritative,
      suspect,
    );
    expect(dropped).toEqual([]);
  });
});
