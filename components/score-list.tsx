import type { JSX } from 'preact';
import type { Film, Rating } from '../lib/core/schema';
import { combinedTone, type CombinedScore } from '../lib/core/ratings/aggregate';
import { formatDate, formatNumber, plural, t } from '../lib/text/i18n';
import { ratingSource, scoreTone } from '../lib/core/ratings/sources';
import { scoreText, sourceLabel, sourceShort } from '../lib/text/score-text';

/** One score in its source's own format and colours, greyed on few votes, linked to the source where ids allow. */
function Score({ rating, film, showCount }: { rating: Rating; film: Film; showCount: boolean }): JSX.Element | null {
  const source = ratingSource(rating.source);
  if (!source) return null;
  const href = source.link?.(film);
  const tone = scoreTone(rating);
  const value = scoreText(source, rating.value, rating.scale);
  const votes = rating.count !== undefined ? plural(rating.count, 'scoreVotesOne', 'scoreVotesOther', [formatNumber(rating.count)]) : '';
  const title = t('scoreTitle', [sourceLabel(source), votes ? `${value}, ${votes}` : value, formatDate(rating.asOf)]);
  const body = (
    <>
      <span class="score-label">{sourceShort(source)}</span> {value}
      {showCount && rating.count !== undefined ? <span class="score-count"> ({formatNumber(rating.count)})</span> : null}
    </>
  );
  return (
    <span class={`score tone-${tone}`} title={tone === 'few-votes' ? t('scoreFewVotes', [title]) : title} data-source={rating.source}>
      {href ? (
        <a href={href} target="_blank" rel="noreferrer noopener" onClick={(e) => e.stopPropagation()}>
          {body}
        </a>
      ) : (
        body
      )}
    </span>
  );
}

/** The film's scores for the enabled sources, then the combined score when it is on and confident. */
export function ScoreList({
  film,
  ratings,
  combined,
  showCounts = false,
}: {
  film: Film;
  ratings: Rating[];
  combined: CombinedScore | null;
  /** Print vote counts beside the scores (the popup's card has the room; the badge keeps them in the tooltip). */
  showCounts?: boolean;
}): JSX.Element {
  return (
    <span class="scores" data-testid="badge-scores">
      {ratings.map((r) => (
        <Score key={r.source} rating={r} film={film} showCount={showCounts} />
      ))}
      {ratings
        .filter((r) => r.imported)
        .slice(0, 1)
        .map((r) => (
          <span key="imdb-as-of" class="score-note" data-testid="imdb-as-of">
            {t('imdbAsOf', [formatDate(r.asOf)])}
          </span>
        ))}
      {combined ? (
        <span class={`score combined tone-${combinedTone(combined.value)}`} data-testid="combined-score" title={`Combined from ${combined.sources} sources, confidence ${combined.confidence}`}>
          <span class="score-label">{t('combinedLabel')}</span> {combined.value} · {t('combinedSources', [String(combined.sources)])}
        </span>
      ) : null}
    </span>
  );
}
