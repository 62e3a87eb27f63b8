/**
 * The bundled dataset: the one source of truth for its shape. The pipeline (scripts/) writes it, the background
 * reads it, tests check it. Kept free of runtime dependencies so Node scripts and the extension share it.
 */

/**
 * Bump when the on-disk shape of `Dataset` changes (not when the data changes: that is `Dataset.version`).
 * 2: `FilmCredits.extras`, statement readings (`content`, `extras`, `voteRating`, `reading`), `manifest.credits`.
 */
export const DATASET_FORMAT = 2;

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

/**
 * Something during or after the credits that is not a scene (aftercredits.com's tags, read in
 * scripts/data/readers/credits-facts.ts): a sound, informative text, still images, a dedication, music, a gag in the
 * credits themselves ("sunset" or humorous credits). A film with extras only has no scene: its state is `none`, and
 * the extras are still said ("No scene after the credits — only a sound").
 */
export type CreditExtra = 'audio' | 'text' | 'stills' | 'dedication' | 'music' | 'credits-gag';

/** Every extra, in the order they are listed and said. */
export const CREDIT_EXTRAS: readonly CreditExtra[] = ['audio', 'text', 'stills', 'dedication', 'music', 'credits-gag'];

/**
 * What a statement says is there, where the source tells (aftercredits.com's tags; the MCU API lists scenes):
 * - scene: footage (a scene, outtakes, bloopers) and nothing it calls an extra;
 * - extras: extras only, no footage: not a scene;
 * - mixed: footage and extras both named, without saying which is where.
 * Absent when the source does not say what it is (most lists).
 */
export type CreditContent = 'scene' | 'extras' | 'mixed';

/**
 * How the build counted a statement in the verdict (scripts/data/verdict.ts); absent means counted at its source's weight.
 * - below-threshold: a mediastinger.com list entry whose vote rating is under the measured threshold: no evidence.
 * - explained-by-extras: a "yes" that another source's typed "no scene" and the film's known extras account for.
 * - unreliable: its source's measured agreement with the others is below the reliability bar: shown, not counted.
 * - before-credits: the MCU API's end-of-film scene that a "nothing after the credits" answer accounts for (the API
 *   also lists epilogues that play before the credits).
 * - self-contradictory: the source says yes and no to the same question (aftercredits.com's
 *   `inconsistent_no_with_scene_flag` rows): that question stays unknown.
 */
export type StatementReading = 'below-threshold' | 'explained-by-extras' | 'unreliable' | 'before-credits' | 'self-contradictory';

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
  /** What the source says is there (see CreditContent); absent when it does not say. */
  content?: CreditContent;
  /** Extras the source names (its own tags), in CREDIT_EXTRAS order. */
  extras?: CreditExtra[];
  /** mediastinger.com movies-with-stingers list: the film's vote rating on the site (votes for minus against). */
  voteRating?: number;
  /** Set by the verdict when the statement did not count as stated (see StatementReading). */
  reading?: StatementReading;
  input: InputRef;
}

export interface FilmCredits {
  state: CreditsState;
  /** Combined per-position answers: is there a scene there? "conflict" where reliable sources disagree. */
  mid: Tri | 'conflict';
  post: Tri | 'conflict';
  /** Scenes at that position, where a source counts them and none disagrees. */
  midCount?: number;
  postCount?: number;
  /** Extras during or after the credits that are not scenes (empty when none is known), in CREDIT_EXTRAS order. */
  extras: CreditExtra[];
  statements: CreditStatement[];
}

/** Rating sources the dataset can carry. The registry of labels/colours lives in lib/core/ratings (issue #4). */
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
  /** From the viewer's own IMDb import (lib/background/imdb-layers.ts), not the bundle: shown as "IMDb data as of …". */
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
  /**
   * How the build weighed the end-credit sources (scripts/data/credit-measure.ts): each source's measured agreement
   * with the others, and the rules derived from it. `npm run data:audit` prints it.
   */
  credits?: CreditsMeasure;
  /** What the build's own checks changed before the films were built (`npm run data:audit` prints it). */
  checks?: BuildChecks;
}

/** Facts about the build that the films alone do not show: ids taken off, titles cased, films left out. */
export interface BuildChecks {
  /** aftercredits.com posts tied to an IMDb id by order alignment (and Kometa entries titled by it). */
  inferredIds: {
    confirmed: number;
    rejected: number;
    examples: Array<{ title: string; year?: number; imdbId: string; knownAs?: string }>;
  };
  titles: {
    /** Lower-case titles given another source's casing of the same words. */
    fromSource: number;
    /** Lower-case titles cased by the title-case rule (no source spells them). */
    byRule: number;
    /** Films left out for having no title. */
    untitled: number;
    /** Those films' statements by input id. */
    untitledStatements: Record<string, number>;
    examples: Array<{ id: string; from: string; to: string; how: 'source' | 'rule' }>;
  };
}

/** The questions two sources can both answer about a film (explicit answers only; a list's silence is none). */
export type AgreementQuestion = 'any' | 'mid' | 'post' | 'scene';

export interface SourcePairAgreement {
  /** Source keys (CreditSourceWeight.key), a < b. */
  a: string;
  b: string;
  question: AgreementQuestion;
  /** Films where both answer the question, and where they give the same answer. */
  films: number;
  agree: number;
}

/** Answers of one kind (yes or no) compared with another source's, and how many agreed. */
export interface AnswerTally {
  compared: number;
  agree: number;
}

export interface CreditSourceWeight {
  /** The source as the verdict groups it (one key for aftercredits.com and its Kometa mirror). */
  key: string;
  /** Input ids whose statements belong to it. */
  inputs: string[];
  /** All its answers, pooled over every other source and question. */
  compared: number;
  agree: number;
  /** agree / compared when measured (at least `minCompared`), else 1. */
  weight: number;
  measured: boolean;
  /**
   * Its yes answers and its no answers apart: a list can be right when it names a film and wrong when it leaves one
   * out. Each kind is counted when its agreement is at or above the bar, or when too few were compared to measure.
   */
  yes: AnswerTally;
  no: AnswerTally;
  reliableYes: boolean;
  reliableNo: boolean;
}

/** mediastinger.com's vote list against aftercredits.com's explicit answers, per vote rating. */
export interface VoteRatingMeasure {
  /** The bar: the positive-only reference list's agreement with aftercredits.com (TMDb keywords). */
  bar: number;
  reference: { films: number; agree: number };
  /** Entries the window at each candidate threshold holds at least. */
  windowFilms: number;
  /** Lowest rating from which an entry counts; null: no rating qualifies (no entry counts). */
  threshold: number | null;
  byRating: Array<{ rating: number; yes: number; no: number }>;
}

export interface CreditsMeasure {
  /** Answers of a kind (yes or no) whose agreement is below this are not counted (their statements read `unreliable`). */
  reliableAgreement: number;
  /** Fewer compared answers than this: agreement not measurable, the source counts fully. */
  minCompared: number;
  sources: CreditSourceWeight[];
  agreement: SourcePairAgreement[];
  voteRating: VoteRatingMeasure;
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
