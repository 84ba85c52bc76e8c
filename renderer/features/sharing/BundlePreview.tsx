import type { BundlePreviewView, SenderStatus } from '../../../preload/contract/bundles';
import { formatDateTime } from '../../lib/dates';
import { Fingerprint } from './Fingerprint';
import { partLabel } from './sharing-actions';
import styles from './BundlePreview.module.css';

const SENDER_TEXT: Record<SenderStatus, string> = {
  self: 'A user of this vault',
  verified: 'A verified colleague',
  unverified: 'In your colleagues, but NOT verified',
  unknown: 'NOT one of your colleagues',
  revoked: 'Their card was REVOKED',
};

/** The record counts in words, leaving out the kinds there are none of. */
function recordSummary(c: BundlePreviewView['counts']): string {
  const parts = [
    [c.new, 'new'],
    [c.update, 'updated'],
    [c.unchanged, 'unchanged'],
    [c['keep-local'], 'kept as they are here (newer here)'],
    [c.conflict, c.conflict === 1 ? 'conflict' : 'conflicts'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length ? said.join(', ') : 'none';
}

/** What applying a bundle would do: who sent it, the case, and how many records change. */
export function BundlePreview({ preview: p }: { preview: BundlePreviewView }) {
  const c = p.counts;
  const trusted = p.sender.status === 'verified' || p.sender.status === 'self';
  return (
    <div className={styles.preview} data-testid="bundle-preview">
      <h3>From</h3>
      <p>
        <strong>{p.sender.name}</strong>, {p.sender.service}{' '}
        <span className={`tag tag--${trusted ? 'verified' : 'unverified'}`}>{SENDER_TEXT[p.sender.status]}</span>
      </p>
      {!trusted && (
        <div className="warning-text">
          <p>
            Check the fingerprint with {p.sender.name} by phone or in person before you import. It must match exactly
            (capital letters and the digits 2 to 7 only):
          </p>
          <Fingerprint value={p.sender.fingerprint} />
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>Sent</dt>
          <dd>{formatDateTime(p.created)}</dd>
        </div>
        <div>
          <dt>Their basis for sharing</dt>
          <dd>{p.basis}</dd>
        </div>
        <div>
          <dt>Case</dt>
          <dd>
            {p.caseTitle ? `${p.caseTitle}. ` : ''}
            {p.caseAction === 'new'
              ? p.referenceClash
                ? `A new case. Their reference ${p.caseReference} is already used here by a different case, so it will get the next free reference.`
                : `A new case: ${p.caseReference}.`
              : `Updates case ${p.localReference ?? p.caseReference}, already here${p.localReference && p.localReference !== p.caseReference ? ` (their reference ${p.caseReference})` : ''}.`}
          </dd>
        </div>
        <div>
          <dt>Records</dt>
          <dd>{recordSummary(c)}</dd>
        </div>
        <div>
          <dt>Documents</dt>
          <dd>
            {p.documents.new} new, {p.documents.present} already here
          </dd>
        </div>
      </dl>
      {c.conflict > 0 && (
        <p className="warning-text">
          {c.conflict === 1 ? 'One record was' : `${c.conflict} records were`} changed both here and by the sender. Your
          version is kept and the case is flagged, so that you can review each one and choose which to keep.
        </p>
      )}
      {p.alreadyImported && (
        <p className="notice">This bundle was imported before. Importing it again changes nothing.</p>
      )}
      <details className={styles.details}>
        <summary>Records by part of the case</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">New</th>
              <th scope="col">Updated</th>
              <th scope="col">Unchanged</th>
              <th scope="col">Conflicts</th>
            </tr>
          </thead>
          <tbody>
            {p.modules.map((m) => (
              <tr key={m.module}>
                <th scope="row">{partLabel(m.module)}</th>
                <td>{m.counts.new}</td>
                <td>{m.counts.update}</td>
                <td>{m.counts.unchanged + m.counts['keep-local']}</td>
                <td>{m.counts.conflict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
