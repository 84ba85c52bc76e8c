/** The new-referral form's "Identity and consent" fieldset, bound to the referral draft. */
import { IdentityFields } from './IdentityFields';
import type { SectionProps } from './ReferralSections';
import { fieldId } from './referral-draft';

export function ReferralIdentitySection(p: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend className="form-section__legend">Identity and consent (optional)</legend>
      <IdentityFields
        values={p.draft}
        errors={p.errors}
        set={(field, value) => p.set(field, value as never)}
        idOf={fieldId}
        consultationOnly={p.draft.consultationOnly}
        unansweredLabel="Choose…"
      />
    </fieldset>
  );
}
