import { useEffect, useRef, useState } from 'react';
import type { ColleagueStatus, ColleagueView } from '../../../preload/contract/bundles';
import { FormError } from '../../components/FormError';
import { FileField, TextField } from '../../components/fields';
import { call, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useSharingStore } from '../../stores/sharing';
import { Fingerprint } from './Fingerprint';
import { loadColleagues } from './sharing-actions';
import styles from './Colleagues.module.css';

const STATUS_LABELS: Record<ColleagueStatus, string> = {
  verified: 'Verified',
  unverified: 'Not verified yet',
  revoked: 'Revoked',
};

function StatusTag({ status }: { status: ColleagueStatus }) {
  return <span className={`tag tag--${status}`}>{STATUS_LABELS[status]}</span>;
}

/** The colleague directory: import a card, compare the fingerprint, mark verified, revoke. */
export function Colleagues({ canChange }: { canChange: boolean }) {
  const colleagues = useSharingStore((s) => s.colleagues);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    loadColleagues().catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  async function run(action: () => Promise<ColleagueView>, done: (c: ColleagueView) => string) {
    setError(null);
    setMessage(null);
    try {
      const c = await action();
      await loadColleagues();
      setMessage(done(c));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section aria-labelledby="sharing-view-heading">
      <p className="lead">
        Add a colleague’s key card, then compare the fingerprint with them in person or by phone before marking it
        verified. Cases can only be sent to verified colleagues.
      </p>
      <FormError id="colleagues-error">{error}</FormError>
      <div role="status" className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {canChange && (
        <ImportCard
          onImport={(cardText) => run(() => call('colleague:importCard', { cardText }), importedMessage)}
          onError={setError}
        />
      )}
      <h3>Your colleagues</h3>
      {colleagues && colleagues.length === 0 && <p>No colleagues yet. Import a key card to add one.</p>}
      {colleagues && colleagues.length > 0 && (
        <ul className={styles.list}>
          {colleagues.map((c) => (
            <ColleagueItem key={c.id} colleague={c} canChange={canChange} run={run} />
          ))}
        </ul>
      )}
    </section>
  );
}

function importedMessage(c: ColleagueView): string {
  return c.status === 'verified'
    ? `${c.name}’s card was already verified.`
    : `${c.name} was added. Ask them to read you their fingerprint and check it matches the one shown below, then mark the card as verified.`;
}

function ImportCard({
  onImport,
  onError,
}: {
  onImport: (text: string) => Promise<void>;
  onError: (m: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function choose(file: File | undefined) {
    if (!file) return;
    if (file.size > 20_000) {
      onError('That file is too large to be a key card. Key cards end in .ncatscard.');
      return;
    }
    setBusy(true);
    try {
      await onImport(await file.text());
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <FileField
      id="colleague-card-file"
      label="Import a colleague’s key card"
      hint="Choose the .ncatscard file they gave you."
      accept=".ncatscard,application/json"
      inputRef={input}
      disabled={busy}
      onFile={(file) => void choose(file ?? undefined)}
    />
  );
}

function ColleagueItem({
  colleague: c,
  canChange,
  run,
}: {
  colleague: ColleagueView;
  canChange: boolean;
  run: (action: () => Promise<ColleagueView>, done: (c: ColleagueView) => string) => Promise<void>;
}) {
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const headingId = `colleague-${c.id}`;
  return (
    <li className={styles.colleague} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h4 id={headingId} className={styles.name}>
          {c.name}
        </h4>
        <StatusTag status={c.status} />
      </div>
      <p className={styles.service}>{c.service}</p>
      <p className="colleague__fingerprint">
        <span className="field__hint">Fingerprint</span> <Fingerprint value={c.fingerprint} size="normal" />
      </p>
      <p className="field__hint">
        Added {formatDate(c.addedAt)}
        {c.verifiedAt ? `; verified ${formatDate(c.verifiedAt)}` : ''}
        {c.revokedAt ? `; revoked ${formatDate(c.revokedAt)}` : ''}
      </p>
      {c.status === 'unverified' && canChange && (
        <p className="field__hint">Only mark it verified once {c.name} has read you the same fingerprint.</p>
      )}
      {canChange && c.status !== 'revoked' && (
        <div className="button-row">
          {c.status === 'unverified' && (
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(
                  () => call('colleague:verify', { colleagueId: c.id }),
                  (v) => `${v.name}’s card is verified.`,
                )
              }
            >
              Mark {c.name} as verified
            </button>
          )}
          {!revoking && (
            <button type="button" className="button button--secondary" onClick={() => setRevoking(true)}>
              Revoke {c.name}’s card
            </button>
          )}
        </div>
      )}
      {revoking && (
        <form
          className="form-narrow"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => call('colleague:revoke', { colleagueId: c.id, reason }),
              (v) => `${v.name}’s card was revoked. Bundles can no longer be sent to it or accepted from it.`,
            );
          }}
        >
          <TextField
            id={`revoke-reason-${c.id}`}
            label="Why is the card revoked?"
            value={reason}
            onValueChange={setReason}
          />
          <div className="button-row">
            <button type="submit" className="button">
              Revoke the card
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRevoking(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
