import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaseDetail, LegalStatus, Placement, YoungPersonInput } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { DateField, optionsOf, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { ApiError, errorMessage } from '../../../lib/api';
import { youngPersonDraftKey } from '../../../lib/draft-keys';
import { useDraft } from '../../../lib/useDraft';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFocusFirstInvalid } from '../../../lib/useFocusFirstInvalid';
import { IdentityFields } from '../IdentityFields';
import {
  checkIdentity,
  identityInput,
  identityValuesOf,
  type IdentityErrors,
  type IdentityField,
} from '../identity-form';
import { LEGAL_STATUS_LABELS, PLACEMENT_LABELS } from './labels';
import { updateCase } from './case-actions';
import { checkUkDate, isoToUk, parseUkDate, todayUk } from './uk-date';

type Text =
  'givenName' | 'familyName' | 'initials' | 'gender' | 'ethnicity' | 'firstLanguage' | 'localAuthority' | 'school';
type Long = 'developmentalNeeds' | 'learningNeeds' | 'communicationNeeds';

const TEXT_FIELDS: [Text, string, string?][] = [
  ['givenName', 'Given name'],
  ['familyName', 'Family name'],
  ['initials', 'Initials', 'Up to 4 letters. Enough on its own for a consultation-only case.'],
  ['gender', 'Gender'],
  ['ethnicity', 'Ethnicity'],
  ['firstLanguage', 'First language'],
  ['localAuthority', 'Local authority'],
  ['school', 'School or college'],
];
const LONG_FIELDS: [Long, string][] = [
  ['developmentalNeeds', 'Developmental needs'],
  ['learningNeeds', 'Learning needs'],
  ['communicationNeeds', 'Communication needs'],
];
/** The empty choice of a clinical select: nobody has answered (distinct from "Not known"). */
const UNANSWERED = '';

/** Change the young person's details. The core refuses anyone older than 21 at referral. */
export function EditYoungPersonForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const yp = detail.youngPerson;
  const [text, setText] = useState<Record<Text | Long, string>>(() => {
    const all = [...TEXT_FIELDS.map((f) => f[0]), ...LONG_FIELDS.map((f) => f[0])];
    return Object.fromEntries(all.map((k) => [k, yp[k] ?? ''])) as Record<Text | Long, string>;
  });
  const [dob, setDob] = useState(isoToUk(yp.dateOfBirth));
  const [legalStatus, setLegalStatus] = useState<LegalStatus | ''>(yp.legalStatus ?? UNANSWERED);
  const [placement, setPlacement] = useState<Placement | ''>(yp.placement ?? UNANSWERED);
  const [identity, setIdentity] = useState(() => identityValuesOf(yp));
  const [identityErrors, setIdentityErrors] = useState<IdentityErrors>({});
  const [errors, setErrors] = useState<{ dob: string | null; initials: string | null }>({ dob: null, initials: null });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  // Kept as a draft while it is typed, so a lock does not lose it.
  const draft = useDraft({
    key: youngPersonDraftKey(detail.id),
    caseId: detail.id,
    title: `Young person’s details on ${detail.reference}`,
    state: { text, dob, legalStatus, placement, identity },
    baseVersion: detail.version,
    onRestore: (d) => {
      setText((t) => ({ ...t, ...d.text }));
      setDob(d.dob);
      setLegalStatus(d.legalStatus);
      setPlacement(d.placement);
      // A draft kept before a field was added has no value for it: keep the form's own.
      if (d.identity) setIdentity((i) => ({ ...i, ...d.identity }));
    },
  });
  const cancel = () => void draft.discard().then(onDone);

  const set = (k: Text | Long) => (v: string) => setText((t) => ({ ...t, [k]: v }));
  const setIdentityField = (k: IdentityField, v: string) => setIdentity((old) => ({ ...old, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = {
      dob: checkUkDate(dob, 'date of birth', false),
      initials:
        text.initials.trim() && !/^[A-Za-z]{1,4}$/.test(text.initials.trim()) ? 'Initials are 1 to 4 letters.' : null,
    };
    const foundIdentity = checkIdentity(identity, parseUkDate(todayUk()) ?? '');
    setErrors(found);
    setIdentityErrors(foundIdentity);
    setFormError(null);
    if (found.dob || found.initials || Object.keys(foundIdentity).length > 0) {
      markFailed();
      return;
    }
    const patch: YoungPersonInput = {
      dateOfBirth: dob.trim() ? parseUkDate(dob) : null,
      legalStatus: legalStatus || null,
      placement: placement || null,
      ...identityInput(identity),
    };
    for (const [k] of [...TEXT_FIELDS, ...LONG_FIELDS]) patch[k] = text[k].trim() || null;
    setBusy(true);
    try {
      await updateCase({ youngPerson: patch });
      void draft.submitted();
      onDone();
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'CONFLICT')) setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-label="Change young person’s details">
      <FormError id="yp-form-error">{formError}</FormError>
      <DraftNotice draft={draft} onDiscard={onDone} />
      <div className="form-columns">
        {TEXT_FIELDS.map(([k, label, hint]) => (
          <TextField
            key={k}
            id={`yp-${k}`}
            label={label}
            hint={hint}
            value={text[k]}
            onValueChange={set(k)}
            error={k === 'initials' ? errors.initials : null}
            inputRef={k === 'givenName' ? first : undefined}
            autoComplete="off"
          />
        ))}
        <DateField
          id="yp-dob"
          label="Date of birth"
          hint="dd/mm/yyyy. The service sees young people up to 21."
          value={dob}
          onValueChange={setDob}
          error={errors.dob}
          inputMode="numeric"
        />
        <SelectField
          id="yp-legal"
          label="Legal status"
          hint="Choose “Not known” when nobody knows yet."
          value={legalStatus}
          onValueChange={setLegalStatus}
          options={[{ value: UNANSWERED, label: 'Not answered' }, ...optionsOf(LEGAL_STATUS_LABELS)]}
        />
        <SelectField
          id="yp-placement"
          label="Placement"
          value={placement}
          onValueChange={setPlacement}
          options={[{ value: UNANSWERED, label: 'Not answered' }, ...optionsOf(PLACEMENT_LABELS)]}
        />
      </div>
      <IdentityFields
        values={identity}
        errors={identityErrors}
        set={setIdentityField}
        idOf={(k) => `yp-${k}`}
        consultationOnly={detail.consultationOnly}
        unansweredLabel="Not answered"
      />
      {LONG_FIELDS.map(([k, label]) => (
        <TextAreaField key={k} id={`yp-${k}`} label={label} value={text[k]} onValueChange={set(k)} rows={2} />
      ))}
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Save young person’s details'}
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
