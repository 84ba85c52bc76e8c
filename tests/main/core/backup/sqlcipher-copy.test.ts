/**
 * How copies of a SQLCipher database behave in better-sqlite3-multiple-ciphers, pinned so a
 * library upgrade that changed it would fail here rather than write plaintext:
 * - `db.backup()` (SQLite's online backup API) opens its destination with no key, and
 *   SQLite3MultipleCiphers refuses to copy an encrypted database into it: no page is written
 *   (an empty file is left, which is why the backup code does not use it);
 * - `VACUUM INTO` writes the copy with the main database's key and cipher settings: it opens
 *   with the vault's key, not without it, and holds no plaintext.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../../main/core/db/connection';
import { tempDirs } from '../temp-vault';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';

const dirs = tempDirs('ncats-copy-');
let dir: string;
let key: Buffer;
beforeEach(() => {
  dir = dirs.make();
  key = randomBytes(32);
  const db = openEncrypted(join(dir, 'source.db'), key);
  db.exec('CREATE TABLE t (x TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < 500; i += 1) insert.run(`MARKER-Quillfeather-${i}`);
  db.close();
});
afterEach(() => dirs.cleanup());

function holdsPlaintext(file: string): boolean {
  const bytes = readFileSync(file);
  return bytes.includes(Buffer.from('Quillfeather')) || bytes.includes(Buffer.from('SQLite format 3'));
}

describe('copying an encrypted database', () => {
  it('db.backup() refuses an unkeyed destination and writes no page to it', async () => {
    const db = openEncrypted(join(dir, 'source.db'), key);
    try {
      await expect(db.backup(join(dir, 'copy.db'))).rejects.toThrow(/incompatible source and target/);
      expect(statSync(join(dir, 'copy.db')).size).toBe(0);
    } finally {
      db.close();
    }
  });

  it('VACUUM INTO writes a copy under the same key, with no plaintext', () => {
    const db = openEncrypted(join(dir, 'source.db'), key);
    try {
      db.prepare('VACUUM INTO ?').run(join(dir, 'copy.db'));
    } finally {
      db.close();
    }
    expect(holdsPlaintext(join(dir, 'copy.db'))).toBe(false);
    expect(holdsPlaintext(join(dir, 'source.db'))).toBe(false);
    const copy = openEncrypted(join(dir, 'copy.db'), key, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) FROM t').pluck().get()).toBe(500);
      expect(copy.pragma('cipher', { simple: true })).toBe('sqlcipher');
    } finally {
      copy.close();
    }
    const unkeyed = new Database(join(dir, 'copy.db'), { readonly: true });
    try {
      expect(() => unkeyed.prepare('SELECT count(*) FROM t').get()).toThrow(/not a database|file is encrypted/);
    } finally {
      unkeyed.close();
    }
    // And a different key does not open it either.
    expect(() => openEncrypted(join(dir, 'copy.db'), randomBytes(32), { readonly: true })).toThrow();
  });
});
