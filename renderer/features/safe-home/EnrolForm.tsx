/**
 * Enrol a parent or carer: find their case by its reference, choose the person from its People
 * tab (parents and carers only), the date, and optionally the ratings before and up to three
 * goals in the carer's words.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PersonView } from '../../../preload/contract';
import type { RunView } from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { DateField, SelectField, TextField } from '../../components/fields';
import { call, errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { checkUkDate, isoToUk, parseUkDate, todayIso, todayUk } from '../cases/case-page/uk-date';
import { GoalRows, type GoalDraft } from './GoalRows';
import { RatingSelect } from './RatingSelect';
import { enrolCarer } from './safe-home-actions';

/** The case with exactly this reference, or null (the caseload search also matches prefixes). */
async function caseIdFor(reference: string): Promise<string | null> {
  const page = await call('caseload:list', { search: reference, limit: 5, sort: 'reference', direction: 'asc' });
  return page.items.find((c) => c.reference.toLowerCase() === reference.toLowerCase())?.id ?? null;
}

export function EnrolForm({ run, onDone }: { run: RunView; onDone: (saved: string | null) => void }) {
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<{ caseId: string; reference: string; carers: PersonView[] } | null>(null);
  const [personId, setPersonId] = useState('');
  // A carer is on the registers from the day enrolled: for a run already under way, offer its start.
  const [enrolledOn, setEnrolledOn] = useState(() => (run.startDate < todayIso() ? isoToUk(run.startDate) : todayUk()));
  const [confidence, setConfidence] = useState<number | null>(null);
  const [knowledge, setKnowledge] = useState<number | null>(null);
  const [goals, setGoals] = useState<GoalDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function findCase() {
    setFormError(null);
    const ref = reference.trim();
    if (!ref) {
      setErrors({ 'enrol-reference': 'Enter the case reference, for example NC-2026-0001.' });
      markFailed();
      return;
    }
    try {
      const caseId = await caseIdFor(ref);
      if (!caseId) {
        setErrors({ 'enrol-reference': `There is no case ${ref}. Check the reference.` });
        markFailed();
        return;
      }
      const detail = await call('case:get', { caseId });
      const enrolled = new Set(run.enrolments.map((e) => e.personId));
      const carers = detail.people.filter((p) => p.kind === 'parent_carer' && !enrolled.has(p.id));
      setFound({ caseId, reference: detail.reference, carers });
      setPersonId(carers[0]?.id ?? '');
      setErrors({});
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!found) {
      await findCase();
      return;
    }
    const next: Record<string, string | null> = {
      'enrol-person': personId ? null : 'Choose the parent or carer to enrol.',
      'enrol-date': checkUkDate(enrolledOn, 'date of enrolment', true),
    };
    goals.forEach((g, i) => {
      if (!g.description.trim()) next[`enrol-goal-${i}`] = 'Write the goal in the carer’s words, or remove it.';
    });
    setErrors(next);
    setFormError(null);
    if (Object.values(next).some(Boolean)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await enrolCarer(run.id, {
        caseId: found.caseId,
        personId,
        enrolledOn: parseUkDate(enrolledOn) ?? '',
        confidenceBefore: confidence,
        knowledgeBefore: knowledge,
        goals: goals.map((g) => ({ id: null, description: g.description.trim(), baselineRating: g.baseline })),
      });
      const name = found.carers.find((p) => p.id === personId)?.name ?? 'The carer';
      onDone(`${name} (${found.reference}) is enrolled.`);
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="enrol-heading">
      <h4 id="enrol-heading" ref={heading} tabIndex={-1}>
        Enrol a parent or carer
      </h4>
      <TextField
        id="enrol-reference"
        label="Case reference"
        hint="The case of the young person the carer looks after."
        autoComplete="off"
        value={reference}
        onValueChange={(v) => {
          setReference(v);
          setFound(null);
        }}
        error={errors['enrol-reference']}
      />
      {!found && (
        <button type="button" className="button button--secondary" onClick={() => void findCase()}>
          Find the case
        </button>
      )}
      {found && found.carers.length === 0 && (
        <p className="notice">
          Case {found.reference} has no parent or carer on its People tab who is not already enrolled. Add them there
          first.
        </p>
      )}
      {found && found.carers.length > 0 && (
        <>
          <SelectField
            id="enrol-person"
            label={`Parent or carer on case ${found.reference}`}
            value={personId}
            onValueChange={setPersonId}
            options={found.carers.map((p) => ({
              value: p.id,
              label: p.relationship ? `${p.name} (${p.relationship})` : p.name,
            }))}
            error={errors['enrol-person']}
          />
          <DateField
            id="enrol-date"
            label="Date enrolled"
            value={enrolledOn}
            onValueChange={setEnrolledOn}
            error={errors['enrol-date']}
          />
          <div className="form-columns">
            <RatingSelect
              id="enrol-confidence"
              label="Confidence before (0-10)"
              value={confidence}
              onChange={setConfidence}
            />
            <RatingSelect
              id="enrol-knowledge"
              label="Knowledge before (0-10)"
              value={knowledge}
              onChange={setKnowledge}
            />
          </div>
          <GoalRows goals={goals} onChange={setGoals} errors={errors} idPrefix="enrol-goal" />
        </>
      )}
      <FormError id="enrol-error">{formError}</FormError>
      <div className="button-row">
        {found && found.carers.length > 0 && (
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? 'Enrolling…' : 'Enrol the carer'}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
