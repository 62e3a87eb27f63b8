/**
 * The quick snapshot a restarted worker answers from (lib/core/quick-index.ts): it must answer exactly what the
 * index it was taken from answers, and a snapshot of other data (or a damaged one) must read as none.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFilmIndex } from '../../../lib/core/film-index';
import { parseDatasetBytes } from '../../../lib/core/load-dataset';
import { basisOf, decodeQuick, encodeQuick, type QuickSnapshot } from '../../../lib/core/quick-index';
import { DATASET_PATH } from '../../../lib/core/schema';
import { matchFilm, type MatchQuery } from '../../../lib/core/match/match';
import { fakeDataset } from '../../helpers/dataset';

describe('quick snapshot', () => {
  it('answers every query of the built dataset exactly as the full index does', async () => {
    const dataset = await parseDatasetBytes(await readFile(resolve(import.meta.dirname, '../../../assets', DATASET_PATH)));
    const full = buildFilmIndex(dataset.films);
    const quick = decodeQuick(encodeQuick(full, 'b'), 'b');
    if (!quick) throw new Error('no snapshot');
    expect(quick.size).toBe(full.size);
    // Every 7th film by its own title, with its year and without, plus titles that only the wider nets find.
    const queries: MatchQuery[] = dataset.films
      .filter((_, i) => i % 7 === 0)
      .flatMap((f) => [{ title: f.title, year: f.year, runtime: f.runtime, kind: 'movie' as const }, { title: `${f.title} (4K UHD)` }]);
    queries.push({ title: 'Guardains of the Galaxy', year: 2014 }, { title: 'Mission: Impossible Dead Reckoning', year: 2023 });
    for (const q of queries) {
      const a = matchFilm(full, q);
      const b = matchFilm(quick, q);
      expect({ id: b.best?.film.id, confidence: b.best?.confidence, others: b.others }).toEqual({ id: a.best?.film.id, confidence: a.best?.confidence, others: a.others });
    }
    // The matcher's widest net (titles that start with the query's words) reads the restored names.
    expect(quick.candidates('The Godfather', 1972).map((c) => c.film.id)).toEqual(full.candidates('The Godfather', 1972).map((c) => c.film.id));
    expect(quick.find('Never Let Me Go', 2010).map((h) => h.film.id)).toEqual(full.find('Never Let Me Go', 2010).map((h) => h.film.id));
    const head = quick.get('tt1334260');
    expect(head).toMatchObject({ id: 'tt1334260', title: 'Never Let Me Go', year: 2010, credits: { state: 'conflict' } });
    expect(quick.position('tt1334260')).toBe(full.position('tt1334260'));
  }, 60_000);

  it('reads as none for another basis, another format or damaged data', () => {
    const index = buildFilmIndex(fakeDataset(30).films);
    const snapshot = encodeQuick(index, 'v1|||');
    expect(decodeQuick(snapshot, 'v1|||')?.size).toBe(30);
    expect(decodeQuick(snapshot, 'v1|imp-1||')).toBeUndefined();
    expect(decodeQuick({ ...snapshot, format: 0 }, 'v1|||')).toBeUndefined();
    expect(decodeQuick({ ...snapshot, films: 31 }, 'v1|||')).toBeUndefined();
    expect(decodeQuick({ ...snapshot, data: snapshot.data.slice(0, -10) }, 'v1|||')).toBeUndefined();
    expect(decodeQuick({ ...snapshot, data: '{"ids":[]}' }, 'v1|||')).toBeUndefined();
    // Packed strings whose lengths do not add up to their text (one title cut short, or a length made negative).
    expect(decodeQuick({ ...snapshot, texts: { ...snapshot.texts, titles: snapshot.texts.titles.slice(0, -1) } }, 'v1|||')).toBeUndefined();
    const data = JSON.parse(snapshot.data) as { lengths: { titles: number[] } };
    const [first = 0, second = 0, ...rest] = data.lengths.titles;
    const negative = { ...data, lengths: { ...data.lengths, titles: [-1, second + first + 1, ...rest] } };
    expect(decodeQuick({ ...snapshot, data: JSON.stringify(negative) }, 'v1|||')).toBeUndefined();
    expect(decodeQuick({ ...snapshot, texts: { ...snapshot.texts, names: 7 } } as unknown as QuickSnapshot, 'v1|||')).toBeUndefined();
    expect(decodeQuick(undefined, 'v1|||')).toBeUndefined();
  });

  it('keeps each film\'s original and alternative titles, and hostile strings, exactly', () => {
    const films = fakeDataset(6).films.map((f, i) => {
      if (i === 1) return { ...f, originalTitle: 'Le Film Un', alt: ['Film Eins', '', 'Фильм \u0000 "один" \\'] };
      if (i === 3) return { ...f, alt: ['\ud83c\udfac Three', 'x'.repeat(5000)] };
      if (i === 4) return { ...f, title: '', originalTitle: 'Original Four' };
      return f;
    });
    const full = buildFilmIndex(films);
    const quick = decodeQuick(encodeQuick(full, 'b'), 'b');
    for (const f of films) {
      const head = quick?.get(f.id);
      expect([head?.title, head?.originalTitle, head?.alt]).toEqual([f.title, f.originalTitle, f.alt]);
    }
    expect(quick?.keys()).toEqual(full.keys());
    expect(quick?.find('Film Eins').map((h) => h.film.id)).toEqual([films[1]?.id]);
  });

  it('names the data it describes: the version and each import', () => {
    const layer = (importId: string) => ({ kind: 'ratings' as const, importId, fileName: 'f', bytes: 1, asOf: '2026-01-01', importedAt: '', rowsRead: 1, rowsKept: 1, rowsSkipped: 0, chunks: 1 });
    expect(basisOf('v1', {})).not.toBe(basisOf('v2', {}));
    expect(basisOf('v1', { ratings: layer('imp-a') })).not.toBe(basisOf('v1', { ratings: layer('imp-b') }));
    expect(basisOf('v1', { ratings: layer('imp-a') })).not.toBe(basisOf('v1', {}));
  });
});
