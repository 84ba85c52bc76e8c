/**
 * The machine policy in words, for the Settings screen: each setting's name, its value as a
 * clinician would say it, and where the value came from. Pure, so it is tested without a page.
 */
import type { MachinePolicy, MachinePolicyStatus } from '../../../preload/contract';

/**
 * A row about a setting of the file, or `backupSchedule`: how often backups are taken, which the
 * file does not set but follows from `backupMaxAgeDays` (the scheduler's interval is a day, or
 * the maximum age if that were shorter), shown so the backup settings in force read as a whole.
 */
export type PolicyRowSetting = keyof MachinePolicy | 'backupSchedule';

export interface PolicyRow {
  setting: PolicyRowSetting;
  /** What the setting is about. */
  label: string;
  /** Its value in force, in words. */
  value: string;
  /** Where that value came from, in words. */
  from: string;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * What `backup:status` says of the schedule on this laptop (administrators only): the folder
 * backups really go to (the app's own has a path only the running app knows), or null when this
 * copy of the app takes no scheduled backups.
 */
export interface BackupsInForce {
  folder: string | null;
}

/** How often the schedule backs up, in words (main/core/backup/scheduler.ts: `intervalMs`). */
function scheduleInWords(policy: MachinePolicy, inForce: BackupsInForce | undefined): string {
  if (inForce && !inForce.folder)
    return 'None in this copy of the app: an administrator takes backups with ncats backup.';
  const everyDays = Math.min(1, policy.backupMaxAgeDays);
  const every = everyDays === 1 ? 'once a day' : `every ${plural(everyDays, 'day', 'days')}`;
  return `While the vault is open, a backup is taken ${every} (when the last is more than a day old); a failed one is tried again after 15 minutes.`;
}

function folderInWords(policy: MachinePolicy, inForce: BackupsInForce | undefined): string {
  if (policy.backupFolder) return policy.backupFolder;
  if (!inForce) return 'The app’s own folder on this laptop.';
  if (!inForce.folder) return 'None: this copy of the app takes no scheduled backups.';
  return `The app’s own folder on this laptop: ${inForce.folder}`;
}

function valueInWords(
  policy: MachinePolicy,
  inForce: BackupsInForce | undefined,
): Record<PolicyRowSetting, [label: string, value: string]> {
  return {
    maxIdleLockMinutes: [
      'Idle lock',
      `The vault locks after at most ${plural(policy.maxIdleLockMinutes, 'minute', 'minutes')} without activity.`,
    ],
    minPasswordLength: [
      'Passwords',
      `New passwords must be at least ${plural(policy.minPasswordLength, 'character', 'characters')} long.`,
    ],
    passphraseBundlesAllowed: [
      'Passphrase bundles',
      policy.passphraseBundlesAllowed
        ? 'Allowed: a case may be sent to someone without the app, protected by a passphrase.'
        : 'Not allowed: cases can be sent only to colleagues whose key card you hold.',
    ],
    documentExportAllowed: [
      'Saving documents and reports',
      policy.documentExportAllowed
        ? 'Allowed: documents and reports may be saved as files (each save is recorded).'
        : 'Not allowed: documents and reports can be read in the app only.',
    ],
    backupFolder: ['Backup folder', folderInWords(policy, inForce)],
    backupCount: ['Backups kept', `The newest ${plural(policy.backupCount, 'backup is', 'backups are')} kept.`],
    backupMaxAgeDays: [
      'Backup warning',
      `Administrators are warned when the last backup is more than ${plural(policy.backupMaxAgeDays, 'day', 'days')} old.`,
    ],
    backupSchedule: ['Backup schedule', scheduleInWords(policy, inForce)],
    vaultLocation: ['Vault location', policy.vaultLocation ?? 'Your own profile folder on this laptop.'],
  };
}

function origin(status: MachinePolicyStatus, setting: PolicyRowSetting): string {
  // No file and no user setting chooses the schedule: it is the app's rule, within the maximum age.
  if (setting === 'backupSchedule') return 'The app’s own rule, within the backup warning above.';
  if (status.source === 'strictest') return 'The strictest setting, because the policy file could not be used.';
  if (status.setInFile.includes(setting)) return 'Set by your trust’s IT.';
  return status.source === 'file' ? 'The app’s default (the policy file does not set it).' : 'The app’s default.';
}

/** One row per setting, in the order IT's file lists them (the schedule after the backup ones). */
export function policyRows(status: MachinePolicyStatus, backups?: BackupsInForce): PolicyRow[] {
  return Object.entries(valueInWords(status.policy, backups)).map(([setting, [label, value]]) => {
    const key = setting as PolicyRowSetting;
    return { setting: key, label, value, from: origin(status, key) };
  });
}

/** Where the policy as a whole came from, one sentence. */
export function policySourceSentence(status: MachinePolicyStatus): string {
  switch (status.source) {
    case 'file':
      return `These rules come from the policy file your trust’s IT put on this laptop (${status.path}). They cannot be changed in the app.`;
    case 'defaults':
      return `Your trust’s IT has not set a policy on this laptop (there is no file at ${status.path || 'the usual place'}), so the app’s own defaults apply.`;
    case 'strictest':
      return `The policy file at ${status.path} could not be used, so the strictest rules are in force until your trust’s IT corrects it.`;
  }
}
