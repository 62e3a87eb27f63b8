import type { JSX } from 'preact';
import type { Confidence, FilmSummary } from '../lib/core/film-index';
import type { Film, RatingSourceId } from '../lib/core/schema';
import { alertText, extrasBesideScenes, verdictAdvice, verdictText, type CreditsAlert } from '../lib/text/credits-text';
import { t, type MessageKey } from '../lib/text/i18n';
import type { CombinedScore } from '../lib/core/ratings/aggregate';
import { visibleRatings } from '../lib/core/ratings/sources';
import { CreditSources } from './credit-sources';
import { ScoreList } from './score-list';

export interface BadgeProps {
  /** The matched film, or null when the title is not in the dataset. */
  film: Film | null;
  confidence: Confidence | null;
  /** The title as the page shows it (for "not found" and the search action). */
  queryTitle: string;
  others: FilmSummary[];
  sources: readonly RatingSourceId[];
  placement: 'player' | 'inline';
  expanded: boolean;
  showNotes: boolean;
  alert: CreditsAlert | null;
  /** The viewer asked not to see numbers before choosing to ("hide ratings until I reveal them"). */
  ratingsHidden: boolean;
  /** The optional combined score, when enabled and confident enough. */
  combined: CombinedScore | null;
  onRevealRatings(): void;
  onToggleExpanded(): void;
  onToggleNotes(): void;
  onPickOther(id: string): void;
  onSearch(): void;
}

const CONFIDENCE_WORDS: Readonly<Record<Confidence, MessageKey>> = { high: 'confidenceHigh', medium: 'confidenceMedium', low: 'confidenceLow' };

/** Extras beside a scene, said apart from the verdict so they never read as one. */
export function ExtrasLine({ film }: { film: Film }): JSX.Element | null {
  const text = extrasBesideScenes(film.credits);
  return text ? (
    <p class="extras" data-testid="extras">
      {text}
    </p>
  ) : null;
}

/** The badge: verdict in words, scores, and on demand the sources, match confidence and "Wrong film?". */
export function Badge(props: BadgeProps): JSX.Element {
  const { film, confidence, expanded } = props;
  const state = film?.credits.state ?? 'unknown';
  const headline = film ? verdictText(film.credits) : t('badgeNotInData');
  const ratings = film ? visibleRatings(film.ratings, props.sources) : [];
  return (
    <div class={`badge placement-${props.placement} state-${state}${expanded ? ' expanded' : ''}`} data-testid="badge" role="status" aria-live="polite">
      {props.alert ? (
        <div class={`alert alert-${props.alert}`} data-testid="credits-alert" data-alert={props.alert} role="alert">
          {alertText(props.alert, film?.credits.extras)}
        </div>
      ) : null}
      <button type="button" class="summary" onClick={props.onToggleExpanded} aria-expanded={expanded} data-testid="badge-toggle">
        <span class="verdict" data-testid="verdict">
          {headline}
        </span>
      </button>
      {film && (ratings.length > 0 || props.combined) ? (
        props.ratingsHidden ? (
          <button type="button" class="link reveal" onClick={props.onRevealRatings} data-testid="reveal-ratings">
            {t('showRatings')}
          </button>
        ) : (
          <div class="score-row">
            <ScoreList film={film} ratings={ratings} combined={props.combined} />
          </div>
        )
      ) : null}
      {expanded ? (
        <div class="details" data-testid="badge-details">
          {film ? (
            <>
              <p class="film">
                {film.title}
                {film.year ? ` (${film.year})` : ''}
              </p>
              <p class="advice">{verdictAdvice(state)}</p>
              <ExtrasLine film={film} />
              <CreditSources film={film} showNotes={props.showNotes} onToggleNotes={props.onToggleNotes} />
              <p class="confidence" data-testid="match-confidence">
                {t('badgeMatch', [t(CONFIDENCE_WORDS[confidence ?? 'low']), props.queryTitle])}
              </p>
            </>
          ) : (
            <p class="advice">{t('badgeNotInDataLong', [props.queryTitle])}</p>
          )}
          <div class="wrong">
            {film || props.others.length > 0 ? <span>{film ? t('badgeWrongFilm') : t('badgeDidYouMean')}</span> : null}
            {props.others.map((o) => (
              <button type="button" class="link" key={o.id} onClick={() => props.onPickOther(o.id)} data-testid="other-film">
                {o.title}
                {o.year ? ` (${o.year})` : ''}
              </button>
            ))}
            <button type="button" class="link" onClick={props.onSearch} data-testid="badge-search">
              {t('badgeSearch')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
