import { useState, type FormEvent } from 'react';
import type { BundleApplyView, BundlePreviewView } from '../../../preload/contract/bundles';
import { FormError } from '../../components/FormError';
import { FileField, TextField } from '../../components/fields';
import { ApiError, call, errorMessage } from '../../lib/api';
import { openCase } from '../../stores/cases';
import { goToArea } from '../../stores/shell';
import { BundlePreview } from './BundlePreview';
import { uploadBundle } from './sharing-actions';
import { countOf } from '../../../preload/contract/plural';

type Stage =
  | { kind: 'choose' }
  | { kind: 'passphrase'; inboxId: string }
  | { kind: 'preview'; inboxId: string; passphrase?: string; preview: BundlePreviewView }
  | { kind: 'done'; result: BundleApplyView };

/** Receive a case: choose the bundle file, check what it would do, then apply or discard it. */
export function ReceiveCase() {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function step(work: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function preview(inboxId: string, pass?: string) {
    const result = await call('bundle:preview', { inboxId, ...(pass !== undefined ? { passphrase: pass } : {}) });
    if (result.state === 'passphrase-needed') setStage({ kind: 'passphrase', inboxId });
    else
      setStage({
        kind: 'preview',
        inboxId,
        ...(pass !== undefined ? { passphrase: pass } : {}),
        preview: result.preview,
      });
  }

  const check = (e: FormEvent) => {
    e.preventDefault();
    void step(async () => {
      if (!file) throw new Error('no file');
      const { inboxId } = await uploadBundle(file);
      setChecked(false);
      await preview(inboxId);
    });
  };

  const reset = () => {
    setStage({ kind: 'choose' });
    setFile(null);
    setPassphrase('');
    setChecked(false);
  };

  return (
    <section aria-labelledby="sharing-view-heading">
      <p className="lead">
        Import a case a colleague sent you as a .ncatsbundle file. You see what it holds before anything changes.
      </p>
      <FormError id="receive-error">{error}</FormError>
      {stage.kind === 'choose' && (
        <form noValidate onSubmit={check}>
          <FileField
            id="bundle-file"
            label="Bundle file"
            hint="Choose the .ncatsbundle file you were sent."
            accept=".ncatsbundle"
            onFile={setFile}
          />
          <button type="submit" className="button" aria-disabled={!file || busy || undefined} disabled={!file}>
            {busy ? 'Checking the bundle…' : 'Check the bundle'}
          </button>
        </form>
      )}
      {stage.kind === 'passphrase' && (
        <form
          noValidate
          className="form-narrow"
          onSubmit={(e) => {
            e.preventDefault();
            void step(() => preview(stage.inboxId, passphrase));
          }}
        >
          <p>This bundle is protected by a passphrase. The sender should have given it to you separately.</p>
          <TextField
            id="bundle-passphrase"
            label="Passphrase"
            value={passphrase}
            onValueChange={setPassphrase}
            autoComplete="off"
            spellCheck={false}
            inputClassName="mono"
          />
          <div className="button-row">
            <button type="submit" className="button">
              Open the bundle
            </button>
            <DiscardButton inboxId={stage.inboxId} onDone={reset} onError={setError} />
          </div>
        </form>
      )}
      {stage.kind === 'preview' && (
        <>
          <BundlePreview preview={stage.preview} />
          {!['verified', 'self'].includes(stage.preview.sender.status) && stage.preview.sender.status !== 'revoked' && (
            <div className="checkbox checkbox--warning">
              <input
                id="sender-checked"
                type="checkbox"
                checked={checked}
                onChange={(e) => setChecked(e.target.checked)}
              />
              <label htmlFor="sender-checked">I have checked this fingerprint with the sender</label>
            </div>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() =>
                void step(async () => {
                  const needsCheck = !['verified', 'self'].includes(stage.preview.sender.status);
                  if (needsCheck && !checked) {
                    document.getElementById('sender-checked')?.focus();
                    throw new ApiError({
                      code: 'INVALID_INPUT',
                      message: `Check the fingerprint with ${stage.preview.sender.name} first, then tick the box to say you have.`,
                    });
                  }
                  const result = await call('bundle:apply', {
                    inboxId: stage.inboxId,
                    acceptUnknownSender: checked,
                    ...(stage.passphrase !== undefined ? { passphrase: stage.passphrase } : {}),
                  });
                  setStage({ kind: 'done', result });
                })
              }
            >
              {busy ? 'Importing…' : 'Import the case'}
            </button>
            <DiscardButton inboxId={stage.inboxId} onDone={reset} onError={setError} />
          </div>
        </>
      )}
      {stage.kind === 'done' && (
        <div>
          <div role="status" className="result result--ok">
            {stage.result.applied
              ? `The case was imported as ${stage.result.localReference ?? 'a new case'}.`
              : 'This bundle had been imported before. Nothing was changed.'}
            {stage.result.conflicts > 0 &&
              ` ${countOf(stage.result.conflicts, 'record differs', 'records differ')} from your version: the case is flagged for you to review them.`}
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                openCase(stage.result.caseId);
                goToArea('cases');
              }}
            >
              Open case {stage.result.localReference ?? ''}
            </button>
            <button type="button" className="button button--secondary" onClick={reset}>
              Import another bundle
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function DiscardButton({
  inboxId,
  onDone,
  onError,
}: {
  inboxId: string;
  onDone: () => void;
  onError: (m: string) => void;
}) {
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() =>
        void call('bundle:discard', { inboxId })
          .then(onDone)
          .catch((err: unknown) => onError(errorMessage(err)))
      }
    >
      Discard
    </button>
  );
}
