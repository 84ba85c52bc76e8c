/**
 * Explicit fixtures for bundle tests: real encrypted vaults in temp folders, and a small test
 * module registry of our own (two tables and an encrypted blob store) so the bundle framework,
 * crypto, format and security checks are tested independently of the real case modules.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { Db } from '../../../../main/core/db/connection';
import type { BundleModule, BundleRegistry, DocumentStore } from '../../../../main/core/bundles/registry';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { createVault, unlockVault, type OpenVault, type VaultOptions } from '../../../../main/core/vault/vault';

export const FAST: VaultOptions = { kdf: scryptParams(2 ** 14) };
export const PASSWORD = 'correct horse battery staple';

export function tempDirs(): { make(): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), 'ncats-bundle-'));
      made.push(dir);
      return dir;
    },
    cleanup() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The test module's tables: made directly (they are not part of the app's schema). */
export function createTestTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS t_cases (id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, title TEXT NOT NULL, version INTEGER NOT NULL) STRICT;
    CREATE TABLE IF NOT EXISTS t_items (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES t_cases (id), text TEXT NOT NULL,
      sensitive INTEGER NOT NULL, version INTEGER NOT NULL) STRICT;
    CREATE TABLE IF NOT EXISTS t_blobs (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, iv TEXT NOT NULL, tag TEXT NOT NULL) STRICT;
  `);
}

/** A vault with user `name`, the test tables, and the user's keys. */
export async function makeVault(dir: string, username: string, displayName: string): Promise<OpenVault> {
  const { vault } = await createVault(join(dir, username), { username, displayName, password: PASSWORD }, FAST);
  createTestTables(vault.db);
  return vault;
}

export function reopen(vault: OpenVault): Promise<OpenVault> {
  const dir = vault.dir;
  const username = vault.user.username;
  vault.close();
  return unlockVault(dir, username, PASSWORD, FAST);
}

const caseSchema = z
  .object({
    id: z.uuid(),
    version: z.int().min(1),
    reference: z.string().regex(/^T-\d{4}$/),
    title: z.string().min(1).max(200),
  })
  .strict();
const itemSchema = z
  .object({
    id: z.uuid(),
    version: z.int().min(1),
    caseId: z.uuid(),
    text: z.string().max(10_000),
    sensitive: z.boolean(),
  })
  .strict();
type TCase = z.infer<typeof caseSchema>;
type TItem = z.infer<typeof itemSchema>;

const caseModule: BundleModule<TCase> = {
  name: 'test-cases',
  schemaVersion: 1,
  schema: caseSchema,
  collect: (db, caseId) =>
    db.prepare('SELECT id, version, reference, title FROM t_cases WHERE id = ?').all(caseId) as TCase[],
  get: (db, id) =>
    (db.prepare('SELECT id, version, reference, title FROM t_cases WHERE id = ?').get(id) as TCase | undefined) ?? null,
  belongsTo: (r, caseId) => r.id === caseId,
  insert: (db, r) =>
    void db
      .prepare('INSERT INTO t_cases (id, reference, title, version) VALUES (?, ?, ?, ?)')
      .run(r.id, r.reference, r.title, r.version),
  update: (db, r) =>
    void db.prepare('UPDATE t_cases SET title = ?, version = ? WHERE id = ?').run(r.title, r.version, r.id),
  summarise: (records) => [{ heading: 'Case', lines: records.map((r) => `${r.reference}: ${r.title}`) }],
};

function toItem(row: { id: string; version: number; case_id: string; text: string; sensitive: number }): TItem {
  return { id: row.id, version: row.version, caseId: row.case_id, text: row.text, sensitive: row.sensitive === 1 };
}

const itemModule: BundleModule<TItem> = {
  name: 'test-items',
  schemaVersion: 1,
  schema: itemSchema,
  after: ['test-cases'],
  collect: (db, caseId, options) =>
    (db.prepare('SELECT * FROM t_items WHERE case_id = ? ORDER BY id').all(caseId) as Parameters<typeof toItem>[0][])
      .map(toItem)
      .filter((i) => options.includeThirdPartySensitive || !i.sensitive),
  get: (db, id) => {
    const row = db.prepare('SELECT * FROM t_items WHERE id = ?').get(id) as Parameters<typeof toItem>[0] | undefined;
    return row ? toItem(row) : null;
  },
  belongsTo: (r, caseId) => r.caseId === caseId,
  insert: (db, r) =>
    void db
      .prepare('INSERT INTO t_items (id, case_id, text, sensitive, version) VALUES (?, ?, ?, ?, ?)')
      .run(r.id, r.caseId, r.text, r.sensitive ? 1 : 0, r.version),
  update: (db, r) =>
    void db
      .prepare('UPDATE t_items SET text = ?, sensitive = ?, version = ? WHERE id = ?')
      .run(r.text, r.sensitive ? 1 : 0, r.version, r.id),
  summarise: (records) => [{ heading: `Items (${records.length})`, lines: records.map((r) => r.text) }],
};

function blobDir(vault: OpenVault): string {
  return join(vault.dir, 't-blobs');
}

/** A blob store encrypting with AES-256-GCM under a vault subkey (never plaintext on disk). */
function testDocumentStore(vault: OpenVault): DocumentStore {
  return {
    list: (db, caseId, options) =>
      (
        db.prepare('SELECT * FROM t_blobs WHERE case_id = ? ORDER BY id').all(caseId) as {
          id: string;
          size: number;
          sha256: string;
          iv: string;
          tag: string;
        }[]
      )
        .filter((b) => !options.documentIds || options.documentIds.includes(b.id))
        .map((b) => ({
          id: b.id,
          size: b.size,
          sha256: b.sha256,
          open: () => {
            const key = vault.deriveSubkey('test-blobs');
            const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(b.iv, 'hex'));
            decipher.setAuthTag(Buffer.from(b.tag, 'hex'));
            return createReadStream(join(blobDir(vault), b.id), { highWaterMark: 64 * 1024 }).pipe(decipher);
          },
        })),
    has: (db, id, sha) => db.prepare('SELECT 1 FROM t_blobs WHERE id = ? AND sha256 = ?').get(id, sha) !== undefined,
    async stage(id, expected, body) {
      mkdirSync(blobDir(vault), { recursive: true });
      const file = join(blobDir(vault), id);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', vault.deriveSubkey('test-blobs'), iv);
      // Opened here, before any byte is read: a lazily opened stream could create the file after
      // a failed body (a damaged bundle) had been cleaned up, leaving an empty file behind.
      const out = createWriteStream(file, { fd: openSync(file, 'w', 0o600) });
      try {
        await pipeline(Readable.from(body), cipher, out);
      } catch (err) {
        rmSync(file, { force: true });
        throw err;
      }
      const tag = cipher.getAuthTag().toString('hex');
      return {
        commit: (db) =>
          void db
            .prepare('INSERT INTO t_blobs (id, case_id, size, sha256, iv, tag) VALUES (?, ?, ?, ?, ?, ?)')
            .run(id, expected.caseId, expected.size, expected.sha256, iv.toString('hex'), tag),
        discard: () => rmSync(file, { force: true }),
      };
    },
  };
}

export function testRegistry(vault: OpenVault): BundleRegistry {
  return {
    cases: {
      findByReference: (db, reference) =>
        (db.prepare('SELECT id, reference FROM t_cases WHERE reference = ?').get(reference) as
          { id: string; reference: string } | undefined) ?? null,
      exists: (db, id) => db.prepare('SELECT 1 FROM t_cases WHERE id = ?').get(id) !== undefined,
    },
    modules: [itemModule as unknown as BundleModule, caseModule as unknown as BundleModule],
    documents: testDocumentStore(vault),
  };
}

export function addCase(vault: OpenVault, reference: string, title: string): string {
  const id = randomUUID();
  vault.db.prepare('INSERT INTO t_cases (id, reference, title, version) VALUES (?, ?, ?, 1)').run(id, reference, title);
  return id;
}

export function addItem(vault: OpenVault, caseId: string, text: string, sensitive = false): string {
  const id = randomUUID();
  vault.db
    .prepare('INSERT INTO t_items (id, case_id, text, sensitive, version) VALUES (?, ?, ?, ?, 1)')
    .run(id, caseId, text, sensitive ? 1 : 0);
  return id;
}

export function editItem(vault: OpenVault, id: string, text: string): void {
  vault.db.prepare('UPDATE t_items SET text = ?, version = version + 1 WHERE id = ?').run(text, id);
}

/** Store a document of `size` pseudo-random bytes for a case through the test store. */
export async function addDocument(
  vault: OpenVault,
  caseId: string,
  size: number,
  seed = 1,
): Promise<{ id: string; sha256: string }> {
  const id = randomUUID();
  const hash = createHash('sha256');
  const chunks = (function* () {
    let left = size;
    let counter = seed;
    while (left > 0) {
      const n = Math.min(left, 64 * 1024);
      const block = createHash('sha512').update(String(counter++)).digest();
      const piece = Buffer.alloc(n);
      for (let i = 0; i < n; i += block.length) block.copy(piece, i);
      hash.update(piece);
      left -= n;
      yield piece;
    }
  })();
  const store = testRegistry(vault).documents;
  if (!store) throw new Error('no store');
  const hashingBody = Readable.from(chunks).pipe(new Transform({ transform: (c: Buffer, _e, done) => done(null, c) }));
  const staged = await store.stage(id, { size, sha256: '', caseId }, hashingBody);
  const sha256 = hash.digest('hex');
  vault.db.transaction(() =>
    staged.commit(vault.db, { userId: vault.user.id, now: vault.now().toISOString(), bundleId: randomUUID() }),
  )();
  vault.db.prepare('UPDATE t_blobs SET sha256 = ? WHERE id = ?').run(sha256, id);
  return { id, sha256 };
}

/**
 * What the vault holds, one line per table row and per file (name and size), in a fixed order:
 * compared whole, a difference names the rows and files that changed (a digest only says that
 * something did).
 */
export function vaultSnapshot(vault: OpenVault): string[] {
  const lines: string[] = [];
  const tables = vault.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    lines.push(`table ${name}`);
    for (const row of vault.db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).iterate())
      lines.push(`row ${name} ${JSON.stringify(row)}`);
  }
  const walk = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('vault.db')) continue; // the database itself is covered by the rows
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else lines.push(`file ${prefix}${entry.name} ${statSync(full).size}`);
    }
  };
  walk(vault.dir, '');
  return lines;
}

/** SHA-256 over every table's rows (in rowid order) and the names and sizes of files in the vault folder. */
export function vaultDigest(vault: OpenVault): string {
  const hash = createHash('sha256');
  for (const line of vaultSnapshot(vault)) hash.update(`${line}\n`);
  return hash.digest('hex');
}
