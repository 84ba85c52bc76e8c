import { describe, expect, it } from 'vitest';
import { AppError, fsError } from '../../../main/core/errors';

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: something low-level at /some/path`), { code });
}

describe('fsError', () => {
  it.each(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE'])('maps %s to DISK_FULL', (code) => {
    expect(() => fsError(errno(code), 'the vault header')).toThrow(
      expect.objectContaining({ code: 'DISK_FULL', message: expect.stringContaining('the vault header') }),
    );
  });

  it.each(['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY'])(
    'maps %s to READ_ONLY_LOCATION',
    (code) => {
      expect(() => fsError(errno(code), 'the new vault')).toThrow(
        expect.objectContaining({ code: 'READ_ONLY_LOCATION' }),
      );
    },
  );

  it('never puts the low-level message (paths) into the user-facing one', () => {
    expect.assertions(1);
    try {
      fsError(errno('ENOSPC'), 'the vault header');
    } catch (err) {
      expect((err as Error).message).not.toContain('/some/path');
    }
  });

  it.each(['ENOTDIR', 'EISDIR', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN'])('passes %s through unchanged', (code) => {
    const original = errno(code);
    expect(() => fsError(original, 'x')).toThrow(original);
  });

  it('passes AppErrors and non-errors through unchanged', () => {
    const app = new AppError('LOCKED', 'locked');
    expect(() => fsError(app, 'x')).toThrow(app);
    expect(() => fsError(null, 'x')).toThrow();
  });
});
