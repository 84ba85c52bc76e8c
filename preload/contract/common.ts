/**
 * Vocabulary shared by every domain of the contract: roles, errors, results, users, and the
 * field schemas every record uses (ids, dates, bounded text).
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Fields every record uses
// ---------------------------------------------------------------------------------------------

/** The id of any record (a UUID). */
export const idSchema = z.uuid('Not a valid record id.');

/** A calendar date, `YYYY-MM-DD`, that exists (no 31/04, no 29/02 outside leap years). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'That date does not exist.');

/** A moment in time, ISO 8601 with an offset (e.g. `2025-03-04T10:30:00Z`). */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'Enter a date and time.' });

/** Text trimmed of surrounding spaces, at most `max` characters. */
export const trimmedText = (max = 200) => z.string().trim().max(max);

/** Optional text: null when absent (the default), otherwise trimmed and at most `max` characters. */
export const optionalText = (max = 200) => trimmedText(max).nullable().default(null);

// ---------------------------------------------------------------------------------------------

export const ROLES = ['administrator', 'clinician', 'read-only'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Error codes a call can fail with. Each is distinct so the renderer can react precisely. */
export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'LOCKED',
  'FORBIDDEN',
  'NO_VAULT',
  'VAULT_EXISTS',
  'VAULT_CORRUPT',
  'VAULT_TOO_NEW',
  'WRONG_PASSWORD',
  'WRONG_RECOVERY_KEY',
  'RATE_LIMITED',
  'READ_ONLY_LOCATION',
  'DISK_FULL',
  'NOT_FOUND',
  'CONFLICT',
  'BUNDLE_REJECTED',
  /** Valid but unusual: the message says why; send again with the named acknowledgement to go ahead. */
  'CONFIRMATION_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** Plain UK English, fit to show to a clinician. Never contains case data or secrets. */
  message: string;
  /** For RATE_LIMITED: how long until the next attempt is allowed. */
  retryAfterMs?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'Use 2-32 letters, digits, dots, dashes or underscores.');

export const MIN_PASSWORD_LENGTH = 12;
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Passwords must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1024);

export const displayNameSchema = z.string().trim().min(1, 'Enter a name.').max(100);

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /**
   * Set after an administrator reset this user's password: until they choose a new one, every
   * channel but changing it (and locking) is refused, and the app shows only that form.
   */
  mustChangePassword?: true;
}

export interface UserSummary extends Omit<SessionUser, 'mustChangePassword'> {
  createdAt: string;
  disabled: boolean;
}

export type LockReason = 'explicit' | 'idle' | 'os-lock' | 'suspend' | 'shutdown';

export interface VaultStatus {
  /** absent: no vault yet (first run). locked: a vault exists, nobody signed in. */
  state: 'absent' | 'locked' | 'unlocked';
  vaultPath: string;
  user: SessionUser | null;
  idleLockMinutes: number;
  /** Why the last session ended, so the unlock screen can say so. */
  lastLockReason: LockReason | null;
}

export interface AuditVerification {
  ok: boolean;
  rowsChecked: number;
  /** First problem found, in words, with the row's sequence number. */
  problem: string | null;
}
