/**
 * The badge as the content runtime shows it (lib/content/badge-view.ts): this component owns the badge's UI state
 * (expanded, the sources' notes, ratings revealed), which starts over for each new title (keyed by the title).
 */
import { Component, render, type JSX } from 'preact';
import type { BadgeActions, BadgeUi, BadgeView } from '../lib/content/badge-view';
import { t } from '../lib/text/i18n';
import { Badge } from './badge';
import css from './badge.css?inline';

type FilmView = Extract<BadgeView, { kind: 'film' }>;

interface FilmBadgeProps {
  view: FilmView;
  actions: BadgeActions;
}

interface FilmBadgeState {
  expanded: boolean;
  showNotes: boolean;
  revealed: boolean;
}

/** A class, not hooks: preact/hooks would add 1 KB gzipped to every content script (30 KB budget). */
class FilmBadge extends Component<FilmBadgeProps, FilmBadgeState> {
  constructor(props: FilmBadgeProps) {
    super(props);
    this.state = { expanded: false, showNotes: props.view.notesShown, revealed: false };
  }

  override render({ view, actions }: FilmBadgeProps, { expanded, showNotes, revealed }: FilmBadgeState): JSX.Element {
    return (
      <Badge
        film={view.film}
        confidence={view.confidence}
        queryTitle={view.queryTitle}
        others={view.others}
        sources={view.sources}
        ratingsHidden={view.ratingsHidden && !revealed}
        combined={view.combined}
        onRevealRatings={() => this.setState({ revealed: true })}
        placement={view.placement}
        expanded={expanded}
        showNotes={showNotes}
        alert={view.alert}
        onToggleExpanded={() => this.setState((s) => ({ expanded: !s.expanded }))}
        onToggleNotes={() => this.setState((s) => ({ showNotes: !s.showNotes }))}
        onPickOther={actions.pickOther}
        onSearch={() => actions.search(view.queryTitle)}
      />
    );
  }
}

/**
 * A player is on screen but no title can be read there (issue #13): the badge says so, in the player, and its one
 * action is the search, with what the page gives (`hint`, possibly empty).
 */
function UnreadableBadge({ hint, actions }: { hint: string; actions: BadgeActions }): JSX.Element {
  return (
    <div class="badge placement-player state-unknown unreadable" data-testid="badge" role="status" aria-live="polite">
      <button type="button" class="summary" onClick={() => actions.search(hint)} data-testid="badge-unreadable">
        <span class="verdict" data-testid="verdict">
          {t('badgeUnreadable')}
        </span>
      </button>
    </div>
  );
}

/** The badge's look, handed to the runtime by each content-script entrypoint. */
export const badgeUi: BadgeUi = {
  css,
  render(root, view, actions) {
    if (!view) render(null, root);
    else if (view.kind === 'unreadable') render(<UnreadableBadge key="unreadable" hint={view.hint} actions={actions} />, root);
    else render(<FilmBadge key={view.titleKey} view={view} actions={actions} />, root);
  },
};
