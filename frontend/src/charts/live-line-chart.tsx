/**
 * A line chart of one live ring buffer: one Chart.js instance for the component's life, updated in
 * place (`update('none')`) when the store says the series moved, never through React re-renders.
 */
import { useEffect, useRef } from 'react';
import { onThemeChange } from '../app/theme.ts';
import type { RingBuffer } from '../data/ring-buffer.ts';
import { Chart, chartColors, timeLineOptions } from './register.ts';

export interface LiveLineChartProps {
  readonly ring: RingBuffer;
  /** Subscribes to "the series changed"; returns the unsubscribe. */
  readonly onChange: (listener: () => void) => () => void;
  readonly label: string;
  readonly unit: string;
  /** Shown range, ending at the newest point. */
  readonly windowMs: number;
  readonly ariaLabel: string;
}

export function LiveLineChart({ ring, onChange, label, unit, windowMs, ariaLabel }: LiveLineChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const points: { x: number; y: number }[] = [];
    const c = chartColors();
    const chart = new Chart(canvas.current!, {
      type: 'line',
      data: {
        datasets: [
          {
            label,
            data: points,
            borderColor: c.accent,
            backgroundColor: `${c.accent}26`,
            fill: 'origin',
            borderWidth: 2,
            pointRadius: 0,
            tension: 0,
          },
        ],
      },
      options: timeLineOptions(unit),
    });
    const draw = () => {
      ring.copyInto(points);
      const last = points.at(-1)?.x;
      const x = chart.options.scales!.x!;
      if (last !== undefined) {
        x.min = last - windowMs;
        x.max = last;
      }
      chart.update('none');
    };
    draw();
    const offSeries = onChange(draw);
    const offTheme = onThemeChange(() => {
      chart.options = timeLineOptions(unit);
      const colors = chartColors();
      chart.data.datasets[0]!.borderColor = colors.accent;
      chart.data.datasets[0]!.backgroundColor = `${colors.accent}26`;
      draw();
    });
    return () => {
      offSeries();
      offTheme();
      chart.destroy();
    };
  }, [ring, onChange, label, unit, windowMs]);

  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={ariaLabel} />
    </div>
  );
}
