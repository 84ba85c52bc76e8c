import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENTS, type EventName, type EventPayloads } from '../../preload/contract';
import { createCore, type Core, type CoreOptions } from '../../main/core/core';
import type { KdfParams } from '../../main/core/vault/kdf';
import { CONTENT_SECURITY_POLICY } from '../../main/app/session-policy';
import { bridgeScript } from './bridge-script';
import type { ByteRoute } from '../../main/core/routes/byte-route';
import { BYTE_ROUTES } from '../../main/core/routes/table';
import { createByteRouteHandler } from './byte-routes';
import { loadMachinePolicy } from '../../main/core/policy/policy-file';

/**
 * The browser host (DESIGN.md section 5): serves the built renderer on 127.0.0.1 and routes
 * `POST /ipc/<channel>` into the same router and core the Electron shell uses. Every IPC and
 * event request must carry the random per-launch token. For tests, development and demos only:
 * it is never packaged.
 */
export interface BrowserHostOptions {
  vaultDir: string;
  port?: number;
  idleLockMs?: number;
  /** KDF parameters for new key slots (tests may pass cheaper ones); calibrated when absent. */
  kdf?: KdfParams;
  rendererDir?: string;
  /** The byte routes to serve (the core's one table unless a test adds to it). */
  byteRoutes?: readonly ByteRoute[];
  /** The machine policy file to read (as NCATS_POLICY_FILE would name it); the machine's own when absent. */
  policyFile?: string;
  /**
   * The app's own backup folder (the Electron shell's `<userData>/backups`); NCATS_BACKUP_FOLDER
   * when absent. With neither, the host takes no scheduled backups, so the other e2e tests' audit
   * logs are not joined by a backup a minute in. NCATS_BACKUP_CHECK_MS sets how often it looks.
   */
  backupFolder?: string;
}

export interface BrowserHost {
  /** Open this URL (it carries the token). */
  url: string;
  origin: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

function backupScheduleFrom(folder: string | undefined): Pick<CoreOptions, 'backups'> {
  if (!folder) return {};
  const checkEveryMs = Number(process.env.NCATS_BACKUP_CHECK_MS) || undefined;
  return { backups: { defaultFolder: folder, ...(checkEveryMs ? { checkEveryMs } : {}) } };
}

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEFAULT_RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
const MAX_BODY_BYTES = 1024 * 1024;

// The same policy the Electron shell sends, so the browser host tests the real one.
const CSP = CONTENT_SECURITY_POLICY;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`The renderer is not built (${indexFile} is missing). Run: npm run build:web`);
  }
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  const onEvent = <E extends EventName>(event: E, payload: EventPayloads[E]): void => {
    for (const res of streams) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const core = createCore(options.vaultDir, {
    vault: options.kdf ? { kdf: options.kdf } : {},
    ...(options.idleLockMs ? { idleLockMs: options.idleLockMs } : {}),
    onEvent,
    // Read once at start, as the Electron shell does (NCATS_POLICY_FILE points tests at theirs).
    policy: loadMachinePolicy({
      platform: process.platform,
      env: options.policyFile ? { ...process.env, NCATS_POLICY_FILE: options.policyFile } : process.env,
    }),
    ...backupScheduleFrom(options.backupFolder ?? process.env.NCATS_BACKUP_FOLDER),
  });

  // The bridge must run before the renderer's module script, so it goes first in <head>.
  const indexHtml = readFileSync(indexFile, 'utf8').replace(
    '<head>',
    '<head>\n    <script src="./__host/bridge.js"></script>',
  );
  const bridge = bridgeScript();
  const serveByteRoute = createByteRouteHandler({
    routes: options.byteRoutes ?? BYTE_ROUTES,
    manager: core.manager,
    tokenOk: (given) => tokenMatches(token, given),
    originOk: (given) => !given || given === origin,
    send,
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  let origin = '';
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
      if (!tokenMatches(token, req.headers['x-ncats-token'] as string | undefined)) return send(res, 403, 'Forbidden');
      // A page from any other origin must not drive the core, even if it guessed the port.
      if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'Forbidden');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'Too large');
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return send(res, 400, 'Bad JSON');
      }
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      const result = await core.router(channel, input);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (await serveByteRoute(req, res, url)) return;
    if (url.pathname === '/__host/events') {
      if (!tokenMatches(token, url.searchParams.get('token'))) return send(res, 403, 'Forbidden');
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/__host/bridge.js') return send(res, 200, bridge, TYPES['.js']);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        'content-type': TYPES['.html'],
        'content-security-policy': CSP,
        'cache-control': 'no-store',
      });
      return void res.end(indexHtml);
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'Not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    core,
    close: async () => {
      for (const res of streams) res.end();
      streams.clear();
      core.manager.dispose();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Event names the host forwards; exported so tests can check the bridge covers them all. */
export const HOST_EVENTS = EVENTS;
