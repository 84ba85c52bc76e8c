/** The fieldsets of the new-referral form: the referral, the young person, the referrer. */
import {
  LEGAL_STATUSES,
  PLACEMENTS,
  PROFESSIONAL_ROLES,
  SERVICES,
  type LegalStatus,
  type Placement,
  type ProfessionalRole,
} from '../../../preload/contract';
import type { DirectoryUser } from '../../../preload/contract/vault';
import { TextField } from '../../components/TextField';
import { LEGAL_STATUS_LABELS, PLACEMENT_LABELS, ROLE_LABELS, SERVICE_LABELS } from './case-page/labels';
import { SelectField, TextAreaField } from './fields';
import { fieldId, type DraftErrors, type DraftField, type ReferralDraft } from './referral-draft';

export interface SectionProps {
  draft: ReferralDraft;
  errors: DraftErrors;
  set: <K extends DraftField>(field: K, value: ReferralDraft[K]) => void;
}

/** A one-line text field bound to a draft field. */
function Text({
  field,
  label,
  hint,
  p,
  autoComplete = 'off',
  inputMode,
}: {
  field: DraftField;
  label: string;
  hint?: string;
  p: SectionProps;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
}) {
  return (
    <TextField
      id={fieldId(field)}
      label={label}
      hint={hint}
      value={String(p.draft[field])}
      onValueChange={(v) => p.set(field, v as never)}
      error={p.errors[field]}
      autoComplete={autoComplete}
      inputMode={inputMode}
    />
  );
}

export function ReferralDetails({ directory, ...p }: SectionProps & { directory: DirectoryUser[] }) {
  const { draft, set } = p;
  const leads = directory.filter((u) => u.role !== 'read-only');
  return (
    <fieldset className="form-section">
      <legend className="form-section__legend">The referral</legend>
      <div className="form-grid">
        <Text field="referralDate" label="Referral date" hint="dd/mm/yyyy, for example 04/03/2025." p={p} />
        <Text
          field="referralSource"
          label="Referral source (optional)"
          hint="Who or which agency referred, e.g. children’s social care."
          p={p}
        />
      </div>
      <TextAreaField
        id={fieldId('referralReason')}
        label="Reason for referral (optional)"
        hint="In brief: the concern and what the referrer is asking for."
        value={draft.referralReason}
        onValueChange={(v) => set('referralReason', v)}
        error={p.errors.referralReason}
      />
      <div className="field">
        <div className="checkbox">
          <input
            id={fieldId('consultationOnly')}
            type="checkbox"
            checked={draft.consultationOnly}
            aria-describedby="consultation-only-hint"
            onChange={(e) => {
              set('consultationOnly', e.target.checked);
              if (e.target.checked && draft.servicesRequested.length === 0) set('servicesRequested', ['consultation']);
            }}
          />
          <label htmlFor={fieldId('consultationOnly')}>Professional consultation only</label>
        </div>
        <p className="field__hint checkbox__hint" id="consultation-only-hint">
          A consultation advises the professional network; the service does not meet the young person. Record only what
          is needed: initials, and an age or date of birth. Holding no more than that is data minimisation (UK GDPR).
          You can add the full name later if the case moves on to assessment.
        </p>
      </div>
      <fieldset className="fieldset-inline field">
        <legend className="field__label">Services requested</legend>
        <div className="checkbox-column">
          {SERVICES.map((s) => (
            <div className="checkbox checkbox--small" key={s}>
              <input
                id={`referral-service-${s}`}
                type="checkbox"
                checked={draft.servicesRequested.includes(s)}
                onChange={(e) =>
                  set(
                    'servicesRequested',
                    e.target.checked ? [...draft.servicesRequested, s] : draft.servicesRequested.filter((x) => x !== s),
                  )
                }
              />
              <label htmlFor={`referral-service-${s}`}>{SERVICE_LABELS[s]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <SelectField
        id={fieldId('leadWorkerId')}
        label="Lead worker"
        hint="The named lead worker (NICE NG55). Leave as not allocated if it is not decided yet."
        value={draft.leadWorkerId}
        onValueChange={(v) => set('leadWorkerId', v)}
        error={p.errors.leadWorkerId}
        options={[
          { value: '', label: 'Not allocated yet' },
          ...leads.map((u) => ({ value: u.id, label: u.displayName })),
        ]}
      />
    </fieldset>
  );
}

/** Identity fields; the duplicate warning is rendered right after them (as `children`). */
export function YoungPersonIdentity({ children, ...p }: SectionProps & { children: React.ReactNode }) {
  const co = p.draft.consultationOnly;
  const optional = co ? ' (optional for a consultation)' : '';
  return (
    <fieldset className="form-section">
      <legend className="form-section__legend">The young person</legend>
      <div className="form-grid">
        <Text field="givenName" label={`Given name${optional}`} p={p} />
        <Text field="familyName" label={`Family name${optional}`} p={p} />
      </div>
      {co && <Text field="initials" label="Initials" hint="1 to 4 letters, for example JH." p={p} />}
      <div className="form-grid">
        <Text
          field="dateOfBirth"
          label={co ? 'Date of birth (or give the age below)' : 'Date of birth'}
          hint="dd/mm/yyyy, for example 27/03/2010. The service works with young people up to 21."
          p={p}
        />
        {co ? (
          <Text
            field="ageAtReferral"
            label="Age at referral, in years"
            hint="Only if the date of birth is not known."
            p={p}
            inputMode="numeric"
          />
        ) : (
          <Text
            field="localAuthority"
            label="Local authority (optional)"
            hint="The responsible local authority."
            p={p}
          />
        )}
      </div>
      {co && <Text field="localAuthority" label="Local authority (optional)" p={p} />}
      {children}
      <YoungPersonDetails {...p} />
    </fieldset>
  );
}

function YoungPersonDetails(p: SectionProps) {
  const { draft, set } = p;
  return (
    <>
      <div className="form-grid">
        <Text field="gender" label="Gender (optional)" p={p} />
        <Text field="ethnicity" label="Ethnicity (optional)" p={p} />
        <Text field="firstLanguage" label="First language (optional)" p={p} />
        <Text field="school" label="School or college (optional)" p={p} />
      </div>
      <p className="field__hint">
        If nobody knows yet, choose “Not known”. Left as “Choose…”, the case page lists it as not answered.
      </p>
      <div className="form-grid">
        <SelectField
          id={fieldId('legalStatus')}
          label="Legal status"
          hint="Police or court involvement."
          value={draft.legalStatus}
          onValueChange={(v) => set('legalStatus', v as LegalStatus | '')}
          options={[
            { value: '', label: 'Choose…' },
            ...LEGAL_STATUSES.map((s) => ({ value: s, label: LEGAL_STATUS_LABELS[s] })),
          ]}
        />
        <SelectField
          id={fieldId('placement')}
          label="Placement"
          hint="Where the young person lives now."
          value={draft.placement}
          onValueChange={(v) => set('placement', v as Placement | '')}
          options={[
            { value: '', label: 'Choose…' },
            ...PLACEMENTS.map((s) => ({ value: s, label: PLACEMENT_LABELS[s] })),
          ]}
        />
      </div>
      <TextAreaField
        id={fieldId('developmentalNeeds')}
        label="Developmental needs (optional)"
        value={draft.developmentalNeeds}
        onValueChange={(v) => set('developmentalNeeds', v)}
        error={p.errors.developmentalNeeds}
        rows={2}
      />
      <TextAreaField
        id={fieldId('learningNeeds')}
        label="Learning needs (optional)"
        value={draft.learningNeeds}
        onValueChange={(v) => set('learningNeeds', v)}
        error={p.errors.learningNeeds}
        rows={2}
      />
      <TextAreaField
        id={fieldId('communicationNeeds')}
        label="Communication needs (optional)"
        value={draft.communicationNeeds}
        onValueChange={(v) => set('communicationNeeds', v)}
        error={p.errors.communicationNeeds}
        rows={2}
      />
    </>
  );
}

export function ReferrerFields(p: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend className="form-section__legend">The referrer (optional)</legend>
      <div className="form-grid">
        <Text field="referrerName" label="Name" p={p} />
        <SelectField
          id={fieldId('referrerRole')}
          label="Role"
          value={p.draft.referrerRole}
          onValueChange={(v) => p.set('referrerRole', v as ProfessionalRole | '')}
          options={[
            { value: '', label: 'Not given' },
            ...PROFESSIONAL_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
          ]}
        />
        <Text field="referrerAgency" label="Agency" hint="For example, Leeds children’s social care." p={p} />
        <Text field="referrerPhone" label="Phone" p={p} inputMode="tel" />
        <Text field="referrerEmail" label="Email" p={p} inputMode="email" />
      </div>
      <TextAreaField
        id={fieldId('referrerSharingBasis')}
        label="Basis for sharing information"
        hint="For example: consent of the young person and parents, or duty to share to safeguard a child."
        value={p.draft.referrerSharingBasis}
        onValueChange={(v) => p.set('referrerSharingBasis', v)}
        error={p.errors.referrerSharingBasis}
        rows={2}
      />
    </fieldset>
  );
}
