/**
 * The Outcomes panel of an intervention plan: a chart per goal over time (first, latest and
 * change, reliable change marked in words and by shape), the plan's attendance and DNA rate,
 * and the case's other outcome measures (questionnaires before, during and after).
 *
 * For the Interventions tab: place it under the plan, passing the plan and its session log
 * (any order; used to say which kind of session each rating was taken in). Pass `caseId` to
 * show the other outcome measures too: the panel then loads the case's questionnaires through
 * the psychometrics store (`psychometrics:listForCase`, audited as a read of the case) when it
 * is first shown, and shows them as a chart and a table per questionnaire. Its headings are
 * level 4 (the panel) and 5 (each part), to sit under a tab's level-3 heading.
 */
import type { InterventionSessionView, PlanView } from '../../../../preload/contract';
import { AttendanceFigures } from './AttendanceFigures';
import { goalChartData } from './goal-chart-data';
import { GoalOutcome } from './GoalOutcome';
import { OtherMeasures } from './OtherMeasures';
import styles from './Outcomes.module.css';

export function OutcomesPanel(props: { plan: PlanView; sessions: InterventionSessionView[]; caseId?: string }) {
  const { plan, sessions } = props;
  const goals = plan.goals.map((g) => goalChartData(g, sessions));
  return (
    <section aria-labelledby={`outcomes-heading-${plan.id}`} className={styles.panel} data-testid="outcomes-panel">
      <h4 id={`outcomes-heading-${plan.id}`}>Outcomes</h4>
      {goals.length === 0 ? (
        <p className="empty-state">No goals set yet.</p>
      ) : (
        goals.map((g) => <GoalOutcome key={g.goalId} data={g} />)
      )}
      <AttendanceFigures attendance={plan.attendance} />
      {props.caseId && <OtherMeasures caseId={props.caseId} planClosed={plan.closure !== null} />}
    </section>
  );
}
