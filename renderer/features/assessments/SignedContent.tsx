import type { ReactNode } from 'react';
import type { AssessmentView } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { SummaryList } from '../cases/case-page/SummaryList';
import { LEVEL_WORDS, NEEDS, RISKS } from './labels';
import styles from './SignedContent.module.css';

const level = (v: string | null) => (v ? (LEVEL_WORDS[v] ?? v) : '');

/** "Medium. Escalating online contact." */
function risk(levelValue: string | null, rationale: string | null): ReactNode {
  if (!levelValue && !rationale) return '';
  return [level(levelValue) || 'Not rated', rationale].filter(Boolean).join('. ');
}

/** Who signed the report first, and what to do instead of editing. */
function LockNote({ a, canWrite }: { a: AssessmentView; canWrite: boolean }) {
  const first = a.signoff.signedVersions[0];
  const addendumId = `assessment-addendum-${a.id}`;
  return (
    <div className={styles.note}>
      <p>
        {first
          ? `Signed off by ${first.signedByName} on ${formatDate(first.signedAt)}. What was signed can no longer be changed: corrections and additions are addenda to the report.`
          : `The report was sent on ${formatDate(a.reportSentDate)} and the assessment is complete, so it can no longer be changed.`}
      </p>
      {first && canWrite && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            const field = document.getElementById(addendumId);
            field?.scrollIntoView({ block: 'center' });
            field?.focus();
          }}
        >
          Add an addendum
        </button>
      )}
    </div>
  );
}

/**
 * The assessment's own fields once signed off (or complete), as text rather than a form whose
 * save the core would refuse: risks and needs with the structured tools, and the formulation,
 * each headed as the form was, with the sign-off note and the way to an addendum.
 */
export function SignedContent({ assessment: a, canWrite }: { assessment: AssessmentView; canWrite: boolean }) {
  return (
    <>
      <section aria-labelledby="assessment-risks-heading" className={styles.section}>
        <h4 id="assessment-risks-heading">Risks and needs</h4>
        <LockNote a={a} canWrite={canWrite} />
        <SummaryList
          label="Risks"
          rows={[
            ...RISKS.map(([l, r, label]): [string, ReactNode] => [label, risk(a[l], a[r])]),
            ['Protective factors', a.protectiveFactors ?? ''],
          ]}
        />
        <h5>Needs by domain</h5>
        <SummaryList
          label="Needs by domain"
          rows={NEEDS.map(([k, label]): [string, ReactNode] => [label, a[k] ?? ''])}
        />
        <h5>Structured tools</h5>
        <SummaryList
          label="Structured tools"
          rows={[
            ['AIM3 concern level', level(a.aim3Concern)],
            ['AIM3 supervision level', level(a.aim3Supervision)],
            ['ERASOR 2.0 overall rating', level(a.erasorOverall)],
            ['J-SOAP-II (% of maximum)', a.jsoapPercent === null ? '' : `${a.jsoapPercent}%`],
          ]}
        />
      </section>
      <section aria-labelledby="assessment-formulation-heading" className={styles.section}>
        <h4 id="assessment-formulation-heading">Formulation</h4>
        {a.formulation ? <p className={styles.text}>{a.formulation}</p> : <p className="muted">Not recorded</p>}
      </section>
    </>
  );
}
