/**
 * "Subject access request" on the case page, beside the chronology's downloads: whose records
 * (the young person, or one of the case's parents and carers), which copy (the requester's, or
 * the reviewer's with the redaction log), a preview in the app's PDF frame and the downloads.
 * The core withholds third-party items and names and audits each copy; this panel only builds
 * the addresses. Where the machine policy forbids saving reports, the preview stays (reading in
 * the app is allowed) and a note replaces the downloads.
 */
import { useState } from 'react';
import { ExportForbiddenNote } from '../../../components/ExportForbiddenNote';
import { SelectField } from '../../../components/fields/SelectField';
import { useCasePageStore } from '../../../stores/case-page';
import { useDocumentExportAllowed } from '../../../stores/machine-policy';
import { subjectAccessUrl, type SubjectAccessChoice } from './subject-access-links';
import styles from './SubjectAccessRequest.module.css';

const YOUNG_PERSON = 'young-person';

export function SubjectAccessRequest() {
  const caseId = useCasePageStore((s) => s.caseId);
  const people = useCasePageStore((s) => s.detail?.people ?? []);
  const [whose, setWhose] = useState(YOUNG_PERSON);
  const [reviewerCopy, setReviewerCopy] = useState(false);
  const [shown, setShown] = useState(false);
  const exportAllowed = useDocumentExportAllowed();
  if (!caseId) return null;
  const carers = people.filter((p) => p.kind === 'parent_carer' && !p.thirdParty);
  const choice: SubjectAccessChoice = { reviewerCopy, ...(whose !== YOUNG_PERSON ? { personId: whose } : {}) };
  const options = [
    { value: YOUNG_PERSON, label: 'The young person' },
    ...carers.map((p) => ({ value: p.id, label: p.relationship ? `${p.name} (${p.relationship})` : p.name })),
  ];
  const name = reviewerCopy ? 'reviewer’s copy' : 'requester’s copy';
  return (
    <section className={styles.panel} aria-labelledby="sar-heading">
      <h4 id="sar-heading">Subject access request</h4>
      <SelectField id="sar-whose" label="Whose records" value={whose} onValueChange={setWhose} options={options} />
      <div className="checkbox checkbox--compact">
        <input
          id="sar-reviewer"
          type="checkbox"
          checked={reviewerCopy}
          aria-describedby="sar-reviewer-hint"
          onChange={(e) => setReviewerCopy(e.target.checked)}
        />
        <label htmlFor="sar-reviewer">Reviewer’s copy, with the redaction log</label>
      </div>
      <p id="sar-reviewer-hint" className={styles.hint}>
        The reviewer’s copy shows what was redacted and why, with the original text: never send it to the requester.
      </p>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={shown}
          aria-controls="sar-preview"
          onClick={() => setShown((s) => !s)}
        >
          {shown ? `Hide the ${name}` : `Preview the ${name}`}
        </button>
        {exportAllowed && (
          <>
            <a className="button button--secondary" href={subjectAccessUrl('reports', caseId, 'pdf', choice)} download>
              Download the {name} (PDF)
            </a>
            <a className="button button--secondary" href={subjectAccessUrl('reports', caseId, 'docx', choice)} download>
              Download the {name} (Word)
            </a>
          </>
        )}
      </div>
      {!exportAllowed && <ExportForbiddenNote what="subject access copies" />}
      <p className={styles.hint}>
        Items about other people (victims, brothers and sisters, other families) are withheld and their names taken out.
        Each copy is recorded in the audit trail.
      </p>
      <div id="sar-preview" className={styles.viewer} hidden={!shown} data-testid="sar-preview">
        {/* toolbar=0: a copy leaves the vault only through the audited downloads. */}
        {shown && (
          <iframe
            key={`${whose}-${reviewerCopy}`}
            className={styles.viewerPdf}
            src={`${subjectAccessUrl('report-preview', caseId, 'pdf', choice)}#toolbar=0`}
            title={`PDF: subject access request, ${name}`}
          />
        )}
      </div>
    </section>
  );
}
