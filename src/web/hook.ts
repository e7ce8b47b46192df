// What the explorer and dashboard expose on `window` for the browser tests (test/web) and for
// anyone scripting the pages from the console. Types only, without the DOM, so Node-side tests
// import them too.

/** `window[EXPLORER_HOOK]` */
export const EXPLORER_HOOK = 'ctkgExplorer';
/** `window[DASHBOARD_HOOK]` */
export const DASHBOARD_HOOK = 'ctkgDashboard';

/** One measured step: `ms` from the user's action until the result is drawn, `requestMs` of it waiting for the API. */
export interface Timing {
  readonly step: string;
  readonly ms: number;
  readonly requestMs: number;
  /** Nodes and links drawn after the step. */
  readonly nodes: number;
  readonly edges: number;
}

export interface DrawnNode {
  readonly id: string;
  readonly label: string;
  /** The text drawn under the node (its caption and the count of links not yet drawn). */
  readonly text: string;
  readonly visible: boolean;
  readonly illustrative: boolean;
  readonly x: number;
  readonly y: number;
  readonly classes: readonly string[];
}

export interface DrawnEdge {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly evidence: string;
  readonly visible: boolean;
  /** Cytoscape's rendered `line-style`: solid, dashed or dotted. */
  readonly lineStyle: string;
  readonly classes: readonly string[];
}

/** The explorer's Cytoscape model as plain data. */
export interface ExplorerSnapshot {
  readonly nodes: readonly DrawnNode[];
  readonly edges: readonly DrawnEdge[];
  /** Id of the selected node or link. */
  readonly selected: string | null;
  /** The URL fragment that restores this view. */
  readonly fragment: string;
}

export interface ExplorerHook {
  /** True once the first view is drawn (a deep link restored, if there was one). */
  readonly ready: boolean;
  /** No API request in flight and no step under way. */
  idle(): boolean;
  snapshot(): ExplorerSnapshot;
  readonly timings: readonly Timing[];
  /** The Cytoscape core, for what the snapshot does not cover. */
  readonly cy: unknown;
}

/** A chart as Chart.js holds it. */
export interface ChartSnapshot {
  readonly id: string;
  readonly type: string;
  readonly labels: readonly string[];
  readonly datasets: readonly {
    readonly label: string;
    readonly data: readonly (number | null)[];
  }[];
}

export interface DashboardHook {
  readonly ready: boolean;
  idle(): boolean;
  charts(): ChartSnapshot[];
  readonly timings: readonly Timing[];
}
