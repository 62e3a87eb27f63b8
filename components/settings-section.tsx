import type { ComponentChildren, JSX } from 'preact';

export interface SettingsSectionProps {
  /** Section id; the heading gets `${id}-title` and names the region for screen-reader navigation. */
  id: string;
  title: string;
  /** One line under the heading. */
  hint?: string;
  children: ComponentChildren;
}

/** One titled group of settings. */
export function SettingsSection({ id, title, hint, children }: SettingsSectionProps): JSX.Element {
  return (
    <section class="settings-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint ? <p class="hint">{hint}</p> : null}
      {children}
    </section>
  );
}
