import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/text/i18n';

export interface SourceListItem {
  id: string;
  /** The source's name ("IMDb"). */
  label: string;
  /** Its range as the badge prints it ("0.0–10.0", "0%–100%"). */
  range: string;
  enabled: boolean;
}

export interface SourceListProps {
  /** In the viewer's order, which is the badge's order. */
  items: readonly SourceListItem[];
  onToggle(id: string, enabled: boolean): void;
  /** Move one place: -1 up, +1 down. */
  onMove(id: string, delta: -1 | 1): void;
}

type Direction = 'up' | 'down';

/**
 * Which rating sources the badge shows, and in what order. Reordering is by Up/Down buttons rather than drag and
 * drop, so it works from the keyboard and with a screen reader; the page announces each new position.
 */
export function SourceList({ items, onToggle, onMove }: SourceListProps): JSX.Element {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [pendingFocus, setPendingFocus] = useState<{ id: string; direction: Direction } | null>(null);

  // After a move the item re-renders elsewhere; keep focus on the button just used so Up, Up, Up works. When the
  // item reached an end that button is disabled (and cannot hold focus), so its opposite takes it.
  useEffect(() => {
    if (!pendingFocus) return;
    const { id, direction } = pendingFocus;
    const same = buttons.current.get(`${direction}:${id}`);
    const other = buttons.current.get(`${direction === 'up' ? 'down' : 'up'}:${id}`);
    (same && !same.disabled ? same : other)?.focus();
    setPendingFocus(null);
  }, [pendingFocus, items]);

  const register = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  const move = (id: string, direction: Direction): void => {
    onMove(id, direction === 'up' ? -1 : 1);
    setPendingFocus({ id, direction });
  };

  return (
    <ol class="source-list">
      {items.map((item, index) => {
        const checkboxId = `source-${item.id}`;
        const rangeId = `source-${item.id}-range`;
        return (
          <li key={item.id} class={item.enabled ? 'source enabled' : 'source'}>
            <input
              type="checkbox"
              id={checkboxId}
              data-testid={`source-toggle-${item.id}`}
              checked={item.enabled}
              aria-describedby={rangeId}
              onChange={(event) => onToggle(item.id, event.currentTarget.checked)}
            />
            <label for={checkboxId} class="source-label">
              {item.label}
            </label>
            <span class="source-range" id={rangeId}>
              {t('sourceScale', [item.range])}
            </span>
            <span class="source-moves">
              <button
                type="button"
                ref={register(`up:${item.id}`)}
                data-testid={`source-up-${item.id}`}
                aria-label={t('sourceMoveUpLabel', [item.label])}
                disabled={index === 0}
                onClick={() => move(item.id, 'up')}
              >
                {t('sourceMoveUp')}
              </button>
              <button
                type="button"
                ref={register(`down:${item.id}`)}
                data-testid={`source-down-${item.id}`}
                aria-label={t('sourceMoveDownLabel', [item.label])}
                disabled={index === items.length - 1}
                onClick={() => move(item.id, 'down')}
              >
                {t('sourceMoveDown')}
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
