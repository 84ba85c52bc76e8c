import { useState, type FormEvent } from 'react';
import { CheckboxField } from '../../components/fields';
import { acknowledgeRecoveryKey } from '../../lib/session';
import { useActivityTouch } from '../../lib/useActivityTouch';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { AuthLayout } from './AuthLayout';
import styles from './RecoveryKeyScreen.module.css';

/**
 * Shown once, straight after the vault is created. The key is never stored by the app, so this
 * is the only chance to write it down; Continue stays unavailable until the user says they have.
 */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const [confirmed, setConfirmed] = useState(false);
  const [showError, setShowError] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // The vault is already unlocked here, and losing this screen to the idle lock would lose the
  // key for good: count the user's activity while they copy it out.
  useActivityTouch(true);
  const groups = recoveryKey.split(/[\s-]+/).filter(Boolean);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!confirmed) {
      setShowError(true);
      document.getElementById('recovery-confirm')?.focus();
      return;
    }
    acknowledgeRecoveryKey();
  }

  return (
    <AuthLayout title="Write down your recovery key" headingId="recovery-heading" headingRef={heading} wide>
      <p className="lead">
        This is the only time the app will show this key. Write it down now, on paper, exactly as shown.
      </p>
      <div className={styles.key} aria-labelledby="recovery-key-label" role="group">
        <p id="recovery-key-label" className={styles.label}>
          Recovery key
        </p>
        <p className={styles.value} data-testid="recovery-key">
          {groups.map((group, i) => (
            <span key={i} className="recovery-key__group">
              {group}
              {i < groups.length - 1 && <span className="visually-hidden"> </span>}
            </span>
          ))}
        </p>
      </div>
      <h2>What it is for</h2>
      <ul className="list">
        <li>It opens the vault if every password is forgotten, and lets you set a new password.</li>
        <li>
          <strong>Anyone who has it can read every record in the vault.</strong> Treat it like the key to the filing
          cabinet.
        </li>
        <li>
          Store it offline: for example, in a sealed envelope in the service&apos;s safe. Never in an email, a photo, a
          document on this laptop or a password manager shared with others.
        </li>
      </ul>
      <form noValidate onSubmit={submit}>
        <CheckboxField
          id="recovery-confirm"
          label="I have written down the recovery key and stored it safely"
          checked={confirmed}
          onCheckedChange={setConfirmed}
          error={
            showError && !confirmed ? 'Confirm that you have written down the recovery key and stored it safely.' : null
          }
          announce
        />
        <button type="submit" className="button" aria-disabled={!confirmed || undefined}>
          Continue
        </button>
      </form>
    </AuthLayout>
  );
}
