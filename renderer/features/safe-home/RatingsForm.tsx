/** A carer's ratings before and after (confidence, knowledge, 0-10) and their goals' latest ratings. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EnrolmentView } from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/api';
import { RatingSelect } from './RatingSelect';
import { rateCarer } from './safe-home-actions';

export function RatingsForm({
  enrolment,
  onDone,
}: {
  enrolment: EnrolmentView;
  onDone: (saved: string | null) => void;
}) {
  const p = enrolment.progress;
  const [confidenceBefore, setConfidenceBefore] = useState(p.confidenceBefore);
  const [knowledgeBefore, setKnowledgeBefore] = useState(p.knowledgeBefore);
  const [confidenceAfter, setConfidenceAfter] = useState(p.confidenceAfter);
  const [knowledgeAfter, setKnowledgeAfter] = useState(p.knowledgeAfter);
  const [goalRatings, setGoalRatings] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(p.goals.map((g) => [g.id, g.latest])),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const id = `ratings-${enrolment.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFormError(null);
    try {
      await rateCarer(enrolment.id, enrolment.version, {
        confidenceBefore,
        knowledgeBefore,
        confidenceAfter,
        knowledgeAfter,
        goalRatings: Object.entries(goalRatings)
          .filter((entry): entry is [string, number] => entry[1] !== null)
          .map(([goalId, rating]) => ({ goalId, rating })),
      });
      onDone(`${enrolment.carerName}’s ratings were saved.`);
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="case-form" aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Ratings of {enrolment.carerName}
      </h5>
      <div className="form-columns">
        <RatingSelect
          id={`${id}-cb`}
          label="Confidence before (0-10)"
          value={confidenceBefore}
          onChange={setConfidenceBefore}
        />
        <RatingSelect
          id={`${id}-ca`}
          label="Confidence after (0-10)"
          value={confidenceAfter}
          onChange={setConfidenceAfter}
        />
        <RatingSelect
          id={`${id}-kb`}
          label="Knowledge before (0-10)"
          value={knowledgeBefore}
          onChange={setKnowledgeBefore}
        />
        <RatingSelect
          id={`${id}-ka`}
          label="Knowledge after (0-10)"
          value={knowledgeAfter}
          onChange={setKnowledgeAfter}
        />
      </div>
      {p.goals.map((g, i) => (
        <RatingSelect
          key={g.id}
          id={`${id}-goal-${i}`}
          label={`Goal ${i + 1} now (0-10): ${g.description}`}
          hint={g.baseline === null ? 'Not rated at the start.' : `${g.baseline} at the start.`}
          value={goalRatings[g.id] ?? null}
          onChange={(v) => setGoalRatings((old) => ({ ...old, [g.id]: v }))}
        />
      ))}
      <FormError id={`${id}-error`}>{formError}</FormError>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Save the ratings'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
