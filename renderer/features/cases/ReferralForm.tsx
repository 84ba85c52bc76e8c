import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { call, errorMessage } from '../../lib/api';
import { REFERRAL_DRAFT_KEY } from '../../lib/draft-keys';
import { useDraft } from '../../lib/useDraft';
import { DraftNotice } from '../drafts/DraftNotice';
import { openCase, showCasesView, useCasesStore } from '../../stores/cases';
import { DuplicateWarning } from './DuplicateWarning';
import {
  FIELD_ORDER,
  checkReferral,
  emptyDraft,
  fieldId,
  type DraftErrors,
  type DraftField,
  type ReferralDraft,
} from './referral-draft';
import { ReferralIdentitySection } from './ReferralIdentitySection';
import { ReferralDetails, ReferrerFields, YoungPersonIdentity } from './ReferralSections';
import styles from './ReferralForm.module.css';

/** "There is a problem": every error, in page order, each a link to its field. */
function ErrorSummary({ errors, focusKey }: { errors: DraftErrors; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  const fields = FIELD_ORDER.filter((f) => errors[f]);
  if (fields.length === 0) return null;
  return (
    <div className={styles.errorSummary} ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-heading">
      <h3 id="error-summary-heading" className={styles.errorSummaryHeading}>
        There is a problem
      </h3>
      <ul className={styles.errorSummaryList}>
        {fields.map((f) => (
          <li key={f}>
            <a
              href={`#${fieldId(f)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldId(f))?.focus();
              }}
            >
              {errors[f]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the drafts offer calls a referral in progress: by the young person's name, once typed. */
function referralTitle(d: ReferralDraft): string {
  const name = [d.givenName.trim(), d.familyName.trim()].filter(Boolean).join(' ') || d.initials.trim();
  return name ? `New referral for ${name}` : 'New referral';
}

/**
 * Record a new referral. Checks run on submit (then live, once shown); possible duplicates are
 * looked up as soon as a name and a date of birth (or local authority) are typed. The draft is
 * kept in the Cases store so that checking a possible duplicate does not lose it.
 */
export function ReferralForm() {
  const stored = useCasesStore((s) => s.referralDraft);
  const directory = useCasesStore((s) => s.directory) ?? [];
  const draft = stored ?? emptyDraft();
  const [submitted, setSubmitted] = useState(false);
  const [failures, setFailures] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!useCasesStore.getState().referralDraft) useCasesStore.setState({ referralDraft: emptyDraft() });
  }, []);
  // The whole draft is kept in the vault as it is typed; back from a duplicate check, the
  // store still holds it, so there is nothing to restore.
  const [restoreFromVault] = useState(() => stored === null);
  const kept = useDraft({
    key: REFERRAL_DRAFT_KEY,
    caseId: null,
    title: referralTitle(draft),
    state: draft,
    restore: restoreFromVault,
    onRestore: (d) => useCasesStore.setState({ referralDraft: { ...emptyDraft(), ...d } }),
  });

  const set = <K extends DraftField>(field: K, value: ReferralDraft[K]) =>
    useCasesStore.setState((s) => ({ referralDraft: { ...(s.referralDraft ?? emptyDraft()), [field]: value } }));

  // Once the user has tried to submit, errors follow their corrections as they type.
  const errors = submitted ? checkReferral(draft).errors : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFormError(null);
    const { input } = checkReferral(draft);
    if (!input) {
      setFailures((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const created = await call('case:create', input);
      useCasesStore.setState({ referralDraft: null });
      void kept.submitted();
      openCase(created.id, { kind: 'caseload' });
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    void kept.discard();
    useCasesStore.setState({ referralDraft: null });
    showCasesView({ kind: 'caseload' });
  }

  const props = { draft, errors, set };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="referral-form" aria-labelledby="cases-view-heading">
      <p className="lead">
        Fields are required unless marked optional. Dates are dd/mm/yyyy. Nothing is recorded until you select Record
        referral; until then what you type is kept as your private draft, so a lock does not lose it.
      </p>
      <ErrorSummary errors={errors} focusKey={failures} />
      <FormError id="referral-error">{formError}</FormError>
      <DraftNotice draft={kept} onDiscard={() => useCasesStore.setState({ referralDraft: emptyDraft() })} />
      <ReferralDetails {...props} directory={directory} />
      <YoungPersonIdentity {...props}>
        <DuplicateWarning draft={draft} onOpen={(id) => openCase(id, { kind: 'new-referral' })} />
      </YoungPersonIdentity>
      <ReferralIdentitySection {...props} />
      <ReferrerFields {...props} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Recording the referral…' : 'Record referral'}
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
