/**
 * Administration > Recovery key: make a new recovery key. The vault is re-keyed, so the old
 * key stops opening it; the new key is shown once, in the same layout as at creation, until the
 * administrator says it is written down. Backups taken before keep the key they were made with.
 */
import { useEffect, useRef, useState } from 'react';
import { CheckboxField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/api';
import { useActivityTouch } from '../../lib/useActivityTouch';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import keyStyles from '../vault/RecoveryKeyScreen.module.css';
import { rotateRecoveryKey } from './admin-actions';

function NewRecoveryKey({ recoveryKey, onWrittenDown }: { recoveryKey: string; onWrittenDown: () => void }) {
  const [confirmed, setConfirmed] = useState(false);
  const [showError, setShowError] = useState(false);
  // Losing this to the idle lock would lose the only copy of the key.
  useActivityTouch(true);
  const groups = recoveryKey.split(/[\s-]+/).filter(Boolean);
  return (
    <>
      <p>Write this key down now, on paper, exactly as shown. The app will not show it again.</p>
      <div className={keyStyles.key} aria-labelledby="new-recovery-key-label" role="group">
        <p id="new-recovery-key-label" className={keyStyles.label}>
          New recovery key
        </p>
        <p className={keyStyles.value} data-testid="new-recovery-key">
          {groups.map((group, i) => (
            <span key={i}>
              {group}
              {i < groups.length - 1 && <span className="visually-hidden"> </span>}
            </span>
          ))}
        </p>
      </div>
      <CheckboxField
        id="new-recovery-confirm"
        label="I have written down the new recovery key and stored it safely"
        checked={confirmed}
        onCheckedChange={setConfirmed}
        error={showError && !confirmed ? 'Confirm that you have written down the new recovery key.' : null}
        announce
      />
      <button
        type="button"
        className="button"
        aria-disabled={!confirmed || undefined}
        onClick={() => {
          if (confirmed) onWrittenDown();
          else {
            setShowError(true);
            document.getElementById('new-recovery-confirm')?.focus();
          }
        }}
      >
        Done
      </button>
    </>
  );
}

export function RecoveryKeyRotation() {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The heading takes the focus when the key appears and when it goes: after the dialog has
  // closed (its effect runs first and would give the focus back to a button no longer there).
  const shown = newKey !== null;
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [shown, finished]);

  async function rotate() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      setNewKey(await rotateRecoveryKey());
      setAsking(false);
      moved.current = true;
    } catch (err) {
      setAsking(false);
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="recovery-key-heading" className="section">
      <h2 id="recovery-key-heading" ref={heading} tabIndex={-1}>
        Recovery key
      </h2>
      {newKey ? (
        <NewRecoveryKey
          recoveryKey={newKey}
          onWrittenDown={() => {
            setNewKey(null);
            setFinished(true);
          }}
        />
      ) : (
        <>
          <p>
            Make a new recovery key if the written copy may have been seen, lost or copied. The vault is re-encrypted
            under the new key, so <strong>the old recovery key stops working</strong>. Everyone keeps their own
            password.
          </p>
          <p>
            <strong>Backups taken before today keep their own keys:</strong> an older backup still opens only with the
            recovery key that was in use when it was made. Keep that key with those backups until they are destroyed.
          </p>
          {finished && (
            <p className="result result--ok" role="status">
              The new recovery key is in use. The old one no longer opens this vault.
            </p>
          )}
          <FormError id="recovery-key-error">{failure}</FormError>
          <button type="button" className="button" onClick={() => setAsking(true)}>
            Make a new recovery key
          </button>
        </>
      )}
      <ConfirmDialog
        open={asking}
        title="Make a new recovery key?"
        confirmLabel={busy ? 'Making the new key…' : 'Make a new recovery key'}
        warning
        onConfirm={() => void rotate()}
        onCancel={() => setAsking(false)}
      >
        <p>
          The old recovery key will stop opening this vault. Have paper ready: the new key is shown once. This can take
          a minute on a large vault.
        </p>
      </ConfirmDialog>
    </section>
  );
}
