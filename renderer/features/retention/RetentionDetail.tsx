/**
 * One case's retention, under the review list: every rule's date and why, the date of death, the
 * legal hold, and the two halves of a disposal. The administrator who proposed a disposal sees
 * it waiting; a different administrator sees the approval form, signed with their password.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../preload/contract';
import type { RetentionDetailView } from '../../../preload/contract/retention';
import { FormError } from '../../components/FormError';
import { DateField, TextField } from '../../components/fields';
import { call, errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';
import { CareExperienced } from './CareExperienced';
import { ReasonForm } from './ReasonForm';
import styles from './Retention.module.css';

interface Props {
  caseId: string;
  currentUser: SessionUser;
  onChanged: () => void;
  onDisposed: () => void;
  onClose: () => void;
}

function ApproveForm({ detail, onDisposed }: { detail: RetentionDetailView; onDisposed: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!password) return setError('Enter your password.');
    try {
      setBusy(true);
      setError(null);
      await call('disposal:approve', { caseId: detail.caseId, password });
      onDisposed();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Approve disposal">
      <p>
        Approving removes every record and document of {detail.reference} for good. Only its reference, dates and the
        two approvers are kept.
      </p>
      <TextField
        id="disposal-password"
        label="Your password, to sign the approval"
        type="password"
        autoComplete="current-password"
        value={password}
        onValueChange={setPassword}
        error={error}
      />
      <button type="submit" className="button button--warning" aria-disabled={busy}>
        Approve disposal of {detail.reference}
      </button>
    </form>
  );
}

function DeathForm({ detail, onSaved }: { detail: RetentionDetailView; onSaved: (d: RetentionDetailView) => void }) {
  const [text, setText] = useState(isoToUk(detail.dateOfDeath));
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = checkUkDate(text, 'date of death', false);
    if (problem) return setError(problem);
    try {
      setError(null);
      onSaved(
        await call('retention:setDateOfDeath', {
          caseId: detail.caseId,
          dateOfDeath: text.trim() ? parseUkDate(text) : null,
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Date of death">
      <DateField
        id="retention-death"
        label="Date of death, if known"
        value={text}
        onValueChange={setText}
        error={error}
      />
      <button type="submit" className="button button--secondary">
        Save date of death
      </button>
    </form>
  );
}

export function RetentionDetail({ caseId, currentUser, onChanged, onDisposed, onClose }: Props) {
  const [detail, setDetail] = useState<RetentionDetailView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    call('retention:get', { caseId }).then(
      (d) => live && setDetail(d),
      (err: unknown) => live && setFailure(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [caseId]);

  // The panel opened from the list: the focus moves to its heading once it has something to say
  // (once per case, not on each change made in it).
  const loadedCase = detail?.caseId;
  useEffect(() => {
    if (loadedCase) heading.current?.focus();
  }, [loadedCase]);

  function changed(d: RetentionDetailView) {
    setDetail(d);
    onChanged();
  }

  if (!detail) return <FormError id="retention-detail-error">{failure}</FormError>;
  const ownProposal = detail.proposal?.proposedById === currentUser.id;
  return (
    <section
      aria-labelledby="retention-detail-heading"
      className={`section ${styles.detail}`}
      data-testid="retention-detail"
    >
      <h2 id="retention-detail-heading" tabIndex={-1} ref={heading}>
        Retention of {detail.reference}
      </h2>
      <FormError id="retention-detail-error">{failure}</FormError>
      {detail.reviewDate ? (
        <p>
          {detail.careEnded === 'declined'
            ? `Referral declined ${formatDate(detail.closedOn)}: no care was given, so care ended that day and the rules count from it.`
            : `Closed ${formatDate(detail.closedOn)}.`}{' '}
          Review date <strong>{formatDate(detail.reviewDate)}</strong>
          {detail.due ? ' (reached).' : ' (not yet reached).'}
        </p>
      ) : (
        <p>This case is neither closed nor declined, so it has no review date.</p>
      )}
      {detail.candidates.length > 0 && (
        <ul className={styles.rules} aria-label="Retention rules that apply">
          {detail.candidates.map((c, i) => (
            <li key={c.rule} className={i === 0 ? styles.decided : undefined}>
              {formatDate(c.date)}: {c.because}
              {i === 0 && ' (the latest: this decides)'}
            </li>
          ))}
        </ul>
      )}
      <DeathForm detail={detail} onSaved={changed} />

      <CareExperienced detail={detail} onSaved={changed} />

      <h3>Legal hold</h3>
      {detail.legalHold ? (
        <>
          <p>
            <span className={styles.tag}>On legal hold:</span> {detail.holdReason}. It cannot be disposed of.
          </p>
          <ReasonForm
            id="hold-clear-reason"
            label="Why the hold is lifted"
            button="Lift legal hold"
            onSubmit={async (reason) => changed(await call('legalHold:clear', { caseId, reason }))}
          />
        </>
      ) : (
        <ReasonForm
          id="hold-set-reason"
          label="Why the records must be kept"
          button="Place legal hold"
          onSubmit={async (reason) => changed(await call('legalHold:set', { caseId, reason }))}
        />
      )}

      <h3>Disposal</h3>
      {detail.proposal ? (
        <>
          <p data-testid="disposal-proposal">
            Proposed by {detail.proposal.proposedByName} on {formatDateTime(detail.proposal.proposedAt)}:{' '}
            {detail.proposal.reason}
          </p>
          {ownProposal ? (
            <p>A second administrator must approve it, signed with their own password.</p>
          ) : (
            <ApproveForm detail={detail} onDisposed={onDisposed} />
          )}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              call('disposal:withdraw', { caseId }).then(changed, (err: unknown) => setFailure(errorMessage(err)))
            }
          >
            Withdraw the proposal
          </button>
        </>
      ) : detail.due && !detail.legalHold && (!detail.careExperienced || detail.careCheck) ? (
        <ReasonForm
          id="disposal-reason"
          label="Why these records can be disposed of"
          button="Propose disposal"
          warning
          onSubmit={async (reason) => changed(await call('disposal:propose', { caseId, reason }))}
        />
      ) : (
        <p>
          {detail.legalHold
            ? 'A held case cannot be disposed of.'
            : detail.due
              ? 'Record the care-experienced check above before proposing disposal.'
              : 'Disposal can be proposed once the review date is reached.'}
        </p>
      )}
      <p>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close {detail.reference}
        </button>
      </p>
    </section>
  );
}
