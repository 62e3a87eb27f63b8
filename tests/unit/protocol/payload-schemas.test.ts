/**
 * The payload schemas (lib/protocol/schemas.ts) through `dispatch`: the limits the hand-written validators had, and
 * what valibot's own `object` would let through but the background never accepted (an array for an object).
 */
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BATCH, MAX_STRING, type MessageType } from '../../../lib/protocol/messages';
import { isMessageType, payloadSchemas } from '../../../lib/protocol/schemas';
import { dispatch, type Handlers } from '../../../lib/protocol/server';

const request = (type: string, data: unknown) => ({ channel: 'credits-cue/v1', type, data });

/** Every handler answers with the payload it was given. */
const handlers = Object.fromEntries(Object.keys(payloadSchemas).map((type) => [type, (data: unknown) => data])) as unknown as Handlers;

async function accepted(type: MessageType, data: unknown): Promise<boolean> {
  const reply = await dispatch(handlers, request(type, data));
  if (!reply.ok) expect(reply.error).toBe(`Malformed payload for "${type}".`);
  return reply.ok;
}

/** An array carrying named fields: an object to valibot's `object`, never to the background. */
const arrayWith = (fields: Record<string, unknown>): unknown[] => Object.assign([], fields);

const ratingRow = { id: 'tt0000001', rating: 7.5, votes: 1200 };
const basicsRow = { id: 'tt0000001', type: 'movie', title: 'A Film', adult: false, year: 1999, runtime: 90 };
const akaRow = { id: 'tt0000001', title: 'Un film', region: 'FR' };
const rows = (kind: string, list: unknown[]) => ({ importId: 'i1', index: 0, kind, rows: list });

describe('payload schemas', () => {
  it('hands the handler the payload exactly as sent (checked, not rewritten: unknown fields stay)', async () => {
    const data = { id: 'tt0000001', extra: 1 };
    const reply = await dispatch(handlers, request('getFilm', data));
    expect(reply).toEqual({ ok: true, value: data });
    expect(reply.ok && reply.value).toBe(data);
  });

  it('refuses an array where an object is expected, even one carrying the fields', async () => {
    expect(await accepted('getStatus', {})).toBe(true);
    expect(await accepted('getStatus', [])).toBe(false);
    expect(await accepted('getFilm', arrayWith({ id: 'tt0000001' }))).toBe(false);
    expect(await accepted('imdbImportRows', arrayWith(rows('ratings', [ratingRow])))).toBe(false);
    expect(await accepted('imdbImportRows', rows('ratings', [arrayWith(ratingRow)]))).toBe(false);
  });

  it('keeps the string and number limits', async () => {
    expect(await accepted('getFilm', { id: 'x'.repeat(MAX_STRING) })).toBe(true);
    expect(await accepted('getFilm', { id: 'x'.repeat(MAX_STRING + 1) })).toBe(false);
    expect(await accepted('searchFilms', { query: 'x', limit: 100 })).toBe(true);
    expect(await accepted('searchFilms', { query: 'x', limit: 100.5 })).toBe(false);
    expect(await accepted('searchFilms', { query: 'x', limit: 101 })).toBe(false);
    expect(await accepted('matchTitle', { title: 'x', year: 1800, runtime: 2000, kind: 'series' })).toBe(true);
    expect(await accepted('matchTitle', { title: 'x', year: 2201 })).toBe(false);
    expect(await accepted('matchTitle', { title: 'x', runtime: 0 })).toBe(false);
    expect(await accepted('matchTitle', { title: 'x', year: Number.NaN })).toBe(false);
    expect(await accepted('matchTitle', { title: 'x', kind: 'short' })).toBe(false);
    expect(await accepted('reportDetected', { siteId: 'netflix', title: 'x', filmId: null })).toBe(true);
    expect(await accepted('reportDetected', { siteId: 'netflix', title: 'x' })).toBe(false);
  });

  it('checks the import messages: begin, commit', async () => {
    const begin = { kind: 'basics', fileName: 'title.basics.tsv.gz', bytes: 1, asOf: '2026-12-01' };
    expect(await accepted('imdbImportBegin', begin)).toBe(true);
    expect(await accepted('imdbImportBegin', { ...begin, kind: 'crew' })).toBe(false);
    expect(await accepted('imdbImportBegin', { ...begin, asOf: '2026-12-1' })).toBe(false);
    expect(await accepted('imdbImportBegin', { ...begin, bytes: -1 })).toBe(false);
    expect(await accepted('imdbImportBegin', { ...begin, bytes: undefined })).toBe(false);
    const commit = { importId: 'i1', rowsRead: 2, rowsKept: 1, rowsSkipped: 1, chunks: 1 };
    expect(await accepted('imdbImportCommit', commit)).toBe(true);
    expect(await accepted('imdbImportCommit', { ...commit, chunks: 0.5 })).toBe(false);
    expect(await accepted('imdbImportCommit', { ...commit, rowsSkipped: -1 })).toBe(false);
  });

  it('checks every row of a batch against its own kind’s shape', async () => {
    expect(await accepted('imdbImportRows', rows('ratings', [ratingRow]))).toBe(true);
    expect(await accepted('imdbImportRows', rows('basics', [basicsRow, { id: 'tt0000002', type: 'short', title: 'B', adult: true }]))).toBe(true);
    expect(await accepted('imdbImportRows', rows('akas', [akaRow]))).toBe(true);
    // A row of another kind, or the right kind with one bad field.
    expect(await accepted('imdbImportRows', rows('basics', [ratingRow]))).toBe(false);
    expect(await accepted('imdbImportRows', rows('akas', [ratingRow]))).toBe(false);
    expect(await accepted('imdbImportRows', rows('ratings', [{ ...ratingRow, rating: 10.5 }]))).toBe(false);
    expect(await accepted('imdbImportRows', rows('ratings', [{ ...ratingRow, votes: undefined }]))).toBe(false);
    expect(await accepted('imdbImportRows', rows('basics', [{ ...basicsRow, title: '' }]))).toBe(false);
    expect(await accepted('imdbImportRows', rows('basics', [{ ...basicsRow, type: 'x'.repeat(41) }]))).toBe(false);
    expect(await accepted('imdbImportRows', rows('akas', [{ ...akaRow, id: 'tt123456' }]))).toBe(false);
    expect(await accepted('imdbImportRows', rows('crew', [akaRow]))).toBe(false);
    expect(await accepted('imdbImportRows', { ...rows('ratings', [ratingRow]), index: 1_000_001 })).toBe(false);
  });

  it('takes a full batch and refuses a longer one', async () => {
    expect(await accepted('imdbImportRows', rows('ratings', Array.from({ length: MAX_IMPORT_BATCH }, () => ratingRow)))).toBe(true);
    expect(await accepted('imdbImportRows', rows('ratings', Array.from({ length: MAX_IMPORT_BATCH + 1 }, () => ratingRow)))).toBe(false);
  });

  it('knows only its own message types, not an object’s inherited names', () => {
    expect(isMessageType('matchTitle')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 42]) expect(isMessageType(name)).toBe(false);
  });
});
