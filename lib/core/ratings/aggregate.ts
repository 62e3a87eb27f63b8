/**
 * The optional combined score (off by default): every source normalised to 0-100, shrunk toward its source's
 * dataset mean by how many votes stand behind it, weighted, and shown only with at least two sources and enough
 * confidence. It is always labelled "Combined · N sources", never shown under a source's name
 * (docs/research/features-and-needs.md §4.4).
 */
import type { Rating, RatingSourceId } from '../schema';

interface Prior {
  /** Weight in the blend (renormalised over the sources present). */
  weight: number;
  /** Votes/reviews at which the score and the prior count the same: x' = (n·x + m·C) / (n + m). */
  m: number;
}

/** Critics and audience weigh about equally; RT's Tomatometer, a share of positive reviews, weighs least. */
const PRIORS: Partial<Record<RatingSourceId, Prior>> = {
  imdb: { weight: 0.3, m: 5000 },
  metacritic: { weight: 0.25, m: 3 },
  'rt-critics': { weight: 0.2, m: 10 },
  tmdb: { weight: 0.15, m: 500 },
  'rt-audience': { weight: 0.1, m: 1000 },
};

/** Below this confidence (weighted mean of n / (n + m)) the combined score is not shown. */
export const MIN_CONFIDENCE = 0.5;
export const MIN_SOURCES = 2;

export interface CombinedScore {
  /** 0-100, rounded. */
  value: number;
  sources: number;
  confidence: number;
}

/**
 * A rating without a count (several snapshots give none) counts as n = m: half trust, as likely strong as weak.
 * `means` are the dataset's per-source means on 0-100 (manifest.ratingMeans); a missing mean falls back to 50.
 */
export function combinedScore(
  ratings: readonly Rating[],
  means: Partial<Record<RatingSourceId, number>>,
  enabled?: readonly RatingSourceId[],
): CombinedScore | null {
  let weightSum = 0;
  let valueSum = 0;
  let confidenceSum = 0;
  let sources = 0;
  for (const r of ratings) {
    const prior = PRIORS[r.source];
    if (!prior || (enabled && !enabled.includes(r.source)) || !(r.scale > 0)) continue;
    const x = (r.value / r.scale) * 100;
    const n = r.count ?? prior.m;
    const mean = means[r.source] ?? 50;
    const shrunk = (n * x + prior.m * mean) / (n + prior.m);
    weightSum += prior.weight;
    valueSum += prior.weight * shrunk;
    confidenceSum += prior.weight * (n / (n + prior.m));
    sources++;
  }
  if (sources < MIN_SOURCES || weightSum === 0) return null;
  const confidence = confidenceSum / weightSum;
  if (confidence < MIN_CONFIDENCE) return null;
  return { value: Math.round(valueSum / weightSum), sources, confidence: Math.round(confidence * 100) / 100 };
}

/** Colour bands of the combined score: between Metacritic's 61 and IMDb's/TMDb's 70. */
export function combinedTone(value: number): 'good' | 'mixed' | 'bad' {
  return value >= 65 ? 'good' : value < 45 ? 'bad' : 'mixed';
}
