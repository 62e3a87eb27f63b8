import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/text/i18n';

export interface ResetButtonProps {
  onReset(): void;
}

/**
 * "Reset to defaults" with an inline confirmation instead of window.confirm(), which Firefox does not show on
 * add-on pages. Focus goes to Cancel (the safe choice) when asked, and back to the button when done.
 */
export function ResetButton({ onReset }: ResetButtonProps): JSX.Element {
  const [asking, setAsking] = useState(false);
  const resetRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) resetRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={resetRef} class="danger" data-testid="reset-settings" onClick={() => setAsking(true)}>
        {t('resetButton')}
      </button>
    );
  }
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby="reset-question"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setAsking(false);
      }}
    >
      <p id="reset-question">{t('resetQuestion')}</p>
      <button
        type="button"
        class="danger"
        data-testid="reset-confirm"
        onClick={() => {
          setAsking(false);
          onReset();
        }}
      >
        {t('resetConfirm')}
      </button>
      <button type="button" ref={cancelRef} data-testid="reset-cancel" onClick={() => setAsking(false)}>
        {t('resetCancel')}
      </button>
    </div>
  );
}
