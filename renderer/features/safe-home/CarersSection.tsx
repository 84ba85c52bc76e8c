/**
 * The run's carers: each with their case, progress and completion in words, themes missed,
 * ratings before and after; enrolling a carer, their ratings, and withdrawing them.
 */
import { useRef, useState } from 'react';
import { WITHDRAWAL_REASON_LABELS, type EnrolmentView, type RunView } from '../../../preload/contract/safe-home';
import { formatDate } from '../../lib/dates';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { EnrolForm } from './EnrolForm';
import { COMPLETION_LABELS, ratingWords } from './labels';
import { RatingsForm } from './RatingsForm';
import { WithdrawForm } from './WithdrawForm';
import styles from './SafeHome.module.css';

type Open = { kind: 'enrol' } | { kind: 'rate' | 'withdraw'; enrolmentId: string } | null;

function CarerCard({
  e,
  canWrite,
  open,
  onOpen,
  onDone,
}: {
  e: EnrolmentView;
  canWrite: boolean;
  open: Open;
  onOpen: (o: Open) => void;
  onDone: (saved: string | null) => void;
}) {
  const p = e.progress;
  const mine = open && open.kind !== 'enrol' && open.enrolmentId === e.id ? open.kind : null;
  return (
    <li className={styles.card} aria-labelledby={`carer-${e.id}-name`}>
      <h4 id={`carer-${e.id}-name`} className={styles.cardTitle}>
        {e.carerName}
        {e.relationship ? `, ${e.relationship}` : ''} <span className={styles.caseRefInline}>({e.caseReference})</span>
      </h4>
      <p className={styles.completion}>
        <span className={`tag ${p.completion === 'completed' ? '' : 'tag--grey'}`}>
          {COMPLETION_LABELS[p.completion]}
        </span>{' '}
        {p.completionWords}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Enrolled</dt>
          <dd>{formatDate(e.enrolledOn)}</dd>
        </div>
        <div>
          <dt>Sessions attended</dt>
          <dd>
            {p.sessionsAttended} of {p.plannedSessions} planned ({p.sessionsHeld} held)
            {p.catchUpsAttended > 0 ? `, and ${p.catchUpsAttended} catch-up${p.catchUpsAttended === 1 ? '' : 's'}` : ''}
          </dd>
        </div>
        <div>
          <dt>Themes missed</dt>
          <dd>{p.themesMissed.length === 0 ? 'None' : p.themesMissed.map((t) => t.label).join('; ')}</dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>
            Before: {ratingWords(p.confidenceBefore)}; after: {ratingWords(p.confidenceAfter)}
          </dd>
        </div>
        <div>
          <dt>Knowledge</dt>
          <dd>
            Before: {ratingWords(p.knowledgeBefore)}; after: {ratingWords(p.knowledgeAfter)}
          </dd>
        </div>
        {e.withdrawal && (
          <div>
            <dt>Withdrew</dt>
            <dd>
              {formatDate(e.withdrawal.withdrawnOn)}: {WITHDRAWAL_REASON_LABELS[e.withdrawal.reason]}
              {e.withdrawal.detail ? `. ${e.withdrawal.detail}` : ''}
            </dd>
          </div>
        )}
      </dl>
      {canWrite && mine === null && (
        <div className="button-row button-row--tight">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onOpen({ kind: 'rate', enrolmentId: e.id })}
          >
            Ratings<span className="visually-hidden"> of {e.carerName}</span>
          </button>
          {!e.withdrawal && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onOpen({ kind: 'withdraw', enrolmentId: e.id })}
            >
              Withdraw<span className="visually-hidden"> {e.carerName}</span>
            </button>
          )}
        </div>
      )}
      {mine === 'rate' && <RatingsForm enrolment={e} onDone={onDone} />}
      {mine === 'withdraw' && <WithdrawForm enrolment={e} onDone={onDone} />}
    </li>
  );
}

export function CarersSection({
  run,
  canWrite,
  onMessage,
}: {
  run: RunView;
  canWrite: boolean;
  onMessage: (m: string) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const back = useRef<HTMLElement | null>(null);
  const focusLater = useFocusLater();

  function choose(o: Open) {
    back.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(o);
  }
  function done(saved: string | null) {
    setOpen(null);
    if (saved) onMessage(saved);
    else focusLater(() => back.current);
  }

  return (
    <section aria-labelledby="carers-heading" className="section">
      <h3 id="carers-heading">Carers</h3>
      {run.enrolments.length === 0 ? (
        <p className="muted">No parent or carer is enrolled yet.</p>
      ) : (
        <ul className={styles.cards}>
          {run.enrolments.map((e) => (
            <CarerCard key={e.id} e={e} canWrite={canWrite} open={open} onOpen={choose} onDone={done} />
          ))}
        </ul>
      )}
      {canWrite && open?.kind !== 'enrol' && (
        <button
          type="button"
          className={`button button--secondary ${styles.after}`}
          onClick={() => choose({ kind: 'enrol' })}
        >
          Enrol a parent or carer
        </button>
      )}
      {open?.kind === 'enrol' && <EnrolForm run={run} onDone={done} />}
    </section>
  );
}
