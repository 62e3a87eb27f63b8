/** A rating source's name and numbers in the shown language: the registry (lib/core/ratings/sources.ts) is pure. */
import type { RatingSource } from '../core/ratings/sources';
import { t, uiLocale } from './i18n';

/** The source's name in the shown language. */
export function sourceLabel(source: RatingSource): string {
  return source.labelKey ? t(source.labelKey) : source.label;
}

/** The source's short badge label in the shown language. */
export function sourceShort(source: RatingSource): string {
  return source.shortKey ? t(source.shortKey) : source.short;
}

/** A value of this source on its own scale, as the shown language writes numbers ("7.1" / "7,1", "92%" / "92 %"). */
export function scoreText(source: RatingSource, value: number, scale: number): string {
  return source.format(value, scale, uiLocale());
}
