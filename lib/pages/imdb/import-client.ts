/**
 * The options page's side of an IMDb import: a worker reads and filters the files (off the UI thread), this
 * forwards each batch of kept rows to the background, one at a time, and commits each file when its last batch is
 * stored. Files are taken in the order their contents need (ratings, then basics, then akas: basics keeps the
 * films with enough votes, akas the titles of known films), whatever order the viewer chose them in.
 *
 * Nothing half-applied: each file is staged under its own import id and becomes the answering data only at its
 * commit. Cancel, a wrong or corrupt file, or a failure drops the staged rows and leaves the previous data
 * answering. A wrong file among several is caught before anything is imported.
 */
import type { ImdbFileKind, ImdbImportState } from '../../core/imdb-rows';
import type { sendMessage } from '../../protocol/client';
import { IMPORT_ORDER, orderFiles } from './import';
import type { PlanData, WorkerIn, WorkerOut } from './worker-core';

export interface ImportRunProgress {
  fileName: string;
  kind: ImdbFileKind;
  /** 1-based position of the file in this run, and how many files the run has. */
  file: number;
  files: number;
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
  rowsKept: number;
}

export interface ImportRunResult {
  state: ImdbImportState;
  /** Rows kept over the files of this run. */
  rowsKept: number;
}

export interface ImportRun {
  cancel(): void;
  done: Promise<ImportRunResult>;
}

/** The part of a Worker the client uses (tests pass an in-thread stand-in). */
export interface WorkerLike {
  postMessage(message: WorkerIn): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerOut>) => void): void;
  /** The worker itself failed (a crash, a script that would not load): the run must end, not wait for ever. */
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface ImportDeps {
  ask: typeof sendMessage;
  createWorker: () => WorkerLike;
}

const FILE_NAMES: Readonly<Record<ImdbFileKind, string>> = {
  ratings: 'title.ratings.tsv.gz',
  basics: 'title.basics.tsv.gz',
  akas: 'title.akas.tsv.gz',
};

/** The day the viewer's file was written: IMDb refreshes the dumps daily, so it dates the data. */
export function fileDate(lastModified: number): string {
  const date = new Date(Number.isFinite(lastModified) && lastModified > 0 ? lastModified : Date.now());
  return date.toISOString().slice(0, 10);
}

class Cancelled extends Error {
  constructor() {
    super('Import cancelled: your previous data is unchanged.');
  }
}

export function startImport(files: readonly File[], onProgress: (p: ImportRunProgress) => void, deps: ImportDeps): ImportRun {
  const worker = deps.createWorker();
  let cancelled = false;
  let staging: string | undefined;
  let fail: ((error: Error) => void) | undefined;
  const listeners = new Set<(message: WorkerOut) => void>();
  worker.addEventListener('message', (event) => {
    for (const listener of [...listeners]) listener(event.data);
  });
  // A worker that dies answers nothing more: every step the run waits on ends with this error instead.
  const crashed = new Promise<never>((_resolve, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      reject(new Error(`The import stopped: its worker failed (${event.message || 'no reason given'}). Nothing was changed.`));
    });
  });
  crashed.catch(() => undefined); // awaited through the races below; never an unhandled rejection on its own
  const orCrash = <T>(step: Promise<T>): Promise<T> => Promise.race([step, crashed]);
  const post = (message: WorkerIn): void => worker.postMessage(message);

  const detectAll = (): Promise<Array<ImdbFileKind | null>> =>
    Promise.all(
      files.map(
        (file, id) =>
          new Promise<ImdbFileKind | null>((resolve) => {
            const listener = (message: WorkerOut): void => {
              if (message.type !== 'kind' || message.id !== id) return;
              listeners.delete(listener);
              resolve(message.kind);
            };
            listeners.add(listener);
            post({ type: 'detect', id, file });
          }),
      ),
    );

  /** Streams one file through the worker into a staged import; resolves with its counts once all is stored. */
  const importOne = (file: File, kind: ImdbFileKind, plan: PlanData, importId: string, position: number): Promise<{ rowsRead: number; rowsKept: number; rowsSkipped: number; chunks: number }> =>
    new Promise((resolve, reject) => {
      fail = reject;
      const listener = (message: WorkerOut): void => {
        if (message.type === 'progress') {
          const p = message.progress;
          onProgress({ fileName: file.name, kind, file: position, files: files.length, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal, rowsRead: p.rowsRead, rowsKept: p.rowsKept });
        } else if (message.type === 'batch') {
          const { index, batch } = message;
          deps.ask('imdbImportRows', { importId, index, ...batch }).then(
            () => post({ type: 'ack', index }),
            (error: unknown) => {
              post({ type: 'cancel' });
              reject(error instanceof Error ? error : new Error(String(error)));
            },
          );
        } else if (message.type === 'done') {
          listeners.delete(listener);
          const { rowsRead, rowsKept, rowsSkipped } = message.summary;
          resolve({ rowsRead, rowsKept, rowsSkipped, chunks: message.chunks });
        } else if (message.type === 'error') {
          listeners.delete(listener);
          reject(message.code === 'aborted' ? new Cancelled() : new Error(`${file.name}: ${message.message}`));
        }
      };
      listeners.add(listener);
      post({ type: 'import', file, plan });
    });

  const done = (async (): Promise<ImportRunResult> => {
    try {
      const kinds = await orCrash(detectAll());
      const wrong = files.filter((_, i) => kinds[i] === null).map((f) => f.name);
      if (wrong.length > 0) {
        throw new Error(`Not an IMDb title.ratings, title.basics or title.akas file (nothing was imported): ${wrong.join(', ')}`);
      }
      const chosen = orderFiles(files.map((file, i) => ({ file, kind: kinds[i] as ImdbFileKind })));
      for (const kind of IMPORT_ORDER) {
        if (chosen.filter((c) => c.kind === kind).length > 1) throw new Error(`Choose one ${FILE_NAMES[kind]} at a time (nothing was imported).`);
      }
      let rowsKept = 0;
      let state: ImdbImportState = {};
      for (const [i, { file, kind }] of chosen.entries()) {
        if (cancelled) throw new Cancelled();
        // Asked again for every file: the previous file's commit changes what is known.
        const plan = await deps.ask('imdbImportPlan', {});
        const { importId } = await deps.ask('imdbImportBegin', { kind, fileName: file.name.slice(0, 200), bytes: file.size, asOf: fileDate(file.lastModified) });
        staging = importId;
        if (cancelled) throw new Cancelled();
        const counts = await orCrash(importOne(file, kind, plan, importId, i + 1));
        state = await deps.ask('imdbImportCommit', { importId, ...counts });
        staging = undefined;
        rowsKept += counts.rowsKept;
      }
      return { state, rowsKept };
    } catch (error) {
      if (staging) await deps.ask('imdbImportAbort', { importId: staging }).catch(() => undefined);
      throw cancelled ? new Cancelled() : error;
    } finally {
      worker.terminate();
    }
  })();

  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      post({ type: 'cancel' });
      fail?.(new Cancelled());
    },
  };
}
