import { RESPONDENT_LABELS, type AdministrationView } from '../../../preload/contract';
import { formatScore } from '../../../preload/contract/psychometric-bands';
import { formatDate } from '../../lib/dates';
import { bandPosition } from './band-text';
import styles from './PsychometricsTab.module.css';

/** The ids of a card's buttons, so focus can come back to them after a form or dialog. */
export const correctButtonId = (id: string) => `correct-psychometric-button-${id}`;
export const removeButtonId = (id: string) => `remove-psychometric-button-${id}`;

/** What a clinician calls one administration: "SDQ (carer) of 03/02/2026". */
export function administrationTitle(a: AdministrationView): string {
  return `${a.instrumentName} (${RESPONDENT_LABELS[a.respondentType]}) of ${formatDate(a.administeredOn)}`;
}

/**
 * One administration: each score with its band in words and its place among the bands (never
 * colour alone), the scales not scored, the notes; and, for those who may write, its correct
 * and remove buttons (their accessible names say which questionnaire).
 */
export function AdministrationCard(props: {
  a: AdministrationView;
  onCorrect: (() => void) | null;
  onRemove: (() => void) | null;
}) {
  const { a, onCorrect, onRemove } = props;
  const headingId = `psychometric-${a.id}`;
  const scored = a.scores.filter((s) => s.score !== null);
  const which = <span className="visually-hidden"> {administrationTitle(a)}</span>;
  return (
    <article aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.cardHeading}>
        {formatDate(a.administeredOn)}: {a.instrumentName} ({RESPONDENT_LABELS[a.respondentType]})
      </h4>
      <p className={`muted ${styles.meta}`}>
        {a.instrumentVersion && `Version ${a.instrumentVersion}. `}Answered by {a.respondentLabel}. Administered by{' '}
        {a.administeredByName}.
      </p>
      <table className={styles.scores}>
        <caption className="visually-hidden">
          Scores of {a.instrumentName} on {formatDate(a.administeredOn)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Scale</th>
            <th scope="col">Score</th>
            <th scope="col">Band</th>
          </tr>
        </thead>
        <tbody>
          {scored.map((s) => (
            <tr key={s.scaleKey}>
              <th scope="row">{s.scaleName}</th>
              <td>
                <span className={styles.cellLabel}>Score: </span>
                {formatScore(s.score as number)}
                <span className={`muted ${styles.range}`}>
                  {' '}
                  ({formatScore(s.min)}–{formatScore(s.max)})
                </span>
              </td>
              <td>
                <span className={styles.cellLabel}>Band: </span>
                {s.band && s.bandIndex !== null ? (
                  <span className={styles.band}>
                    {s.band.label}{' '}
                    <span className={`muted ${styles.bandPosition}`}>({bandPosition(s.bandIndex, s.bandCount)})</span>
                  </span>
                ) : (
                  <span className="muted">No bands set</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {scored.length < a.scores.length && (
        <p className="muted">
          Not scored:{' '}
          {a.scores
            .filter((s) => s.score === null)
            .map((s) => s.scaleName)
            .join(', ')}
          .
        </p>
      )}
      {a.notes && <p>{a.notes}</p>}
      {(onCorrect || onRemove) && (
        <div className={`button-row ${styles.cardActions}`}>
          {onCorrect && (
            <button type="button" id={correctButtonId(a.id)} className="button button--secondary" onClick={onCorrect}>
              Correct{which}
            </button>
          )}
          {onRemove && (
            <button
              type="button"
              id={removeButtonId(a.id)}
              className="link-button link-button--danger"
              onClick={onRemove}
            >
              Remove{which}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
