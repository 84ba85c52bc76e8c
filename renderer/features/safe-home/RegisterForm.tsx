/**
 * Take (or correct) one session's register: each expected carer's attendance, the themes
 * covered, and the group note, written once and placed on every attending family's case. The
 * group note may name no one of an enrolled family: the form checks the carers' names as they
 * type and the core checks every family member's, and either refusal is shown by the note.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RunSessionView, RunView, ThemeView } from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { CheckboxGroup, TextAreaField } from '../../components/fields';
import { ApiError, errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import {
  GROUP_NOTE_ID,
  initialDraft,
  namesInGroupNote,
  namesProblemMessage,
  REGISTER_FORM_ERROR,
  registerInput,
  rowFieldId,
  type RegisterDraft,
  type RegisterErrors,
  type RegisterRow,
} from './register-draft';
import { sessionHeading } from './register-grid';
import { RegisterRowFields } from './RegisterRowFields';
import { takeRegister } from './safe-home-actions';
import { useSafeHomeStore } from './safe-home-store';
import styles from './RegisterForm.module.css';

/** Whether a refusal of the core is about the group note (so it is shown by the note). */
function isGroupNoteRefusal(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'INVALID_INPUT' && /group note/i.test(err.message);
}

/** The themes to offer: the active ones, plus any the session already covers (even if retired since). */
function themeChoices(themes: readonly ThemeView[] | null, session: RunSessionView) {
  const found = new Map(session.themes.map((t) => [t.id, t.label]));
  for (const t of themes ?? []) if (t.active) found.set(t.id, t.label);
  return [...found].map(([value, label]) => ({ value, label }));
}

export function RegisterForm({
  run,
  session,
  focusEnrolmentId,
  onDone,
}: {
  run: RunView;
  session: RunSessionView;
  /** The carer whose cell was chosen: their attendance field takes the focus. */
  focusEnrolmentId: string | null;
  onDone: (saved: string | null) => void;
}) {
  const themes = useSafeHomeStore((s) => s.themes);
  const [draft, setDraft] = useState<RegisterDraft>(() => initialDraft(run, session));
  const [errors, setErrors] = useState<RegisterErrors>({});
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  const h = sessionHeading(session);

  useEffect(() => {
    const target = focusEnrolmentId ? document.getElementById(rowFieldId(focusEnrolmentId, 'state')) : null;
    (target ?? heading.current)?.focus();
  }, [focusEnrolmentId]);

  const change = (enrolmentId: string, patch: Partial<RegisterRow>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.enrolmentId === enrolmentId ? { ...r, ...patch } : r)) }));

  const liveNames = namesInGroupNote(draft.groupNote, run);
  const groupNoteError = errors[GROUP_NOTE_ID] ?? (liveNames.length > 0 ? namesProblemMessage(liveNames) : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const made = registerInput(draft, run, session);
    setErrors(made.errors ?? {});
    if (!made.input) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await takeRegister(session.id, session.version, made.input);
      onDone(`The register of ${h.full.charAt(0).toLowerCase()}${h.full.slice(1)} was saved.`);
    } catch (err) {
      setErrors(
        isGroupNoteRefusal(err) ? { [GROUP_NOTE_ID]: errorMessage(err) } : { [REGISTER_FORM_ERROR]: errorMessage(err) },
      );
      markFailed();
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className={`case-form ${styles.form}`}
      aria-labelledby="register-form-heading"
    >
      <h4 id="register-form-heading" ref={heading} tabIndex={-1}>
        Register: {h.full}
      </h4>
      {session.registerTakenAt && (
        <p className="notice">
          This register was taken before: correct it below. Saving replaces it, and the notes on the cases follow.
        </p>
      )}
      {draft.rows.length === 0 ? (
        <p className="muted">No carer is enrolled yet: enrol the carers before taking a register.</p>
      ) : (
        draft.rows.map((row) => (
          <RegisterRowFields
            key={row.enrolmentId}
            row={row}
            errors={errors}
            onChange={(patch) => change(row.enrolmentId, patch)}
          />
        ))
      )}
      <CheckboxGroup
        id="register-themes"
        legend="Themes covered"
        hint="As planned unless you change them."
        choices={themeChoices(themes, session)}
        value={draft.themeIds}
        onChange={(themeIds) => setDraft((d) => ({ ...d, themeIds }))}
      />
      <div className={styles.rule} id="register-group-note-rule">
        <p>
          <strong>The group note goes on the case of every family that attended.</strong>
        </p>
        <p>
          Write about the group and the session only. Name no carer, child or anyone else of any family, and keep what
          is about one carer for their own note above.
        </p>
      </div>
      <TextAreaField
        id={GROUP_NOTE_ID}
        label="Group note"
        hint="No names of any family’s people: the note is refused if it has one."
        value={draft.groupNote}
        onValueChange={(groupNote) => {
          setDraft((d) => ({ ...d, groupNote }));
          if (errors[GROUP_NOTE_ID]) {
            setErrors((old) => Object.fromEntries(Object.entries(old).filter(([k]) => k !== GROUP_NOTE_ID)));
          }
        }}
        error={groupNoteError}
        rows={5}
      />
      <FormError id="register-form-error">{errors[REGISTER_FORM_ERROR]}</FormError>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || draft.rows.length === 0 || undefined}>
          {busy ? 'Saving…' : 'Save the register'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
