/**
 * The import worker's message loop, kept apart from the Worker global so unit tests run it in-thread: it tells each
 * file's kind from its header, then streams one file through `importFile`, sending each batch of kept rows out and
 * waiting for its acknowledgement before reading on (the background writes at its own pace; memory stays bounded
 * by one batch whatever the file size).
 */
import type { ImdbFileKind } from '../../core/imdb-rows';
import { importFile, type ImportBatch, type ImportProgress, type ImportSummary } from './import';
import { ImdbImportError, kindOfHeader, readLines } from './tsv';
import { errorMessage } from '../../core/guards';

/** What the background's plan says (ids travel as arrays; the worker makes sets). */
export interface PlanData {
  knownIds: string[];
  ratedIds: string[];
  minVotes: number;
}

export type WorkerIn =
  | { type: 'detect'; id: number; file: Blob }
  | { type: 'import'; file: Blob; plan: PlanData }
  | { type: 'ack'; index: number }
  | { type: 'cancel' };

export type WorkerOut =
  | { type: 'kind'; id: number; kind: ImdbFileKind | null; error?: string }
  | { type: 'batch'; index: number; batch: ImportBatch }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; summary: Omit<ImportSummary, 'keptIds'>; chunks: number }
  | { type: 'error'; code: string; message: string };

/** The kind of an IMDb file from its first line; null (with why) for anything else. */
async function detect(file: Blob): Promise<{ kind: ImdbFileKind | null; error?: string }> {
  try {
    for await (const line of readLines(file)) return { kind: kindOfHeader(line) };
    return { kind: null, error: 'empty' };
  } catch (error) {
    return { kind: null, error: errorMessage(error) };
  }
}

export function createWorkerCore(post: (message: WorkerOut) => void): (message: WorkerIn) => void {
  let controller: AbortController | undefined;
  /** The batch waiting for the background, and how to release the reader when it is stored. */
  let waiting: { index: number; release: () => void } | undefined;

  const run = async (file: Blob, plan: PlanData): Promise<void> => {
    controller = new AbortController();
    const { signal } = controller;
    let index = 0;
    try {
      const summary = await importFile(
        file,
        { knownIds: new Set(plan.knownIds), ratedIds: new Set(plan.ratedIds), minVotes: plan.minVotes },
        (batch) =>
          new Promise<void>((resolve, reject) => {
            if (signal.aborted) return reject(new ImdbImportError('aborted', 'Import cancelled.'));
            waiting = { index, release: resolve };
            signal.addEventListener('abort', () => reject(new ImdbImportError('aborted', 'Import cancelled.')), { once: true });
            post({ type: 'batch', index: index++, batch });
          }),
        { signal, onProgress: (progress) => post({ type: 'progress', progress }) },
      );
      const { keptIds: _kept, ...counts } = summary;
      post({ type: 'done', summary: counts, chunks: index });
    } catch (error) {
      const code = error instanceof ImdbImportError ? error.code : 'failed';
      post({ type: 'error', code, message: errorMessage(error) });
    } finally {
      controller = undefined;
      waiting = undefined;
    }
  };

  return (message) => {
    if (message.type === 'detect') void detect(message.file).then((r) => post({ type: 'kind', id: message.id, ...r }));
    else if (message.type === 'import') void run(message.file, message.plan);
    else if (message.type === 'ack') {
      if (waiting?.index === message.index) {
        const { release } = waiting;
        waiting = undefined;
        release();
      }
    } else controller?.abort();
  };
}
