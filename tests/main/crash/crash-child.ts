/**
 * The writing process of the kill tests (crash.test.ts): `node --import tsx crash-child.ts
 * <mode> <json arguments>`. Each mode writes through the real code, one write after another,
 * and prints `BEGIN` before each write and `ACK <json>` once the write has returned, which is
 * when the app would tell the clinician it is saved. `DONE` ends a mode that runs out of work.
 * The parent kills this process with SIGKILL at a random moment.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { scryptParams } from '../../../main/core/vault/kdf';

// Each mode imports what it writes through only when it runs: loading the whole core takes
// seconds on a loaded machine, and every round starts a new process.
const FAST = { kdf: scryptParams(2 ** 14) };
const say = (line: string) => process.stdout.write(`${line}\n`);
const ack = (value: unknown) => say(`ACK ${JSON.stringify(value)}`);
const yieldToKill = () => new Promise((resolve) => setImmediate(resolve));

interface Args {
  dir: string;
  username: string;
  password: string;
  [more: string]: unknown;
}

type Mode = (args: Args) => Promise<void>;

function unwrap<T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** Cases and notes through the router, as the renderer saves them. */
const records: Mode = async ({ dir, username, password }) => {
  const { createCore } = await import('../../../main/core/core');
  const core = createCore(dir, { vault: FAST });
  unwrap(await core.router('vault:unlock', { username, password }));
  say('START');
  for (let n = 0; ; n++) {
    say('BEGIN');
    const made = unwrap<{ id: string }>(
      await core.router('case:create', {
        referralDate: '2026-01-12',
        youngPerson: { givenName: 'Crash', familyName: `Number${n}`, dateOfBirth: '2012-05-01' },
      }),
    );
    ack({ kind: 'case', id: made.id });
    say('BEGIN');
    const note = unwrap<{ id: string }>(
      await core.router('note:create', {
        caseId: made.id,
        note: { occurredAt: '2026-01-12T10:00:00.000Z', type: 'session', text: `Acknowledged note ${n}.` },
      }),
    );
    ack({ kind: 'note', id: note.id });
    await yieldToKill();
  }
};

/** Documents streamed into the blob writer, a few chunks of 64 KiB each. */
const documents: Mode = async ({ dir, username, password, caseId }) => {
  const { unlockVault } = await import('../../../main/core/vault/vault');
  const { importDocument } = await import('../../../main/core/documents/documents.service');
  const vault = await unlockVault(dir, username, password, FAST);
  say('START');
  for (;;) {
    say('BEGIN');
    const pieces = Array.from({ length: 16 }, () => randomBytes(64 * 1024));
    const doc = await importDocument(vault, { caseId: String(caseId), filename: 'scan.bin' }, Readable.from(pieces));
    ack({ id: doc.id, sha256: doc.sha256 });
  }
};

/** Bundles uploaded into the inbox and applied through the router, one after another. */
const bundles: Mode = async ({ dir, username, password, files }) => {
  const { createCore } = await import('../../../main/core/core');
  const { uploadBundle } = await import('../../../main/core/bundles/bundle-routes');
  const core = createCore(dir, { vault: FAST });
  unwrap(await core.router('vault:unlock', { username, password }));
  say('START');
  for (const file of files as string[]) {
    say('BEGIN');
    const { inboxId } = await uploadBundle(core.manager.current(), Readable.from([readFileSync(file)]));
    const applied = unwrap<{ caseId: string; applied: boolean }>(await core.router('bundle:apply', { inboxId }));
    ack({ file, caseId: applied.caseId, applied: applied.applied });
  }
  say('DONE');
  core.manager.dispose();
};

/** Backups of an open vault into one folder, each under a new name. */
const backups: Mode = async ({ dir, username, password, folder, prefix }) => {
  const { unlockVault } = await import('../../../main/core/vault/vault');
  const { createBackup } = await import('../../../main/core/backup/create-backup');
  const vault = await unlockVault(dir, username, password, FAST);
  say('START');
  for (let n = 0; ; n++) {
    say('BEGIN');
    const result = await createBackup(vault, join(String(folder), `${String(prefix)}-${n}.ncatsbackup`));
    ack({ file: result.file, bytes: result.bytes });
  }
};

/** Restores of one backup into new folders, each with the checks `ncats verify` makes. */
const restores: Mode = async ({ username, password, file, folder, prefix }) => {
  const { restoreBackup } = await import('../../../main/core/backup/restore-backup');
  const { runVaultChecks } = await import('../../../main/cli/vault-checks');
  say('START');
  for (let n = 0; ; n++) {
    say('BEGIN');
    const target = join(String(folder), `${String(prefix)}-${n}`);
    await restoreBackup(
      String(file),
      target,
      { kind: 'password', username, password },
      { ...FAST, checks: runVaultChecks },
    );
    ack({ dir: target });
  }
};

/** The pending migrations of a vault at an older schema, as a sign-in runs them. */
const migration: Mode = async ({ dir, keyHex }) => {
  const { openEncrypted } = await import('../../../main/core/db/connection');
  const { migrate } = await import('../../../main/core/db/migrations/index');
  const db = openEncrypted(join(dir, 'vault.db'), Buffer.from(String(keyHex), 'hex'));
  say('START');
  say('BEGIN');
  const { to } = migrate(db);
  ack({ version: to });
  db.close();
  say('DONE');
};

const MODES: Record<string, Mode> = { records, documents, bundles, backups, restores, migration };

const [name = '', json = '{}'] = process.argv.slice(2);
const mode = MODES[name];
if (!mode) throw new Error(`unknown mode ${name}`);
await mode(JSON.parse(json) as Args);
