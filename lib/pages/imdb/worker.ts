/**
 * The IMDb import worker (started by the options page): reading and filtering millions of rows here keeps the page
 * responsive. All logic is in worker-core.ts.
 */
import { createWorkerCore, type WorkerIn, type WorkerOut } from './worker-core';

const scope = self as unknown as { postMessage(message: WorkerOut): void; onmessage: ((event: MessageEvent<WorkerIn>) => void) | null };
const handle = createWorkerCore((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
