/**
 * Answers when the background is not running (issue #13): Chrome stops an idle MV3 service worker after about 30 s,
 * so the next title a viewer opens waits for the worker to start again and find its data; and right after install
 * the first player page asks while the bundled data is still being prepared.
 *
 * - cold_answer_ms: worker stopped (CDP ServiceWorker.stopAllWorkers, what Chrome does to an idle worker) → the badge
 *   shows the next film's verdict, timed in the page as badge_ms_p95 is (scripts/bench/badge-bench.ts): the player
 *   leaves the page, the worker is stopped and confirmed gone, the player comes back showing another real film.
 *   Median of the rounds (each round a film the badge has not just shown); `_imported` with the full-scale IMDb
 *   import in place. Goals <= 150 ms and <= 400 ms.
 * - first_answer_after_install_ms: a fresh profile, the extension installed (its service worker first seen), a
 *   player page opened at once → the badge shows the film's verdict (not "unknown"). Goal <= 1,500 ms.
 * - worker_heap_mb: the service worker's used JS heap after a garbage collection, once it answers (CDP
 *   Runtime.getHeapUsage through the worker's own target); `_imported` with the import. Goal <= 60 MB bundled.
 *
 * CLI: `npx tsx scripts/bench/cold-bench.ts` (the extension built first: `npx wxt build`).
 */
import { launchExtension, openFixture, playingFilm, siteFixture, stopServiceWorkers, waitForFilm, waitReady, type ExtensionSession } from '../../tests/e2e/harness';
import { badgeTimes } from './badge-bench';
import { percentile, runWhenMain } from './bench-utils';

interface CdpTarget {
  targetId: string;
  type: string;
  url: string;
}

async function serviceWorkerTargets(session: ExtensionSession): Promise<CdpTarget[]> {
  const cdp = await session.context.newCDPSession(session.page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: CdpTarget[] };
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
  } finally {
    await cdp.detach();
  }
}

/** Stops the worker and waits until its target is gone, so the next request really starts it again. */
export async function stopWorker(session: ExtensionSession): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (let asked = 0; ; asked = (asked + 1) % 50) {
    // Asked again now and then: a message that lands meanwhile (a page's last request) starts it again.
    if (asked === 0) await stopServiceWorkers(session);
    if ((await serviceWorkerTargets(session)).length === 0) return;
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The running service worker's used JS heap in MiB after a full garbage collection. Playwright has no CDP session
 * for a worker, so the commands go through the page session to the worker's target (Target.sendMessageToTarget).
 */
export async function workerHeapMb(session: ExtensionSession): Promise<number> {
  const [target] = await serviceWorkerTargets(session);
  if (!target) throw new Error('no running service worker');
  const cdp = await session.context.newCDPSession(session.page);
  try {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    let nextId = 1;
    const pending = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) pending.get(message.id)?.(message.result);
    });
    const call = (method: string): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => reject(new Error(`${method}: no answer from the worker`)), 20_000);
        pending.set(id, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.send('Target.detachFromTarget', { sessionId });
    return Number((usage.usedSize / 1024 / 1024).toFixed(1));
  } finally {
    await cdp.detach();
  }
}

/**
 * Waits until the background has stored the quick snapshot of the data that answers now (it does so just after a
 * seed or an import, in the background): a worker stopped before that would measure the slower full load instead.
 */
async function waitForQuickSnapshot(session: ExtensionSession, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stored = await session.page.evaluate(
      () =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('credits-cue');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('quick')) {
              db.close();
              resolve(false);
              return;
            }
            const tx = db.transaction(['meta', 'quick']);
            const meta = tx.objectStore('meta');
            const active = meta.get('active');
            const layers = ['ratings', 'basics', 'akas'].map((kind) => meta.get(`imdb:${kind}`));
            const quick = tx.objectStore('quick').get('current');
            tx.oncomplete = () => {
              db.close();
              const ids = layers.map((l) => (l.result as { importId?: string } | undefined)?.importId ?? '');
              const basis = [(active.result as { version?: string } | undefined)?.version ?? '', ...ids].join('|');
              resolve((quick.result as { basis?: string } | undefined)?.basis === basis);
            };
          };
        }),
    );
    if (stored) return;
    if (Date.now() > deadline) throw new Error('the quick snapshot was not stored');
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface ColdAnswers {
  cold_answer_ms: number;
  worker_heap_mb: number;
  details: { cold_answer_p95_ms: number; rounds: number; samples: number[] };
}

/** cold_answer_ms and worker_heap_mb on the session's current data (bundled, or with its imports). */
export async function measureColdAnswers(session: ExtensionSession, rounds = 12, site = 'prime-video'): Promise<ColdAnswers> {
  await waitReady(session.page);
  // After waitReady: the database is the background's by then (opening it earlier could create it empty).
  await waitForQuickSnapshot(session);
  const samples = await badgeTimes(session, site, rounds, { beforeRound: () => stopWorker(session) });
  // The worker that answered the last round is running: its heap is what a cold start costs to hold.
  const heap = await workerHeapMb(session);
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    cold_answer_ms: Number(percentile(sorted, 50).toFixed(1)),
    worker_heap_mb: heap,
    details: { cold_answer_p95_ms: Number(percentile(sorted, 95).toFixed(1)), rounds, samples: samples.map((x) => Number(x.toFixed(1))) },
  };
}

/**
 * first_answer_after_install_ms on a fresh profile: from the service worker's first appearance to the badge of a
 * player page opened right away naming its film. Median of `runs` fresh installs.
 */
export async function measureFirstAnswer(runs = 3, site = 'prime-video'): Promise<{ first_answer_after_install_ms: number; samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const session = await launchExtension({ blankPage: true });
    try {
      const fixture = siteFixture(site, 'player-movie');
      const page = await openFixture(session, fixture, playingFilm('Guardians of the Galaxy', 2014));
      await waitForFilm(page, 'tt2015381', { timeout: 30_000, polling: 10 });
      samples.push(Date.now() - session.installedAt);
    } finally {
      await session.close();
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { first_answer_after_install_ms: percentile(sorted, 50), samples };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--cold-only')) console.log(JSON.stringify(await measureFirstAnswer()));
  const session = await launchExtension();
  try {
    console.log(JSON.stringify(await measureColdAnswers(session)));
  } finally {
    await session.close();
  }
}

runWhenMain(import.meta.filename, main);
