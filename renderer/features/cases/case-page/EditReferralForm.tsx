import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaseDetail, Service } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { ApiError, errorMessage } from '../../../lib/api';
import { referralEditDraftKey } from '../../../lib/draft-keys';
import { useDraft } from '../../../lib/useDraft';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFocusFirstInvalid } from '../../../lib/useFocusFirstInvalid';
import { useCasePageStore } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { ServicesFieldset } from './ServicesFieldset';
import { updateCase } from './case-actions';
import { checkUkDate, isoToUk, parseUkDate } from './uk-date';
import { workerChoices } from './workers';
import { WorkersFieldset } from './WorkersFieldset';

const NO_LEAD = '';

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** Change the referral: date, source, reason, services, lead worker and allocated clinicians. */
export function EditReferralForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const me = useSessionStore((s) => s.user);
  const users = useCasePageStore((s) => s.users);
  const [date, setDate] = useState(isoToUk(detail.referralDate));
  const [source, setSource] = useState(detail.referralSource ?? '');
  const [reason, setReason] = useState(detail.referralReason ?? '');
  const [consultationOnly, setConsultationOnly] = useState(detail.consultationOnly);
  const [requested, setRequested] = useState<Service[]>(detail.servicesRequested);
  const [provided, setProvided] = useState<Service[]>(detail.servicesProvided);
  const [lead, setLead] = useState(detail.leadWorkerId ?? NO_LEAD);
  const [allocated, setAllocated] = useState<string[]>(detail.allocatedClinicians.map((c) => c.id));
  const [dateError, setDateError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  // Kept as a draft while it is typed, so a lock does not lose it.
  const draft = useDraft({
    key: referralEditDraftKey(detail.id),
    caseId: detail.id,
    title: `Referral details on ${detail.reference}`,
    state: { date, source, reason, consultationOnly, requested, provided, lead, allocated },
    baseVersion: detail.version,
    onRestore: (d) => {
      setDate(d.date);
      setSource(d.source);
      setReason(d.reason);
      setConsultationOnly(d.consultationOnly);
      setRequested(d.requested);
      setProvided(d.provided);
      setLead(d.lead);
      setAllocated(d.allocated);
    },
  });
  const cancel = () => void draft.discard().then(onDone);

  const workers = workerChoices(detail, me, users);
  const leadOptions = [
    { value: NO_LEAD, label: 'Not allocated' },
    ...workers.map((w) => ({ value: w.id, label: w.displayName })),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const error = checkUkDate(date, 'referral date', true);
    setDateError(error);
    setFormError(null);
    if (error) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await updateCase({
        referralDate: parseUkDate(date) ?? detail.referralDate,
        referralSource: source.trim() || null,
        referralReason: reason.trim() || null,
        consultationOnly,
        servicesRequested: requested,
        servicesProvided: provided,
        // Workers are sent only when changed: the core refuses a disabled account, and an
        // unrelated edit must not fail because a former colleague is still named on the case.
        ...((lead || null) !== detail.leadWorkerId ? { leadWorkerId: lead || null } : {}),
        ...(sameIds(
          allocated,
          detail.allocatedClinicians.map((c) => c.id),
        )
          ? {}
          : { allocatedClinicianIds: allocated }),
      });
      void draft.submitted();
      onDone();
    } catch (err) {
      // A conflict is explained by the notice at the top of the case, which takes focus.
      if (!(err instanceof ApiError && err.code === 'CONFLICT')) setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-label="Change referral details">
      <FormError id="referral-form-error">{formError}</FormError>
      <DraftNotice draft={draft} onDiscard={onDone} />
      <DateField
        id="referral-date"
        label="Referral date"
        hint="dd/mm/yyyy, for example 04/03/2025."
        value={date}
        onValueChange={setDate}
        error={dateError}
        inputRef={first}
        inputMode="numeric"
        inputClassName="field__input--date"
      />
      <TextField
        id="referral-source"
        label="Referred by"
        hint="Agency or team, e.g. Leeds Children’s Social Care."
        value={source}
        onValueChange={setSource}
        autoComplete="off"
      />
      <TextAreaField
        id="referral-reason"
        label="Reason for referral"
        value={reason}
        onValueChange={setReason}
        rows={4}
      />
      <CheckboxField
        id="referral-consultation-only"
        label="Consultation only"
        hint="Hold only initials and age: no meeting with the young person or family."
        checked={consultationOnly}
        onCheckedChange={setConsultationOnly}
      />
      <div className="form-columns">
        <ServicesFieldset
          id="services-requested"
          legend="Services requested"
          value={requested}
          onChange={setRequested}
        />
        <ServicesFieldset id="services-provided" legend="Services provided" value={provided} onChange={setProvided} />
      </div>
      <SelectField id="referral-lead" label="Lead worker" value={lead} onValueChange={setLead} options={leadOptions} />
      <WorkersFieldset
        id="referral-allocated"
        legend="Allocated clinicians"
        hint="Colleagues working on this case besides the lead worker."
        workers={workers}
        value={allocated}
        onChange={setAllocated}
      />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Save referral details'}
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
