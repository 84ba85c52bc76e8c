/** Withdraw a carer from the run: when and why. From the next register on they are marked withdrawn. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  WITHDRAWAL_REASON_LABELS,
  type EnrolmentView,
  type WithdrawalReason,
} from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { DateField, SelectField, TextAreaField, optionsOf } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { checkUkDate, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { withdrawCarer } from './safe-home-actions';

export function WithdrawForm({
  enrolment,
  onDone,
}: {
  enrolment: EnrolmentView;
  onDone: (saved: string | null) => void;
}) {
  const [date, setDate] = useState(todayUk());
  const [reason, setReason] = useState<WithdrawalReason>('carer_choice');
  const [detail, setDetail] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problem = checkUkDate(date, 'date the carer withdrew', true);
    setDateError(problem);
    setFormError(null);
    if (problem) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await withdrawCarer(enrolment.id, enrolment.version, { withdrawnOn: parseUkDate(date) ?? '', reason, detail });
      onDone(`${enrolment.carerName} is withdrawn from the run.`);
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  const id = `withdraw-${enrolment.id}`;
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Withdraw {enrolment.carerName}
      </h5>
      <DateField id={`${id}-date`} label="Date they withdrew" value={date} onValueChange={setDate} error={dateError} />
      <SelectField
        id={`${id}-reason`}
        label="Why"
        value={reason}
        onValueChange={setReason}
        options={optionsOf(WITHDRAWAL_REASON_LABELS)}
      />
      <TextAreaField
        id={`${id}-detail`}
        label="More about why (optional)"
        value={detail}
        onValueChange={setDetail}
        rows={2}
      />
      <FormError id={`${id}-error`}>{formError}</FormError>
      <div className="button-row">
        <button type="submit" className="button button--warning" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Withdraw the carer'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
