import { useEffect, useState, type FormEvent } from 'react';
import type { PersonKind, PersonView, ProfessionalRole } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { DateField, optionsOf, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { ApiError, errorMessage } from '../../../lib/api';
import { useFocusFirstInvalid } from '../../../lib/useFocusFirstInvalid';
import { PERSON_KIND_LABELS, ROLE_LABELS } from './labels';
import { addPerson, updatePerson } from './case-actions';
import { checkUkDate, isoToUk, parseUkDate } from './uk-date';
import styles from './PersonForm.module.css';

type Pr = 'yes' | 'no' | 'unknown';
/**
 * Parental responsibility is stored as yes / no / null, so the empty choice says what null
 * means: nobody has answered (the Overview lists it until someone does), not "no".
 */
const PR_LABELS: Record<Pr, string> = { unknown: 'Not answered', yes: 'Yes', no: 'No' };
const NO_ROLE = '';

const isProfessional = (k: PersonKind) => k === 'referrer' || k === 'professional';
const isChild = (k: PersonKind) => k === 'sibling' || k === 'household_child';

/** Add a person to the case, or change one. The fields asked for follow the kind of person. */
export function PersonForm({
  person,
  onDone,
}: {
  person: PersonView | null;
  /** Called with what to announce (e.g. "Mia Ellis was added."), or null when cancelled. */
  onDone: (announcement: string | null) => void;
}) {
  const [kind, setKind] = useState<PersonKind>(person?.kind ?? 'professional');
  const [f, setF] = useState({
    name: person?.name ?? '',
    agency: person?.agency ?? '',
    phone: person?.phone ?? '',
    email: person?.email ?? '',
    address: person?.address ?? '',
    sharingBasis: person?.sharingBasis ?? '',
    relationship: person?.relationship ?? '',
    dateOfBirth: isoToUk(person?.dateOfBirth),
    notes: person?.notes ?? '',
  });
  const [role, setRole] = useState<ProfessionalRole | ''>(person?.role ?? NO_ROLE);
  const [pr, setPr] = useState<Pr>(
    person?.parentalResponsibility === true ? 'yes' : person?.parentalResponsibility === false ? 'no' : 'unknown',
  );
  const [errors, setErrors] = useState<{ name: string | null; dob: string | null }>({ name: null, dob: null });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [formRef]);

  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const orNull = (v: string) => v.trim() || null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = {
      name: f.name.trim() ? null : 'Enter a name.',
      dob: isChild(kind) ? checkUkDate(f.dateOfBirth, 'date of birth', false) : null,
    };
    setErrors(found);
    setFormError(null);
    if (found.name || found.dob) {
      markFailed();
      return;
    }
    const fields = {
      name: f.name.trim(),
      role: isProfessional(kind) ? role || null : null,
      agency: isProfessional(kind) ? orNull(f.agency) : null,
      phone: isChild(kind) ? null : orNull(f.phone),
      email: isChild(kind) ? null : orNull(f.email),
      address: kind === 'parent_carer' ? orNull(f.address) : null,
      sharingBasis: isChild(kind) ? null : orNull(f.sharingBasis),
      relationship: isProfessional(kind) ? null : orNull(f.relationship),
      parentalResponsibility: kind === 'parent_carer' && pr !== 'unknown' ? pr === 'yes' : null,
      dateOfBirth: isChild(kind) && f.dateOfBirth.trim() ? parseUkDate(f.dateOfBirth) : null,
      notes: orNull(f.notes),
    };
    setBusy(true);
    try {
      if (person) await updatePerson(person.id, person.version, fields);
      else await addPerson({ kind, ...fields });
      onDone(person ? `Changes to ${fields.name} were saved.` : `${fields.name} was added to the case.`);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'CONFLICT')) setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const title = person ? `Change ${person.name}` : 'Add a person';
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-label={title}>
      <h4>{title}</h4>
      <FormError id="person-form-error">{formError}</FormError>
      {!person && (
        <SelectField
          id="person-kind"
          label="Who are they?"
          value={kind}
          onValueChange={setKind}
          options={optionsOf(PERSON_KIND_LABELS)}
        />
      )}
      {isChild(kind) && (
        <p className={styles.thirdPartyNote}>
          Third party: their details will be redacted from any subject access request.
        </p>
      )}
      <div className="form-columns">
        <TextField
          id="person-name"
          label="Name"
          value={f.name}
          onValueChange={set('name')}
          error={errors.name}
          autoComplete="off"
        />
        {isProfessional(kind) && (
          <>
            <SelectField
              id="person-role"
              label="Role"
              value={role}
              onValueChange={setRole}
              options={[{ value: NO_ROLE, label: 'Not recorded' }, ...optionsOf(ROLE_LABELS)]}
            />
            <TextField
              id="person-agency"
              label="Agency"
              hint="e.g. Leeds Children’s Social Care"
              value={f.agency}
              onValueChange={set('agency')}
              autoComplete="off"
            />
          </>
        )}
        {!isProfessional(kind) && (
          <TextField
            id="person-relationship"
            label="Relationship to the young person"
            hint={isChild(kind) ? 'e.g. younger sister, foster sibling' : 'e.g. mother, kinship carer'}
            value={f.relationship}
            onValueChange={set('relationship')}
            autoComplete="off"
          />
        )}
        {kind === 'parent_carer' && (
          <SelectField
            id="person-pr"
            label="Parental responsibility"
            value={pr}
            onValueChange={setPr}
            options={optionsOf(PR_LABELS)}
          />
        )}
        {isChild(kind) && (
          <DateField
            id="person-dob"
            label="Date of birth"
            hint="dd/mm/yyyy"
            value={f.dateOfBirth}
            onValueChange={set('dateOfBirth')}
            error={errors.dob}
            inputMode="numeric"
          />
        )}
        {!isChild(kind) && (
          <>
            <TextField
              id="person-phone"
              label="Phone"
              type="tel"
              value={f.phone}
              onValueChange={set('phone')}
              autoComplete="off"
            />
            <TextField
              id="person-email"
              label="Email"
              type="email"
              value={f.email}
              onValueChange={set('email')}
              autoComplete="off"
            />
          </>
        )}
      </div>
      {kind === 'parent_carer' && (
        <TextAreaField id="person-address" label="Address" value={f.address} onValueChange={set('address')} rows={2} />
      )}
      {!isChild(kind) && (
        <TextField
          id="person-sharing"
          label="Consent or sharing basis"
          hint="The basis on which information is shared with them, e.g. consent given 04/03/2025, or duty to share (safeguarding)."
          value={f.sharingBasis}
          onValueChange={set('sharingBasis')}
          autoComplete="off"
        />
      )}
      <TextAreaField id="person-notes" label="Notes" value={f.notes} onValueChange={set('notes')} rows={2} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : person ? 'Save changes' : 'Add person'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
