/**
 * The Settings screen's policy rows: the backup settings in force read as a whole (folder,
 * count, warning age and the schedule), each with where it came from; an administrator sees the
 * folder the schedule really uses.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE_POLICY, type MachinePolicyStatus } from '../../../preload/contract/policy';
import { policyRows } from '../../../renderer/features/settings/policy-words';

const managed: MachinePolicyStatus = {
  policy: { ...DEFAULT_MACHINE_POLICY, backupFolder: 'D:\\NCATS backups', backupCount: 14 },
  source: 'file',
  path: '/etc/ncats/policy.json',
  problems: [],
  setInFile: ['backupFolder', 'backupCount'],
};
const unmanaged: MachinePolicyStatus = {
  ...managed,
  policy: DEFAULT_MACHINE_POLICY,
  source: 'defaults',
  setInFile: [],
};

const row = (status: MachinePolicyStatus, setting: string, backups?: { folder: string | null }) =>
  policyRows(status, backups).find((r) => r.setting === setting);

describe('policyRows', () => {
  it('lists the backup settings together, the schedule after the warning', () => {
    const settings = policyRows(managed).map((r) => r.setting);
    const at = settings.indexOf('backupFolder');
    expect(settings.slice(at, at + 4)).toEqual(['backupFolder', 'backupCount', 'backupMaxAgeDays', 'backupSchedule']);
  });

  it('says where each backup setting came from', () => {
    expect(row(managed, 'backupFolder')).toMatchObject({ value: 'D:\\NCATS backups', from: 'Set by your trust’s IT.' });
    expect(row(managed, 'backupCount')?.value).toBe('The newest 14 backups are kept.');
    expect(row(managed, 'backupMaxAgeDays')?.from).toBe('The app’s default (the policy file does not set it).');
    expect(row(managed, 'backupSchedule')).toMatchObject({
      value: expect.stringContaining('a backup is taken once a day') as unknown,
      from: 'The app’s own rule, within the backup warning above.',
    });
  });

  it('names the app’s own folder for an administrator, and says when there is no schedule', () => {
    expect(row(unmanaged, 'backupFolder')?.value).toBe('The app’s own folder on this laptop.');
    expect(row(unmanaged, 'backupFolder', { folder: '/home/sam/.config/NCATS/backups' })?.value).toBe(
      'The app’s own folder on this laptop: /home/sam/.config/NCATS/backups',
    );
    expect(row(unmanaged, 'backupFolder', { folder: null })?.value).toBe(
      'None: this copy of the app takes no scheduled backups.',
    );
    expect(row(unmanaged, 'backupSchedule', { folder: null })?.value).toMatch(/^None in this copy of the app/);
    // The policy's folder is the policy's, whatever the schedule reports.
    expect(row(managed, 'backupFolder', { folder: null })?.value).toBe('D:\\NCATS backups');
  });
});
