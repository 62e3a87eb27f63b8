/**
 * The one message map between content scripts / extension pages and the background, and the smaller one the
 * extension's pages ask a tab's content script. Every message goes through `sendMessage` (./client.ts) and
 * `handleMessages` (./server.ts): payloads are validated on arrival (./schemas.ts) and every reply is a Result, so a
 * malformed request gets a clear error instead of a silent `undefined`.
 */
import type { InferOutput } from 'valibot';
import type { Film, RatingSourceId } from '../core/schema';
import type { ImdbChunkRecord, ImdbImportState } from '../core/imdb-rows';
import type { MatchQuery, MatchResult } from '../core/match/match';
import type { SearchHit } from '../core/search/search-index';
import { isRecord } from '../core/guards';
import type { Payloads } from './schemas';

/**
 * A payload as its schema (./schemas.ts) checks it. A type import only: the schemas stay out of the content scripts,
 * which import this module.
 */
type Payload<K extends keyof Payloads> = InferOutput<Payloads[K]>;

export interface ProtocolMap {
  getFilm: { data: Payload<'getFilm'>; result: Film | null };
  getStatus: { data: Record<string, never>; result: SeedStatus };
  /** Popup search as you type: typo-tolerant, accent-insensitive, alternative titles, popular first. */
  searchFilms: { data: Payload<'searchFilms'>; result: SearchHit[] };
  /** Best film for a title read from a page, with confidence and other candidates. */
  matchTitle: { data: MatchQuery; result: MatchResult };
  /** Opens the extension's search page in a new tab (content scripts cannot open the popup). */
  openSearch: { data: Payload<'openSearch'>; result: null };
  /** Facts about the answering dataset: for "data as of" and the combined score's priors. */
  getDatasetInfo: { data: Record<string, never>; result: DatasetInfo | null };
  /** A content script tells what its tab shows (the popup puts that film on top). */
  /** A content script says what its tab shows now (for the toolbar signal); null: no film. */
  reportDetected: { data: TabFilm; result: null };
  /** IMDb import (options page only): which ids to keep, so the worker filters while it streams. */
  imdbImportPlan: { data: Record<string, never>; result: ImdbImportPlanData };
  /** Starts staging one file's rows; the current data keeps answering until the commit. */
  imdbImportBegin: { data: Payload<'imdbImportBegin'>; result: { importId: string } };
  /** One batch of kept rows (idempotent by index: a retried batch overwrites itself). */
  imdbImportRows: { data: ImdbChunkRecord; result: null };
  /** Makes a complete import the answering data, atomically; returns what is imported now. */
  imdbImportCommit: { data: Payload<'imdbImportCommit'>; result: ImdbImportState };
  /** Drops an import in progress (cancel or failure). */
  imdbImportAbort: { data: Payload<'imdbImportAbort'>; result: null };
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
export type TabFilm = Payload<'reportDetected'>;

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

/** Most rows one import batch may carry (the importer sends 5,000). */
export const MAX_IMPORT_BATCH = 10_000;

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
