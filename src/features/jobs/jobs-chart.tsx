/*
 * The jobs-per-day chart, loaded only when someone opens it (chart.js, a canvas: the table next to
 * it carries the same numbers for screen readers).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { JOB_STATUS_LABEL, type JobStatus } from '@/azure/jobs/job-row';
import type { JobsPerDay } from './jobs-per-day';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// Fluent's palette, readable on the light and the dark theme.
const COLOR: Readonly<Record<JobStatus, string>> = {
  InProgress: '#2886de',
  Completed: '#359b35',
  CompletedWithWarnings: '#e9835e',
  CompletedWithInformation: '#77b7f0',
  Failed: '#dc626d',
  Cancelled: '#8a8886',
  Other: '#b4a0ff',
};

export default function JobsChart({ data, label }: { data: JobsPerDay; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const text = getComputedStyle(canvas).color;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: data.days.map((d) => d.slice(5)),
        datasets: data.statuses.map((status) => ({
          label: JOB_STATUS_LABEL[status],
          data: data.counts[status],
          backgroundColor: COLOR[status],
          stack: 'jobs',
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        scales: {
          x: { stacked: true, ticks: { color: text }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color: text, precision: 0 } },
        },
        plugins: { legend: { labels: { color: text } } },
      },
    };
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [data]);
  return (
    <div style={{ position: 'relative', height: '220px' }}>
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  );
}
