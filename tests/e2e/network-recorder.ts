/**
 * A recording proxy for the zero-network guarantee: Chromium is launched with `--proxy-server` pointing here, so
 * every request any part of the browser tries to send over the network (the extension's service worker, its pages,
 * its content scripts, the pages themselves) arrives here first. Nothing is forwarded: each request is written
 * down and refused. Fixture pages never get here (Playwright answers them by request routing, inside the browser).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface NetworkRecorder {
  /** "http://127.0.0.1:PORT", for LaunchOptions.proxy. */
  url: string;
  /** Every request seen: "GET http://host/path" or "CONNECT host:443". */
  requests: string[];
  close(): Promise<void>;
}

export async function startNetworkRecorder(): Promise<NetworkRecorder> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the zero-network test');
  });
  // HTTPS goes through CONNECT: record the host and refuse the tunnel.
  server.on('connect', (req, socket: Socket) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    // The browser may reset the refused tunnel: that is its answer, not the recorder's failure.
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    // A connection the browser resets (ECONNRESET) was already recorded; an unhandled socket error would crash the run.
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The host a recorded request went to ("CONNECT host:443" or "GET http://host/path"). */
export function hostOf(entry: string): string {
  const target = entry.slice(entry.indexOf(' ') + 1);
  if (entry.startsWith('CONNECT ')) return target.replace(/:\d+$/, '');
  try {
    return new URL(target).hostname;
  } catch {
    return target;
  }
}
