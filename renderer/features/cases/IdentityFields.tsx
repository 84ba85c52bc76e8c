/**
 * The young person's identity and consent fields: NHS number, address, GP practice, and the
 * consent and information-sharing status with its date. Used inside the new-referral form and
 * "Change young person's details"; each caller owns the values, ids and errors.
 */
import { CONSENT_STATUSES } from '../../../preload/contract';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { CONSENT_STATUS_LABELS } from './case-page/labels';
import type { IdentityErrors, IdentityField, IdentityValues } from './identity-form';

export interface IdentityFieldsProps {
  values: IdentityValues;
  errors: IdentityErrors;
  set: (field: IdentityField, value: string) => void;
  idOf: (field: IdentityField) => string;
  /** A consultation holds minimal identity: only consent is offered. */
  consultationOnly: boolean;
  /** The empty choice of the consent select ("Choose…" on a new referral, "Not answered" later). */
  unansweredLabel: string;
}

export function IdentityFields({ values, errors, set, idOf, consultationOnly, unansweredLabel }: IdentityFieldsProps) {
  const text = (field: IdentityField, label: string, hint?: string, inputMode?: 'numeric') => (
    <TextField
      id={idOf(field)}
      label={label}
      hint={hint}
      value={values[field]}
      onValueChange={(v) => set(field, v)}
      error={errors[field]}
      autoComplete="off"
      inputMode={inputMode}
    />
  );
  return (
    <>
      {consultationOnly ? (
        <p className="field__hint">
          A consultation needs no NHS number, address or GP practice. Add them if the case moves on to assessment.
        </p>
      ) : (
        <>
          <div className="form-grid">
            {text('nhsNumber', 'NHS number (optional)', '10 digits, for example 943 476 5919.', 'numeric')}
            {text('gpPracticeName', 'GP practice (optional)', 'For example, Riverside Surgery.')}
            {text('gpPracticeOdsCode', 'GP practice ODS code (optional)', 'For example, B86001.')}
          </div>
          <TextAreaField
            id={idOf('address')}
            label="Home address (optional)"
            hint="Where the young person lives now, with the postcode."
            value={values.address}
            onValueChange={(v) => set('address', v)}
            error={errors.address}
            rows={3}
          />
        </>
      )}
      <div className="form-grid">
        <SelectField
          id={idOf('consentStatus')}
          label="Consent and information sharing"
          hint="Consent to the service’s work and to sharing information about the young person."
          value={values.consentStatus}
          onValueChange={(v) => set('consentStatus', v)}
          error={errors.consentStatus}
          options={[
            { value: '', label: unansweredLabel },
            ...CONSENT_STATUSES.map((s) => ({ value: s, label: CONSENT_STATUS_LABELS[s] })),
          ]}
        />
        {text('consentDate', 'Date of the consent decision', 'dd/mm/yyyy: when consent was given, refused or sought.')}
      </div>
      <TextAreaField
        id={idOf('consentDetails')}
        label="What was agreed"
        hint="Who gave or refused consent, and any limits on what may be shared and with whom."
        value={values.consentDetails}
        onValueChange={(v) => set('consentDetails', v)}
        error={errors.consentDetails}
        rows={2}
      />
    </>
  );
}
