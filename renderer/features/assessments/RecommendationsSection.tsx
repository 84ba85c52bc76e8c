import { useRef, useState, type FormEvent } from 'react';
import {
  RECOMMENDATION_GROUPS,
  RECOMMENDATION_GROUP_LABELS,
  type AssessmentView,
  type RecommendationGroup,
} from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { SelectField, TextAreaField } from '../cases/case-page/fields';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { addRecommendation, removeRecommendation } from './assessment-actions';
import styles from './AssessmentTab.module.css';

function AddRecommendationForm({ onDone }: { onDone: (text: string) => void }) {
  const [group, setGroup] = useState<RecommendationGroup>('case_management');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [timescale, setTimescale] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = {
      text: text.trim() ? null : 'Write the recommendation.',
      owner: owner.trim() ? null : 'Say who owns the recommendation.',
      timescale: timescale.trim() ? null : 'Give a timescale.',
    };
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await addRecommendation({ group, text: text.trim(), owner: owner.trim(), timescale: timescale.trim() });
      setText('');
      setOwner('');
      setTimescale('');
      onDone(`${RECOMMENDATION_GROUP_LABELS[group]} recommendation added.`);
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="add-recommendation-heading">
      <h5 id="add-recommendation-heading">Add a recommendation</h5>
      <FormError id="add-recommendation-error">{formError}</FormError>
      <SelectField
        id="recommendation-group"
        label="Group"
        value={group}
        onValueChange={setGroup}
        options={RECOMMENDATION_GROUPS.map((g) => ({ value: g, label: RECOMMENDATION_GROUP_LABELS[g] }))}
      />
      <TextAreaField
        id="recommendation-text"
        label="Recommendation"
        value={text}
        onValueChange={setText}
        error={errors.text}
        rows={2}
      />
      <div className="form-columns">
        <TextField
          id="recommendation-owner"
          label="Owner"
          hint="A person or agency, e.g. the allocated social worker"
          value={owner}
          onValueChange={setOwner}
          error={errors.owner}
          autoComplete="off"
        />
        <TextField
          id="recommendation-timescale"
          label="Timescale"
          hint="e.g. within 4 weeks"
          value={timescale}
          onValueChange={setTimescale}
          error={errors.timescale}
          autoComplete="off"
        />
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Adding…' : 'Add recommendation'}
      </button>
    </form>
  );
}

/** Recommendations in their four groups, each item with its owner and timescale. */
export function RecommendationsSection({ assessment, canWrite }: { assessment: AssessmentView; canWrite: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const editable = canWrite && assessment.state === 'open';
  function announce(text: string) {
    setMessage(text);
    focusLater(() => messageRef.current);
  }
  return (
    <section aria-labelledby="recommendations-heading" className={styles.section}>
      <h4 id="recommendations-heading">Recommendations</h4>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {RECOMMENDATION_GROUPS.map((g) => {
        const items = assessment.recommendations.filter((r) => r.group === g);
        return (
          <div key={g} className={styles.group}>
            <h5>{RECOMMENDATION_GROUP_LABELS[g]}</h5>
            {items.length === 0 ? (
              <p className="muted">None yet: the report needs at least one.</p>
            ) : (
              <ul className={styles.records}>
                {items.map((r) => (
                  <li key={r.id} className={styles.record}>
                    <p>{r.text}</p>
                    <p className="muted">
                      Owner: {r.owner}. Timescale: {r.timescale}.
                    </p>
                    {editable && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() =>
                          void removeRecommendation(r.id, r.version).then(
                            () => announce('Recommendation removed.'),
                            (err: unknown) => announce(errorMessage(err)),
                          )
                        }
                      >
                        Remove<span className="visually-hidden">: {r.text}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {editable && <AddRecommendationForm onDone={announce} />}
    </section>
  );
}
