import type { JSX } from 'preact';
import type { CombinedScore } from '../lib/core/ratings/aggregate';
import type { Film, RatingSourceId } from '../lib/core/schema';
import { verdictAdvice, verdictText } from '../lib/text/credits-text';
import { t } from '../lib/text/i18n';
import { ExtrasLine } from './badge';
import { CreditSources } from './credit-sources';
import { ScoreList } from './score-list';

export interface FilmCardProps {
  film: Film;
  /** Every source the film has, the viewer's enabled ones first (in their order). */
  sourceOrder: readonly RatingSourceId[];
  combined: CombinedScore | null;
  showNotes: boolean;
  ratingsHidden: boolean;
  /** Shown above the title, e.g. "On this tab". */
  label?: string;
  onToggleNotes(): void;
  onRevealRatings(): void;
}

/** A film's answer in full: the verdict with each source, date and link, then every rating with its count. */
export function FilmCard(props: FilmCardProps): JSX.Element {
  const { film } = props;
  const ratings = props.sourceOrder.flatMap((id) => film.ratings.filter((r) => r.source === id));
  return (
    <article class={`film-card state-${film.credits.state}`} data-testid="film-card" data-film-id={film.id} data-credits={film.credits.state}>
      {props.label ? <p class="card-label">{props.label}</p> : null}
      <h2>
        {film.title}
        {film.year ? <span class="year"> ({film.year})</span> : null}
        {film.kind !== 'movie' ? <span class="kind"> · {film.kind}</span> : null}
      </h2>
      <p class="verdict" data-testid="card-verdict">
        {verdictText(film.credits)}
      </p>
      <p class="advice">{verdictAdvice(film.credits.state)}</p>
      <ExtrasLine film={film} />
      {film.credits.statements.length > 0 ? (
        <CreditSources film={film} showNotes={props.showNotes} onToggleNotes={props.onToggleNotes} />
      ) : null}
      <h3>{t('ratingsHeading')}</h3>
      {ratings.length === 0 && !props.combined ? (
        <p class="muted">{t('noRatings')}</p>
      ) : props.ratingsHidden ? (
        <button type="button" class="link" onClick={props.onRevealRatings} data-testid="reveal-ratings">
          {t('showRatings')}
        </button>
      ) : (
        <ScoreList film={film} ratings={ratings} combined={props.combined} showCounts />
      )}
    </article>
  );
}
