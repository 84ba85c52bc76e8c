/**
 * "Policy set by your trust's IT": the machine policy in force, read-only. Each setting in words
 * with where its value came from; a policy file that could not be used is an alert listing why,
 * so the user can tell IT what to mend. The policy is the one the renderer's store holds (asked
 * for at start-up; asked again here if that failed), so this screen says what the others obey.
 * Administrators also see the backup folder really in use (`backup:status`, theirs only).
 */
import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { loadMachinePolicy, useMachinePolicy } from '../../stores/machine-policy';
import { SummaryList } from '../cases/case-page/SummaryList';
import type { SettingsSectionProps } from './settings-sections';
import { policyRows, policySourceSentence, type BackupsInForce } from './policy-words';
import styles from './Settings.module.css';

/** The schedule's folder for an administrator; undefined for others, or until it is known. */
function useBackupsInForce(admin: boolean): BackupsInForce | undefined {
  const [inForce, setInForce] = useState<BackupsInForce | undefined>(undefined);
  useEffect(() => {
    if (!admin) return;
    let live = true;
    call('backup:status', {}).then(
      (status) => live && setInForce({ folder: status.schedule.folder }),
      // The policy's own words stand without it.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [admin]);
  return inForce;
}

export function MachinePolicySection({ user }: SettingsSectionProps) {
  const status = useMachinePolicy((s) => s.status);
  const error = useMachinePolicy((s) => s.error);
  const backups = useBackupsInForce(user.role === 'administrator');
  useEffect(() => {
    if (!status) void loadMachinePolicy();
  }, [status]);

  if (!status && error) return <p className="form-error">{error}</p>;
  if (!status) return <p role="status">Loading the policy…</p>;
  return (
    <>
      {status.source === 'strictest' && (
        <div className="form-error" role="alert">
          <p className={styles.alertTitle}>The policy file could not be used</p>
          <ul>
            {status.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>Until your trust’s IT corrects it, the strictest rules below are in force.</p>
        </div>
      )}
      <p className={styles.path}>{policySourceSentence(status)}</p>
      <SummaryList
        label="Policy set by your trust’s IT"
        rows={policyRows(status, backups).map((row) => [
          row.label,
          <>
            <span className={styles.path}>{row.value}</span>
            <span className={styles.origin}>{row.from}</span>
          </>,
        ])}
      />
    </>
  );
}
