import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RESPONDENT_LABELS, type AdministrationView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { workerChoices } from '../cases/case-page/workers';
import {
  draftErrors,
  draftFields,
  draftFrom,
  hasDraftErrors,
  NO_DRAFT_ERRORS,
  withoutErrorsFor,
  type AdministrationDraft,
} from './administration-draft';
import { AdministrationFields } from './AdministrationFields';
import { correctAdministration } from './psychometrics-store';

/**
 * Correct a recorded questionnaire in place of its card: the same fields as recording it, with
 * the bands shown from the administration's own copy of the scales (the ones it was scored
 * with). The questionnaire itself cannot change: remove the record and record the right one.
 */
export function CorrectAdministrationForm(props: {
  a: AdministrationView;
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const { a, onSaved, onCancel } = props;
  const detail = useCasePageStore((s) => s.detail);
  const users = useCasePageStore((s) => s.users);
  const me = useSessionStore((s) => s.user);
  const [draft, setDraft] = useState<AdministrationDraft>(() => draftFrom(a));
  const [errors, setErrors] = useState(NO_DRAFT_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!detail) return null;

  const workers = workerChoices(detail, me, users);
  // Whoever administered it stays choosable, even if their account has since been disabled.
  if (!workers.some((w) => w.id === a.administeredBy)) {
    workers.push({ id: a.administeredBy, displayName: a.administeredByName || 'a former colleague' });
  }
  const headingId = `correct-psychometric-${a.id}`;
  const title = `${a.instrumentName} (${RESPONDENT_LABELS[a.respondentType]}) of ${formatDate(a.administeredOn)}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = draftErrors(a.scales, a.respondentType, draft);
    setErrors(found);
    if (hasDraftErrors(found)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      const saved = await correctAdministration(a, draftFields(a.scales, a.respondentType, draft));
      onSaved(
        `Saved the correction to ${saved.instrumentName} (${RESPONDENT_LABELS[saved.respondentType]}): ${saved.summary}.`,
      );
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        Correct {title}
      </h4>
      <p className="muted">
        The bands are the ones this questionnaire was scored with. To change the questionnaire itself, remove this
        record and record the right one.
      </p>
      <FormError id={`${headingId}-error`}>{formError}</FormError>
      <AdministrationFields
        idPrefix={`psychometric-${a.id}`}
        detail={detail}
        workers={workers}
        respondent={a.respondentType}
        scales={a.scales}
        draft={draft}
        errors={errors}
        onChange={(change) => {
          setErrors((e) => withoutErrorsFor(e, draft, change));
          setDraft((d) => ({ ...d, ...change }));
        }}
      />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Save correction'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
