/**
 * What an IMDb import is made of (issue #6): the rows kept from the viewer's TSV dumps, the layer each file kind
 * becomes, and how the layers lie over the bundled films (`mergeImdb`). Pure: the IndexedDB side is
 * lib/background/imdb-layers.ts, the reading side lib/pages/imdb/.
 */
import type { DatasetInput, Film, FilmCredits, FilmKind, Rating } from './schema';

/**
 * The one keep rule for films no other source knows: at least this many IMDb votes (the films people actually look
 * up, ~50 k in the full dump). The pipeline (scripts/data/readers/imdb-tsv.ts) applies it when it builds the
 * bundle, the browser import (lib/pages/imdb/import.ts, told by the background's plan) when a viewer imports.
 */
export const KEEP_MIN_VOTES = 1000;

export type ImdbFileKind = 'ratings' | 'basics' | 'akas';
export const IMDB_FILE_KINDS: readonly ImdbFileKind[] = ['ratings', 'basics', 'akas'];

/** title.ratings: one film's IMDb rating. */
export interface ImdbRatingRow {
  id: string;
  rating: number;
  votes: number;
}

/** title.basics: a title's names, type, year and running time. */
export interface ImdbBasicsRow {
  id: string;
  type: string;
  title: string;
  original?: string;
  adult: boolean;
  year?: number;
  runtime?: number;
}

/** title.akas: one localized or alternative title of a title. */
export interface ImdbAkaRow {
  id: string;
  title: string;
  region?: string;
  language?: string;
}

export type ImdbRows =
  | { kind: 'ratings'; rows: ImdbRatingRow[] }
  | { kind: 'basics'; rows: ImdbBasicsRow[] }
  | { kind: 'akas'; rows: ImdbAkaRow[] };

export type ImdbChunkRecord = { importId: string; index: number } & ImdbRows;

/** What the viewer imported for one file kind, as shown on the options page. */
export interface ImdbLayerInfo {
  kind: ImdbFileKind;
  importId: string;
  fileName: string;
  bytes: number;
  /** "IMDb data as of": the day the viewer's file was written (IMDb refreshes the dumps daily), YYYY-MM-DD. */
  asOf: string;
  /** When the import finished (ISO). */
  importedAt: string;
  rowsRead: number;
  rowsKept: number;
  rowsSkipped: number;
  chunks: number;
}

/** An import in progress: lets a restarted service worker keep accepting its batches. */
export interface ImdbStaging {
  kind: ImdbFileKind;
  importId: string;
  fileName: string;
  bytes: number;
  asOf: string;
  startedAt: string;
}

export type ImdbImportState = Partial<Record<ImdbFileKind, ImdbLayerInfo>>;

export interface ImdbLayers {
  state: ImdbImportState;
  ratings: ImdbRatingRow[];
  basics: ImdbBasicsRow[];
  akas: ImdbAkaRow[];
}

// ---------------------------------------------------------------------------------------------------------------
// Merge

/** The provenance record imported facts point at (appended to the dataset's inputs at runtime). */
export function importInput(state: ImdbImportState): DatasetInput {
  const dates = Object.values(state).map((l) => l.asOf).sort();
  return {
    id: 'imdb-import',
    file: Object.values(state).map((l) => l.fileName).join(', '),
    name: 'IMDb non-commercial datasets (imported in this browser)',
    origin: 'https://datasets.imdbws.com/ (downloaded and imported by the viewer)',
    licence: 'IMDb non-commercial terms',
    asOf: dates.at(-1) ?? '',
  };
}

const UNKNOWN_CREDITS: FilmCredits = { state: 'unknown', mid: 'unknown', post: 'unknown', extras: [], statements: [] };

const KINDS: Readonly<Record<string, FilmKind>> = { movie: 'movie', tvMovie: 'tv-movie' };

function imdbRating(row: ImdbRatingRow, asOf: string, input: number): Rating {
  return { source: 'imdb', value: row.rating, scale: 10, count: row.votes, asOf, input, imported: true };
}

/**
 * The bundled films with the imports laid over them: fresh IMDb ratings replace the bundled ones, films the bundle
 * lacks are added (credits unknown: an import says nothing about end-credit scenes), localized titles join `alt`.
 * Films untouched by the imports are the bundled objects themselves (no copy).
 */
export function mergeImdb(films: readonly Film[], layers: ImdbLayers, input: number): Film[] {
  if (layers.ratings.length === 0 && layers.basics.length === 0 && layers.akas.length === 0) return [...films];
  const ratingsAsOf = layers.state.ratings?.asOf ?? '';
  const ratings = new Map(layers.ratings.map((r) => [r.id, r]));
  const akas = new Map<string, string[]>();
  for (const aka of layers.akas) {
    const list = akas.get(aka.id);
    if (list) list.push(aka.title);
    else akas.set(aka.id, [aka.title]);
  }
  const withAlt = (film: Film, extra: readonly string[] | undefined): string[] | undefined => {
    if (!extra) return film.alt;
    const seen = new Set([film.title.toLowerCase(), ...(film.alt ?? []).map((a) => a.toLowerCase())]);
    const alt = [...(film.alt ?? [])];
    for (const title of extra) {
      const key = title.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      alt.push(title);
    }
    return alt.length > 0 ? alt : undefined;
  };
  const out: Film[] = [];
  const known = new Set<string>();
  for (const film of films) {
    known.add(film.id);
    const rating = ratings.get(film.id);
    const extra = akas.get(film.id);
    if (!rating && !extra) {
      out.push(film);
      continue;
    }
    const merged: Film = { ...film, alt: withAlt(film, extra) };
    if (merged.alt === undefined) delete merged.alt;
    // Fresh means fresh: an older dump than the bundle's own IMDb snapshot does not replace it.
    const bundledImdb = film.ratings.find((r) => r.source === 'imdb');
    if (rating && (!bundledImdb || ratingsAsOf >= bundledImdb.asOf)) {
      merged.ratings = [imdbRating(rating, ratingsAsOf, input), ...film.ratings.filter((r) => r.source !== 'imdb')];
    }
    out.push(merged);
  }
  for (const row of layers.basics) {
    const kind = KINDS[row.type];
    if (!kind || row.adult || known.has(row.id)) continue;
    known.add(row.id);
    const rating = ratings.get(row.id);
    const film: Film = {
      id: row.id,
      title: row.title,
      kind,
      credits: UNKNOWN_CREDITS,
      ratings: rating ? [imdbRating(rating, ratingsAsOf, input)] : [],
      merged: [{ input, line: 0, rule: 'first' }],
    };
    if (row.original && row.original !== row.title) film.originalTitle = row.original;
    if (row.year !== undefined) film.year = row.year;
    if (row.runtime !== undefined) film.runtime = row.runtime;
    const alt = withAlt(film, akas.get(row.id));
    if (alt) film.alt = alt;
    out.push(film);
  }
  return out;
}
