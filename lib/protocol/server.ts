/**
 * The answering side: the background's handlers (`handleMessages`) and a content script's answers to its tab's
 * requests (`handleTabRequests`). Only the extension's own contexts are answered.
 */
import { browser, type Browser } from 'wxt/browser';
import * as v from 'valibot';
import { errorMessage, isRecord } from '../core/guards';
import { CHANNEL, type MessageData, type MessageResult, type MessageType, type Result, type TabMessageType, type TabProtocolMap } from './messages';
import { isMessageType, payloadSchemas } from './schemas';

/** Who asked. */
export interface RequestContext {
  /** The sender's tab: a content script's page, or an extension page opened in a tab (the options page). */
  tabId?: number;
  /** True when the sender is one of the extension's own pages (popup, options), never a content script. */
  page?: boolean;
}

/** Whether a sender is one of our extension pages: its URL is inside the extension's own origin. */
export function isExtensionPage(sender: Browser.runtime.MessageSender, extensionOrigin: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

function contextOf(sender: Browser.runtime.MessageSender, extensionOrigin: string): RequestContext {
  return { tabId: sender.tab?.id, page: isExtensionPage(sender, extensionOrigin) };
}

export type Handlers = {
  [K in MessageType]: (data: MessageData<K>, context: RequestContext) => Promise<MessageResult<K>> | MessageResult<K>;
};

/** Validates an incoming envelope and runs its handler; pure apart from the handlers, so it is unit-testable. */
export async function dispatch(handlers: Partial<Handlers>, message: unknown, context: RequestContext = {}): Promise<Result<unknown>> {
  if (!isRecord(message) || message.channel !== CHANNEL) return { ok: false, error: 'Not a Credits Cue message.' };
  const { type, data } = message;
  if (!isMessageType(type)) return { ok: false, error: `Unknown message type "${String(type).slice(0, 50)}".` };
  if (!v.is(payloadSchemas[type], data)) return { ok: false, error: `Malformed payload for "${type}".` };
  try {
    const handler = handlers[type] as ((d: unknown, c: RequestContext) => unknown) | undefined;
    if (!handler) return { ok: false, error: `"${type}" is not handled here.` };
    return { ok: true, value: await handler(data, context) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** Only our own extension's contexts (content scripts, pages) may ask; other extensions and web pages may not. */
export function isOwnSender(sender: Browser.runtime.MessageSender, ownId: string): boolean {
  return sender.id === ownId;
}

/** Registers the background's handlers on ports (the client's path) and one-off messages. Returns an unsubscriber. */
export function handleMessages(handlers: Handlers): () => void {
  const ownId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender): Promise<Result<unknown>> | undefined => {
    if (!isRecord(message) || message.channel !== CHANNEL) return undefined;
    if (!isOwnSender(sender, ownId)) return Promise.resolve({ ok: false, error: 'Sender not allowed.' });
    return dispatch(handlers, message, contextOf(sender, origin));
  };
  const onConnect = (port: Browser.runtime.Port): void => {
    if (port.name !== CHANNEL) return;
    if (!port.sender || !isOwnSender(port.sender, ownId)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((request: unknown) => {
      if (!isRecord(request) || typeof request.id !== 'number') return;
      const { id } = request;
      void dispatch(handlers, request.message, port.sender ? contextOf(port.sender, origin) : {}).then((result) => {
        try {
          port.postMessage({ id, result });
        } catch {
          // The page went away before the answer: nobody is left to tell.
        }
      });
    });
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.runtime.onConnect.addListener(onConnect);
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.runtime.onConnect.removeListener(onConnect);
  };
}

export type TabHandlers = { [K in TabMessageType]: () => TabProtocolMap[K]['result'] };

/**
 * A content script answers its tab's requests: only from the extension's own pages and worker (the popup, also when
 * opened in a tab of its own; the background for the browser-level shortcut), never from another content script,
 * another extension or the page. Returns an unsubscriber.
 */
export function handleTabRequests(handlers: TabHandlers): () => void {
  const ownId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: Browser.runtime.MessageSender): Promise<Result<unknown>> | undefined => {
    if (!isRecord(message) || message.channel !== CHANNEL || typeof message.type !== 'string' || !Object.hasOwn(handlers, message.type)) return undefined;
    // A content script's sender URL is its page's: only the extension's own origin may ask.
    if (!isOwnSender(sender, ownId) || !isExtensionPage(sender, origin)) return Promise.resolve({ ok: false, error: 'Sender not allowed.' });
    try {
      return Promise.resolve({ ok: true, value: handlers[message.type as TabMessageType]() });
    } catch (error) {
      return Promise.resolve({ ok: false, error: errorMessage(error) });
    }
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
