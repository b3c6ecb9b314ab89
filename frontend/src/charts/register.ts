/** Registers only the Chart.js parts the dashboard uses (tree-shaking keeps the rest out of the bundle). */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartOptions,
  Decimation,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { cssVar } from '../app/theme.ts';
import { timeTicks } from './time-ticks.ts';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Decimation,
);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'sans-serif';

export { Chart };

/** Colours of the current theme, read from CSS custom properties. */
export function chartColors() {
  return {
    text: cssVar('--muted'),
    grid: cssVar('--grid'),
    accent: cssVar('--accent'),
    accent2: cssVar('--accent-2'),
    normal: cssVar('--normal'),
    warning: cssVar('--warning'),
    critical: cssVar('--critical'),
    offline: cssVar('--offline'),
    surface: cssVar('--surface'),
  };
}

/** Room a time label needs on the x axis, px. */
const TIME_LABEL_PX = 90;

/**
 * Options shared by the time-series line charts: no animation, decimation, a local-time axis with
 * ticks on whole minutes, hours or days.
 */
export function timeLineOptions(unit: string, options: { minRangeMs?: number } = {}): ChartOptions<'line'> {
  const c = chartColors();
  let stepMs = 60_000;
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    spanGaps: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { display: false },
      decimation: { enabled: true, algorithm: 'min-max' },
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}: ${Number(item.parsed.y).toLocaleString(undefined, { maximumFractionDigits: 2 })} ${unit}`,
        },
      },
    },
    scales: {
      x: {
        type: 'linear',
        grid: { color: c.grid },
        afterBuildTicks: (axis) => {
          const maxTicks = Math.max(2, Math.floor((axis.width || 600) / TIME_LABEL_PX));
          const built = timeTicks(axis.min, axis.max, maxTicks);
          stepMs = built.step;
          axis.ticks = built.ticks.map((value) => ({ value }));
        },
        ticks: {
          color: c.text,
          maxRotation: 0,
          autoSkipPadding: 24,
          callback: (v) => clock(Number(v), options.minRangeMs, stepMs),
        },
      },
      y: {
        grid: { color: c.grid },
        ticks: { color: c.text, callback: (v) => `${Number(v).toLocaleString()} ${unit}` },
        beginAtZero: false,
      },
    },
  };
}

/**
 * Axis labels in the browser's time zone: the day alone on daily ticks, weekday and time once the
 * range spans days, seconds on steps under a minute.
 */
export function clock(ms: number, rangeMs = 0, stepMs = 60_000): string {
  const date = new Date(ms);
  if (stepMs >= 86_400_000) return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' });
  if (rangeMs > 36 * 3_600_000)
    return date.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  if (stepMs < 60_000)
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
