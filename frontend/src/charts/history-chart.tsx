/** A small line chart of a few points from history (a sensor's metric), redrawn in place by react-chartjs-2. */
import { Line } from 'react-chartjs-2';
import { chartColors, timeLineOptions } from './register.ts';

export interface HistoryChartProps {
  readonly points: readonly { readonly x: number; readonly y: number | null }[];
  readonly label: string;
  readonly unit: string;
  readonly color?: string;
  /** A horizontal reference line, e.g. the anomaly threshold. */
  readonly threshold?: number;
  readonly min?: number;
  readonly max?: number;
  readonly rangeMs?: number;
  readonly small?: boolean;
}

export function HistoryChart({
  points,
  label,
  unit,
  color,
  threshold,
  min,
  max,
  rangeMs,
  small = true,
}: HistoryChartProps) {
  const c = chartColors();
  const line = color ?? c.accent;
  const options = timeLineOptions(unit, rangeMs === undefined ? {} : { minRangeMs: rangeMs });
  if (options.scales?.y) {
    if (min !== undefined) options.scales.y.min = min;
    if (max !== undefined) options.scales.y.max = max;
  }
  const xs = points.map((p) => p.x);
  const data = {
    datasets: [
      {
        label,
        data: points.map((p) => ({ x: p.x, y: p.y })),
        borderColor: line,
        backgroundColor: `${line}22`,
        fill: true,
        borderWidth: 2,
        pointRadius: points.length < 40 ? 2 : 0,
        spanGaps: false,
      },
      ...(threshold === undefined || xs.length === 0
        ? []
        : [
            {
              label: 'threshold',
              data: [
                { x: Math.min(...xs), y: threshold },
                { x: Math.max(...xs), y: threshold },
              ],
              borderColor: c.critical,
              borderDash: [4, 4],
              borderWidth: 1,
              pointRadius: 0,
              fill: false,
            },
          ]),
    ],
  };
  return (
    <div className={`chart-box${small ? ' small' : ''}`}>
      <Line
        data={data}
        options={options}
        updateMode="none"
        role="img"
        aria-label={`${label} in ${unit} over time`}
      />
    </div>
  );
}
