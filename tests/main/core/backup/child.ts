/**
 * Helper processes for the backup tests, run with `node --import tsx child.ts <mode> ...`:
 *
 * - `writer <vaultDir>`: signs in as the administrator (password on the first line of standard
 *   input) and creates cases one after another through the cases service, printing
 *   `ACK <caseId>` after each commit, until its standard input closes. A write is acknowledged
 *   only once its transaction has committed, as the app would tell the clinician.
 * - `watcher <folder> <marker>...`: reads every file that appears in the folder, as often as it
 *   can, and on SIGTERM prints one line of JSON: the names it saw and any that held a marker.
 *   It sees the temporary files another process writes and removes, which a scan afterwards
 *   cannot.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { referralSchema } from '../../../../preload/contract/case-records';
import { createCase } from '../../../../main/core/cases/cases.service';
import { unlockVault } from '../../../../main/core/vault/vault';

async function writer(dir: string): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  const iterator = lines[Symbol.asyncIterator]();
  const password = (await iterator.next()).value as string;
  const vault = await unlockVault(dir, 'admin', password);
  let open = true;
  lines.on('close', () => (open = false));
  process.stdout.write('READY\n');
  for (let n = 0; open; n += 1) {
    const detail = createCase(
      vault,
      referralSchema.parse({
        referralDate: '2026-01-12',
        youngPerson: { givenName: 'Writer', familyName: `Number${n}`, dateOfBirth: '2012-05-01' },
      }),
    );
    process.stdout.write(`ACK ${detail.id}\n`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  vault.close();
}

function watcher(folder: string, markers: string[]): void {
  const seen = new Set<string>();
  const leaked = new Set<string>();
  const needles = markers.flatMap((m) => [Buffer.from(m, 'utf8'), Buffer.from(m, 'utf16le')]);
  let stop = false;
  process.on('SIGTERM', () => (stop = true));
  const sweep = () => {
    for (const name of readdirSync(folder)) {
      seen.add(name);
      try {
        const bytes = readFileSync(join(folder, name));
        if (needles.some((n) => bytes.includes(n))) leaked.add(name);
      } catch {
        // Removed between the listing and the read (or a folder): the next sweep goes on.
      }
    }
    if (stop) {
      process.stdout.write(`${JSON.stringify({ seen: [...seen].sort(), leaked: [...leaked].sort() })}\n`);
      process.exit(0);
    }
    setImmediate(sweep);
  };
  process.stdout.write('READY\n');
  sweep();
}

const [mode, first = '', ...rest] = process.argv.slice(2);
if (mode === 'writer') void writer(first);
else if (mode === 'watcher') watcher(first, rest);
else throw new Error(`unknown mode ${mode ?? ''}`);
