import type { JSX, TargetedKeyboardEvent } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../lib/text/i18n';
import { formatShortcut, isUsableShortcut, shortcutFromEvent, type Shortcut } from '../lib/core/settings';

export interface ShortcutFieldProps {
  id: string;
  label: string;
  shortcut: Shortcut;
  onChange(shortcut: Shortcut): void;
  /** Recording ended with Escape; the shortcut is unchanged. */
  onCancel(): void;
  /** A combination was pressed that cannot be a shortcut (no Ctrl/Alt/Meta); recording goes on. */
  onRejected(shortcut: Shortcut): void;
}

/**
 * Shows the shortcut and records a new one: activate the button (Enter/Space/click), then press the combination.
 * Escape cancels, and Tab or a click elsewhere leaves recording without change, so the field never traps focus.
 */
export function ShortcutField({ id, label, shortcut, onChange, onCancel, onRejected }: ShortcutFieldProps): JSX.Element {
  const [recording, setRecording] = useState(false);
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLButtonElement>): void => {
    if (!recording) return;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    if (event.key === 'Escape') {
      event.preventDefault();
      setRecording(false);
      onCancel();
      return;
    }
    if (event.key === 'Tab' && plain) {
      // Let Tab move focus as usual; blur ends recording.
      return;
    }
    // Everything else is the combination being recorded, not an action on the page (Space must not re-click).
    event.preventDefault();
    event.stopPropagation();
    const pressed = shortcutFromEvent(event);
    if (!pressed) return; // only modifiers so far
    if (!isUsableShortcut(pressed)) {
      onRejected(pressed);
      return;
    }
    setRecording(false);
    onChange(pressed);
  };

  return (
    <div class="field shortcut-field">
      <span class="label" id={labelId}>
        {label}
      </span>
      <button
        type="button"
        id={id}
        class={recording ? 'shortcut recording' : 'shortcut'}
        data-testid="shortcut-input"
        data-recording={recording ? 'true' : undefined}
        aria-labelledby={`${labelId} ${id}`}
        aria-describedby={hintId}
        aria-pressed={recording}
        onClick={() => setRecording(true)}
        onKeyDown={onKeyDown}
        // Space activates buttons on keyup: swallow it while recording so it does not restart the recording.
        onKeyUp={(event) => recording && event.preventDefault()}
        onBlur={() => setRecording(false)}
      >
        {recording ? t('shortcutRecording') : <kbd>{formatShortcut(shortcut)}</kbd>}
      </button>
      <p class="help" id={hintId}>
        {t('shortcutHint')}
      </p>
    </div>
  );
}
