/** The fieldsets of the new-referral form: the referral, the young person, the referrer. */
import { LEGAL_STATUSES, PLACEMENTS, PROFESSIONAL_ROLES, SERVICES } from '../../../preload/contract';
import type { DirectoryUser } from '../../../preload/contract/vault';
import {
  CheckboxField,
  CheckboxGroup,
  FieldGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields';
import { LEGAL_STATUS_LABELS, PLACEMENT_LABELS, ROLE_LABELS, SERVICE_LABELS } from './case-page/labels';
import { fieldId, type DraftErrors, type DraftField, type ReferralDraft } from './referral-draft';

export interface SectionProps {
  draft: ReferralDraft;
  errors: DraftErrors;
  set: <K extends DraftField>(field: K, value: ReferralDraft[K]) => void;
}

/** What binds a field of the form to its draft field: its id, value, setter and error. */
function bound(field: DraftField, p: SectionProps) {
  return {
    id: fieldId(field),
    value: String(p.draft[field]),
    onValueChange: (v: string) => p.set(field, v as never),
    error: p.errors[field],
  };
}

interface BoundProps {
  field: DraftField;
  label: string;
  hint?: string;
  p: SectionProps;
}

/** A one-line text field bound to a draft field. */
function Text({
  field,
  p,
  autoComplete = 'off',
  inputMode,
  ...labels
}: BoundProps & { autoComplete?: string; inputMode?: 'numeric' | 'text' | 'email' | 'tel' }) {
  return <TextField {...labels} {...bound(field, p)} autoComplete={autoComplete} inputMode={inputMode} />;
}

/** A text area bound to a draft field (two rows unless said). */
function LongText({ field, p, rows = 2, ...labels }: BoundProps & { rows?: number }) {
  return <TextAreaField {...labels} {...bound(field, p)} rows={rows} />;
}

/** A select's options: the empty choice first, then each value with its label. */
function withEmpty<V extends string>(empty: string, values: readonly V[], labels: Record<V, string>) {
  return [{ value: '' as const, label: empty }, ...values.map((v) => ({ value: v, label: labels[v] }))];
}

export function ReferralDetails({ directory, ...p }: SectionProps & { directory: DirectoryUser[] }) {
  const { draft, set } = p;
  const leads = directory.filter((u) => u.role !== 'read-only');
  return (
    <FieldGroup id="referral-section-referral" legend="The referral" look="section">
      <div className="form-grid">
        <Text field="referralDate" label="Referral date" hint="dd/mm/yyyy, for example 04/03/2025." p={p} />
        <Text
          field="referralSource"
          label="Referral source (optional)"
          hint="Who or which agency referred, e.g. children’s social care."
          p={p}
        />
      </div>
      <LongText
        field="referralReason"
        label="Reason for referral (optional)"
        hint="In brief: the concern and what the referrer is asking for."
        p={p}
        rows={3}
      />
      <CheckboxField
        id={fieldId('consultationOnly')}
        label="Professional consultation only"
        hint="A consultation advises the professional network; the service does not meet the young person. Record only what is needed: initials, and an age or date of birth. Holding no more than that is data minimisation (UK GDPR). You can add the full name later if the case moves on to assessment."
        checked={draft.consultationOnly}
        onCheckedChange={(checked) => {
          set('consultationOnly', checked);
          if (checked && draft.servicesRequested.length === 0) set('servicesRequested', ['consultation']);
        }}
      />
      <CheckboxGroup
        id="referral-service"
        legend="Services requested"
        look="column"
        choices={SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
        value={draft.servicesRequested}
        onChange={(chosen) => set('servicesRequested', chosen)}
      />
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
    </FieldGroup>
  );
}

/** Identity fields; the duplicate warning is rendered right after them (as `children`). */
export function YoungPersonIdentity({ children, ...p }: SectionProps & { children: React.ReactNode }) {
  const co = p.draft.consultationOnly;
  const optional = co ? ' (optional for a consultation)' : '';
  return (
    <FieldGroup id="referral-section-young-person" legend="The young person" look="section">
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
    </FieldGroup>
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
          onValueChange={(v) => set('legalStatus', v)}
          options={withEmpty('Choose…', LEGAL_STATUSES, LEGAL_STATUS_LABELS)}
        />
        <SelectField
          id={fieldId('placement')}
          label="Placement"
          hint="Where the young person lives now."
          value={draft.placement}
          onValueChange={(v) => set('placement', v)}
          options={withEmpty('Choose…', PLACEMENTS, PLACEMENT_LABELS)}
        />
      </div>
      <LongText field="developmentalNeeds" label="Developmental needs (optional)" p={p} />
      <LongText field="learningNeeds" label="Learning needs (optional)" p={p} />
      <LongText field="communicationNeeds" label="Communication needs (optional)" p={p} />
    </>
  );
}

export function ReferrerFields(p: SectionProps) {
  return (
    <FieldGroup id="referral-section-referrer" legend="The referrer (optional)" look="section">
      <div className="form-grid">
        <Text field="referrerName" label="Name" p={p} />
        <SelectField
          id={fieldId('referrerRole')}
          label="Role"
          value={p.draft.referrerRole}
          onValueChange={(v) => p.set('referrerRole', v)}
          options={withEmpty('Not given', PROFESSIONAL_ROLES, ROLE_LABELS)}
        />
        <Text field="referrerAgency" label="Agency" hint="For example, Leeds children’s social care." p={p} />
        <Text field="referrerPhone" label="Phone" p={p} inputMode="tel" />
        <Text field="referrerEmail" label="Email" p={p} inputMode="email" />
      </div>
      <LongText
        field="referrerSharingBasis"
        label="Basis for sharing information"
        hint="For example: consent of the young person and parents, or duty to share to safeguard a child."
        p={p}
      />
    </FieldGroup>
  );
}
