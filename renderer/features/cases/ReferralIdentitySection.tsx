/** The new-referral form's "Identity and consent" fieldset, bound to the referral draft. */
import { FieldGroup } from '../../components/fields';
import { IdentityFields } from './IdentityFields';
import type { SectionProps } from './ReferralSections';
import { fieldId } from './referral-draft';

export function ReferralIdentitySection(p: SectionProps) {
  return (
    <FieldGroup id="referral-section-identity" legend="Identity and consent (optional)" look="section">
      <IdentityFields
        values={p.draft}
        errors={p.errors}
        set={(field, value) => p.set(field, value as never)}
        idOf={fieldId}
        consultationOnly={p.draft.consultationOnly}
        unansweredLabel="Choose…"
      />
    </FieldGroup>
  );
}
