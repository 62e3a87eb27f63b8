import type { JSX, TargetedEvent } from 'preact';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectFieldProps<T extends string> {
  /** Element id; the help text gets `${id}-help`. */
  id: string;
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange(value: T): void;
  help?: string;
  testId: string;
}

/** One choice out of a few, as a native <select>: labelled, keyboard-operable, and compact for 2–4 options. */
export function SelectField<T extends string>({ id, label, value, options, onChange, help, testId }: SelectFieldProps<T>): JSX.Element {
  const helpId = help ? `${id}-help` : undefined;
  const onInput = (event: TargetedEvent<HTMLSelectElement>): void => {
    // Only values we rendered can come back, but the DOM types them as string: map back to the typed option.
    const picked = options.find((o) => o.value === event.currentTarget.value);
    if (picked) onChange(picked.value);
  };
  return (
    <div class="field select-field">
      <label for={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} aria-describedby={helpId} onChange={onInput}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {help ? (
        <p class="help" id={helpId}>
          {help}
        </p>
      ) : null}
    </div>
  );
}
