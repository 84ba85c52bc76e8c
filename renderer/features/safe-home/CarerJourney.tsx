/**
 * One carer's Safe Home journey as their own case shows it: progress and completion in words,
 * ratings before and after, themes covered and missed, and each session with their state, the
 * group note (only of sessions they attended) and their own note. Nothing of another family is
 * in the view the core sends, and nothing is added here.
 */
import {
  DELIVERY_LABELS,
  REGISTER_STATE_LABELS,
  SESSION_KIND_LABELS,
  WITHDRAWAL_REASON_LABELS,
  type CarerJourneyView,
} from '../../../preload/contract/safe-home';
import { formatDate } from '../../lib/dates';
import { COMPLETION_LABELS, ratingWords } from './labels';
import styles from './SafeHome.module.css';

export function CarerJourney({ journey }: { journey: CarerJourneyView }) {
  const p = journey.progress;
  const id = `journey-${journey.enrolmentId}`;
  return (
    <article aria-labelledby={`${id}-heading`} className={styles.journey} data-testid="carer-journey">
      <h4 id={`${id}-heading`}>
        {journey.carerName}
        {journey.relationship ? `, ${journey.relationship}` : ''}: {journey.runTitle}
      </h4>
      <p className={styles.completion}>
        <span className={`tag ${p.completion === 'completed' ? '' : 'tag--grey'}`}>
          {COMPLETION_LABELS[p.completion]}
        </span>{' '}
        {p.completionWords}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Delivery</dt>
          <dd>{DELIVERY_LABELS[journey.delivery]}</dd>
        </div>
        <div>
          <dt>Enrolled</dt>
          <dd>{formatDate(journey.enrolledOn)}</dd>
        </div>
        <div>
          <dt>Sessions attended</dt>
          <dd>
            {p.sessionsAttended} of {p.plannedSessions} planned ({p.sessionsHeld} held so far)
            {p.catchUpsAttended > 0 ? `, and ${p.catchUpsAttended} catch-up${p.catchUpsAttended === 1 ? '' : 's'}` : ''}
          </dd>
        </div>
        <div>
          <dt>Themes covered</dt>
          <dd>{p.themesCovered.length === 0 ? 'None yet' : p.themesCovered.map((t) => t.label).join('; ')}</dd>
        </div>
        <div>
          <dt>Themes missed</dt>
          <dd>{p.themesMissed.length === 0 ? 'None' : p.themesMissed.map((t) => t.label).join('; ')}</dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>
            Before: {ratingWords(p.confidenceBefore)}; after: {ratingWords(p.confidenceAfter)}
          </dd>
        </div>
        <div>
          <dt>Knowledge</dt>
          <dd>
            Before: {ratingWords(p.knowledgeBefore)}; after: {ratingWords(p.knowledgeAfter)}
          </dd>
        </div>
        {p.goals.map((g, i) => (
          <div key={g.id}>
            <dt>Goal {i + 1}</dt>
            <dd>
              {g.description}: at the start {ratingWords(g.baseline)}, latest {ratingWords(g.latest)}
            </dd>
          </div>
        ))}
        {journey.withdrawal && (
          <div>
            <dt>Withdrew</dt>
            <dd>
              {formatDate(journey.withdrawal.withdrawnOn)}: {WITHDRAWAL_REASON_LABELS[journey.withdrawal.reason]}
            </dd>
          </div>
        )}
      </dl>
      <h5>Sessions</h5>
      <ol className={styles.sessions}>
        {journey.sessions.map((s) => (
          <li key={s.sessionId} className={styles.session}>
            <p className={styles.sessionHead}>
              <strong>
                {s.kind === 'planned' ? `Session ${s.seq}` : `${SESSION_KIND_LABELS.catch_up} for session ${s.seq}`},{' '}
                {formatDate(s.sessionDate)}
              </strong>
              : {s.state ? REGISTER_STATE_LABELS[s.state] : 'Register not yet taken'}
              {s.reason ? ` (${s.reason})` : ''}
            </p>
            {s.themes.length > 0 && <p className="muted">Themes: {s.themes.map((t) => t.label).join('; ')}</p>}
            {s.groupNote && (
              <div className={styles.note}>
                <p className={styles.noteLabel}>Group note</p>
                <p className={styles.noteText}>{s.groupNote}</p>
              </div>
            )}
            {s.carerNote && (
              <div className={styles.note}>
                <p className={styles.noteLabel}>Note about {journey.carerName}</p>
                <p className={styles.noteText}>{s.carerNote}</p>
              </div>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
