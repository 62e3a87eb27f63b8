import type { JSX } from 'preact';

export interface SwitchFieldProps {
  /** Element id; the help text gets `${id}-help`. */
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** One line under the label, read out with the control (aria-describedby). */
  help?: string;
  testId: string;
}

/** An on/off setting: a native checkbox announced as a switch, so it is keyboard-operable (Space) for free. */
export function SwitchField({ id, label, checked, onChange, help, testId }: SwitchFieldProps): JSX.Element {
  const helpId = help ? `${id}-help` : undefined;
  return (
    <div class="field switch-field">
      <input
        type="checkbox"
        role="switch"
        id={id}
        data-testid={testId}
        checked={checked}
        aria-describedby={helpId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div class="field-text">
        <label for={id}>{label}</label>
        {help ? (
          <p class="help" id={helpId}>
            {help}
          </p>
        ) : null}
      </div>
    </div>
  );
}
