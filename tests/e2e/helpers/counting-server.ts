/**
 * A loopback HTTP server on its own port that counts every request and WebSocket upgrade it
 * receives, by path. The no-network spec points the page at it: a request the app's policy
 * failed to block shows up here as a hit, so a leak is detected rather than assumed.
 *
 * It answers each path with something the browser would really use (a PNG, a style sheet, a
 * font-shaped body, a WebSocket handshake), so nothing fails only because the answer was junk.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface CountingServer {
  /** `http://127.0.0.1:<port>`: a different origin from the app's. */
  origin: string;
  /** `ws://127.0.0.1:<port>` */
  wsOrigin: string;
  /** Hits so far, by path (query left off). */
  hits(): Record<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

// The smallest valid PNG: one transparent pixel.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A control page with no policy at all, served by the counter itself (same origin as the hits). */
const CONTROL_PAGE = '<!doctype html><html lang="en"><head><title>Control</title></head><body></body></html>';

function bodyFor(path: string): { type: string; body: Buffer | string } {
  if (path.endsWith('.png')) return { type: 'image/png', body: PIXEL };
  if (path.endsWith('.css')) return { type: 'text/css', body: 'body { outline: 0; }' };
  if (path.endsWith('.woff2')) return { type: 'font/woff2', body: Buffer.alloc(64) };
  if (path === '/control.html') return { type: 'text/html; charset=utf-8', body: CONTROL_PAGE };
  return { type: 'application/json', body: '{"leaked":true}' };
}

function acceptWebSocket(req: IncomingMessage, socket: Duplex): void {
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string') return void socket.destroy();
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  // Close at once: the handshake alone proves the connection was made.
  setTimeout(() => socket.destroy(), 50);
}

export async function startCountingServer(): Promise<CountingServer> {
  let counts: Record<string, number> = {};
  const count = (url: string | undefined): void => {
    const path = new URL(url ?? '/', 'http://x').pathname;
    // The control page itself is how the control run gets a policy-free page; it is not a probe.
    if (path === '/control.html' || path === '/favicon.ico') return;
    counts[path] = (counts[path] ?? 0) + 1;
  };
  const server = createServer((req, res) => {
    count(req.url);
    const { type, body } = bodyFor(new URL(req.url ?? '/', 'http://x').pathname);
    // Allow any origin, so the only thing that can stop a probe is the app's own policy.
    res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(body);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    count(req.url);
    acceptWebSocket(req, socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    hits: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    reset: () => {
      counts = {};
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
