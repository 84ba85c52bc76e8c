/**
 * One goal's outcome: its wording, first / latest / change in words, a line chart of the
 * baseline and each rating by date (0-10), and the same figures as a table. The chart is a
 * picture for sighted readers and hidden from assistive technology; the table carries every
 * figure it draws, so nothing is only in the picture.
 */
import { CartesianGrid, LabelList, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { GBO_MAX, GBO_MIN, RELIABLE_CHANGE_POINTS } from '../../../../preload/contract';
import { AXIS_COLOUR, GRID_COLOUR, LINE_COLOUR } from './chart-style';
import { CellLabel } from './CellLabel';
import { ChartMarker } from './ChartMarker';
import { dayTicks, fromFirstWords, reliableGuides, type GoalChartData, type GoalChartPoint } from './goal-chart-data';
import styles from './Outcomes.module.css';

const GBO_TICKS = [0, 2, 4, 6, 8, 10];

function GoalChart(props: { data: GoalChartData }) {
  const { points } = props.data;
  const guides = reliableGuides(points);
  const labelOfDay = new Map(points.map((p) => [p.day, p.dateLabel]));
  return (
    <div className={styles.chart} aria-hidden="true" data-testid="goal-chart">
      <LineChart
        responsive
        accessibilityLayer={false}
        style={{ width: '100%', height: '100%' }}
        data={points}
        margin={{ top: 20, right: 16, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke={GRID_COLOUR} vertical={false} />
        <XAxis
          dataKey="day"
          type="number"
          domain={['dataMin', 'dataMax']}
          ticks={dayTicks(points.map((p) => p.day))}
          tickFormatter={(day: number) => labelOfDay.get(day) ?? ''}
          padding={{ left: 28, right: 28 }}
          stroke={AXIS_COLOUR}
          tick={{ fill: AXIS_COLOUR, fontSize: 12 }}
          interval="preserveStartEnd"
          minTickGap={16}
        />
        <YAxis
          domain={[GBO_MIN, GBO_MAX]}
          ticks={GBO_TICKS}
          allowDecimals={false}
          width={32}
          stroke={AXIS_COLOUR}
          tick={{ fill: AXIS_COLOUR, fontSize: 12 }}
        />
        {guides.map((y) => (
          <ReferenceLine
            key={y}
            y={y}
            stroke={AXIS_COLOUR}
            strokeDasharray="4 4"
            label={{
              value: `Reliable change (${y > (points[0]?.rating ?? 0) ? '+' : '−'}${RELIABLE_CHANGE_POINTS})`,
              fill: AXIS_COLOUR,
              fontSize: 11,
              position: 'insideTopRight',
            }}
          />
        ))}
        <Line
          dataKey="rating"
          type="linear"
          stroke={LINE_COLOUR}
          strokeWidth={2}
          isAnimationActive={false}
          dot={(p) => {
            const point = p.payload as GoalChartPoint;
            return (
              <ChartMarker
                key={point.index}
                cx={p.cx}
                cy={p.cy}
                marker={point.reliable ? 'diamond' : point.index === 0 ? 'square' : 'circle'}
                colour={LINE_COLOUR}
                emphasised={point.reliable}
              />
            );
          }}
        >
          <LabelList dataKey="rating" position="top" offset={12} fill="#0b0c0c" fontSize={12} />
        </Line>
      </LineChart>
    </div>
  );
}

function GoalTable(props: { data: GoalChartData }) {
  const { data } = props;
  return (
    <table className={`table ${styles.figures}`}>
      <caption className={styles.caption}>
        {data.name} ratings, oldest first (0 is not at all met, 10 fully met)
      </caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Rating</th>
          <th scope="col">Change from first</th>
          <th scope="col">Taken</th>
        </tr>
      </thead>
      <tbody>
        {data.points.map((p) => (
          <tr key={p.index}>
            <th scope="row">{p.dateLabel}</th>
            <td>
              <CellLabel>Rating: </CellLabel>
              {p.rating} out of 10
            </td>
            <td>
              <CellLabel>Change from first: </CellLabel>
              {fromFirstWords(p)}
            </td>
            <td>
              <CellLabel>Taken: </CellLabel>
              {p.takenAt}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A goal's section of the Outcomes panel (heading level 5, under the panel's 4). */
export function GoalOutcome(props: { data: GoalChartData }) {
  const { data } = props;
  const headingId = `goal-outcome-${data.goalId}`;
  const reliable = data.change?.reliable ?? false;
  return (
    <section aria-labelledby={headingId} className={styles.goal} data-testid="goal-outcome">
      <h5 id={headingId} className={styles.goalHeading}>
        {data.name}: {data.description}
      </h5>
      <p className="muted">{data.areaLabel}</p>
      <p className={styles.summary}>
        {reliable && <span className="tag">Reliable change</span>} {data.summary}
      </p>
      {data.points.length > 1 && (
        <>
          <GoalChart data={data} />
          <p className={`muted ${styles.key}`}>
            Key: square, the first rating; diamond (filled), a reliable change of {RELIABLE_CHANGE_POINTS} points or
            more from the first; dashed lines, {RELIABLE_CHANGE_POINTS} points either side of the first rating.
          </p>
        </>
      )}
      {data.points.length > 0 && <GoalTable data={data} />}
    </section>
  );
}
