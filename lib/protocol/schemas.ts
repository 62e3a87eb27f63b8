/**
 * The payload schemas of the message map (./messages.ts): the background trusts nothing it did not check here, and
 * the payload types of ./messages.ts are read from these schemas. Only ./server.ts's `dispatch` uses them: content
 * scripts import ./messages.ts and ./client.ts, so they never bundle these rules.
 */
import * as v from 'valibot';
import { isRecord, plainObject } from '../core/guards';
import { IMDB_FILE_KINDS } from '../core/imdb-rows';
import { MAX_IMPORT_BATCH, MAX_STRING, type MessageData, type MessageType } from './messages';

/** A page string or id: page strings are untrusted, so every one is bounded. */
const ShortString = v.pipe(v.string(), v.maxLength(MAX_STRING));

// The helpers are marked free of side effects, as valibot's own functions are: content scripts import ./server.ts
// (for their tab's requests), and without the mark their bundle would keep these schemas.

/** A whole number in [min, max]. */
/* @__NO_SIDE_EFFECTS__ */
function int(min: number, max: number) {
  return v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
}

/** A count of rows or chunks: any whole number from 0. */
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A message that carries nothing still carries an object. */
const Empty = plainObject({});

// IMDb import rows: an import is as untrusted as any other payload, so every row of a batch is checked against its
// kind's shape (the types in lib/core/imdb-rows.ts).
const ImdbId = v.pipe(v.string(), v.regex(/^tt\d{7,10}$/));
const RowTitle = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const RowText = v.optional(v.pipe(v.string(), v.maxLength(300)));

const RatingRow = plainObject({ id: ImdbId, rating: v.pipe(v.number(), v.minValue(0), v.maxValue(10)), votes: int(0, 1e9) });
const BasicsRow = plainObject({
  id: ImdbId,
  type: v.pipe(v.string(), v.maxLength(40)),
  title: RowTitle,
  original: RowText,
  adult: v.boolean(),
  year: v.optional(int(1800, 2200)),
  runtime: v.optional(int(1, 10_000)),
});
const AkaRow = plainObject({ id: ImdbId, title: RowTitle, region: RowText, language: RowText });

/** One batch of one kind's rows. Its length is checked before its rows: an oversized batch is refused unread. */
/* @__NO_SIDE_EFFECTS__ */
function chunk<const K extends string, const R extends v.GenericSchema>(kind: K, row: R) {
  return v.object({
    importId: ShortString,
    index: int(0, 1_000_000),
    kind: v.literal(kind),
    rows: v.pipe(v.array(v.unknown()), v.maxLength(MAX_IMPORT_BATCH), v.array(row)),
  });
}

const ImdbChunk = v.variant('kind', [chunk('ratings', RatingRow), chunk('basics', BasicsRow), chunk('akas', AkaRow)]);

const PAYLOADS = {
  getFilm: plainObject({ id: ShortString }),
  getStatus: Empty,
  searchFilms: plainObject({ query: ShortString, limit: v.optional(int(1, 100)) }),
  matchTitle: plainObject({
    title: ShortString,
    year: v.optional(int(1800, 2200)),
    /** Minutes. */
    runtime: v.optional(int(1, 2000)),
    kind: v.optional(v.picklist(['movie', 'episode', 'series'])),
  }),
  openSearch: plainObject({ query: ShortString }),
  getDatasetInfo: Empty,
  reportDetected: plainObject({
    siteId: ShortString,
    /** The title read from the page. */
    title: ShortString,
    /** The film it matched; null: none. */
    filmId: v.nullable(ShortString),
  }),
  imdbImportPlan: Empty,
  imdbImportBegin: plainObject({
    kind: v.picklist(IMDB_FILE_KINDS),
    fileName: ShortString,
    bytes: int(0, Number.MAX_SAFE_INTEGER),
    /** "IMDb data as of": YYYY-MM-DD. */
    asOf: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  }),
  // valibot's variant, like its object, takes an array for an object: the first step rules that out.
  imdbImportRows: v.pipe(v.custom<v.InferInput<typeof ImdbChunk>>(isRecord), ImdbChunk),
  imdbImportCommit: plainObject({ importId: ShortString, rowsRead: Count, rowsKept: Count, rowsSkipped: Count, chunks: Count }),
  imdbImportAbort: plainObject({ importId: ShortString }),
  imdbImportState: Empty,
  imdbImportRemove: Empty,
};

/** The schemas' own types, which ./messages.ts reads its payload types from. */
export type Payloads = typeof PAYLOADS;

/**
 * One schema per message. Typed against the message map, so a payload type declared elsewhere (lib/core's MatchQuery,
 * ImdbChunkRecord) that drifts from its schema fails to compile.
 */
export const payloadSchemas: { readonly [K in MessageType]: v.GenericSchema<unknown, MessageData<K>> } = PAYLOADS;

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(payloadSchemas, type);
}
