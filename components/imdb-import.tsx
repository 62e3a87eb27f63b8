/**
 * The options page's IMDb import (issue #6): choose the official TSV dumps, watch rows and bytes go by, cancel at
 * any time, see what is imported and since when, remove it in one click. The work happens in a worker and the
 * background (lib/pages/imdb/import-client.ts); this component only shows it.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImdbImportState } from '../lib/core/imdb-rows';
import { formatDate, formatNumber, t } from '../lib/text/i18n';
import type { ImportRunProgress, ImportRun } from '../lib/pages/imdb/import-client';
import { errorMessage } from '../lib/core/guards';

export interface ImdbImportProps {
  /** Starts an import of the chosen files (the options page passes lib/pages/imdb/import-client.ts's startImport). */
  start(files: File[], onProgress: (p: ImportRunProgress) => void): ImportRun;
  /** What is imported now, and the removal of all of it. */
  loadState(): Promise<ImdbImportState>;
  remove(): Promise<void>;
}

type View =
  | { state: 'idle' }
  | { state: 'running'; progress: ImportRunProgress | null }
  | { state: 'done'; rows: number }
  | { state: 'error'; message: string };

const MB = 1024 * 1024;
const number = (n: number): string => formatNumber(n);
const megabytes = (n: number): string => formatNumber(n / MB, { maximumFractionDigits: n >= 100 * MB ? 0 : 1, minimumFractionDigits: n >= 100 * MB ? 0 : 1 });

export function ImdbImport(props: ImdbImportProps): JSX.Element {
  const [view, setView] = useState<View>({ state: 'idle' });
  const [imported, setImported] = useState<ImdbImportState>({});
  const run = useRef<ImportRun | null>(null);

  const refresh = (): void => void props.loadState().then(setImported, () => undefined);
  useEffect(refresh, []);
  // Leaving the page cancels an import cleanly (nothing half-applied).
  useEffect(() => () => run.current?.cancel(), []);

  const choose = (input: HTMLInputElement): void => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length === 0 || run.current) return;
    setView({ state: 'running', progress: null });
    const current = props.start(files, (progress) => setView({ state: 'running', progress }));
    run.current = current;
    current.done.then(
      (result) => {
        run.current = null;
        setImported(result.state);
        setView({ state: 'done', rows: result.rowsKept });
      },
      (error: unknown) => {
        run.current = null;
        refresh();
        setView({ state: 'error', message: errorMessage(error) });
      },
    );
  };

  const layers = Object.values(imported);
  const asOf = layers.map((l) => l.asOf).sort().at(-1);
  const progress = view.state === 'running' ? view.progress : null;
  const pct = progress && progress.bytesTotal > 0 ? Math.min(100, Math.round((progress.bytesRead / progress.bytesTotal) * 100)) : 0;

  return (
    <div class="imdb-import">
      <p class="help">{t('imdbHelp')}</p>
      <p class="help">
        {t('imdbWhere')}{' '}
        <a href="https://datasets.imdbws.com/" target="_blank" rel="noreferrer noopener">
          datasets.imdbws.com
        </a>{' '}
        ·{' '}
        <a href="https://developer.imdb.com/non-commercial-datasets/" target="_blank" rel="noreferrer noopener">
          {t('imdbTerms')}
        </a>
      </p>
      <label class="file-field" for="imdb-file">
        {t('imdbChoose')}
      </label>
      <input
        id="imdb-file"
        type="file"
        multiple
        accept=".gz,.tsv,application/gzip,text/tab-separated-values"
        data-testid="imdb-import"
        disabled={view.state === 'running'}
        onChange={(e) => choose(e.currentTarget)}
      />
      {view.state === 'running' ? (
        <div class="imdb-progress">
          <div
            class="progress"
            role="progressbar"
            aria-label={t('imdbProgressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            data-testid="imdb-import-progress"
          >
            <div class="progress-bar" style={{ width: `${pct}%` }} />
          </div>
          <p class="help" aria-live="polite">
            {progress
              ? t('imdbProgress', [progress.fileName, number(progress.rowsRead), number(progress.rowsKept), megabytes(progress.bytesRead), megabytes(progress.bytesTotal)])
              : t('imdbStarting')}
          </p>
          <button type="button" data-testid="imdb-import-cancel" onClick={() => run.current?.cancel()}>
            {t('imdbCancel')}
          </button>
        </div>
      ) : null}
      {view.state === 'error' ? (
        <p class="imdb-error" role="alert" data-testid="imdb-import-error">
          {view.message}
        </p>
      ) : null}
      {view.state === 'done' ? (
        <p class="imdb-done" role="status" data-testid="imdb-import-done" data-rows={view.rows}>
          {t('imdbDone', [number(view.rows)])}
        </p>
      ) : null}
      {layers.length > 0 ? (
        <div class="imdb-imported" data-testid="imdb-imported">
          <p>{t('imdbAsOf', [asOf ? formatDate(asOf) : ''])}</p>
          <ul>
            {layers.map((l) => (
              <li key={l.kind} data-kind={l.kind}>
                {t('imdbLayer', [l.fileName, number(l.rowsKept), formatDate(l.asOf)])}
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="imdb-import-remove"
            disabled={view.state === 'running'}
            onClick={() =>
              void props.remove().then(() => {
                setImported({});
                setView({ state: 'idle' });
              })
            }
          >
            {t('imdbRemove')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
