import { useEffect, useState, type FormEvent } from 'react';
import type { BundleContentsView, BundleExportView } from '../../../preload/contract/bundles';
import { TextAreaField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { call, errorMessage } from '../../lib/api';
import { useSharingStore } from '../../stores/sharing';
import { CasePicker } from './CasePicker';
import { RecipientChoice, type Recipients } from './RecipientChoice';
import { bundleDownloadUrl, formatSize, loadColleagues } from './sharing-actions';
import { includeAll, WhatGoesIn, type Inclusion } from './WhatGoesIn';
import { countOf } from '../../../preload/contract/plural';
import styles from './SendCase.module.css';

/** Examples of a Caldicott basis for sharing, to help people write their own. */
const BASIS_EXAMPLES = [
  'Transfer of care to the receiving clinician for direct care (duty to share, Caldicott principle 7).',
  'Joint work on the assessment with a colleague in another team: need to know, minimum necessary.',
  'Safeguarding: information shared with the local authority social worker to protect a child.',
];

/**
 * Send a case: choose it, choose what goes in and who can open it, record the basis for
 * sharing, and create the bundle; then download the file to pass on.
 */
export function SendCase() {
  const preselected = useSharingStore((s) => s.sendCaseId);
  const colleagues = useSharingStore((s) => s.colleagues);
  const [caseId, setCaseId] = useState<string | null>(preselected);
  const [contents, setContents] = useState<BundleContentsView | null>(null);
  const [inclusion, setInclusion] = useState<Inclusion | null>(null);
  const [recipients, setRecipients] = useState<Recipients>({ mode: 'colleagues', colleagueIds: new Set(), raw: '' });
  const [passphrase, setPassphrase] = useState<{ passphrase: string; allowed: boolean } | null>(null);
  const [basis, setBasis] = useState('');
  const [errors, setErrors] = useState<{ recipients: string | null; basis: string | null }>({
    recipients: null,
    basis: null,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<(BundleExportView & { passphrase: string | null }) | null>(null);

  useEffect(() => {
    loadColleagues().catch((err: unknown) => setFormError(errorMessage(err)));
    call('bundle:preparePassphrase', {})
      .then(setPassphrase)
      .catch((err: unknown) => setFormError(errorMessage(err)));
  }, []);

  useEffect(() => {
    if (!caseId) return;
    call('bundle:contents', { caseId })
      .then((c) => {
        setContents(c);
        setInclusion(includeAll(c));
      })
      .catch((err: unknown) => setFormError(errorMessage(err)));
  }, [caseId]);

  function chooseCase(id: string | null) {
    setContents(null);
    setMade(null);
    setCaseId(id);
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    if (busy || !contents || !inclusion) return;
    const raw = recipients.raw.trim();
    const found = {
      recipients:
        recipients.mode === 'colleagues' && recipients.colleagueIds.size === 0 && !raw
          ? 'Choose at least one colleague, or use a passphrase.'
          : null,
      basis: basis.trim().length < 3 ? 'Record the basis for sharing.' : null,
    };
    setErrors(found);
    setFormError(null);
    if (found.recipients || found.basis) {
      document.getElementById(found.recipients ? 'mode-colleagues' : 'sharing-basis')?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await call('bundle:export', {
        caseId: contents.caseId,
        include: {
          modules: [...inclusion.parts, ...(inclusion.documents.size > 0 ? ['documents'] : [])],
          documentIds: [...inclusion.documents],
          thirdParty: inclusion.thirdParty,
        },
        ...(recipients.mode === 'passphrase' && passphrase
          ? { passphrase: passphrase.passphrase }
          : { recipients: { colleagueIds: [...recipients.colleagueIds], raw: raw ? [raw] : [] } }),
        basis,
      });
      setMade({ ...result, passphrase: recipients.mode === 'passphrase' ? (passphrase?.passphrase ?? null) : null });
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (made) {
    return (
      <section aria-labelledby="sharing-view-heading" className="send-done">
        <div role="status" className="result result--ok">
          The bundle for case {made.caseReference} is ready: {countOf(made.records, 'record')} and{' '}
          {countOf(made.documents, 'document')}
          {made.documentBytes > 0 ? ` (${formatSize(made.documentBytes)})` : ''}, for {made.recipients.join('; ')}.
        </div>
        {made.passphrase && (
          <div className="warning-text">
            <p>
              The passphrase is <span className="passphrase mono">{made.passphrase}</span>
            </p>
            <strong>Send it by a different route from the bundle</strong>, for example read it out by phone. It is not
            kept: once you leave this page it cannot be shown again.
          </div>
        )}
        <p>
          <a className="button" href={bundleDownloadUrl(made.bundleId)} download={made.fileName}>
            Download {made.fileName}
          </a>
        </p>
        <p className="field__hint">
          The file is encrypted. Pass it on by secure e-mail or on encrypted removable media. It stays available here
          for a day.
        </p>
        <button type="button" className="link-button" onClick={() => setMade(null)}>
          Send this case again
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby="sharing-view-heading">
      <p className="lead">Send a case to a colleague on another computer as an encrypted bundle file.</p>
      <FormError id="send-error">{formError}</FormError>
      <h3>1. The case</h3>
      {contents ? (
        <p className={styles.chosenCase}>
          <strong>{contents.reference}</strong> {contents.displayName}{' '}
          <button type="button" className="link-button" onClick={() => chooseCase(null)}>
            Choose another case
          </button>
        </p>
      ) : (
        <CasePicker onChoose={chooseCase} />
      )}
      {contents && inclusion && (
        <form noValidate onSubmit={(e) => void create(e)} className={styles.form}>
          <WhatGoesIn contents={contents} value={inclusion} onChange={setInclusion} />
          <RecipientChoice
            colleagues={colleagues ?? []}
            value={recipients}
            onChange={setRecipients}
            passphrase={passphrase?.passphrase ?? null}
            passphraseAllowed={passphrase?.allowed ?? false}
            error={errors.recipients}
          />
          <h3>4. Why you are sharing it</h3>
          <TextAreaField
            id="sharing-basis"
            label="Basis for sharing (Caldicott)"
            hint={
              <>
                Recorded in the bundle and the audit log. For example:
                <ul className={styles.examples}>
                  {BASIS_EXAMPLES.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </>
            }
            error={errors.basis}
            value={basis}
            onValueChange={setBasis}
          />
          <div className="button-row">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy ? 'Creating the bundle…' : 'Create bundle'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
