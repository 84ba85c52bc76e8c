/**
 * The case's other outcome measures in the Outcomes panel: each questionnaire (per respondent)
 * with its administrations before, during and after the intervention, as a chart of every
 * scale scored and the same figures as a table. Loaded through the psychometrics store.
 */
import { useEffect, useState } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../../../lib/api';
import { loadPsychometrics, usePsychometricsStore } from '../../psychometrics/psychometrics-store';
import { AXIS_COLOUR, GRID_COLOUR, MARKER_WORDS, seriesStyle } from './chart-style';
import { CellLabel } from './CellLabel';
import { ChartMarker } from './ChartMarker';
import { dayTicks } from './goal-chart-data';
import { measureChartRows, measureGroups, seriesKey, type MeasureGroup } from './measure-chart-data';
import styles from './Outcomes.module.css';

function MeasureChart(props: { group: MeasureGroup }) {
  const { group } = props;
  const rows = measureChartRows(group);
  // The first date a day has (two administrations on one day share its tick).
  const labelOfDay = new Map([...group.occasions].reverse().map((o) => [o.day, o.label]));
  return (
    <div className={styles.chart} aria-hidden="true" data-testid="measure-chart">
      <LineChart
        responsive
        accessibilityLayer={false}
        style={{ width: '100%', height: '100%' }}
        data={rows}
        margin={{ top: 12, right: 16, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke={GRID_COLOUR} vertical={false} />
        <XAxis
          dataKey="day"
          type="number"
          domain={['dataMin', 'dataMax']}
          ticks={dayTicks(group.occasions.map((o) => o.day))}
          tickFormatter={(day: number) => labelOfDay.get(day) ?? ''}
          padding={{ left: 48, right: 48 }}
          stroke={AXIS_COLOUR}
          tick={{ fill: AXIS_COLOUR, fontSize: 12 }}
          interval="preserveStartEnd"
          minTickGap={16}
        />
        <YAxis domain={group.domain} width={36} stroke={AXIS_COLOUR} tick={{ fill: AXIS_COLOUR, fontSize: 12 }} />
        {group.scales.map((s, n) => {
          const style = seriesStyle(n);
          return (
            <Line
              key={s.scaleKey}
              dataKey={seriesKey(s.scaleKey)}
              name={s.scaleName}
              type="linear"
              stroke={style.colour}
              strokeDasharray={style.dash || undefined}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
              dot={(p) => <ChartMarker key={p.index} cx={p.cx} cy={p.cy} marker={style.marker} colour={style.colour} />}
            />
          );
        })}
      </LineChart>
    </div>
  );
}

function MeasureTable(props: { group: MeasureGroup }) {
  const { group } = props;
  return (
    <table className={`table ${styles.figures}`}>
      <caption className={styles.caption}>{group.title}: scores by administration, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Scale</th>
          {group.occasions.map((o) => (
            <th scope="col" key={o.administrationId}>
              {o.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {group.scales.map((s) => (
          <tr key={s.scaleKey}>
            <th scope="row">
              {s.scaleName}{' '}
              <span className="muted">
                ({s.min} to {s.max})
              </span>
            </th>
            {s.cells.map((c, i) => (
              <td key={group.occasions[i]?.administrationId ?? i}>
                <CellLabel>{group.occasions[i]?.label}: </CellLabel>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MeasureSection(props: { group: MeasureGroup }) {
  const { group } = props;
  const headingId = `measure-${group.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <section aria-labelledby={headingId} className={styles.measure} data-testid="measure-group">
      <h6 id={headingId} className={styles.measureHeading}>
        {group.title}
      </h6>
      {group.occasions.length > 1 ? (
        <>
          <MeasureChart group={group} />
          <p className={`muted ${styles.key}`}>
            Key:{' '}
            {group.scales
              .map((s, n) => {
                const style = seriesStyle(n);
                return `${s.scaleName}, ${style.dash ? 'dashed' : 'solid'} line with ${MARKER_WORDS[style.marker]}`;
              })
              .join('; ')}
            .
          </p>
        </>
      ) : (
        <p className="muted">Administered once so far: the change shows from the second administration.</p>
      )}
      <MeasureTable group={group} />
    </section>
  );
}

/**
 * The other outcome measures of the case. Pre is the oldest administration of a questionnaire,
 * post the newest once the plan is closed, mid every other (see `measureGroups`).
 */
export function OtherMeasures(props: { caseId: string; planClosed: boolean }) {
  const { caseId, planClosed } = props;
  const administrations = usePsychometricsStore((s) => (s.caseId === caseId ? s.administrations : null));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadPsychometrics(caseId, false).catch((err: unknown) => setError(errorMessage(err)));
  }, [caseId]);
  return (
    <section aria-labelledby="other-measures-heading" className={styles.block} data-testid="other-measures">
      <h5 id="other-measures-heading" className={styles.goalHeading}>
        Other outcome measures
      </h5>
      {error && <p className="form-error">{error}</p>}
      {!administrations && !error && <p role="status">Loading the questionnaires…</p>}
      {administrations && administrations.length === 0 && (
        <p className="empty-state">
          No questionnaires recorded on this case yet. Record them on the Psychometrics tab.
        </p>
      )}
      {administrations &&
        measureGroups(administrations, planClosed).map((g) => <MeasureSection key={g.key} group={g} />)}
    </section>
  );
}
