/**
 * One session in the log: when, how long, the type and venue, the attendance in words (with the
 * reason when it was not attended), the goals worked on and the ratings, the note, the
 * safeguarding concerns raised in it, and where it stands in sign-off with its addenda. What
 * can be done next: edit while unsigned, sign a held session, add an addendum once signed,
 * raise a concern on a held session.
 */
import { Fragment, useState, type ReactNode } from 'react';
import {
  ATTENDANCE_LABELS,
  SESSION_TYPE_LABELS,
  VENUE_LABELS,
  type ConcernView,
  type InterventionSessionView,
  type PlanView,
} from '../../../preload/contract/interventions';
import { formatDate, formatDateTime } from '../../lib/dates';
import { SummaryList } from '../cases/case-page/SummaryList';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { ConcernForm } from './ConcernForm';
import { SessionAddendumForm, SignSession } from './SessionSignOff';
import { attendanceWords, durationWords, goalsWorkedOn, ratingLines } from './session-words';
import styles from './Interventions.module.css';

const text = (value: string) => (value ? <span className={styles.longText}>{value}</span> : '');

/** The note's state in words: planned, signed or not; and, when it was not held, why not. */
function tags(s: InterventionSessionView): { words: string; className: string }[] {
  if (s.attendance === 'planned') return [{ words: 'Planned', className: 'tag tag--grey' }];
  const missed =
    s.attendance === 'attended'
      ? []
      : [{ words: ATTENDANCE_LABELS[s.attendance], className: `tag ${styles.tagMissed}` }];
  return [
    ...missed,
    s.signoff.locked ? { words: 'Signed', className: 'tag' } : { words: 'Not signed', className: 'tag tag--grey' },
  ];
}

/** A list of lines, or '' (shown as "Not recorded") when there are none. */
function lines(items: string[]) {
  if (items.length === 0) return '';
  return (
    <ul className={styles.plainList}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Optional rows are left out when empty, so a short note stays short. */
function rowsOf(s: InterventionSessionView, plan: PlanView): [string, ReactNode][] {
  const held = s.attendance !== 'planned';
  const rows: [string, ReactNode][] = [['Attendance', attendanceWords(s)]];
  if (s.attendees) rows.push(['Who attended', text(s.attendees)]);
  if (s.goalIds.length > 0)
    rows.push([held ? 'Goals worked on' : 'Goals to work on', lines(goalsWorkedOn(s.goalIds, plan.goals))]);
  if (s.attendance === 'attended')
    rows.push(['Goal ratings', lines(ratingLines(s.ratings, plan.goals)) || 'None taken']);
  if (held || s.content) rows.push(['Content', text(s.content)]);
  if (s.observations) rows.push(['Observations', text(s.observations)]);
  if (s.nextSteps) rows.push(['Next steps', text(s.nextSteps)]);
  rows.push(['Recorded by', `${s.createdByName} on ${formatDateTime(s.createdAt)}`]);
  return rows;
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
  const focusLater = useFocusLater();
  const when = formatDate(s.sessionDate);
  const headingId = `session-${s.id}-heading`;
  const held = s.attendance !== 'planned';
  const first = s.signoff.signedVersions[0];
  return (
    <li
      className={
        s.attendance === 'attended' || s.attendance === 'planned'
          ? styles.session
          : `${styles.session} ${styles.sessionMissed}`
      }
    >
      <article aria-labelledby={headingId} data-testid="session">
        {/* Focusable, so the focus has somewhere to return to when a form here is cancelled. */}
        <Heading id={headingId} className={styles.sessionTitle} tabIndex={-1}>
          Session on {when} at {s.startTime}
          {tags(s).map((t) => (
            <Fragment key={t.words}>
              {' '}
              <span className={t.className}>{t.words}</span>
            </Fragment>
          ))}
        </Heading>
        <p className={styles.meta}>
          {SESSION_TYPE_LABELS[s.sessionType]} session, {VENUE_LABELS[s.venue].toLowerCase()},{' '}
          {durationWords(s.durationMinutes)}
        </p>
        <SummaryList label={`Session on ${when}`} rows={rowsOf(s, plan)} />
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
              else focusLater(() => document.getElementById(headingId));
            }}
          />
        )}
        {raising && (
          <ConcernForm
            session={s}
            onDone={(m) => {
              setRaising(false);
              if (m) onMessage(m);
              else focusLater(() => document.getElementById(headingId));
            }}
          />
        )}
      </article>
    </li>
  );
}
