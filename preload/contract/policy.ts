/**
 * The machine policy: a JSON file that a trust's IT puts on a managed laptop (see
 * `main/core/policy/README.md` for where it lives and what each setting does). The app reads it
 * once at start and never writes it; user settings can never go beyond it.
 *
 * Two sets of values stand in for a file's missing settings:
 * - {@link DEFAULT_MACHINE_POLICY}: no file, or a setting the file leaves out. A laptop that IT
 *   does not manage behaves as the app always has.
 * - {@link STRICTEST_MACHINE_POLICY}: the file is there but cannot be trusted (not JSON, a value
 *   out of range, a setting the app does not know). The app then assumes the tightest rules
 *   rather than guess what IT meant, and says why.
 */
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './common';
import { PUBLIC, channel, empty } from './define';

/** A whole number in a range, with one message for IT whatever is wrong with it. */
function wholeNumber(min: number, max: number, unit: string) {
  const error = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const yesNo = z.boolean({ error: 'must be true or false (without quotes)' });

/** An absolute folder path on Windows (`C:\...`, `\\server\...`) or macOS / Linux (`/...`). */
const absoluteFolderSchema = z
  .string({ error: 'must be a folder path in quotes, or null' })
  .min(1, 'must be a folder path in quotes, or null')
  .max(1000, 'must be a folder path of at most 1,000 characters')
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be a full folder path (starting with / or a drive letter)');

/**
 * What a policy file may hold. Every setting is optional (a left-out one takes its default), and
 * an unknown setting makes the file invalid: a misspelt name would otherwise be silently
 * ignored while IT believes it is in force.
 */
export const machinePolicyFileSchema = z
  .object({
    /** The longest the vault may stay open without activity before it locks (minutes, 1-60). */
    maxIdleLockMinutes: wholeNumber(1, 60, 'minutes'),
    /** The shortest new password allowed (characters); never below the app's own floor of 12. */
    minPasswordLength: wholeNumber(MIN_PASSWORD_LENGTH, 128, 'characters'),
    /** Whether a case may be sent as a passphrase bundle (readable without the app). */
    passphraseBundlesAllowed: yesNo,
    /** Whether case documents and reports may be saved from the app as files. */
    documentExportAllowed: yesNo,
    /** Where scheduled backups go (a full folder path); the app's own folder when absent. */
    backupFolder: absoluteFolderSchema.nullable(),
    /** How many scheduled backups to keep (1-365). */
    backupCount: wholeNumber(1, 365, 'backups'),
    /** The age in days after which the last backup is reported as too old (1-365). */
    backupMaxAgeDays: wholeNumber(1, 365, 'days'),
    /** Where the vault folder must be (a full folder path); the user's profile folder when absent. */
    vaultLocation: absoluteFolderSchema.nullable(),
  })
  .partial()
  .strict();

export type MachinePolicyFile = z.infer<typeof machinePolicyFileSchema>;

/** The policy in force: every setting has a value. */
export interface MachinePolicy {
  maxIdleLockMinutes: number;
  minPasswordLength: number;
  passphraseBundlesAllowed: boolean;
  documentExportAllowed: boolean;
  backupFolder: string | null;
  backupCount: number;
  backupMaxAgeDays: number;
  vaultLocation: string | null;
}

/**
 * No policy file (an unmanaged laptop), or a setting the file leaves out. Why each value:
 * - idle lock at most 10 minutes: the app's own idle lock, short enough for a laptop left in a
 *   shared office or a family's home, long enough to write a note;
 * - passwords of 12 or more: the app's floor (three random words is about that long);
 * - passphrase bundles and document export allowed: the service's normal work needs them (a
 *   colleague outside the app, a report for the court);
 * - backups: the app's own folder, 7 kept, a warning once the last is more than 7 days old
 *   (a week's work is the most a lost laptop should cost).
 */
export const DEFAULT_MACHINE_POLICY: MachinePolicy = {
  maxIdleLockMinutes: 10,
  minPasswordLength: MIN_PASSWORD_LENGTH,
  passphraseBundlesAllowed: true,
  documentExportAllowed: true,
  backupFolder: null,
  backupCount: 7,
  backupMaxAgeDays: 7,
  vaultLocation: null,
};

/**
 * A policy file that cannot be trusted. Why each value: whatever IT meant, it was not looser than
 * this, so nothing the file might have forbidden is allowed.
 * - idle lock at most 5 minutes and passwords of 16 or more: tighter than any default;
 * - no passphrase bundles and no document export: both put readable case data outside the app;
 * - backups: kept as the defaults (7 in the app's folder) but reported as too old after 1 day,
 *   so the administrator hears about a backup problem as early as possible. Keeping fewer
 *   backups would be no safer: they are encrypted like the vault.
 */
export const STRICTEST_MACHINE_POLICY: MachinePolicy = {
  maxIdleLockMinutes: 5,
  minPasswordLength: 16,
  passphraseBundlesAllowed: false,
  documentExportAllowed: false,
  backupFolder: null,
  backupCount: 7,
  backupMaxAgeDays: 1,
  vaultLocation: null,
};

/** Where the policy in force came from. */
export type MachinePolicySource =
  /** The file was read and is valid. */
  | 'file'
  /** There is no file: the defaults are in force (normal on a laptop IT does not manage). */
  | 'defaults'
  /** The file is there but invalid: the strictest values are in force (see `problems`). */
  | 'strictest';

/** The policy in force, where it came from, and what is wrong with the file, if anything. */
export interface MachinePolicyStatus {
  policy: MachinePolicy;
  source: MachinePolicySource;
  /** The file the app read, or looked for. */
  path: string;
  /** Why the file was not used, one sentence each in words; empty when it was (or is absent). */
  problems: string[];
}

export const policyChannels = {
  /**
   * The machine policy in force. Public: the first-run and recovery screens set passwords
   * before anyone is signed in, and need the minimum length. It holds no case data.
   */
  'policy:get': channel<MachinePolicyStatus>()(empty, PUBLIC),
} as const;
