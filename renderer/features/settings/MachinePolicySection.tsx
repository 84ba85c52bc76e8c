/**
 * "Policy set by your trust's IT": the machine policy in force, read-only. Each setting in words
 * with where its value came from; a policy file that could not be used is an alert listing why,
 * so the user can tell IT what to mend.
 */
import { useEffect, useState } from 'react';
import type { MachinePolicyStatus } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { SummaryList } from '../cases/case-page/SummaryList';
import { policyRows, policySourceSentence } from './policy-words';
import styles from './Settings.module.css';

export function MachinePolicySection() {
  const [status, setStatus] = useState<MachinePolicyStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('policy:get', {}).then(setStatus, (err: unknown) => setError(errorMessage(err)));
  }, []);

  if (error) return <p className="form-error">{error}</p>;
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
        rows={policyRows(status).map((row) => [
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
