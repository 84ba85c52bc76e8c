/**
 * Home: the signed-in user's own work, from `home:summary`, fetched each time the area opens.
 * Six sections, each with its count in the heading and every item one click from its case
 * (on the tab that holds it), a Safe Home session one click from its run.
 */
import { useEffect, useState } from 'react';
import {
  HOME_ASSESSMENT_STATUSES,
  SESSION_TYPE_LABELS,
  type HomeSummary,
  type HomeTask,
} from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { STATUS_LABELS } from '../cases/case-page/labels';
import { FULL_LISTS, openRunFromHome } from './home-links';
import { ASSESSMENT_STATUS_WORDS, dayAndDate, dueWords, safeHomeSessionWords } from './home-words';
import { CaseLink, HomeList, HomeSection } from './HomeSection';
import styles from './Home.module.css';

function TaskLine({ task, overdue }: { task: HomeTask; overdue: boolean }) {
  return (
    <>
      <CaseLink item={task} tab="tasks" />
      <span className={styles.detail}>
        {task.title}: <span className={overdue ? styles.overdue : undefined}>due {formatDate(task.dueDate)}</span>
      </span>
    </>
  );
}

function Sections({ home }: { home: HomeSummary }) {
  const assessmentTotal = HOME_ASSESSMENT_STATUSES.reduce((n, s) => n + home.assessments[s].total, 0);
  const week = `${formatDate(home.weekFrom)} to ${formatDate(home.weekTo)}`;
  return (
    <div className={styles.grid}>
      <HomeSection id="caseload" title="My open cases" count={home.caseload.total} full={FULL_LISTS.caseload}>
        <HomeList
          label="My open cases"
          items={home.caseload.items}
          total={home.caseload.total}
          empty="No open cases are allocated to you."
          keyOf={(c) => c.caseId}
          render={(c) => (
            <>
              <CaseLink item={c} tab="overview" />
              <span className={styles.detail}>
                {STATUS_LABELS[c.status]}; {c.lead ? 'you are the lead worker' : 'you are allocated'}
                {c.openFlags > 0 && `; ${c.openFlags === 1 ? '1 open flag' : `${c.openFlags} open flags`}`}
              </span>
            </>
          )}
        />
      </HomeSection>

      <HomeSection
        id="tasks"
        title="My tasks"
        count={home.overdueTasks.total + home.dueSoonTasks.total}
        note={`Overdue tasks, and tasks due soon: today or in the next 7 days (to ${formatDate(home.dueSoonTo)}).`}
        full={FULL_LISTS.tasks}
      >
        <h3 className={styles.subheading}>Overdue ({home.overdueTasks.total})</h3>
        <HomeList
          label="Overdue tasks"
          items={home.overdueTasks.items}
          total={home.overdueTasks.total}
          empty="No overdue tasks."
          keyOf={(t) => t.taskId}
          render={(t) => <TaskLine task={t} overdue />}
        />
        <h3 className={styles.subheading}>Due in the next 7 days ({home.dueSoonTasks.total})</h3>
        <HomeList
          label="Tasks due in the next 7 days"
          items={home.dueSoonTasks.items}
          total={home.dueSoonTasks.total}
          empty="No tasks due in the next 7 days."
          keyOf={(t) => t.taskId}
          render={(t) => <TaskLine task={t} overdue={false} />}
        />
      </HomeSection>

      <HomeSection
        id="assessments"
        title="My assessments by 12-week status"
        count={assessmentTotal}
        note="Open assessments on your cases, against their due date 12 weeks after the paperwork was complete."
        full={FULL_LISTS.assessments}
      >
        {HOME_ASSESSMENT_STATUSES.map((status) => {
          const list = home.assessments[status];
          const words = ASSESSMENT_STATUS_WORDS[status];
          return (
            <div key={status}>
              <h3 className={styles.subheading}>
                {words.heading} ({list.total})
              </h3>
              <HomeList
                label={`Assessments: ${words.heading}`}
                items={list.items}
                total={list.total}
                empty={words.empty}
                keyOf={(a) => a.assessmentId}
                render={(a) => (
                  <>
                    <CaseLink item={a} tab="assessment" />
                    <span className={styles.detail}>
                      {a.dueDate ? `Due ${formatDate(a.dueDate)}: ` : ''}
                      <span className={status === 'overdue' ? styles.overdue : undefined}>
                        {dueWords(a.daysRemaining)}
                      </span>
                    </span>
                  </>
                )}
              />
            </div>
          );
        })}
      </HomeSection>

      <HomeSection id="flags" title="Flags to address" count={home.flags.total} full={FULL_LISTS.flags}>
        <HomeList
          label="Flags to address"
          items={home.flags.items}
          total={home.flags.total}
          empty="No flags to address on your cases."
          keyOf={(f) => f.flagId}
          render={(f) => (
            <>
              <CaseLink item={f} tab="flags" />
              <span className={styles.detail}>{f.reason}</span>
              {f.addressBy && (
                <span className={`${styles.detail} ${f.overdue ? styles.overdue : ''}`}>
                  {f.overdue
                    ? `Overdue: to address by ${formatDate(f.addressBy)}`
                    : `Address by ${formatDate(f.addressBy)}`}
                </span>
              )}
            </>
          )}
        />
      </HomeSection>

      <HomeSection
        id="sessions"
        title="Intervention sessions this week"
        count={home.interventionSessions.total}
        note={`Booked sessions from Monday to Sunday, ${week}, on plans you deliver or cases of yours.`}
        full={FULL_LISTS.interventions}
      >
        <HomeList
          label="Intervention sessions this week"
          items={home.interventionSessions.items}
          total={home.interventionSessions.total}
          empty="No intervention sessions booked this week."
          keyOf={(s) => s.sessionId}
          render={(s) => (
            <>
              <CaseLink item={s} tab="interventions" />
              <span className={styles.detail}>
                {dayAndDate(s.sessionDate)} at {s.startTime}, {SESSION_TYPE_LABELS[s.sessionType].toLowerCase()}
              </span>
            </>
          )}
        />
      </HomeSection>

      <HomeSection
        id="safe-home"
        title="Safe Home sessions this week"
        count={home.safeHomeSessions.total}
        note={`Sessions from Monday to Sunday, ${week}, of the runs you facilitate.`}
        full={FULL_LISTS.safeHome}
      >
        <HomeList
          label="Safe Home sessions this week"
          items={home.safeHomeSessions.items}
          total={home.safeHomeSessions.total}
          empty="No Safe Home sessions of your runs this week."
          keyOf={(s) => s.sessionId}
          render={(s) => (
            <>
              <a
                className={styles.caseLink}
                href={`#safe-home-run-${s.runId}`}
                onClick={(e) => {
                  e.preventDefault();
                  void openRunFromHome(s.runId);
                }}
              >
                {s.runTitle}
                <span className="visually-hidden"> (open the run and its register)</span>
              </a>
              <span className={styles.detail}>
                {dayAndDate(s.sessionDate)}: {safeHomeSessionWords(s)}
              </span>
            </>
          )}
        />
      </HomeSection>
    </div>
  );
}

export function HomeArea() {
  const [home, setHome] = useState<HomeSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('home:summary', {})
      .then((h) => live && setHome(h))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className={styles.area}>
      <p className="lead">
        Your own work today, {home ? dayAndDate(home.today) : '…'}: each item opens its case. Lists show up to 50 items;
        the button under each leads to the full list.
      </p>
      {error && (
        <p role="alert" className="result result--problem">
          {error}
        </p>
      )}
      {!home && !error && <p role="status">Loading your Home…</p>}
      {home && <Sections home={home} />}
    </div>
  );
}
