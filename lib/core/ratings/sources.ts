/**
 * Rating sources: how each one is shown. Every source keeps its own scale and its own colour convention
 * (docs/research/features-and-needs.md §4): a number is never recoloured in another source's palette, and a
 * score on too few votes is greyed. Adding a source touches this registry and nothing else.
 */
import type { Rating, RatingSourceId } from '../schema';
import { formatNumberIn } from '../format-number';
import type { MessageKey } from '../message-key';

export type ScoreTone = 'good' | 'mixed' | 'bad' | 'few-votes';

export interface RatingSource {
  id: RatingSourceId;
  /** The source's name as the source writes it (English; brands are not translated). */
  label: string;
  /** Short label for the compact badge. */
  short: string;
  /** Where the name says more than the brand ("(critics)"): the message shown instead of `label` / `short`. */
  labelKey?: MessageKey;
  shortKey?: MessageKey;
  /** Value at or above which the source calls a score good (its own convention). */
  good: number;
  /** Value at or below which the source calls a score bad. */
  bad: number;
  /** Scale the thresholds are written on (values on another scale are converted first). */
  scale: number;
  /** Fewer votes/reviews than this and the score is greyed; undefined: the source gives no counts. */
  minCount?: number;
  /** How to print a value of this source, as `locale` writes numbers (lib/text/score-text.ts passes the shown one). */
  format(value: number, scale: number, locale: string): string;
  /** The source's page for the film, where the film's ids allow one (RT and Metacritic need slugs we lack). */
  link?(film: { id: string; tmdbId?: number }): string | undefined;
}

// Each source's own scale, written as the shown language writes numbers ("7.1" / "7,1", "92%" / "92 %").
const percent = (value: number, scale: number, locale: string): string => formatNumberIn(locale, Math.round((value / scale) * 100) / 100, { style: 'percent' });
const tenths = (value: number, scale: number, locale: string): string => formatNumberIn(locale, (value / scale) * 10, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = (value: number, scale: number, locale: string): string => formatNumberIn(locale, Math.round((value / scale) * 100));

export const RATING_SOURCES: readonly RatingSource[] = [
  // IMDb: rule of thumb "above 7 is worth a watch", red at 5.5 and below; grey under 1,000 votes (Unseen's bar).
  {
    id: 'imdb',
    label: 'IMDb',
    short: 'IMDb',
    good: 7,
    bad: 5.5,
    scale: 10,
    minCount: 1000,
    format: tenths,
    link: (film) => (/^tt\d+$/.test(film.id) ? `https://www.imdb.com/title/${film.id}/` : undefined),
  },
  // Tomatometer: fresh from 60 %; RT itself shows no score under 5 reviews.
  { id: 'rt-critics', label: 'Rotten Tomatoes (critics)', labelKey: 'sourceRtCritics', short: 'RT', good: 60, bad: 59, scale: 100, minCount: 5, format: percent },
  {
    id: 'rt-audience',
    label: 'Rotten Tomatoes (audience)',
    labelKey: 'sourceRtAudience',
    short: 'RT aud.',
    shortKey: 'sourceRtAudienceShort',
    good: 60,
    bad: 59,
    scale: 100,
    format: percent,
  },
  // Metacritic film bands: green 61+, yellow 40-60, red 39 and below.
  { id: 'metacritic', label: 'Metacritic (Metascore)', labelKey: 'sourceMetacritic', short: 'MC', good: 61, bad: 39, scale: 100, format: whole },
  {
    id: 'metacritic-user',
    label: 'Metacritic (users)',
    labelKey: 'sourceMetacriticUser',
    short: 'MC user',
    shortKey: 'sourceMetacriticUserShort',
    good: 6.1,
    bad: 3.9,
    scale: 10,
    format: tenths,
  },
  // TMDb has no official bands; its UI clones use green 70 %+, red under 40 %. Grey under 50 votes.
  {
    id: 'tmdb',
    label: 'TMDb',
    short: 'TMDb',
    good: 70,
    bad: 39,
    scale: 100,
    minCount: 50,
    format: percent,
    link: (film) => (film.tmdbId !== undefined ? `https://www.themoviedb.org/movie/${film.tmdbId}` : undefined),
  },
  {
    id: 'fandango',
    label: 'Fandango',
    short: 'Fandango',
    good: 4,
    bad: 2.5,
    scale: 5,
    format: (v, s, locale) => `${formatNumberIn(locale, (v / s) * 5, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}★`,
  },
  { id: 'mediastinger', label: 'MediaStinger', short: 'MS', good: 70, bad: 39, scale: 100, format: whole },
];

/** Shown until the options page (issue #4) lets viewers choose. */
export const DEFAULT_SOURCES: readonly RatingSourceId[] = ['imdb', 'rt-critics', 'metacritic', 'tmdb'];

export function ratingSource(id: RatingSourceId): RatingSource | undefined {
  return RATING_SOURCES.find((s) => s.id === id);
}

export function scoreTone(rating: Rating): ScoreTone {
  const source = ratingSource(rating.source);
  if (!source) return 'mixed';
  if (source.minCount !== undefined && rating.count !== undefined && rating.count < source.minCount) return 'few-votes';
  const value = (rating.value / rating.scale) * source.scale;
  if (value >= source.good) return 'good';
  if (value <= source.bad) return 'bad';
  return 'mixed';
}

/** The film's ratings for the enabled sources, in the viewer's order. */
export function visibleRatings(ratings: readonly Rating[], enabled: readonly RatingSourceId[]): Rating[] {
  return enabled.flatMap((id) => ratings.filter((r) => r.source === id));
}
