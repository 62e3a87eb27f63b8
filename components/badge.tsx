import type { JSX } from 'preact';
import type { Confidence, FilmSummary } from '../lib/data/film-index';
import type { Film, Rating, RatingSourceId } from '../lib/data/schema';
import { ALERT_TEXT, verdictAdvice, verdictText, type CreditsAlert } from '../lib/credits-text';
import { ratingSource, scoreTone, visibleRatings } from '../lib/ratings/sources';

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
  onToggleExpanded(): void;
  onToggleNotes(): void;
  onPickOther(id: string): void;
  onSearch(): void;
}

function Score({ rating }: { rating: Rating }): JSX.Element | null {
  const source = ratingSource(rating.source);
  if (!source) return null;
  const tone = scoreTone(rating);
  const count = rating.count !== undefined ? `, ${rating.count.toLocaleString('en')} votes` : '';
  const title = `${source.label}: ${source.format(rating.value, rating.scale)}${count} (as of ${rating.asOf})${tone === 'few-votes' ? ' — few votes' : ''}`;
  return (
    <span class={`score tone-${tone}`} title={title} data-source={rating.source}>
      <span class="score-label">{source.short}</span> {source.format(rating.value, rating.scale)}
    </span>
  );
}

function Sources({ film, showNotes, onToggleNotes }: { film: Film; showNotes: boolean; onToggleNotes(): void }): JSX.Element {
  const hasNotes = film.credits.statements.some((s) => s.note);
  return (
    <div class="sources">
      <ul>
        {film.credits.statements.map((s, i) => (
          <li key={i}>
            <span class="who">{s.url ? <a href={s.url} target="_blank" rel="noreferrer noopener">{s.source}</a> : s.source}</span>
            {s.asOf ? <span class="when"> · {s.asOf}</span> : null}
            <span class="what">
              {' '}
              — during credits: {s.mid}, after credits: {s.post}
            </span>
            {showNotes && s.note ? <div class="note">{s.note}</div> : null}
          </li>
        ))}
      </ul>
      {hasNotes ? (
        <button type="button" class="link" onClick={onToggleNotes} aria-pressed={showNotes}>
          {showNotes ? 'Hide scene notes' : 'Show scene notes (may spoil)'}
        </button>
      ) : null}
    </div>
  );
}

/** The badge: verdict in words, scores, and on demand the sources, match confidence and "Wrong film?". */
export function Badge(props: BadgeProps): JSX.Element {
  const { film, confidence, expanded } = props;
  const state = film?.credits.state ?? 'unknown';
  const headline = film ? verdictText(film.credits) : 'Not in Credits Cue’s data';
  const ratings = film ? visibleRatings(film.ratings, props.sources) : [];
  return (
    <div class={`badge placement-${props.placement} state-${state}`} data-testid="badge" role="status" aria-live="polite">
      {props.alert ? (
        <div class={`alert alert-${props.alert}`} data-testid="credits-alert" data-alert={props.alert} role="alert">
          {ALERT_TEXT[props.alert]}
        </div>
      ) : null}
      <button type="button" class="summary" onClick={props.onToggleExpanded} aria-expanded={expanded} data-testid="badge-toggle">
        <span class="verdict" data-testid="verdict">
          {headline}
        </span>
        {ratings.length > 0 ? (
          <span class="scores">
            {ratings.map((r) => (
              <Score key={r.source} rating={r} />
            ))}
          </span>
        ) : null}
      </button>
      {expanded ? (
        <div class="details" data-testid="badge-details">
          {film ? (
            <>
              <p class="film">
                {film.title}
                {film.year ? ` (${film.year})` : ''}
              </p>
              <p class="advice">{verdictAdvice(state)}</p>
              <Sources film={film} showNotes={props.showNotes} onToggleNotes={props.onToggleNotes} />
              <p class="confidence" data-testid="match-confidence">
                Match: {confidence} confidence for “{props.queryTitle}”
              </p>
            </>
          ) : (
            <p class="advice">“{props.queryTitle}” is not in the bundled dataset.</p>
          )}
          <div class="wrong">
            {film || props.others.length > 0 ? <span>{film ? 'Wrong film?' : 'Did you mean:'}</span> : null}
            {props.others.map((o) => (
              <button type="button" class="link" key={o.id} onClick={() => props.onPickOther(o.id)} data-testid="other-film">
                {o.title}
                {o.year ? ` (${o.year})` : ''}
              </button>
            ))}
            <button type="button" class="link" onClick={props.onSearch} data-testid="badge-search">
              Search…
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
