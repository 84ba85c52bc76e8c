/**
 * One saved procedure in full: what the family view shows, and the coding behind it (coder,
 * reliability, blind coding, the second coder), its recordings (opened in the document viewer),
 * and the warnings acknowledged when it was saved, with who and when.
 */
import type { ReactNode } from 'react';
import { TRANSCRIPT_STATUS_LABELS, type ProcedureView } from '../../../preload/contract/attachment';
import { ADULT_SCALES, CHILD_SCALES, DMM_PROCEDURES, ageText } from '../../../preload/contract/dmm';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useCasePageStore } from '../../stores/case-page';
import { SummaryList } from '../cases/case-page/SummaryList';
import { ModifierText } from './ModifierText';
import { TierBadge } from './TierBadge';
import styles from './AttachmentTab.module.css';

const yesNo = (b: boolean | null): string => (b === null ? '' : b ? 'Yes' : 'No');

function secondCodingText(p: ProcedureView): string {
  const s = p.secondCoding;
  if (!s) return 'None';
  const agreement = s.agreement === null ? 'not yet compared' : s.agreement === 'agreed' ? 'agreed' : 'disagreed';
  return `${s.coderName}: ${agreement}${s.resolution ? `. Resolved: ${s.resolution}` : ''}`;
}

function careIndexText(p: ProcedureView): string {
  const c = p.careIndex;
  if (!c) return '';
  const variant = DMM_PROCEDURES[p.procedure].childScales ?? 'infant';
  const adult = ADULT_SCALES.map((s) => `${s.label.toLowerCase()} ${c.adult[s.key] ?? '–'}`).join(', ');
  const child = CHILD_SCALES[variant].map((s) => `${s.label.toLowerCase()} ${c.child[s.key] ?? '–'}`).join(', ');
  return `Adult: ${adult}. Child: ${child}. Sensitivity band: ${c.sensitivityBand}.`;
}

export function ProcedureCard({
  p,
  canWrite,
  onEdit,
  onRemove,
  onView,
}: {
  p: ProcedureView;
  canWrite: boolean;
  onEdit: () => void;
  onRemove: () => void;
  onView: (documentId: string) => void;
}) {
  const documents = useCasePageStore((s) => s.documents);
  const headingId = `procedure-${p.id}`;
  const result =
    DMM_PROCEDURES[p.procedure].output === 'care-index'
      ? careIndexText(p)
      : p.classification
        ? `${p.classification}${p.classificationMeaning ? ` (${p.classificationMeaning})` : ''}`
        : '';
  return (
    <li className={styles.card}>
      <article aria-labelledby={headingId}>
        <div className={styles.cardHead}>
          <h5 id={headingId} className={styles.cardHeading}>
            {p.procedure} of {p.subjectName} ({p.relationship}), {formatDate(p.administeredOn)}
          </h5>
          <TierBadge tier={p.tier} />
        </div>
        <SummaryList
          label={`Details of the ${p.procedure} of ${p.subjectName}`}
          rows={[
            ['Procedure', p.procedureLabel],
            ...(p.figureLabel ? ([['Figure', p.figureLabel]] as [string, string][]) : []),
            ['Age on the day', p.ageMonths === null ? 'Not known (no date of birth)' : ageText(p.ageMonths)],
            ['Administered by', p.administeredByName],
            [DMM_PROCEDURES[p.procedure].output === 'care-index' ? 'Scores' : 'Classification', result],
            ...(p.modifiers.length > 0
              ? ([
                  [
                    'Modifiers',
                    <ul key="modifiers" className={styles.plainList}>
                      {p.modifiers.map((m) => (
                        <li key={m.text}>
                          <ModifierText text={m.text} />
                        </li>
                      ))}
                    </ul>,
                  ],
                ] as [string, ReactNode][])
              : []),
            ['Coder', p.coderName ?? ''],
            ['Certified reliable', yesNo(p.coderReliable)],
            ['Coded blind', yesNo(p.blindCoded)],
            ['Second coder', secondCodingText(p)],
            ['Transcript', TRANSCRIPT_STATUS_LABELS[p.transcriptStatus]],
            ...(p.notes ? ([['Notes', p.notes]] as [string, string][]) : []),
          ]}
        />
        {p.recordingDocumentIds.length > 0 && (
          <div className={styles.recordings}>
            <p className={styles.subheading}>Recordings</p>
            <ul className={styles.plainList}>
              {p.recordingDocumentIds.map((id) => {
                const doc = documents?.find((d) => d.id === id);
                return (
                  <li key={id}>
                    {doc ? (
                      <button type="button" className="link-button" onClick={() => onView(id)}>
                        View {doc.title}
                      </button>
                    ) : (
                      <span className="muted">A document no longer listed on the case</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {p.warnings.length > 0 && (
          <div className={styles.acknowledged}>
            <p className={styles.subheading}>Warnings acknowledged</p>
            <ul>
              {p.warnings.map((w) => (
                <li key={w.key}>
                  {w.message}{' '}
                  <span className="muted">
                    (acknowledged by {w.acknowledgedByName}, {formatDateTime(w.acknowledgedAt)})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {canWrite && (
          <div className="button-row button-row--tight">
            <button type="button" className="button button--secondary button--small" onClick={onEdit}>
              Change
              <span className="visually-hidden">
                {' '}
                the {p.procedure} of {p.subjectName}
              </span>
            </button>
            <button type="button" className="link-button link-button--danger" onClick={onRemove}>
              Remove
              <span className="visually-hidden">
                {' '}
                the {p.procedure} of {p.subjectName}
              </span>
            </button>
          </div>
        )}
      </article>
    </li>
  );
}
