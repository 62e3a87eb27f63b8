/**
 * The asking side: extension pages and content scripts send typed requests to the background (`sendMessage`), and
 * the extension's own pages ask a tab's content script (`askTab`).
 */
import { browser, type Browser } from 'wxt/browser';
import { isRecord } from '../core/guards';
import { CHANNEL, MessageError, unwrap, type Envelope, type MessageData, type MessageResult, type MessageType, type PortRequest, type TabMessageType, type TabProtocolMap } from './messages';

/**
 * Requests sent once more when the worker stops before answering: every one whose second arrival does what the
 * first did (reads; the import's batches, commit and abort are idempotent by import id and index). Opening the
 * search is not: a second tab would open when the first request had gone through.
 */
const NOT_REPEATABLE: ReadonlySet<string> = new Set<MessageType>(['openSearch']);
const RETRY_SAFE = (type: string): boolean => !NOT_REPEATABLE.has(type);

/**
 * The client's side: requests go over one long-lived port per context, because a port message costs about half a
 * `runtime.sendMessage` round trip (0.4 vs 0.8 ms measured in Chromium) and content scripts ask on every title
 * change. When the worker stops, the port drops; requests in flight are sent once more on a new port.
 */
function createPortClient(): <K extends MessageType>(envelope: Envelope & { type: K }) => Promise<unknown> {
  let port: Browser.runtime.Port | undefined;
  let nextId = 0;
  interface Pending {
    envelope: Envelope;
    resolve: (v: unknown) => void;
    reject: (e: Error) => void;
    retried: boolean;
  }
  const pending = new Map<number, Pending>();

  const connect = (): Browser.runtime.Port => {
    const p = browser.runtime.connect({ name: CHANNEL });
    p.onMessage.addListener((reply: unknown) => {
      if (!isRecord(reply) || typeof reply.id !== 'number') return;
      const entry = pending.get(reply.id);
      pending.delete(reply.id);
      entry?.resolve(reply.result);
    });
    p.onDisconnect.addListener(() => {
      port = undefined;
      const stranded = [...pending.entries()];
      pending.clear();
      for (const [, entry] of stranded) {
        if (entry.retried || !RETRY_SAFE(entry.envelope.type)) entry.reject(new MessageError(`The background stopped while answering "${entry.envelope.type}".`));
        else post({ ...entry, retried: true });
      }
    });
    return p;
  };

  const post = (entry: Pending): void => {
    const id = nextId++;
    pending.set(id, entry);
    try {
      port ??= connect();
      port.postMessage({ id, message: entry.envelope } satisfies PortRequest);
    } catch (error) {
      // The extension was reloaded or disabled under this page: its context is gone for good.
      pending.delete(id);
      entry.reject(new MessageError(`Cannot reach the background: ${String(error)}`));
    }
  };

  return (envelope) => new Promise((resolve, reject) => post({ envelope, resolve, reject, retried: false }));
}

let client: ReturnType<typeof createPortClient> | undefined;

/** Sends a typed request to the background and unwraps its Result (throws MessageError on an error reply). */
export async function sendMessage<K extends MessageType>(type: K, data: MessageData<K>): Promise<MessageResult<K>> {
  client ??= createPortClient();
  return unwrap(type, await client({ channel: CHANNEL, type, data }));
}

/** Asks the content script of `tabId`; throws MessageError when none answers (no supported page on that tab). */
export async function askTab<K extends TabMessageType>(tabId: number, type: K): Promise<TabProtocolMap[K]['result']> {
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, { channel: CHANNEL, type, data: {} });
  } catch (error) {
    throw new MessageError(`No Credits Cue page on this tab: ${String(error)}`);
  }
  return unwrap(type as unknown as MessageType, reply) as unknown as TabProtocolMap[K]['result'];
}
