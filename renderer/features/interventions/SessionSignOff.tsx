/**
 * Signing a session note (asked first: once signed it is locked) and adding an addendum to a
 * signed one, the only way it is corrected. The core keeps who and when for both.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { InterventionSessionView } from '../../../preload/contract/interventions';
import { FormError } from '../../components/FormError';
import { TextAreaField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { addSessionAddendum, signSession } from './interventions-actions';
import styles from './Interventions.module.css';

export function SignSession({ s, onDone }: { s: InterventionSessionView; onDone: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = formatDate(s.sessionDate);

  async function sign() {
    if (busy) return;
    setBusy(true);
    try {
      await signSession(s);
      onDone(
        `The note of the session of ${when} was signed. It can no longer be edited: add an addendum to correct it.`,
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (!confirming) {
    return (
      <>
        <FormError id={`sign-session-${s.id}-error`}>{error}</FormError>
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          Sign the note<span className="visually-hidden"> of the session of {when}</span>
        </button>
      </>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-labelledby={`sign-session-${s.id}-question`}>
      <p id={`sign-session-${s.id}-question`}>
        Sign the note of the session of {when}? Once signed it cannot be edited: corrections are added as addenda.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={sign}
          aria-disabled={busy || undefined}
          autoFocus
        >
          {busy ? 'Signing…' : 'Yes, sign the note'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function SessionAddendumForm({
  s,
  onDone,
}: {
  s: InterventionSessionView;
  onDone: (message: string | null) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Opened from its button: the keyboard user lands in the field.
  useEffect(() => ref.current?.focus(), []);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setError('Write the correction or addition.');
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await addSessionAddendum(s, text.trim());
      onDone(`An addendum was added to the note of the session of ${formatDate(s.sessionDate)}.`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      className="inline-form"
      aria-label={`Add an addendum to the session of ${formatDate(s.sessionDate)}`}
    >
      <TextAreaField
        id={`session-addendum-${s.id}`}
        label="Addendum"
        hint="A correction or addition to the signed note. The signed note itself never changes."
        value={text}
        onValueChange={setText}
        error={error}
        rows={3}
        textAreaRef={ref}
        onSubmitShortcut={submit}
      />
      <div className="button-row">
        <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
          {busy ? 'Adding…' : 'Add the addendum'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
