import type { AppErrorShape, ErrorCode } from '../../preload/contract';

/**
 * An error meant for the user: a stable code and a plain-English message.
 * Anything else thrown inside a handler becomes INTERNAL, and its message is not shown,
 * because it may contain SQL or paths.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}

/** Map file-system failures to errors a user can act on; rethrow the rest unchanged. */
export function fsError(err: unknown, what: string): never {
  // Node reports errno names; better-sqlite3 reports SQLite result codes: SQLITE_FULL, and
  // SQLITE_IOERR_SHMSIZE when the WAL index cannot grow (a full disk), SQLITE_READONLY and its
  // extended codes such as SQLITE_READONLY_DIRECTORY.
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') {
    throw new AppError(
      'DISK_FULL',
      `The disk is full, so ${what} could not be saved. Nothing was changed. Free some space and try again.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code?.startsWith('SQLITE_READONLY')) {
    throw new AppError(
      'READ_ONLY_LOCATION',
      `The vault folder cannot be written to, so ${what} could not be saved. Nothing was changed.`,
    );
  }
  throw err;
}
