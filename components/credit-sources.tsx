import type { JSX } from 'preact';
import type { Film } from '../lib/core/schema';
import { statementText } from '../lib/text/credits-text';
import { formatDate, t } from '../lib/text/i18n';

/**
 * Each source's statement with its date and link, as the verdict read it (a statement it did not count says why);
 * scene notes (spoilers) only on request.
 */
export function CreditSources({ film, showNotes, onToggleNotes }: { film: Film; showNotes: boolean; onToggleNotes(): void }): JSX.Element {
  const hasNotes = film.credits.statements.some((s) => s.note);
  return (
    <div class="sources">
      <ul>
        {film.credits.statements.map((s, i) => (
          <li key={i} class={s.reading ? 'not-counted' : undefined} data-reading={s.reading}>
            <span class="who">{s.url ? <a href={s.url} target="_blank" rel="noreferrer noopener">{s.source}</a> : s.source}</span>
            {s.asOf ? <span class="when"> · {formatDate(s.asOf)}</span> : null}
            <span class="what">
              {' '}
              — {statementText(s)}
            </span>
            {showNotes && s.note ? <div class="note">{s.note}</div> : null}
          </li>
        ))}
      </ul>
      {hasNotes ? (
        <button type="button" class="link" onClick={onToggleNotes} aria-pressed={showNotes}>
          {showNotes ? t('hideNotes') : t('showNotes')}
        </button>
      ) : null}
    </div>
  );
}
