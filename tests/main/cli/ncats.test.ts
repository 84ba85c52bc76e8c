/**
 * The real `ncats` command, run as a child process against real encrypted vaults in temporary
 * folders. Fixture vaults are made in-process with the cheapest allowed KDF so each unlock
 * costs milliseconds; `init` is run through the CLI with the real calibrated KDF once. Each test
 * has its own vault, so they run concurrently. Flag handling and help are tested in-process in
 * run.test.ts, which keeps the number of child processes (about 0.7 s each) down.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../main/core/db/connection';
import { LATEST_VERSION } from '../../../main/core/db/migrations/index';
import { databasePath, headerPath, readHeader, writeHeader } from '../../../main/core/vault/header';
import { parseRecoveryKey } from '../../../main/core/vault/recovery-key';
import { createVault } from '../../../main/core/vault/vault';
import { FAST, PASSWORD } from './cli-fixture';

const REPO = resolve(import.meta.dirname, '../../..');
const RECOVERY_KEY_LINE = /^Recovery key: ([0-9A-F]{8}(?:-[0-9A-F]{8}){7})$/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ncats(args: string[], stdin = ''): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NCATS_DEBUG;
  delete env.npm_lifecycle_event;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/ncats.ts', ...args], { cwd: REPO, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let root: string;

/** A vault with one administrator, made in-process with the minimum KDF. */
async function fixtureVault(name: string): Promise<{ dir: string; recoveryKey: string }> {
  const dir = join(root, name);
  const { vault, recoveryKey } = await createVault(
    dir,
    { username: 'alice', displayName: 'Alice Admin', password: PASSWORD },
    FAST,
  );
  vault.close();
  return { dir, recoveryKey };
}

/** Run `fn` on the database opened directly with the recovery key, as an attacker with the key could. */
function withDatabase(dir: string, recoveryKey: string, fn: (db: ReturnType<typeof openEncrypted>) => void): void {
  const db = openEncrypted(databasePath(dir), parseRecoveryKey(recoveryKey));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ncats-cli-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe.concurrent('ncats init', () => {
  it('creates a vault with the calibrated KDF and prints the recovery key once, with a warning', async () => {
    const dir = join(root, 'init');
    const run = await ncats(
      ['init', '--vault', dir, '--user', 'Bob', '--name', 'Bob Admin', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const match = RECOVERY_KEY_LINE.exec(run.stdout);
    expect(match).not.toBeNull();
    expect(run.stdout).toMatch(/write the recovery key down.*store it safely.*shown only once/i);
    // User names are stored as the app stores them: lower case.
    const header = readHeader(dir);
    expect(header.slots.map((s) => [s.username, s.role])).toEqual([['bob', 'administrator']]);
    expect(header.slots[0]?.kdf.N).toBeGreaterThanOrEqual(2 ** 15);
    // The printed key is the database key.
    withDatabase(dir, match?.[1] ?? '', (db) => {
      expect(db.prepare('SELECT username, role FROM users').all()).toEqual([
        { username: 'bob', role: 'administrator' },
      ]);
    });
  });
});

describe.concurrent('ncats info', () => {
  it('shows format, cipher, KDF, users and roles without a password and without any secret', async () => {
    const { dir } = await fixtureVault('info');
    const header = readHeader(dir);
    const secrets = [
      header.database.keyCheck,
      ...header.slots.flatMap((s) => [s.salt, s.wrapped.ciphertext, s.wrapped.iv, s.wrapped.tag]),
    ];
    for (const args of [
      ['info', '--vault', dir],
      ['info', '--vault', dir, '--json'],
    ]) {
      const run = await ncats(args);
      expect(run.code).toBe(0);
      for (const secret of secrets) expect(run.stdout).not.toContain(secret);
      if (args.includes('--json')) {
        const info = JSON.parse(run.stdout) as { users: unknown; database: unknown; formatVersion: number };
        expect(info.formatVersion).toBe(1);
        expect(info.database).toMatchObject({ cipher: 'sqlcipher', legacy: 4 });
        expect(info.users).toEqual([
          {
            username: 'alice',
            role: 'administrator',
            kdf: expect.objectContaining({ algorithm: 'scrypt', N: 16384, r: 8, p: 1 }),
          },
        ]);
      } else {
        expect(run.stdout).toMatch(/cipher sqlcipher, legacy 4/);
        expect(run.stdout).toMatch(/alice \(administrator\): scrypt N=2\^14 r=8 p=1/);
        expect(run.stdout).toMatch(/Created: +\d\d\/\d\d\/\d{4} \d\d:\d\d/);
        expect(run.stdout).toMatch(/Lockouts: +none/);
      }
    }
    // The raw header file is the source of the secrets checked above.
    expect(readFileSync(headerPath(dir), 'utf8')).toContain(header.slots[0]?.salt ?? 'missing');
  });

  it('reports a missing vault and a corrupt header with exit 1 and a clear message', async () => {
    const missing = await ncats(['info', '--vault', join(root, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no vault in .*nowhere/);

    const { dir } = await fixtureVault('corrupt-header');
    writeFileSync(headerPath(dir), '{ not json');
    const corrupt = await ncats(
      ['unlock-test', '--vault', dir, '--user', 'alice', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/vault header \(vault.json\) is damaged/);
    expect(corrupt.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe.concurrent('ncats verify', () => {
  it('passes a healthy vault: prints each check, then OK', async () => {
    const { dir } = await fixtureVault('verify-ok');
    const run = await ncats(['verify', '--vault', dir, '--user', 'alice', '--password-stdin'], `${PASSWORD}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ok +Database integrity/);
    expect(run.stdout).toContain(`schema version ${LATEST_VERSION}, the latest`);
    expect(run.stdout).toMatch(/ok +Audit chain/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('OK');
  });

  it('names an audit row edited outside the app, and exits 1', async () => {
    const { dir, recoveryKey } = await fixtureVault('verify-tampered');
    withDatabase(dir, recoveryKey, (db) => {
      db.prepare(`UPDATE audit_log SET detail = '{"edited":true}' WHERE seq = 2`).run();
    });
    const run = await ncats(['verify', '--vault', dir, '--user', 'alice', '--password-stdin'], `${PASSWORD}\n`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAILED +Audit chain/);
    expect(run.stdout).toMatch(/Row 2 was altered after it was written/);
    expect(run.stdout).not.toMatch(/^OK$/m);
  });

  it('detects a damaged database page through integrity_check, and exits 1', async () => {
    const { dir, recoveryKey } = await fixtureVault('verify-damaged');
    let page = 0;
    let pageSize = 0;
    withDatabase(dir, recoveryKey, (db) => {
      // The settings table is never read while unlocking, so the damage is found by the check itself.
      page = (db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'settings'`).get() as { rootpage: number })
        .rootpage;
      pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma('wal_checkpoint(TRUNCATE)');
    });
    const bytes = readFileSync(databasePath(dir));
    const offset = (page - 1) * pageSize + 100;
    bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
    writeFileSync(databasePath(dir), bytes);
    const run = await ncats(['verify', '--vault', dir, '--user', 'alice', '--password-stdin'], `${PASSWORD}\n`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAILED +Database integrity/);
    expect(run.stdout).toMatch(/failed decryption or its HMAC check/);
  });
});

describe.concurrent('ncats unlock-test', () => {
  it('exits 0 for the right password and 1 for a wrong one', async () => {
    const { dir } = await fixtureVault('unlock');
    const right = await ncats(['unlock-test', '--vault', dir, '--user', 'alice', '--password-stdin'], `${PASSWORD}\n`);
    expect(right.code).toBe(0);
    expect(right.stdout.trim()).toBe('Unlocked as alice (administrator).');

    const wrong = await ncats(
      ['unlock-test', '--vault', dir, '--user', 'alice', '--password-stdin'],
      'not the password\n',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/user name and password do not match/);
    expect(readHeader(dir).lockout.alice?.failures).toBe(1);
  });

  it('says how long to wait when rate limited', async () => {
    const { dir } = await fixtureVault('rate-limited');
    const header = readHeader(dir);
    writeHeader(dir, { ...header, lockout: { alice: { failures: 10, lastFailureAt: new Date().toISOString() } } });
    const run = await ncats(['unlock-test', '--vault', dir, '--user', 'alice', '--password-stdin'], `${PASSWORD}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Too many failed attempts\. Try again in \d+ seconds\./);
  });
});

describe.concurrent('usage errors exit 2', () => {
  it('rejects a password on the command line and an unknown command', async () => {
    const onArgv = await ncats(['unlock-test', '--vault', root, '--user', 'alice', `--password=${PASSWORD}`]);
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toMatch(/never taken from the command line/);

    const unknown = await ncats(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
  });
});
