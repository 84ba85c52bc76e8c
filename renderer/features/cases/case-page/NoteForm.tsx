import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { NoteType, NoteView } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { CheckboxField, DateField, optionsOf, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { ApiError, errorMessage } from '../../../lib/api';
import { noteDraftKey } from '../../../lib/draft-keys';
import { useDraft } from '../../../lib/useDraft';
import { useCasePageStore } from '../../../stores/case-page';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFocusFirstInvalid } from '../../../lib/useFocusFirstInvalid';
import { NOTE_TYPE_LABELS } from './labels';
import { createNote, updateNote } from './case-actions';
import { checkUkDate, localDateTimeIso, nowTime, parseTime, parseUkDate, todayUk } from './uk-date';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Add a note (or, given `note`, edit one: the previous version is kept in its history). */
export function NoteForm({ note, onDone }: { note: NoteView | null; onDone: (saved: string | null) => void }) {
  const when = note ? new Date(note.occurredAt) : new Date();
  const [date, setDate] = useState(todayUk(when));
  const [time, setTime] = useState(note ? `${pad(when.getHours())}:${pad(when.getMinutes())}` : nowTime(when));
  const [type, setType] = useState<NoteType>(note?.type ?? 'case_note');
  const [text, setText] = useState(note?.text ?? '');
  const [sensitive, setSensitive] = useState(note?.thirdPartySensitive ?? false);
  const [errors, setErrors] = useState<Record<'date' | 'time' | 'text', string | null>>({
    date: null,
    time: null,
    text: null,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = note ? `note-${note.id}` : 'new-note';
  useEffect(() => {
    if (note) textRef.current?.focus();
  }, [note]);
  // A new note is kept as a draft while it is typed, so a lock does not lose it.
  const detail = useCasePageStore((s) => s.detail);
  const draft = useDraft({
    key: noteDraftKey(detail?.id ?? ''),
    caseId: detail?.id ?? null,
    title: `${NOTE_TYPE_LABELS[type]} on ${detail?.reference ?? 'a case'}`,
    state: { date, time, type, text, sensitive },
    enabled: !note && detail !== null,
    onRestore: (d) => {
      setDate(d.date);
      setTime(d.time);
      setType(d.type);
      setText(d.text);
      setSensitive(d.sensitive);
    },
  });
  const clearText = () => {
    setText('');
    setSensitive(false);
  };

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const found = {
      date: checkUkDate(date, 'date', true),
      time: parseTime(time) ? null : 'Enter the time as HH:mm, for example 14:30.',
      text: text.trim() ? null : 'Write something in the note.',
    };
    setErrors(found);
    setFormError(null);
    if (found.date || found.time || found.text) {
      markFailed();
      return;
    }
    const occurredAt = localDateTimeIso(parseUkDate(date) ?? '', parseTime(time) ?? [0, 0]);
    const input = { occurredAt, type, text: text.trim(), thirdPartySensitive: sensitive };
    setBusy(true);
    try {
      if (note) await updateNote(note.id, note.version, input);
      else await createNote(input);
      if (!note) {
        setText('');
        setSensitive(false);
        void draft.submitted();
      }
      onDone(note ? 'Note updated. The previous version is kept in its history.' : 'Note added.');
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'CONFLICT')) setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="case-form"
      aria-labelledby={note ? undefined : 'add-note-heading'}
      aria-label={note ? 'Edit note' : undefined}
    >
      {!note && <h4 id="add-note-heading">Add a note</h4>}
      <FormError id={`${id}-error`}>{formError}</FormError>
      {!note && <DraftNotice draft={draft} onDiscard={clearText} />}
      <div className="form-columns form-columns--three">
        <DateField
          id={`${id}-date`}
          label="Date"
          hint="dd/mm/yyyy"
          value={date}
          onValueChange={setDate}
          error={errors.date}
          inputMode="numeric"
        />
        <TextField
          id={`${id}-time`}
          label="Time"
          hint="HH:mm, 24-hour"
          value={time}
          onValueChange={setTime}
          error={errors.time}
          inputMode="numeric"
          autoComplete="off"
        />
        <SelectField
          id={`${id}-type`}
          label="Type"
          value={type}
          onValueChange={setType}
          options={optionsOf(NOTE_TYPE_LABELS)}
        />
      </div>
      <TextAreaField
        id={`${id}-text`}
        label="Note"
        hint="Ctrl+Enter saves the note."
        value={text}
        onValueChange={setText}
        error={errors.text}
        rows={5}
        textAreaRef={textRef}
        onSubmitShortcut={() => void submit()}
      />
      <CheckboxField
        id={`${id}-sensitive`}
        label="Contains third-party information"
        hint="Information about other people (e.g. a sibling or a victim): it will be redacted from a subject access request."
        checked={sensitive}
        onCheckedChange={setSensitive}
      />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : note ? 'Save changes' : 'Add note'}
        </button>
        {note && (
          <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
