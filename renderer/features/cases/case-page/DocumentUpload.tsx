import { useRef, useState, type FormEvent } from 'react';
import type { DocumentView } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { CheckboxField, FileField, TextAreaField, TextField } from '../../../components/fields';
import { errorMessage } from '../../../lib/api';
import { uploadDocument } from '../../../lib/documents';
import { useFocusFirstInvalid } from '../../../lib/useFocusFirstInvalid';
import { formatBytes } from './labels';
import { refreshDocuments } from './case-actions';
import styles from './DocumentUpload.module.css';

export const THIRD_PARTY_LABEL = 'Holds third-party information';
export const THIRD_PARTY_HINT =
  'About other people (for example a victim’s statement or a sibling’s report): left unticked when the case is sent, and withheld from a subject access request.';

/** "Referral form.pdf" -> "Referral form": a sensible default title. */
function titleFromName(name: string): string {
  return (
    name
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .replace(/[_]+/g, ' ')
      .trim() || name
  );
}

/**
 * Attach a file. The browser streams the chosen File as the request body; this code never
 * reads its bytes, so a large video does not fill the renderer's memory.
 */
export function DocumentUpload({ caseId, onUploaded }: { caseId: string; onUploaded: (doc: DocumentView) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [thirdParty, setThirdParty] = useState(false);
  const [errors, setErrors] = useState<{ file: string | null; title: string | null }>({ file: null, title: null });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const { formRef, markFailed } = useFocusFirstInvalid();

  function choose(f: File | null) {
    setFile(f);
    if (f && !title.trim()) setTitle(titleFromName(f.name));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = {
      file: file ? null : 'Choose a file to attach.',
      title: title.trim() ? null : 'Give the document a title.',
    };
    setErrors(found);
    setFormError(null);
    if (!file || found.title) {
      markFailed();
      return;
    }
    setBusy(true);
    abort.current = new AbortController();
    try {
      const doc = await uploadDocument(
        { caseId, file, title: title.trim(), description: description.trim() || null, thirdParty },
        abort.current.signal,
      );
      await refreshDocuments();
      setFile(null);
      setTitle('');
      setDescription('');
      setThirdParty(false);
      if (fileInput.current) fileInput.current.value = '';
      onUploaded(doc);
    } catch (err) {
      setFormError(abort.current.signal.aborted ? 'The upload was cancelled. Nothing was saved.' : errorMessage(err));
    } finally {
      setBusy(false);
      abort.current = null;
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="attach-heading">
      <h4 id="attach-heading">Attach a document</h4>
      <FormError id="attach-error">{formError}</FormError>
      <FileField
        id="attach-file"
        label="File"
        hint="Any type: PDF, Word, image, audio or video. It is encrypted as it is stored."
        error={errors.file}
        inputRef={fileInput}
        onFile={choose}
        after={
          file && (
            <p className="field__hint">
              Chosen: {file.name} ({formatBytes(file.size)})
            </p>
          )
        }
      />
      <TextField
        id="attach-title"
        label="Title"
        value={title}
        onValueChange={setTitle}
        error={errors.title}
        autoComplete="off"
      />
      <TextAreaField
        id="attach-description"
        label="Description (optional)"
        value={description}
        onValueChange={setDescription}
        rows={2}
      />
      <CheckboxField
        id="attach-third-party"
        label={THIRD_PARTY_LABEL}
        hint={THIRD_PARTY_HINT}
        checked={thirdParty}
        onCheckedChange={setThirdParty}
      />
      {busy && file && (
        <div className={styles.progress} role="status">
          <label htmlFor="attach-progress">
            Encrypting and storing {file.name} ({formatBytes(file.size)})…
          </label>
          <progress id="attach-progress" className={styles.bar} />
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Attaching…' : 'Attach document'}
        </button>
        {busy && (
          <button type="button" className="button button--secondary" onClick={() => abort.current?.abort()}>
            Cancel upload
          </button>
        )}
      </div>
    </form>
  );
}
