/**
 * Runtime ports wired by hand (the fake browser has none): runtime.connect reaches runtime.onConnect, messages arrive
 * asynchronously as between contexts, and a test can lose a reply "with the worker" (both ends disconnect). With
 * them the real port client (lib/protocol/messages.ts sendMessage) talks to the real background side (handleMessages).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (message: unknown) => void;

/** One end of a runtime port: messages arrive asynchronously, as between contexts. */
interface FakePort {
  name: string;
  sender?: { id: string; url: string };
  onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void };
  onDisconnect: { addListener(l: () => void): void; removeListener(l: () => void): void };
  postMessage(message: unknown): void;
  disconnect(): void;
}

function event<L>(): { listeners: Set<L>; addListener(l: L): void; removeListener(l: L): void } {
  const listeners = new Set<L>();
  return { listeners, addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) };
}

const closers: Array<() => void> = [];

/** Closes every port wired so far (the client then connects afresh: tests do not share a port). */
export function closePorts(): void {
  for (const close of closers.splice(0)) close();
}

/**
 * Wires runtime.connect to runtime.onConnect. `dropReply` decides, per reply the background sends, whether the
 * worker "stops" instead: both ends disconnect and the reply is lost.
 */
export function wirePorts(dropReply: (reply: unknown) => boolean = () => false): void {
  const onConnect = event<(port: FakePort) => void>();
  (fakeBrowser.runtime as unknown as { onConnect: typeof onConnect }).onConnect = onConnect;
  (fakeBrowser.runtime as unknown as { connect(info: { name: string }): FakePort }).connect = ({ name }) => {
    const ends = [0, 1].map(() => ({ message: event<Listener>(), disconnect: event<() => void>() }));
    let open = true;
    const close = (): void => {
      if (!open) return;
      open = false;
      for (const end of ends) for (const l of end.disconnect.listeners) l();
    };
    const port = (self: 0 | 1, sender?: FakePort['sender']): FakePort => ({
      name,
      ...(sender && { sender }),
      onMessage: ends[self]!.message,
      onDisconnect: ends[self]!.disconnect,
      postMessage(message) {
        if (!open) throw new Error('Attempting to use a disconnected port object');
        if (self === 1 && dropReply(message)) {
          setTimeout(close, 0);
          return;
        }
        setTimeout(() => open && ends[1 - self]!.message.listeners.forEach((l) => l(message)), 0);
      },
      disconnect: close,
    });
    closers.push(close);
    const background = port(1, { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` });
    setTimeout(() => onConnect.listeners.forEach((l) => l(background)), 0);
    return port(0);
  };
}


