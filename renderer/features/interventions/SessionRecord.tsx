/**
 * One session in the log: when, how long, the type and venue, the attendance in words (with the
 * reason when it was not attended), the goals worked on and the ratings, the note, the
 * safeguarding concerns raised in it, and where it stands in sign-off with its addenda. What
 * can be done next: edit while unsigned, sign a held session, add an addendum once signed,
 * raise a concern on a held session.
 */
import { useState } from 'react';
import {
  SESSION_TYPE_LABELS,
  VENUE_LABELS,
  type ConcernView,
  type InterventionSessionView,
  type PlanView,
} from '../../../preload/contract/interventions';
import { formatDate, formatDateTime } from '../../lib/dates';
import { SummaryList } from '../cases/case-page/SummaryList';
import { ConcernForm } from './ConcernForm';
import { SessionAddendumForm, SignSession } from './SessionSignOff';
import { attendanceWords, durationWords, goalsWorkedOnWords, ratingsWords } from './session-words';
import styles from './Interventions.module.css';

const text = (value: string) => (value ? <span className={styles.longText}>{value}</span> : '');

function statusTag(s: InterventionSessionView): { words: string; className: string } {
  if (s.attendance === 'planned') return { words: 'Planned', className: 'tag tag--grey' };
  if (s.signoff.locked) return { words: 'Signed', className: 'tag' };
  return { words: 'Not signed', className: 'tag tag--grey' };
}

function Concern({ c }: { c: ConcernView }) {
  return (
    <li className={styles.concern}>
      <p>
        <strong>Safeguarding concern</strong>{' '}
        <span className={styles.meta}>
          raised by {c.raisedByName} on {formatDateTime(c.raisedAt)}
        </span>
      </p>
      <SummaryList
        label={`Safeguarding concern raised on ${formatDateTime(c.raisedAt)}`}
        rows={[
          ['The concern', text(c.description)],
          ['Action taken', text(c.actionTaken)],
          [
            'Informed',
            `${c.informed.map((p) => [p.name, p.agency].filter(Boolean).join(', ')).join('; ')} on ${formatDateTime(c.informedAt)}`,
          ],
          ['Flag and task', 'A flag was raised on the case and the follow-up task created (Flags and Tasks tabs).'],
        ]}
      />
    </li>
  );
}

export function SessionRecord(props: {
  s: InterventionSessionView;
  plan: PlanView;
  /** Whether this user may write, and the plan is still active. */
  canWrite: boolean;
  onEdit: () => void;
  onMessage: (message: string) => void;
  /** Its heading's level: one below the session log's. */
  level: 5 | 6;
}) {
  const { s, plan, canWrite, onEdit, onMessage, level } = props;
  const Heading = level === 5 ? 'h5' : 'h6';
  const [adding, setAdding] = useState(false);
  const [raising, setRaising] = useState(false);
  const when = formatDate(s.sessionDate);
  const headingId = `session-${s.id}-heading`;
  const tag = statusTag(s);
  const held = s.attendance !== 'planned';
  const first = s.signoff.signedVersions[0];
  return (
    <li className={styles.session}>
      <article aria-labelledby={headingId} data-testid="session">
        <Heading id={headingId} className={styles.sessionTitle}>
          Session on {when} at {s.startTime} <span className={tag.className}>{tag.words}</span>
        </Heading>
        <SummaryList
          label={`Session on ${when}`}
          rows={[
            ['Attendance', attendanceWords(s)],
            ['Length', durationWords(s.durationMinutes)],
            ['Type', SESSION_TYPE_LABELS[s.sessionType]],
            ['Venue', VENUE_LABELS[s.venue]],
            ['Who attended', text(s.attendees)],
            ['Goals worked on', goalsWorkedOnWords(s.goalIds, plan.goals)],
            ['Goal ratings', held ? ratingsWords(s.ratings, plan.goals) || 'None taken' : ''],
            ['Content', text(s.content)],
            ['Observations', text(s.observations)],
            ['Next steps', text(s.nextSteps)],
            ['Recorded by', `${s.createdByName} on ${formatDateTime(s.createdAt)}`],
          ]}
        />
        {s.concerns.length > 0 && (
          <ul className={styles.plainList} aria-label={`Safeguarding concerns raised in the session of ${when}`}>
            {s.concerns.map((c) => (
              <Concern key={c.id} c={c} />
            ))}
          </ul>
        )}
        {first && (
          <p className={styles.signed}>
            Signed by {first.signedByName} on {formatDateTime(first.signedAt)}. The note can no longer be edited:
            corrections are addenda.
          </p>
        )}
        {s.signoff.addenda.length > 0 && (
          <>
            <p className={styles.minorHeading}>Addenda</p>
            <ul className={styles.plainList}>
              {s.signoff.addenda.map((a) => (
                <li key={a.id} className={styles.addendum}>
                  <p className={styles.longText}>{a.text}</p>
                  <p className={styles.meta}>
                    {a.writtenByName}, {formatDateTime(a.writtenAt)}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
        {canWrite && !adding && !raising && (
          <div className="button-row button-row--tight">
            {!s.signoff.locked && (
              <button type="button" className="button button--secondary button--small" onClick={onEdit}>
                Edit<span className="visually-hidden"> the session of {when}</span>
              </button>
            )}
            {held && !s.signoff.locked && <SignSession s={s} onDone={onMessage} />}
            {s.signoff.locked && (
              <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
                Add an addendum<span className="visually-hidden"> to the session of {when}</span>
              </button>
            )}
            {held && (
              <button type="button" className="button button--secondary button--small" onClick={() => setRaising(true)}>
                Raise a safeguarding concern<span className="visually-hidden"> from the session of {when}</span>
              </button>
            )}
          </div>
        )}
        {adding && (
          <SessionAddendumForm
            s={s}
            onDone={(m) => {
              setAdding(false);
              if (m) onMessage(m);
            }}
          />
        )}
        {raising && (
          <ConcernForm
            session={s}
            onDone={(m) => {
              setRaising(false);
              if (m) onMessage(m);
            }}
          />
        )}
      </article>
    </li>
  );
}
