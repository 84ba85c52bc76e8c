/**
 * The family's safety plan in Safe Home: its versions with their dates, each reviewed in a
 * session of the run; adding a version and recording the session it was reviewed in.
 */
import { useState, type FormEvent } from 'react';
import type { CaseSafeHomeView, SafetyPlanVersionView } from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { DateField, SelectField, TextAreaField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { checkUkDate, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { addSafetyPlanVersion, markSafetyPlanReviewed } from './safe-home-actions';
import styles from './SafeHome.module.css';

/** The runs the family's carers are in, and each run's sessions (from the journeys), to choose from. */
function runsOf(view: CaseSafeHomeView) {
  const runs = new Map<string, { title: string; sessions: { id: string; label: string }[] }>();
  for (const j of view.journeys) {
    if (runs.has(j.runId)) continue;
    runs.set(j.runId, {
      title: j.runTitle,
      sessions: j.sessions.map((s) => ({
        id: s.sessionId,
        label: `${s.kind === 'planned' ? 'Session' : 'Catch-up for session'} ${s.seq}, ${formatDate(s.sessionDate)}`,
      })),
    });
  }
  return runs;
}

function MarkReviewed({
  plan,
  sessions,
  onMessage,
}: {
  plan: SafetyPlanVersionView;
  sessions: { id: string; label: string }[];
  onMessage: (m: string) => void;
}) {
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = `plan-${plan.id}-session`;
  if (sessions.length === 0) return null;
  return (
    <div className={styles.inlineForm}>
      <SelectField
        id={id}
        label={`Session version ${plan.versionNo} was reviewed in`}
        value={sessionId}
        onValueChange={setSessionId}
        options={sessions.map((s) => ({ value: s.id, label: s.label }))}
        error={error}
      />
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setError(null);
          markSafetyPlanReviewed(plan.id, plan.version, sessionId)
            .then(() => onMessage(`Version ${plan.versionNo} of the safety plan is marked reviewed.`))
            .catch((err: unknown) => setError(errorMessage(err)));
        }}
      >
        Mark reviewed<span className="visually-hidden"> (version {plan.versionNo})</span>
      </button>
    </div>
  );
}

function AddVersion({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: CaseSafeHomeView;
  onDone: (m: string | null) => void;
}) {
  const runs = runsOf(view);
  const [runId, setRunId] = useState([...runs.keys()][0] ?? '');
  const [date, setDate] = useState(todayUk());
  const [content, setContent] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      'plan-date': checkUkDate(date, 'date of this version', true),
      'plan-content': content.trim() ? null : 'Write the safety plan.',
    };
    setErrors(found);
    setFormError(null);
    if (found['plan-date'] || found['plan-content']) {
      document.getElementById(found['plan-date'] ? 'plan-date' : 'plan-content')?.focus();
      return;
    }
    try {
      await addSafetyPlanVersion(runId, {
        caseId,
        versionDate: parseUkDate(date) ?? '',
        content: content.trim(),
        reviewedInSessionId: null,
      });
      onDone('A new version of the safety plan was added.');
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  return (
    <form noValidate onSubmit={submit} className="case-form" aria-labelledby="plan-add-heading">
      <h5 id="plan-add-heading">Add a version of the safety plan</h5>
      {runs.size > 1 && (
        <SelectField
          id="plan-run"
          label="Run"
          value={runId}
          onValueChange={setRunId}
          options={[...runs].map(([value, r]) => ({ value, label: r.title }))}
        />
      )}
      <DateField
        id="plan-date"
        label="Date of this version"
        value={date}
        onValueChange={setDate}
        error={errors['plan-date']}
      />
      <TextAreaField
        id="plan-content"
        label="The safety plan"
        value={content}
        onValueChange={setContent}
        error={errors['plan-content']}
        rows={6}
      />
      <FormError id="plan-add-error">{formError}</FormError>
      <div className="button-row">
        <button type="submit" className="button">
          Add the version
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function SafetyPlans({
  caseId,
  view,
  canWrite,
  onMessage,
}: {
  caseId: string;
  view: CaseSafeHomeView;
  canWrite: boolean;
  onMessage: (m: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  const runs = runsOf(view);
  return (
    <section aria-labelledby="safety-plan-heading" className={styles.section}>
      <h4 id="safety-plan-heading">Safety plan</h4>
      {view.safetyPlans.length === 0 ? (
        <p className="muted">No version of the family’s safety plan has been recorded.</p>
      ) : (
        <ol className={styles.sessions}>
          {view.safetyPlans.map((p) => (
            <li key={p.id} className={styles.session}>
              <p className={styles.sessionHead}>
                <strong>
                  Version {p.versionNo}, {formatDate(p.versionDate)}
                </strong>
                :{' '}
                {p.reviewedIn
                  ? `reviewed in session ${p.reviewedIn.seq} (${formatDate(p.reviewedIn.sessionDate)})`
                  : 'not yet reviewed in a session'}
                . Recorded by {p.createdByName}.
              </p>
              <p className={styles.noteText}>{p.content}</p>
              {canWrite && !p.reviewedIn && (
                <MarkReviewed plan={p} sessions={runs.get(p.runId)?.sessions ?? []} onMessage={onMessage} />
              )}
            </li>
          ))}
        </ol>
      )}
      {canWrite && runs.size > 0 && !adding && (
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          Add a version of the safety plan
        </button>
      )}
      {adding && (
        <AddVersion
          caseId={caseId}
          view={view}
          onDone={(m) => {
            setAdding(false);
            if (m) onMessage(m);
          }}
        />
      )}
    </section>
  );
}
