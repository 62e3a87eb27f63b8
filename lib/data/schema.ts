/**
 * The bundled dataset: the one source of truth for its shape. The pipeline (scripts/) writes it, the background
 * reads it, tests check it. Kept free of runtime dependencies so Node scripts and the extension share it.
 */

/** Bump when the on-disk shape of `Dataset` changes (not when the data changes: that is `Dataset.version`). */
export const DATASET_FORMAT = 1;

/** The dataset's file name, both under assets/ (committed) and at the root of the built extension. */
export const DATASET_PATH = 'dataset.json.gz';
export const MANIFEST_PATH = 'dataset-manifest.json';

/** A three-way answer. "unknown" is never shown as "no". */
export type Tri = 'yes' | 'no' | 'unknown';

/**
 * Combined end-credit verdict for a film.
 * - none: at least one source says there is nothing, and no source says otherwise
 * - mid / post / mid-post: where the scenes are
 * - some: a scene is reported but no source says where
 * - unknown: no source knows (positive-only lists saying nothing land here)
 * - conflict: sources disagree
 */
export type CreditsState = 'none' | 'mid' | 'post' | 'mid-post' | 'some' | 'unknown' | 'conflict';

export const CREDITS_STATES: readonly CreditsState[] = ['none', 'mid', 'post', 'mid-post', 'some', 'unknown', 'conflict'];

export type FilmKind = 'movie' | 'series' | 'episode' | 'short' | 'tv-movie' | 'video' | 'other';

/** Index into `Dataset.inputs`: which source file a fact came from. */
export type InputRef = number;

/** One statement by one source about one film's end-credit scenes. */
export interface CreditStatement {
  /** Display name of the source site, e.g. "aftercredits.com". */
  source: string;
  /** Is there anything at all after/during the credits? */
  any: Tri;
  mid: Tri;
  post: Tri;
  /** Number of scenes, only where the source gives it. */
  midCount?: number;
  postCount?: number;
  /** The source's page for this film. */
  url?: string;
  /** When the source said it (YYYY, YYYY-MM or YYYY-MM-DD). */
  asOf?: string;
  /** How this statement was tied to the film (e.g. "source id", "exact normalized title+year"). */
  idMatch?: string;
  /** Non-copyrighted note from the source data (e.g. "video game"). */
  note?: string;
  input: InputRef;
}

export interface FilmCredits {
  state: CreditsState;
  /** Combined per-position answers; "conflict" where sources disagree on that position. */
  mid: Tri | 'conflict';
  post: Tri | 'conflict';
  midCount?: number;
  postCount?: number;
  statements: CreditStatement[];
}

/** Rating sources the dataset can carry. The registry of labels/colours lives in lib/ratings (issue #4). */
export type RatingSourceId =
  | 'imdb'
  | 'rt-critics'
  | 'rt-audience'
  | 'metacritic'
  | 'metacritic-user'
  | 'tmdb'
  | 'fandango'
  | 'mediastinger';

export interface Rating {
  source: RatingSourceId;
  /** On the source's own scale: IMDb 7.1 of 10, RT 92 of 100. */
  value: number;
  /** Top of the source's scale (10, 100, 5). */
  scale: number;
  /** Votes or reviews behind the value, where given. */
  count?: number;
  asOf: string;
  input: InputRef;
  /** From the viewer's own IMDb import (lib/data/imdb-layers.ts), not the bundle: shown as "IMDb data as of …". */
  imported?: boolean;
}

/** How one source record joined its film: the rule that merged it (first record of a film: "first"). */
export type MergeRule = 'first' | 'imdb-id' | 'tmdb-id' | 'title-year' | 'title-year±1' | 'title-year±1+runtime';

export interface MergeStep {
  input: InputRef;
  /** 1-based data line in the input file. */
  line: number;
  rule: MergeRule;
}

export interface Film {
  /** IMDb tt id where any source gives one, else a stable derived id ("cc:" + hash of normalised title|year). */
  id: string;
  title: string;
  originalTitle?: string;
  /** Alternative and localized titles (deduplicated, without `title`). */
  alt?: string[];
  year?: number;
  runtime?: number;
  kind: FilmKind;
  tmdbId?: number;
  credits: FilmCredits;
  ratings: Rating[];
  merged: MergeStep[];
}

export interface DatasetInput {
  /** Stable id, e.g. "cookiecheck-aftercredits". */
  id: string;
  /** Path relative to the sources folder. */
  file: string;
  name: string;
  /** Where it came from (repository@commit or site). */
  origin: string;
  licence: string;
  asOf: string;
}

export interface DatasetManifest {
  format: typeof DATASET_FORMAT;
  /** Content hash of the films payload: changes exactly when the data changes. */
  version: string;
  /** Newest as-of date over all inputs (deterministic; the build never stamps wall-clock time). */
  dataAsOf: string;
  buildDate: string;
  inputs: DatasetInput[];
  counts: DatasetCounts;
  /**
   * Mean score of each rating source over the dataset, on 0-100 (the prior of the combined score: a score on few
   * votes is pulled toward its source's mean). Optional: manifests written before it existed lack it.
   */
  ratingMeans?: Partial<Record<RatingSourceId, number>>;
}

export interface DatasetCounts {
  films: number;
  byKind: Partial<Record<FilmKind, number>>;
  creditsByState: Record<CreditsState, number>;
  ratingsBySource: Partial<Record<RatingSourceId, number>>;
}

/** The whole bundled file (`assets/dataset.json.gz`). */
export interface Dataset {
  manifest: DatasetManifest;
  films: Film[];
}
