/**
 * The dataset read by its schemas (lib/core/load-dataset.ts): the same checks, in the same order, with the same
 * messages as the hand-written ones had, and an array is never read as an object.
 */
import { describe, expect, it } from 'vitest';
import { DatasetError, validateDataset } from '../../../lib/core/load-dataset';
import type { Dataset, Film } from '../../../lib/core/schema';
import { fakeDataset } from '../../helpers/dataset';

const good = fakeDataset(3);
const withFilm = (film: unknown): unknown => ({ ...good, films: [good.films[0], film] });
const film = good.films[1] as Film;
const messageOf = (value: unknown): string => {
  try {
    validateDataset(value);
    return 'valid';
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as Error).message;
  }
};

describe('dataset schema', () => {
  it('accepts a valid dataset and returns it as it is', () => {
    expect(validateDataset(good)).toBe(good as Dataset);
  });

  it('names a file that is no dataset before anything else', () => {
    const notOne = 'Dataset is not an object with "manifest" and "films".';
    for (const value of [null, [], 'x', { manifest: good.manifest }, { manifest: [], films: [] }, { manifest: good.manifest, films: {} }]) {
      expect(messageOf(value)).toBe(notOne);
    }
    // The shape is checked before the format: a wrong format with no films list is still "not a dataset".
    expect(messageOf({ manifest: { ...good.manifest, format: 99 }, films: 'x' })).toBe(notOne);
  });

  it('then the format, then the version', () => {
    expect(messageOf({ ...good, manifest: { ...good.manifest, format: '2' } })).toBe('Dataset format 2 is not the supported format 2.');
    expect(messageOf({ ...good, manifest: { version: 'v' } })).toBe('Dataset format undefined is not the supported format 2.');
    expect(messageOf({ ...good, manifest: { ...good.manifest, version: '' } })).toBe('Dataset has no version.');
    expect(messageOf({ ...good, manifest: { ...good.manifest, version: 7 } })).toBe('Dataset has no version.');
  });

  it('names the first malformed film by its index', () => {
    const malformed = 'Dataset film #1 is malformed.';
    expect(messageOf(withFilm({ ...film, id: '' }))).toBe(malformed);
    expect(messageOf(withFilm({ ...film, title: undefined }))).toBe(malformed);
    expect(messageOf(withFilm({ ...film, kind: 3 }))).toBe(malformed);
    expect(messageOf(withFilm({ ...film, ratings: {} }))).toBe(malformed);
    expect(messageOf(withFilm({ ...film, credits: { ...film.credits, state: 'maybe' } }))).toBe(malformed);
    expect(messageOf(withFilm({ ...film, credits: { ...film.credits, extras: undefined } }))).toBe(malformed);
    expect(messageOf(withFilm({ ...film, credits: Object.assign([], film.credits) }))).toBe(malformed);
    expect(messageOf(withFilm(Object.assign([], film)))).toBe(malformed);
    // Deeper fields are not looked into: the pipeline that wrote them is checked by its own tests.
    expect(messageOf(withFilm({ ...film, ratings: [42], credits: { ...film.credits, statements: ['?'] } }))).toBe('valid');
  });
});
