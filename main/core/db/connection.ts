import Database from 'better-sqlite3-multiple-ciphers';
import { AppError, fsError } from '../errors';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better-sqlite3 native binding built for another runtime. Electron passes the
   * Electron-ABI build here while tests keep the Node build (DESIGN.md section 7).
   */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Open the SQLCipher 4 database with a raw 256-bit key.
 *
 * The key is given as SQLCipher's raw-key literal `x'<64 hex>'`, so no KDF runs inside SQLite:
 * the memory-hard KDF protects the key slots in the vault header instead. The same literal
 * opens the file in stock SQLCipher 4, which is what makes the recovery key useful without
 * this app. The literal is built in a Buffer that is wiped after use.
 */
export function openEncrypted(file: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  const dbOptions: Database.Options = { readonly: options.readonly ?? false };
  if (options.nativeBinding) dbOptions.nativeBinding = options.nativeBinding;
  const db = new Database(file, dbOptions);
  const literal = Buffer.from(`x'${key.toString('hex')}'`, 'latin1');
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(literal);
    // The first read proves the key: a wrong key or a file that is not a vault fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Inside the try: switching to WAL writes, so a full or read-only disk fails here, and the
    // handle must not be left open (it would pin the file and the key schedule in memory).
    applyPragmas(db, options.readonly ?? false);
  } catch (err) {
    db.close();
    const message = err instanceof Error ? err.message : String(err);
    if (/not a database|file is encrypted/i.test(message)) {
      throw new AppError(
        'VAULT_CORRUPT',
        'The vault database could not be opened with this key. It may be damaged or not a vault.',
      );
    }
    fsError(err, 'the vault database');
  } finally {
    literal.fill(0);
  }
  return db;
}

function applyPragmas(db: Db, readonly: boolean): void {
  // Temporary tables and sort spills stay in memory: SQLite's temp files would be plaintext.
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  // Deleted content is overwritten, so a removed record does not linger in free pages.
  db.pragma('secure_delete = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL skips the fsync of the log at each commit, so a power
    // cut (not a crashed process: the OS still holds those pages) can lose the last commits. A
    // clinical note the app has said is saved must survive that; the cost is one fsync a commit.
    db.pragma('synchronous = FULL');
  }
  db.pragma('busy_timeout = 5000');
  // A larger page cache than SQLite's 2 MB: every page read from the file is decrypted and its
  // HMAC checked, so a national vault's hot pages (the caseload's and the lists' indexes, a
  // case's rows) are kept decrypted in memory rather than decrypted again on every screen. In
  // memory only (never written to disk); 256 MiB at most, taken only as pages are read.
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/** The page cache of each connection, in KiB (SQLite's negative `cache_size`). */
export const PAGE_CACHE_KIB = 262_144;

/** Run `fn` in one transaction; a throw rolls everything back. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
