/**
 * The dashboard's two pictures: bars for a breakdown's groups (laid on their side, so long names
 * such as local authorities stay readable) and a line for a count over the months. Each figure is
 * also written beside its bar or point, one colour throughout, so nothing depends on colour; the
 * pictures are hidden from assistive technology, which reads the table under each instead.
 */
import { useSyncExternalStore } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, XAxis, YAxis } from 'recharts';
import { AXIS_COLOUR, GRID_COLOUR, LABEL_COLOUR, LINE_COLOUR } from '../interventions/outcomes/chart-style';
import type { BreakdownFigures } from './dashboard-figures';
import { monthShort } from './periods';
import styles from './Dashboard.module.css';

/**
 * Room for a group's name beside its bar, wide or narrow window (where the tables turn into
 * cards, tables.css); longer names are shortened, the table has them whole.
 */
const NAMES = { wide: { width: 236, chars: 36 }, narrow: { width: 104, chars: 14 } } as const;
const NARROW = '(max-width: 560px)';
const BAR_ROW = 26;

function subscribeToWidth(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the window is narrow, following it as it changes (zoom, a resized window). */
function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribeToWidth, () => window.matchMedia(NARROW).matches);
}

const shorten = (name: string, chars: number) => (name.length > chars ? `${name.slice(0, chars - 1)}…` : name);

export function BarFigures(props: { figures: BreakdownFigures }) {
  const { groups } = props.figures;
  const height = groups.length * BAR_ROW + 40;
  const names = useNarrowWindow() ? NAMES.narrow : NAMES.wide;
  return (
    <div className={styles.chart} aria-hidden="true" data-testid="dashboard-bar-chart">
      <BarChart
        responsive
        accessibilityLayer={false}
        layout="vertical"
        // The height grows with the groups (recharts sets it on its own box, as every chart's size).
        style={{ width: '100%', height }}
        data={groups}
        margin={{ top: 4, right: 40, bottom: 4, left: 4 }}
      >
        <CartesianGrid stroke={GRID_COLOUR} horizontal={false} />
        <XAxis type="number" allowDecimals={false} stroke={AXIS_COLOUR} tick={{ fill: AXIS_COLOUR, fontSize: 12 }} />
        <YAxis
          type="category"
          dataKey="group"
          width={names.width}
          interval={0}
          tickFormatter={(name: string) => shorten(name, names.chars)}
          stroke={AXIS_COLOUR}
          tick={{ fill: AXIS_COLOUR, fontSize: 12 }}
        />
        <Bar dataKey="value" fill={LINE_COLOUR} isAnimationActive={false} barSize={16}>
          <LabelList dataKey="value" position="right" fill={LABEL_COLOUR} fontSize={12} />
        </Bar>
      </BarChart>
    </div>
  );
}

export function MonthFigures(props: { figures: BreakdownFigures }) {
  const { groups } = props.figures;
  return (
    <div className={`${styles.chart} ${styles.lineChart}`} aria-hidden="true" data-testid="dashboard-line-chart">
      <LineChart
        responsive
        accessibilityLayer={false}
        style={{ width: '100%', height: '100%' }}
        data={groups}
        margin={{ top: 20, right: 24, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke={GRID_COLOUR} vertical={false} />
        <XAxis
          dataKey="group"
          tickFormatter={monthShort}
          stroke={AXIS_COLOUR}
          tick={{ fill: AXIS_COLOUR, fontSize: 12 }}
          interval="preserveStartEnd"
          minTickGap={24}
          padding={{ left: 16, right: 16 }}
        />
        <YAxis allowDecimals={false} width={40} stroke={AXIS_COLOUR} tick={{ fill: AXIS_COLOUR, fontSize: 12 }} />
        <Line dataKey="value" type="linear" stroke={LINE_COLOUR} strokeWidth={2} isAnimationActive={false}>
          <LabelList dataKey="value" position="top" offset={10} fill={LABEL_COLOUR} fontSize={12} />
        </Line>
      </LineChart>
    </div>
  );
}
