/**
 * A Worker stand-in running the real import worker core (lib/pages/imdb/worker-core.ts) in this thread, with
 * asynchronous delivery both ways like a Worker; `crash` fires the 'error' event a dying worker would.
 */
import type { WorkerLike } from '../../lib/pages/imdb/import-client';
import { createWorkerCore, type WorkerIn, type WorkerOut } from '../../lib/pages/imdb/worker-core';

export interface InThreadWorker extends WorkerLike {
  readonly terminated: boolean;
  /** The worker dies: no message of it arrives any more, its 'error' listeners hear `message`. */
  crash(message: string): void;
}

export function inThreadWorker(): InThreadWorker {
  const messageListeners: Array<(event: MessageEvent<WorkerOut>) => void> = [];
  const errorListeners: Array<(event: ErrorEvent) => void> = [];
  let terminated = false;
  const core = createWorkerCore((message) => {
    if (!terminated) setTimeout(() => messageListeners.forEach((l) => l({ data: message } as MessageEvent<WorkerOut>)), 0);
  });
  const addEventListener = ((type: 'message' | 'error', listener: (event: never) => void): void => {
    if (type === 'message') messageListeners.push(listener as (event: MessageEvent<WorkerOut>) => void);
    else errorListeners.push(listener as (event: ErrorEvent) => void);
  }) as WorkerLike['addEventListener'];
  return {
    get terminated() {
      return terminated;
    },
    postMessage: (message: WorkerIn) => setTimeout(() => !terminated && core(message), 0),
    addEventListener,
    terminate: () => {
      terminated = true;
    },
    crash(message) {
      terminated = true;
      setTimeout(() => errorListeners.forEach((l) => l({ message, preventDefault: () => undefined } as ErrorEvent)), 0);
    },
  };
}
