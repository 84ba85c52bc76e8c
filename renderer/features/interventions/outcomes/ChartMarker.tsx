/**
 * A point's marker on an outcome chart, drawn as plain SVG so each series (and each reliable
 * change) is told apart by its shape as well as its colour.
 */
import type { SeriesStyle } from './chart-style';

export function ChartMarker(props: {
  cx: number | undefined;
  cy: number | undefined;
  marker: SeriesStyle['marker'];
  colour: string;
  /** Larger and filled: the reliable changes of a goal. */
  emphasised?: boolean;
}) {
  const { cx, cy, marker, colour, emphasised = false } = props;
  if (cx === undefined || cy === undefined) return null;
  const r = emphasised ? 7 : 4.5;
  const fill = emphasised ? colour : '#ffffff';
  const common = { fill, stroke: colour, strokeWidth: 2 };
  switch (marker) {
    case 'square':
      return <rect x={cx - r} y={cy - r} width={r * 2} height={r * 2} {...common} />;
    case 'diamond':
      return (
        <polygon
          points={`${cx},${cy - r * 1.3} ${cx + r * 1.3},${cy} ${cx},${cy + r * 1.3} ${cx - r * 1.3},${cy}`}
          {...common}
        />
      );
    case 'triangle':
      return (
        <polygon points={`${cx},${cy - r * 1.3} ${cx + r * 1.2},${cy + r} ${cx - r * 1.2},${cy + r}`} {...common} />
      );
    default:
      return <circle cx={cx} cy={cy} r={r} {...common} />;
  }
}
