/**
 * The write paths the kill test covers, one entry each: how to make the vault it writes to,
 * what the child is told, how long after START a kill may land, and what must hold afterwards
 * for what it acknowledged. The common checks (verify, blob store, temporary files) are in
 * after-kill.ts and run for every path. Re-keying has its own kill test of the same shape:
 * tests/main/core/vault/key-rotation.test.ts, "survives SIGKILL at random moments of a rotation
 * in another process".
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { referralSchema } from '../../../preload/contract/case-records';
import { runVaultChecks } from '../../../main/cli/vault-checks';
import { createBackup } from '../../../main/core/backup/create-backup';
import { restoreBackup } from '../../../main/core/backup/restore-backup';
import { createCase } from '../../../main/core/cases/cases.service';
import { importDocument } from '../../../main/core/documents/documents.service';
import { unlockVault } from '../../../main/core/vault/vault';
import { exchangeCards, laptop, makeCase, send } from '../core/bundles/app-fixtures';
import { ADMIN, FAST, newVault, vaultDirIn } from '../core/temp-vault';
import { documentSha256, reopenAndCheck, type Swept } from './after-kill';
import { ROUNDS, type KillRound } from './kill-harness';
import { legacyVault, schemaOf } from './legacy-vault';

/** One round's context: its number and when its child was started. */
export interface RoundContext {
  round: number;
  startedAt: number;
  /** The path's running count of what the start-up sweeps removed. */
  swept: Swept;
}

export interface PreparedPath {
  /** The child's arguments for a round (a round may first reset the vault). */
  args(ctx: RoundContext): Record<string, unknown>;
  /** Check the vault after the round; returns how many acknowledged writes were checked. */
  check(result: KillRound, ctx: RoundContext): Promise<number>;
}

export interface WritePath {
  name: string;
  mode: string;
  /** A kill lands uniformly within this many ms after START; null: measured by a first, whole run. */
  killSpanMs: number | null;
  prepare(work: string): Promise<PreparedPath>;
}

const admin = { username: ADMIN.username, password: ADMIN.password };

/** A vault with one case (whose id is returned), closed. */
async function vaultWithCase(work: string): Promise<{ dir: string; caseId: string }> {
  const dir = vaultDirIn(work);
  const { vault } = await newVault(dir);
  const made = createCase(
    vault,
    referralSchema.parse({
      referralDate: '2026-01-12',
      youngPerson: { givenName: 'Kill', familyName: 'Test', dateOfBirth: '2012-05-01' },
    }),
  );
  await importDocument(vault, { caseId: made.id, filename: 'letter.bin' }, Readable.from([Buffer.alloc(3 << 20, 7)]));
  vault.close();
  return { dir, caseId: made.id };
}

const records: WritePath = {
  name: 'records (cases and notes through the router)',
  mode: 'records',
  killSpanMs: 1500,
  async prepare(work) {
    const { dir } = await vaultWithCase(work);
    return {
      args: () => ({ dir, ...admin }),
      async check(result, ctx) {
        const vault = await reopenAndCheck(dir, admin.username, admin.password, ctx.swept);
        for (const a of result.acks) {
          const table = a.kind === 'case' ? 'cases' : 'notes';
          expect(vault.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE id = ?`).get(a.id)).toEqual({ n: 1 });
        }
        vault.close();
        return result.acks.length;
      },
    };
  },
};

const documents: WritePath = {
  name: 'document uploads (the streamed blob writer)',
  mode: 'documents',
  killSpanMs: 2000,
  async prepare(work) {
    const { dir, caseId } = await vaultWithCase(work);
    return {
      args: () => ({ dir, ...admin, caseId }),
      async check(result, ctx) {
        const vault = await reopenAndCheck(dir, admin.username, admin.password, ctx.swept);
        for (const a of result.acks) expect(await documentSha256(vault, String(a.id))).toBe(a.sha256);
        vault.close();
        return result.acks.length;
      },
    };
  },
};

const bundles: WritePath = {
  name: 'bundle imports (upload and apply)',
  mode: 'bundles',
  killSpanMs: 2500,
  async prepare(work) {
    const alice = await laptop(work, 'alice', 'Alice Ahmed');
    const bob = await laptop(work, 'bob', 'Bob Brown');
    const { bOnA } = await exchangeCards(alice, bob);
    // Enough for about two a round: each round is given only the bundles not yet applied.
    const files = new Map<string, string>();
    for (let n = 0; n < 2 * ROUNDS + 2; n++) {
      const made = await makeCase(alice, `Bundled${n}`);
      await importDocument(
        alice.core.manager.current(),
        { caseId: made.id, filename: 'report.bin' },
        Readable.from([Buffer.alloc(512 << 10, n)]),
      );
      const kept = join(work, `bundle-${n}.ncatsbundle`);
      cpSync(await send(alice, made.id, bOnA), kept);
      files.set(kept, made.id);
    }
    const applied = new Set<string>();
    alice.core.manager.dispose();
    bob.core.manager.dispose();
    const credentials = { username: 'bob', password: 'a long enough password' };
    return {
      args: () => ({
        dir: bob.dir,
        ...credentials,
        files: [...files.keys()].filter((f) => !applied.has(files.get(f) ?? '')),
      }),
      async check(result, ctx) {
        const vault = await reopenAndCheck(bob.dir, credentials.username, credentials.password, ctx.swept);
        for (const a of result.acks) {
          expect(vault.db.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get(a.caseId)).toEqual({ n: 1 });
          expect(vault.db.prepare('SELECT count(*) AS n FROM documents WHERE case_id = ?').get(a.caseId)).toEqual({
            n: 1,
          });
        }
        for (const caseId of files.values()) {
          if (vault.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) applied.add(caseId);
        }
        vault.close();
        return result.acks.length;
      },
    };
  },
};

/**
 * Partial files of earlier rounds must be gone (swept by the next backup or restore), this
 * round's may wait. The sweep runs inside the first backup or restore, after its key is derived:
 * a round whose child was killed before it acknowledged anything may have died before sweeping
 * (CI caught one killed in the key derivation), so its leftovers wait for the next round that
 * finishes one, where this check holds again.
 */
function expectOnlyThisRoundsTemporaries(
  folder: string,
  pattern: RegExp,
  ctx: RoundContext,
  acknowledged: number,
): void {
  if (acknowledged === 0) return;
  const stale = readdirSync(folder).filter(
    (name) => pattern.test(name) && statSync(join(folder, name)).mtimeMs < ctx.startedAt,
  );
  expect(stale).toEqual([]);
}

const backups: WritePath = {
  name: 'backups (create-backup.ts)',
  mode: 'backups',
  killSpanMs: 3000,
  async prepare(work) {
    const { dir } = await vaultWithCase(work);
    const folder = join(work, 'backups');
    mkdirSync(folder);
    const restoredAt = join(work, 'restored');
    mkdirSync(restoredAt);
    let restores = 0;
    return {
      args: (ctx) => ({ dir, ...admin, folder, prefix: `round${ctx.round}` }),
      async check(result, ctx) {
        const vault = await reopenAndCheck(dir, admin.username, admin.password, ctx.swept);
        vault.close();
        for (const a of result.acks) expect(statSync(String(a.file)).size).toBe(a.bytes);
        expectOnlyThisRoundsTemporaries(folder, /\.partial/, ctx, result.acks.length);
        // Whatever is under a final name is a whole backup: the last one of this round restores.
        const finals = readdirSync(folder).filter(
          (n) => n.startsWith(`round${ctx.round}-`) && n.endsWith('.ncatsbackup'),
        );
        expect(finals.length).toBeGreaterThanOrEqual(result.acks.length);
        const newest = finals.sort((a, b) => Number(/-(\d+)\./.exec(a)?.[1]) - Number(/-(\d+)\./.exec(b)?.[1])).at(-1);
        if (newest) {
          await restoreBackup(
            join(folder, newest),
            join(restoredAt, `r${restores++}`),
            { kind: 'password', ...admin },
            {
              ...FAST,
              checks: runVaultChecks,
            },
          );
        }
        return result.acks.length;
      },
    };
  },
};

const restores: WritePath = {
  name: 'restores (restore-backup.ts)',
  mode: 'restores',
  killSpanMs: 3000,
  async prepare(work) {
    const { dir } = await vaultWithCase(work);
    const vault = await unlockVault(dir, admin.username, admin.password, FAST);
    const file = join(work, 'vault.ncatsbackup');
    await createBackup(vault, file);
    vault.close();
    const folder = join(work, 'targets');
    mkdirSync(folder);
    return {
      args: (ctx) => ({ ...admin, file, folder, prefix: `round${ctx.round}`, dir: '' }),
      async check(result, ctx) {
        const acked = new Set(result.acks.map((a) => String(a.dir)));
        const targets = readdirSync(folder).filter((n) => n.startsWith(`round${ctx.round}-`));
        // Every acknowledged restore is there; a folder under a target's name is a whole vault
        // (the rename into place is the last step), whether or not it was acknowledged.
        for (const target of acked) expect(existsSync(target)).toBe(true);
        for (const name of targets) {
          const restored = await reopenAndCheck(join(folder, name), admin.username, admin.password, ctx.swept);
          restored.close();
        }
        expectOnlyThisRoundsTemporaries(folder, /\.restoring-/, ctx, acked.size);
        return acked.size;
      },
    };
  },
};

const migrations: WritePath = {
  name: 'migrations (a vault at schema 140 brought up to date)',
  mode: 'migration',
  killSpanMs: null,
  async prepare(work) {
    const pristine = await legacyVault(join(work, 'pristine'));
    const dir = join(work, 'vault');
    return {
      args() {
        rmSync(dir, { recursive: true, force: true });
        cpSync(pristine.dir, dir, { recursive: true });
        return { dir, keyHex: pristine.keyHex, ...admin };
      },
      async check(result, ctx) {
        // Exactly before or exactly after: the pending migrations are one transaction.
        const now = schemaOf(dir, pristine.keyHex);
        if (result.acks.length > 0 || now.version !== pristine.before.version) {
          expect(now).toEqual(pristine.after);
        } else {
          expect(now).toEqual(pristine.before);
        }
        // The next sign-in migrates what was left as before; the padding rows are all there.
        const vault = await reopenAndCheck(dir, admin.username, admin.password, ctx.swept);
        expect(vault.db.prepare('SELECT count(*) AS n FROM case_status_history').get()).toEqual({
          n: pristine.historyRows,
        });
        vault.close();
        return result.acks.length;
      },
    };
  },
};

/** Every write path, in the order the report lists them. */
export const WRITE_PATHS: readonly WritePath[] = [records, documents, bundles, backups, restores, migrations];
