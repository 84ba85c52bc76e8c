import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DocumentView } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { TextAreaField, TextField } from '../../../components/fields';
import { ApiError, errorMessage } from '../../../lib/api';
import { updateDocument } from './case-actions';

/** Change a document's title and description (its bytes never change once stored). */
export function DocumentDetailsForm({ doc, onDone }: { doc: DocumentView; onDone: (saved: string | null) => void }) {
  const [title, setTitle] = useState(doc.title);
  const [description, setDescription] = useState(doc.description ?? '');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!title.trim()) {
      setTitleError('Give the document a title.');
      titleRef.current?.focus();
      return;
    }
    setTitleError(null);
    setFormError(null);
    setBusy(true);
    try {
      await updateDocument(doc.id, doc.version, title.trim(), description.trim() || null);
      onDone(`The details of ${title.trim()} were saved.`);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'CONFLICT')) setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="case-form" aria-label={`Change the details of ${doc.title}`}>
      <FormError id="document-details-error">{formError}</FormError>
      <TextField
        id="document-title"
        label="Title"
        value={title}
        onValueChange={setTitle}
        error={titleError}
        inputRef={titleRef}
        autoComplete="off"
      />
      <TextAreaField
        id="document-description"
        label="Description (optional)"
        value={description}
        onValueChange={setDescription}
        rows={2}
      />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
