/**
 * `npm run dev:web -- --vault DIR [--port N] [--idle-minutes N]`: the browser host on a vault,
 * for development and demos. Prints one line with the URL (which carries the token).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startBrowserHost } from './server';

const { values } = parseArgs({
  options: {
    vault: { type: 'string' },
    port: { type: 'string' },
    'idle-minutes': { type: 'string' },
  },
  strict: true,
});

if (!values.vault) {
  console.error('Usage: npm run dev:web -- --vault DIR [--port N] [--idle-minutes N]');
  process.exit(2);
}

const host = await startBrowserHost({
  vaultDir: resolve(values.vault),
  ...(values.port ? { port: Number(values.port) } : {}),
  ...(values['idle-minutes'] ? { idleLockMs: Number(values['idle-minutes']) * 60_000 } : {}),
});
console.log(`Browser host: ${host.url}`);

const stop = (): void => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
