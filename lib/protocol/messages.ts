/**
 * The one message map between content scripts / extension pages and the background, and the smaller one the
 * extension's pages ask a tab's content script. Every message goes through `sendMessage` (./client.ts) and
 * `handleMessages` (./server.ts): payloads are validated on arrival and every reply is a Result, so a malformed
 * request gets a clear error instead of a silent `undefined`.
 */
import type { Film, RatingSourceId } from '../core/schema';
import type { ImdbChunkRecord, ImdbFileKind, ImdbImportState } from '../core/imdb-rows';
import type { MatchQuery, MatchResult } from '../core/match/match';
import type { SearchHit } from '../core/search/search-index';
import { isRecord } from '../core/guards';

export interface ProtocolMap {
  getFilm: { data: { id: string }; result: Film | null };
  getStatus: { data: Record<string, never>; result: SeedStatus };
  /** Popup search as you type: typo-tolerant, accent-insensitive, alternative titles, popular first. */
  searchFilms: { data: { query: string; limit?: number }; result: SearchHit[] };
  /** Best film for a title read from a page, with confidence and other candidates. */
  matchTitle: { data: MatchQuery; result: MatchResult };
  /** Opens the extension's search page in a new tab (content scripts cannot open the popup). */
  openSearch: { data: { query: string }; result: null };
  /** Facts about the answering dataset: for "data as of" and the combined score's priors. */
  getDatasetInfo: { data: Record<string, never>; result: DatasetInfo | null };
  /** A content script tells what its tab shows (the popup puts that film on top). */
  /** A content script says what its tab shows now (for the toolbar signal); null: no film. */
  reportDetected: { data: TabFilm; result: null };
  /** IMDb import (options page only): which ids to keep, so the worker filters while it streams. */
  imdbImportPlan: { data: Record<string, never>; result: ImdbImportPlanData };
  /** Starts staging one file's rows; the current data keeps answering until the commit. */
  imdbImportBegin: { data: { kind: ImdbFileKind; fileName: string; bytes: number; asOf: string }; result: { importId: string } };
  /** One batch of kept rows (idempotent by index: a retried batch overwrites itself). */
  imdbImportRows: { data: ImdbChunkRecord; result: null };
  /** Makes a complete import the answering data, atomically; returns what is imported now. */
  imdbImportCommit: {
    data: { importId: string; rowsRead: number; rowsKept: number; rowsSkipped: number; chunks: number };
    result: ImdbImportState;
  };
  /** Drops an import in progress (cancel or failure). */
  imdbImportAbort: { data: { importId: string }; result: null };
  /** What is imported now (for the options page and "IMDb data as of"). */
  imdbImportState: { data: Record<string, never>; result: ImdbImportState };
  /** Removes every import: back to the bundled data. */
  imdbImportRemove: { data: Record<string, never>; result: null };
}

/** The background's data, as the popup's progress bar and "data as of" show it. */
export interface SeedStatus {
  state: 'idle' | 'seeding' | 'ready' | 'error';
  /** Chunks written / to write for the version being seeded (both equal when ready). */
  done: number;
  total: number;
  /** The version that answers queries now, if any. */
  version?: string;
  /** Films in the answering version. */
  films?: number;
  /** "Data as of" of the answering version. */
  dataAsOf?: string;
  /** Wall time of the last completed seed run in this worker: load + parse + write (ms). */
  seedMs?: number;
  /** Chunk a resumed seed started from (0 for a fresh seed); tells a restart from a resume. */
  resumedFrom?: number;
  error?: string;
}

export interface ImdbImportPlanData {
  /** Ids the data already knows (bundled films with an IMDb id, imported films). */
  knownIds: string[];
  /** Imported ratings with at least minVotes votes: the films a title.basics import may add. */
  ratedIds: string[];
  minVotes: number;
}

export interface DatasetInfo {
  version: string;
  dataAsOf: string;
  films: number;
  ratingMeans: Partial<Record<RatingSourceId, number>>;
  /** "IMDb data as of": the date of the viewer's IMDb import, when there is one. */
  imdbAsOf?: string;
}

/** What a tab shows: its site, the title read, and the film it matched (null: none). */
export interface TabFilm {
  siteId: string;
  title: string;
  filmId: string | null;
}

export type MessageType = keyof ProtocolMap;
export type MessageData<K extends MessageType> = ProtocolMap[K]['data'];
export type MessageResult<K extends MessageType> = ProtocolMap[K]['result'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Envelope tag so our handler ignores messages that are not ours. */
export const CHANNEL = 'credits-cue/v1';

export interface Envelope {
  channel: typeof CHANNEL;
  type: string;
  data: unknown;
}

/** Longest string accepted in a payload: page strings are untrusted. */
export const MAX_STRING = 1000;

const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_STRING;
const isOptionalInt = (v: unknown, min: number, max: number): boolean =>
  v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max);

const isImdbKind = (v: unknown): v is ImdbFileKind => v === 'ratings' || v === 'basics' || v === 'akas';
/** Most rows one import batch may carry (the importer sends 5,000). */
export const MAX_IMPORT_BATCH = 10_000;
const IMDB_ID = /^tt\d{7,10}$/;
const isTitle = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 300;
const isOptionalString = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.length <= 300);

/** Every row of a batch, checked against its kind's shape: an import is as untrusted as any other payload. */
function isImdbRows(kind: unknown, rows: unknown): boolean {
  if (!isImdbKind(kind) || !Array.isArray(rows) || rows.length > MAX_IMPORT_BATCH) return false;
  return rows.every((row: unknown) => {
    if (!isRecord(row) || typeof row.id !== 'string' || !IMDB_ID.test(row.id)) return false;
    if (kind === 'ratings') {
      return typeof row.rating === 'number' && row.rating >= 0 && row.rating <= 10 && isOptionalInt(row.votes, 0, 1e9) && row.votes !== undefined;
    }
    if (kind === 'basics') {
      return (
        typeof row.type === 'string' &&
        row.type.length <= 40 &&
        isTitle(row.title) &&
        isOptionalString(row.original) &&
        typeof row.adult === 'boolean' &&
        isOptionalInt(row.year, 1800, 2200) &&
        isOptionalInt(row.runtime, 1, 10_000)
      );
    }
    return isTitle(row.title) && isOptionalString(row.region) && isOptionalString(row.language);
  });
}

/** Payload validators, one per message: the background trusts nothing it did not check here. */
export const validators: { [K in MessageType]: (data: unknown) => data is MessageData<K> } = {
  getFilm: (d): d is MessageData<'getFilm'> => isRecord(d) && isShortString(d.id),
  getStatus: (d): d is MessageData<'getStatus'> => isRecord(d),
  searchFilms: (d): d is MessageData<'searchFilms'> => isRecord(d) && isShortString(d.query) && isOptionalInt(d.limit, 1, 100),
  matchTitle: (d): d is MessageData<'matchTitle'> =>
    isRecord(d) &&
    isShortString(d.title) &&
    isOptionalInt(d.year, 1800, 2200) &&
    isOptionalInt(d.runtime, 1, 2000) &&
    (d.kind === undefined || d.kind === 'movie' || d.kind === 'episode' || d.kind === 'series'),
  openSearch: (d): d is MessageData<'openSearch'> => isRecord(d) && isShortString(d.query),
  getDatasetInfo: (d): d is MessageData<'getDatasetInfo'> => isRecord(d),
  reportDetected: (d): d is MessageData<'reportDetected'> =>
    isRecord(d) && isShortString(d.siteId) && isShortString(d.title) && (d.filmId === null || isShortString(d.filmId)),
  imdbImportPlan: (d): d is MessageData<'imdbImportPlan'> => isRecord(d),
  imdbImportBegin: (d): d is MessageData<'imdbImportBegin'> =>
    isRecord(d) &&
    isImdbKind(d.kind) &&
    isShortString(d.fileName) &&
    isOptionalInt(d.bytes, 0, Number.MAX_SAFE_INTEGER) &&
    d.bytes !== undefined &&
    typeof d.asOf === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(d.asOf),
  imdbImportRows: (d): d is MessageData<'imdbImportRows'> =>
    isRecord(d) && isShortString(d.importId) && isOptionalInt(d.index, 0, 1_000_000) && d.index !== undefined && isImdbRows(d.kind, d.rows),
  imdbImportCommit: (d): d is MessageData<'imdbImportCommit'> =>
    isRecord(d) &&
    isShortString(d.importId) &&
    [d.rowsRead, d.rowsKept, d.rowsSkipped, d.chunks].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0),
  imdbImportAbort: (d): d is MessageData<'imdbImportAbort'> => isRecord(d) && isShortString(d.importId),
  imdbImportState: (d): d is MessageData<'imdbImportState'> => isRecord(d),
  imdbImportRemove: (d): d is MessageData<'imdbImportRemove'> => isRecord(d),
};

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(validators, type);
}

export class MessageError extends Error {
  override name = 'MessageError';
}

/** A request on the port: the envelope plus an id to pair it with its reply. */
export interface PortRequest {
  id: number;
  message: Envelope;
}

export function unwrap<K extends MessageType>(type: K, reply: unknown): MessageResult<K> {
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') throw new MessageError(`No valid reply to "${type}".`);
  if (!reply.ok) throw new MessageError(String(reply.error));
  return reply.value as MessageResult<K>;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests to a tab's content script (the popup asks; the content script of that tab answers).

/** What the popup may ask a tab's content script. */
export interface TabProtocolMap {
  /** The page report of issue #13 (lib/content/page-report.ts): built on demand, returned only to the popup. */
  pageReport: { data: Record<string, never>; result: string };
  /** The browser-level shortcut (manifest `commands`): show or hide the badge, as the in-page shortcut does. */
  toggleBadge: { data: Record<string, never>; result: boolean };
  /** What the tab shows now, asked by the popup of that tab itself (no memory of tabs anywhere else). */
  tabFilm: { data: Record<string, never>; result: TabFilm | null };
}

export type TabMessageType = keyof TabProtocolMap;
