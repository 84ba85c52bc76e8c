import type { FamilyView as FamilyViewData, FamilyViewRow } from '../../../preload/contract/attachment';
import { DMM_PROCEDURES } from '../../../preload/contract/dmm';
import { formatDate } from '../../lib/dates';
import { ModifierText } from './ModifierText';
import { TierBadge } from './TierBadge';
import styles from './FamilyView.module.css';

function reliabilityText(r: boolean | null): string | null {
  if (r === null) return null;
  return r ? 'Coder certified reliable' : 'Coder not certified reliable';
}

function ProcedureRow({ row }: { row: FamilyViewRow }) {
  const reliability = reliabilityText(row.coderReliable);
  return (
    <li className={styles.row} data-testid="family-procedure">
      <p className={styles.procedure}>
        <abbr title={DMM_PROCEDURES[row.procedure].label}>{row.procedure}</abbr>
        {row.figureLabel && <span className={styles.figure}> {row.figureLabel}</span>}
      </p>
      <p className={`muted ${styles.date}`}>{formatDate(row.administeredOn)}</p>
      <p className={styles.classification}>
        <span className="visually-hidden">Classification: </span>
        {row.classification ?? <span className="muted">Not coded yet</span>}
      </p>
      {row.modifiers.length > 0 && (
        <ul className={styles.modifiers} aria-label="Modifiers">
          {row.modifiers.map((m) => (
            <li key={m}>
              <ModifierText text={m} />
            </li>
          ))}
        </ul>
      )}
      <p className={styles.tier}>
        <TierBadge tier={row.tier} />
      </p>
      {reliability && <p className={`muted ${styles.reliability}`}>{reliability}</p>}
    </li>
  );
}

/**
 * The family's attachment picture at a glance: one column per person (the young person
 * first, then each parent or carer), each procedure with its figure, date, classification,
 * modifiers and risk tier. The columns wrap to a stack on a narrow window.
 */
export function FamilyView({ family }: { family: FamilyViewData }) {
  return (
    <section aria-labelledby="family-view-heading" className={styles.section}>
      <h4 id="family-view-heading">Family view</h4>
      {family.people.length === 0 ? (
        <p className="muted">No procedures recorded yet. Add one below.</p>
      ) : (
        <ul className={styles.people} aria-label="The family’s attachment procedures, one column per person">
          {family.people.map((p) => {
            const headingId = `family-${p.personId ?? 'young-person'}`;
            return (
              <li key={p.personId ?? 'young-person'} className={styles.person}>
                <section aria-labelledby={headingId}>
                  <h5 id={headingId} className={styles.personHeading}>
                    {p.name}
                    <span className={styles.relationship}>{p.relationship}</span>
                  </h5>
                  {p.rows.length === 0 ? (
                    <p className="muted">No procedures yet.</p>
                  ) : (
                    <ol className={styles.rows} aria-label={`Procedures of ${p.name}, by date`}>
                      {p.rows.map((r) => (
                        <ProcedureRow key={r.procedureId} row={r} />
                      ))}
                    </ol>
                  )}
                </section>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
