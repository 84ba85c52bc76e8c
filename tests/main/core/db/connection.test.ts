import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction, openEncrypted } from '../../../../main/core/db/connection';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('openEncrypted', () => {
  it('writes an encrypted file that reopens with the same key and applies the safety pragmas', () => {
    const file = join(dirs.make(), 'x.db');
    const key = randomBytes(32);
    const db = openEncrypted(file, key);
    db.exec("CREATE TABLE t (v TEXT) STRICT; INSERT INTO t VALUES ('a secret value');");
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();

    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('a secret value'))).toBe(false);

    const again = openEncrypted(file, Buffer.from(key));
    expect(again.prepare('SELECT v FROM t').get()).toEqual({ v: 'a secret value' });
    again.close();
  });

  it('a wrong key: VAULT_CORRUPT', () => {
    const file = join(dirs.make(), 'x.db');
    const db = openEncrypted(file, randomBytes(32));
    db.exec('CREATE TABLE t (v TEXT)');
    db.close();
    expect(() => openEncrypted(file, randomBytes(32))).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }));
  });

  it('rejects a key that is not 32 bytes', () => {
    const file = join(dirs.make(), 'x.db');
    expect(() => openEncrypted(file, randomBytes(16))).toThrow('32 bytes');
    expect(existsSync(file)).toBe(false);
  });

  it('inTransaction rolls back on a throw', () => {
    const db = openEncrypted(join(dirs.make(), 'x.db'), randomBytes(32));
    db.exec('CREATE TABLE t (v INTEGER) STRICT');
    expect(() =>
      inTransaction(db, () => {
        db.exec('INSERT INTO t VALUES (1)');
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    db.close();
  });
});
