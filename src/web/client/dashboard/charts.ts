// Chart.js, registered with only what the dashboard draws (bar charts), and the dashboard's
// charts: each with a text summary for screen readers and a table beside it.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Title,
  Tooltip,
  type ChartDataset,
  type TooltipItem,
} from 'chart.js';
import type { ChartSnapshot } from '../../hook.js';
import type { CoverageGroup } from './queries.js';
import { statedSeries } from './stated.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);
// Drawn once, as it is: no animation to wait for (screenshots, reduced motion).
Chart.defaults.animation = false;
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1a1a1a';

export const COLORS = {
  stated: '#7f7f7f',
  computed: '#0072B2',
  now: '#009E73',
  documented: '#1b4f8a',
  reported: '#5aa6d6',
  inferred: '#e0a526',
  none: '#c0392b',
  other: '#d0d0d0',
  projects: '#0072B2',
};

const charts = new Map<string, Chart<'bar', (number | null)[], string>>();

/** Every chart drawn, as plain data (the tests' hook). */
export function chartSnapshots(): ChartSnapshot[] {
  return [...charts].map(([id, chart]) => ({
    id,
    type: 'bar',
    labels: (chart.data.labels ?? []).map(String),
    datasets: chart.data.datasets.map((d) => ({ label: d.label ?? '', data: [...d.data] })),
  }));
}

interface BarSpec {
  readonly canvas: HTMLCanvasElement;
  readonly title: string;
  readonly labels: string[];
  readonly datasets: ChartDataset<'bar', (number | null)[]>[];
  readonly horizontal?: boolean;
  readonly stacked?: boolean;
  /** Axis title of the values. */
  readonly valueAxis: string;
  /** Extra tooltip lines per dataset and index. */
  readonly notes?: (datasetIndex: number, index: number) => string[];
  /** Full names of the categories, for tooltips. */
  readonly fullLabels?: string[];
}

/** Draws (or redraws) a bar chart on `canvas`, and describes it in the canvas's aria-label. */
export function barChart(spec: BarSpec): void {
  const id = spec.canvas.id;
  charts.get(id)?.destroy();
  const horizontal = spec.horizontal ?? false;
  // Horizontal charts grow with their bars, so every label stays readable.
  if (horizontal) {
    const height = Math.max(160, spec.labels.length * (spec.stacked ? 24 : 28) + 90);
    spec.canvas.parentElement!.style.height = `${height}px`;
  }
  const valueScale = {
    beginAtZero: true,
    stacked: spec.stacked ?? false,
    title: { display: true, text: spec.valueAxis },
    ticks: { precision: 0 },
  };
  const categoryScale = { stacked: spec.stacked ?? false, ticks: { autoSkip: false } };
  const chart = new Chart<'bar', (number | null)[], string>(spec.canvas, {
    type: 'bar',
    data: { labels: spec.labels, datasets: spec.datasets },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      scales: horizontal
        ? { x: valueScale, y: categoryScale }
        : { x: categoryScale, y: valueScale },
      plugins: {
        title: { display: true, text: spec.title, font: { size: 15, weight: 'bold' } },
        legend: { display: spec.datasets.length > 1, position: 'bottom' },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const index = items[0]?.dataIndex ?? 0;
              return spec.fullLabels?.[index] ?? spec.labels[index] ?? '';
            },
            afterLabel: (item: TooltipItem<'bar'>) =>
              spec.notes?.(item.datasetIndex, item.dataIndex) ?? [],
          },
        },
      },
    },
  });
  charts.set(id, chart);
  const summary = spec.datasets
    .map(
      (d) =>
        `${d.label}: ${spec.labels.map((label, i) => `${label} ${d.data[i] ?? 'none'}`).join(', ')}`,
    )
    .join('. ');
  spec.canvas.setAttribute('role', 'img');
  spec.canvas.setAttribute('aria-label', `${spec.title}. ${summary}.`);
}

/**
 * Stated vs computed, per group: one dataset per place the documents state the figure (as
 * printed), the same figure computed from the graph at the date the document describes, and the
 * projects the graph holds under the current filters.
 */
export function statedVsComputed(
  canvas: HTMLCanvasElement,
  groups: readonly CoverageGroup[],
  title: string,
): void {
  const projectFigures = (g: CoverageGroup) => g.stated.filter((s) => s.measure === 'projects');
  const series = [...new Set(groups.flatMap((g) => projectFigures(g).map(statedSeries)))].sort();
  const shades = ['#6f6f6f', '#a8a8a8', '#4d4d4d', '#c4c4c4'];
  const stated = series.map((name, i) => {
    const figures = groups.map((g) => projectFigures(g).find((s) => statedSeries(s) === name));
    return {
      dataset: {
        label: `Stated: ${name}`,
        data: figures.map((f) => f?.value ?? null),
        backgroundColor: shades[i % shades.length],
      },
      figures,
    };
  });
  const computed = groups.map(
    (g) => projectFigures(g).find((s) => s.computed !== null)?.computed ?? null,
  );
  const asOf = [...new Set(groups.flatMap((g) => projectFigures(g).map((s) => s.asOf)))]
    .filter(Boolean)
    .join(', ');
  barChart({
    canvas,
    title,
    labels: groups.map((g) => `Pillar ${g.key}`),
    fullLabels: groups.map((g) => g.label),
    valueAxis: 'projects',
    datasets: [
      ...stated.map((s) => s.dataset),
      {
        label: `Computed from the graph${asOf ? ` (as of ${asOf})` : ''}`,
        data: computed,
        backgroundColor: COLORS.computed,
      },
      {
        label: 'Projects in the graph (current filters)',
        data: groups.map((g) => g.projects),
        backgroundColor: COLORS.now,
      },
    ],
    notes: (datasetIndex, index) => {
      const figure = stated[datasetIndex]?.figures[index];
      return figure === undefined
        ? []
        : [
            `As printed: “${figure.asWritten}”`,
            `Source: ${figure.source.document.key}, ${figure.source.paragraph}`,
          ];
    },
  });
}

/**
 * Project-answerable recommendations by the strongest evidence of their implementing links,
 * stacked, with the ones no project answers at any level and the ones that ask for something
 * else. Levels the filters do not count are labelled so.
 */
export function evidenceChart(
  canvas: HTMLCanvasElement,
  groups: readonly CoverageGroup[],
  options: { title: string; counted: readonly string[]; horizontal: boolean; labels: string[] },
): void {
  const level = (name: 'documented' | 'reported' | 'inferred', label: string) => ({
    label: options.counted.includes(name.toUpperCase()) ? label : `${label} (not counted)`,
    data: groups.map((g) => g.byEvidence[name]),
    backgroundColor: COLORS[name],
  });
  barChart({
    canvas,
    title: options.title,
    labels: options.labels,
    fullLabels: groups.map((g) => g.label),
    horizontal: options.horizontal,
    stacked: true,
    valueAxis: 'recommendations',
    datasets: [
      level('documented', 'With a documented project'),
      level('reported', 'With a reported project'),
      level('inferred', 'With an inferred project only'),
      {
        label: 'No project at any level',
        data: groups.map(
          (g) =>
            g.projectAnswerable -
            g.byEvidence.documented -
            g.byEvidence.reported -
            g.byEvidence.inferred,
        ),
        backgroundColor: COLORS.none,
      },
      {
        label: 'Asks for something else (not project-answerable)',
        data: groups.map((g) => g.recommendations - g.projectAnswerable),
        backgroundColor: COLORS.other,
      },
    ],
  });
}

/** Projects per group, largest first (the caller orders and cuts the groups). */
export function projectsChart(
  canvas: HTMLCanvasElement,
  groups: readonly CoverageGroup[],
  options: { title: string; labels: string[] },
): void {
  barChart({
    canvas,
    title: options.title,
    labels: options.labels,
    fullLabels: groups.map((g) => g.label),
    horizontal: true,
    valueAxis: 'projects',
    datasets: [
      { label: 'Projects', data: groups.map((g) => g.projects), backgroundColor: COLORS.projects },
    ],
    notes: (_d, index) => {
      const share = groups[index]?.share;
      return share === null || share === undefined
        ? []
        : [`${(share * 100).toFixed(1)}% of all projects`];
    },
  });
}
