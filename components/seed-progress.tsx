import type { JSX } from 'preact';
import type { SeedStatus } from '../lib/protocol/messages';
import { formatDate, t } from '../lib/text/i18n';

/** First-run progress while the film data is copied into the browser, then its "data as of" line. */
export function SeedProgress({ status }: { status: SeedStatus | undefined }): JSX.Element {
  if (!status || status.state === 'idle') return <p data-testid="seed-status" data-state="idle">{t('imdbStarting')}</p>;
  if (status.state === 'error') {
    return (
      <p data-testid="seed-status" data-state="error" role="alert">
        {t('popupSeedError', [status.error ?? ''])}
      </p>
    );
  }
  if (status.state === 'seeding') {
    const pct = status.total ? Math.round((status.done / status.total) * 100) : 0;
    return (
      <div data-testid="seed-status" data-state="seeding">
        <label for="seed-bar">{t('popupPreparing')}</label>
        <progress id="seed-bar" data-testid="seed-progress" max={100} value={pct} aria-valuenow={pct}>
          {pct}%
        </progress>
      </div>
    );
  }
  return (
    <p data-testid="seed-status" data-state="ready">
      {t('seedDataAsOf', [status.dataAsOf ? formatDate(status.dataAsOf) : t('answerUnknown')])}
    </p>
  );
}
