/**
 * The engine's limit: the same schema, rows and queries in an UNENCRYPTED SQLite copy of the
 * vault database, served by the same router. The copy holds only synthetic demo data, lives in
 * a scratch folder, and is deleted as soon as the comparison is done.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { handlers } from '../../main/core/core';
import { createRouter, type Router } from '../../main/core/ipc/router';
import type { SessionManager } from '../../main/core/session/session-manager';
import { OpenVault } from '../../main/core/vault/vault';

export interface PlainCopy {
  router: Router;
  vault: OpenVault;
  remove(): void;
}

/**
 * Export the open encrypted database to a plaintext file (VACUUM INTO and an
 * empty rekey), open it with the app's pragmas and wrap it in a router.
 */
export function plainCopyOf(encrypted: OpenVault, scratchDir: string): PlainCopy {
  const dir = join(scratchDir, 'plain');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'plain.db');
  // SQLite3MultipleCiphers has no sqlcipher_export(): copy the database with VACUUM INTO (which
  // keeps the vault's cipher and key), attach the copy (an ATTACH without KEY uses the main
  // database's key) and decrypt it in place with an empty rekey.
  encrypted.db.prepare('VACUUM INTO ?').run(file);
  encrypted.db.prepare('ATTACH DATABASE ? AS plain').run(file);
  try {
    encrypted.db.pragma(`plain.rekey = ''`);
  } finally {
    encrypted.db.prepare('DETACH DATABASE plain').run();
  }
  // Make sure the baseline really is plaintext (a keyed copy would make the ratio meaningless).
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  if (head.toString('latin1') !== 'SQLite format 3\0') throw new Error('the baseline copy is not plaintext SQLite');
  const db = new Database(file);
  // The same pragmas as db/connection.ts applies to the vault (temp_store, WAL, ...).
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const vault = new OpenVault(dir, db, Buffer.alloc(32), encrypted.user, {});
  // The router needs only "is a session open, and whose": a one-vault session over the copy.
  const session = {
    isUnlocked: () => true,
    current: () => vault,
    touch: () => undefined,
  } as unknown as SessionManager;
  return {
    router: createRouter(handlers, session),
    vault,
    remove() {
      vault.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
