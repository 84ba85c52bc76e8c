/**
 * Record or edit a consultation: the professionals' meeting, what was read, the network's
 * questions, the discussion, the recommendations and suitability. Checked here first (so the
 * clinician sees every problem at once, in UK English), and again by the core.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  MEETING_MODES,
  POLICE_INVESTIGATION_ANSWERS,
  SUITABILITIES,
  suitabilityNeedsReason,
  type ConsultationView,
  type DocumentView,
  type MeetingMode,
  type PersonView,
  type PoliceInvestigation,
  type Suitability,
} from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { TextAreaField } from '../cases/case-page/fields';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';
import { CheckboxList, RadioGroup } from './ChoiceFields';
import { createConsultation, updateConsultation } from './consultations-actions';
import { MEETING_MODE_LABELS, POLICE_LABELS, SUITABILITY_LABELS } from './labels';

interface Draft {
  meetingDate: string;
  meetingMode: MeetingMode | null;
  attendeeIds: string[];
  documentIds: string[];
  policeInvestigation: PoliceInvestigation | null;
  reason: string;
  networkQuestions: string;
  discussion: string;
  recommendations: string;
  suitability: Suitability | null;
  suitabilityReason: string;
}

type Errors = Partial<Record<keyof Draft, string>>;

function draftOf(c: ConsultationView | null): Draft {
  return {
    meetingDate: c ? isoToUk(c.meetingDate) : '',
    meetingMode: c?.meetingMode ?? null,
    attendeeIds: c?.attendeeIds ?? [],
    documentIds: c?.documentIds ?? [],
    policeInvestigation: c?.policeInvestigation ?? null,
    reason: c?.reason ?? '',
    networkQuestions: c?.networkQuestions ?? '',
    discussion: c?.discussion ?? '',
    recommendations: c?.recommendations ?? '',
    suitability: c?.suitability ?? null,
    suitabilityReason: c?.suitabilityReason ?? '',
  };
}

function check(d: Draft): Errors {
  const e: Errors = {};
  const date = checkUkDate(d.meetingDate, 'date of the meeting', true);
  if (date) e.meetingDate = date;
  if (!d.meetingMode) e.meetingMode = 'Say whether the meeting was in person or virtual.';
  if (!d.policeInvestigation) e.policeInvestigation = 'Say whether a police investigation is active.';
  if (!d.reason.trim()) e.reason = 'Say why the network asked for a consultation.';
  if (!d.networkQuestions.trim()) e.networkQuestions = 'Write down the questions the network brought.';
  if (!d.discussion.trim()) e.discussion = 'Write a summary of the discussion.';
  if (!d.recommendations.trim()) e.recommendations = 'Write the recommendations on case management.';
  if (!d.suitability) e.suitability = 'Choose how suitable the young person is for the service.';
  if (d.suitability && suitabilityNeedsReason(d.suitability) && !d.suitabilityReason.trim()) {
    e.suitabilityReason =
      d.suitability === 'later'
        ? 'Say why the young person would be suitable later, and when.'
        : 'Say why the young person is not suitable for the service.';
  }
  return e;
}

const options = <V extends string>(values: readonly V[], labels: Record<V, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export function ConsultationForm(props: {
  caseId: string;
  editing: ConsultationView | null;
  people: readonly PersonView[];
  documents: readonly DocumentView[];
  onDone: (message: string | null) => void;
}) {
  const { caseId, editing, people, documents, onDone } = props;
  const [d, setD] = useState<Draft>(() => draftOf(editing));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const first = useRef<HTMLInputElement>(null);
  // Opened from a button that then goes: the keyboard user lands in the first field.
  useEffect(() => first.current?.focus(), []);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setD((old) => ({ ...old, [key]: value }));
  const network = people.filter((p) => p.kind === 'professional' || p.kind === 'referrer');
  const prefix = editing ? `consultation-${editing.id}` : 'consultation-new';

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const found = check(d);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      markFailed();
      return;
    }
    const input = {
      meetingDate: parseUkDate(d.meetingDate) ?? '',
      meetingMode: d.meetingMode ?? 'in_person',
      attendeeIds: d.attendeeIds,
      documentIds: d.documentIds,
      policeInvestigation: d.policeInvestigation ?? 'not_known',
      reason: d.reason,
      networkQuestions: d.networkQuestions,
      discussion: d.discussion,
      recommendations: d.recommendations,
      suitability: d.suitability ?? 'later',
      suitabilityReason: d.suitabilityReason.trim() || null,
    };
    setBusy(true);
    try {
      if (editing) await updateConsultation(editing.id, editing.version, input);
      else await createConsultation(caseId, input);
      onDone(editing ? 'Consultation saved.' : 'Consultation recorded. Sign it off when the report is ready.');
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="case-form"
      aria-labelledby={`${prefix}-heading`}
      data-testid="consultation-form"
    >
      <h4 id={`${prefix}-heading`}>{editing ? 'Edit the consultation' : 'Record a consultation'}</h4>
      <FormError id={`${prefix}-error`}>{formError}</FormError>
      <TextField
        id={`${prefix}-date`}
        inputRef={first}
        label="Date of the professionals’ meeting"
        hint="dd/mm/yyyy"
        value={d.meetingDate}
        onValueChange={set('meetingDate')}
        error={errors.meetingDate}
        inputMode="numeric"
        autoComplete="off"
        inputClassName="field__input--date"
      />
      <RadioGroup
        id={`${prefix}-mode`}
        legend="Meeting held"
        value={d.meetingMode}
        onChange={set('meetingMode')}
        options={options(MEETING_MODES, MEETING_MODE_LABELS)}
        error={errors.meetingMode}
        inline
      />
      <CheckboxList
        id={`${prefix}-attendees`}
        legend="Who attended from the network"
        hint="Professionals on the People tab."
        empty="No professionals are on the People tab yet. Add them there to list them here."
        value={d.attendeeIds}
        onChange={set('attendeeIds')}
        options={network.map((p) => ({ value: p.id, label: p.agency ? `${p.name}, ${p.agency}` : p.name }))}
      />
      <CheckboxList
        id={`${prefix}-documents`}
        legend="Documents read"
        hint="Documents of this case read for the consultation."
        empty="This case has no documents yet. Add them on the Documents tab to list them here."
        value={d.documentIds}
        onChange={set('documentIds')}
        options={documents.map((doc) => ({ value: doc.id, label: doc.title }))}
      />
      <RadioGroup
        id={`${prefix}-police`}
        legend="Is a police investigation active?"
        value={d.policeInvestigation}
        onChange={set('policeInvestigation')}
        options={options(POLICE_INVESTIGATION_ANSWERS, POLICE_LABELS)}
        error={errors.policeInvestigation}
        inline
      />
      <TextAreaField
        id={`${prefix}-reason`}
        label="Reason for the consultation"
        value={d.reason}
        onValueChange={set('reason')}
        error={errors.reason}
        rows={3}
      />
      <TextAreaField
        id={`${prefix}-questions`}
        label="The network’s questions"
        value={d.networkQuestions}
        onValueChange={set('networkQuestions')}
        error={errors.networkQuestions}
        rows={3}
      />
      <TextAreaField
        id={`${prefix}-discussion`}
        label="Discussion"
        hint="A blank line starts a new paragraph in the report."
        value={d.discussion}
        onValueChange={set('discussion')}
        error={errors.discussion}
        rows={6}
      />
      <TextAreaField
        id={`${prefix}-recommendations`}
        label="Recommendations on case management"
        value={d.recommendations}
        onValueChange={set('recommendations')}
        error={errors.recommendations}
        rows={4}
      />
      <RadioGroup
        id={`${prefix}-suitability`}
        legend="Suitability for assessment or intervention"
        value={d.suitability}
        onChange={set('suitability')}
        options={options(SUITABILITIES, SUITABILITY_LABELS)}
        error={errors.suitability}
      />
      {d.suitability && suitabilityNeedsReason(d.suitability) && (
        <TextAreaField
          id={`${prefix}-suitability-reason`}
          label={d.suitability === 'later' ? 'Why later, and when' : 'Why not suitable'}
          value={d.suitabilityReason}
          onValueChange={set('suitabilityReason')}
          error={errors.suitabilityReason}
          rows={3}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Record consultation'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
