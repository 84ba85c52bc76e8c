/**
 * Add or change one DMM procedure: who it is for and with whom, when and by whom, its recording
 * and coding, and its result (CARE-Index scores, or a classification with its modifiers). The
 * DMM's warnings show as they arise; saving with any asks the coder to acknowledge them.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { ProcedureInput, ProcedureView } from '../../../preload/contract/attachment';
import {
  DMM_PROCEDURE_CODES,
  DMM_PROCEDURES,
  procedureLabel,
  type DmmProcedureCode,
  type DmmWarning,
} from '../../../preload/contract/dmm';
import { DateField, SelectField, TextAreaField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { ApiError, errorMessage } from '../../lib/api';
import { attachmentProcedureDraftKey } from '../../lib/draft-keys';
import { useDraft } from '../../lib/useDraft';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import { DraftNotice } from '../drafts/DraftNotice';
import { todayUk } from '../cases/case-page/uk-date';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { workerChoices } from '../cases/case-page/workers';
import { saveProcedure } from './attachment-actions';
import { CareIndexSheet } from './CareIndexSheet';
import { ClassificationField, ModifiersEditor } from './ClassificationFields';
import { CoderFields, RecordingFields } from './CodingFields';
import { FigureField, subjectChoices, subjectDateOfBirth } from './PeopleFields';
import { draftWarnings } from './live-reading';
import { draftOf, emptyDraft, toProcedureInput, type DraftErrors, type ProcedureDraft } from './procedure-draft';
import { WarningList } from './WarningList';
import styles from './ProcedureForm.module.css';

/** What is waiting for the coder's acknowledgement: the input, and the warnings to read. */
interface Pending {
  input: ProcedureInput;
  warnings: DmmWarning[];
  /** The core's own message, when it found a warning the form did not (e.g. a date of birth changed). */
  coreMessage: string | null;
}

export function ProcedureForm({
  editing,
  onDone,
}: {
  /** The procedure being changed, or null to add one. */
  editing: ProcedureView | null;
  /** Saved (with what to announce) or cancelled (null). */
  onDone: (message: string | null) => void;
}) {
  const detail = useCasePageStore((s) => s.detail);
  const users = useCasePageStore((s) => s.users);
  const documents = useCasePageStore((s) => s.documents);
  const me = useSessionStore((s) => s.user);
  const [draft, setDraft] = useState<ProcedureDraft>(() =>
    editing ? draftOf(editing) : emptyDraft(me?.id ?? '', todayUk()),
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  // A new procedure is kept as an encrypted draft while it is coded, so a lock does not lose it;
  // changes to a saved one are not (the saved procedure is there to go back to).
  const kept = useDraft({
    key: attachmentProcedureDraftKey(detail?.id ?? ''),
    caseId: detail?.id ?? null,
    title: `DMM procedure on ${detail?.reference ?? 'a case'}`,
    state: draft,
    enabled: !editing && detail !== null,
    onRestore: setDraft,
  });
  if (!detail) return null;
  const cancel = () => (editing ? onDone(null) : void kept.discard().then(() => onDone(null)));

  const set =
    <K extends keyof ProcedureDraft>(key: K) =>
    (value: ProcedureDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const proc = draft.procedure === '' ? null : DMM_PROCEDURES[draft.procedure];
  // Warnings acknowledged when the procedure was last saved stay acknowledged (the core keeps them).
  const warnings = draftWarnings(draft, subjectDateOfBirth(detail, draft.subject)).filter(
    (w) => !editing?.warnings.some((a) => a.key === w.key && a.message === w.message),
  );
  const workers = workerChoices(detail, me, users);
  const heading = editing ? `Change the ${editing.procedure} of ${editing.subjectName}` : 'Add a procedure';
  const headingId = 'procedure-form-heading';

  async function send(input: ProcedureInput, acknowledge: boolean) {
    setBusy(true);
    setFormError(null);
    try {
      await saveProcedure(input, acknowledge, editing ? { id: editing.id, version: editing.version } : null);
      if (!editing) void kept.submitted();
      const what = `${input.procedure}${input.classification ? ` (${input.classification})` : ''}`;
      onDone(editing ? `Saved the changes to the ${what}.` : `Added the ${what}.`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFIRMATION_REQUIRED') {
        setPending({ input, warnings, coreMessage: warnings.length > 0 ? null : err.message });
      } else setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const result = toProcedureInput(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      setFormError('The procedure was not saved: correct the fields marked below.');
      // To the first field in error; a whole group's error (a sheet that does not add up to 14, a
      // modifier missing its event) marks no one control, so into that group's first control.
      focusLater(() =>
        formRef.current?.querySelector<HTMLElement>(
          '[aria-invalid="true"], .fieldset--error input, .fieldset--error button',
        ),
      );
      return;
    }
    setErrors({});
    // Warnings never block: the coder reads them and acknowledges them before the save.
    if (warnings.length > 0) setPending({ input: result.input, warnings, coreMessage: null });
    else void send(result.input, false);
  }

  function chooseProcedure(code: DmmProcedureCode | '') {
    // The figure's meaning changes with the procedure (attachment figure, named child, none).
    setDraft((d) => ({ ...d, procedure: code, figure: '', figureName: '' }));
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className={`case-form ${styles.form}`} aria-labelledby={headingId}>
      <h4 id={headingId} tabIndex={-1}>
        {heading}
      </h4>
      <FormError id="procedure-form-error">{formError}</FormError>
      {!editing && <DraftNotice draft={kept} onDiscard={() => setDraft(emptyDraft(me?.id ?? '', todayUk()))} />}
      <SelectField
        id="procedure-code"
        label="Procedure"
        hint={
          proc
            ? `For ${proc.ageLabel}. ${proc.output === 'care-index' ? 'Scored on the CARE-Index scales.' : 'Gives a DMM classification.'}`
            : undefined
        }
        value={draft.procedure}
        onValueChange={chooseProcedure}
        error={errors.procedure ?? null}
        options={[
          { value: '', label: 'Choose…' },
          ...DMM_PROCEDURE_CODES.map((c) => ({
            value: c,
            label: `${procedureLabel(c)}: ${DMM_PROCEDURES[c].ageLabel}`,
          })),
        ]}
      />
      <div className="form-columns">
        <SelectField
          id="procedure-subject"
          label="Person assessed"
          value={draft.subject}
          onValueChange={set('subject')}
          options={subjectChoices(detail)}
        />
        {proc && <FigureField draft={draft} set={set} detail={detail} rule={proc.figure} errors={errors} />}
      </div>
      <div className="form-columns">
        <DateField
          id="procedure-date"
          label="Date administered"
          value={draft.administeredOn}
          onValueChange={set('administeredOn')}
          error={errors.administeredOn ?? null}
          inputMode="numeric"
        />
        <SelectField
          id="procedure-by"
          label="Administered by"
          value={draft.administeredBy}
          onValueChange={set('administeredBy')}
          error={errors.administeredBy ?? null}
          options={[{ value: '', label: 'Choose…' }, ...workers.map((w) => ({ value: w.id, label: w.displayName }))]}
        />
      </div>
      <RecordingFields draft={draft} set={set} documents={documents} />
      <CoderFields draft={draft} set={set} errors={errors} />
      {proc?.output === 'care-index' && draft.procedure !== '' && (
        <CareIndexSheet
          procedure={draft.procedure}
          adult={draft.careAdult}
          child={draft.careChild}
          errors={errors}
          onAdult={set('careAdult')}
          onChild={set('careChild')}
        />
      )}
      {proc?.output === 'classification' && draft.procedure !== '' && (
        <>
          <ClassificationField
            value={draft.classification}
            onChange={set('classification')}
            error={errors.classification}
          />
          <ModifiersEditor
            procedure={draft.procedure}
            modifiers={draft.modifiers}
            errors={errors}
            onChange={set('modifiers')}
          />
        </>
      )}
      {warnings.length > 0 && (
        <div className={styles.warnings} role="status" data-testid="procedure-warnings">
          <p className={styles.warningsTitle}>
            <span aria-hidden="true">! </span>Check before saving
          </p>
          <WarningList warnings={warnings} />
          <p className={styles.warningsNote}>These do not stop the save: you will be asked to acknowledge them.</p>
        </div>
      )}
      <TextAreaField
        id="procedure-notes"
        label="Coder’s notes (optional)"
        value={draft.notes}
        onValueChange={set('notes')}
        rows={3}
      />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : editing ? 'Save the procedure' : 'Add the procedure'}
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title="Save with these warnings?"
        confirmLabel="Acknowledge and save"
        onConfirm={() => {
          const p = pending;
          setPending(null);
          if (p) void send(p.input, true);
        }}
        onCancel={() => setPending(null)}
      >
        {pending?.coreMessage ? <p>{pending.coreMessage}</p> : <WarningList warnings={pending?.warnings ?? []} />}
        <p>The procedure is saved with the warnings acknowledged under your name, and they show on it.</p>
      </ConfirmDialog>
    </form>
  );
}
