// The drawn graph: a Cytoscape.js core holding the nodes and links fetched so far, how they look
// (colour and shape by label, line style by evidence), where new ones are placed, and which are
// shown (evidence levels and illustrative records are filters, not deletions).
import cytoscape, {
  type Core,
  type EdgeSingular,
  type NodeSingular,
  type StylesheetJson,
} from 'cytoscape';
import type { DrawnEdge, DrawnNode } from '../../hook.js';
import {
  caption,
  evidenceOf,
  fullName,
  labelOf,
  type EdgeData,
  type NodeData,
} from '../shared/model.js';
import {
  DEFAULT_EVIDENCE,
  EVIDENCE_STYLE,
  LABEL_STYLE,
  NODE_LABELS,
  type Evidence,
} from '../shared/vocab.js';

/** A node's degree in the whole graph, by relationship type and direction (`Neighborhood.degrees`). */
export interface Degree {
  readonly id: string;
  readonly total: number;
  readonly byType: readonly {
    readonly type: string;
    readonly direction: 'OUT' | 'IN';
    readonly count: number;
  }[];
}

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(text)',
      width: 26,
      height: 26,
      'font-size': 12,
      // Labels too small to read are left out rather than drawn as a smudge; zoom in to see them.
      'min-zoomed-font-size': 7,
      color: '#111',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 3,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'border-width': 1,
      'border-color': '#333',
    },
  },
  ...NODE_LABELS.map((label) => ({
    selector: `node.${label}`,
    style: { 'background-color': LABEL_STYLE[label].color, shape: LABEL_STYLE[label].shape },
  })),
  {
    selector: 'node.illustrative',
    style: { 'border-style': 'dashed', 'border-width': 3, 'background-opacity': 0.4 },
  },
  { selector: 'node.pinned', style: { 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'line-color': '#6b6b6b',
      'target-arrow-color': '#6b6b6b',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
    },
  },
  ...(Object.keys(EVIDENCE_STYLE) as Evidence[]).map((evidence) => ({
    selector: `edge.${evidence.toLowerCase()}`,
    style: { 'line-style': EVIDENCE_STYLE[evidence].line },
  })),
  { selector: 'edge.inferred', style: { width: 2.4, 'line-color': '#8a5a00' } },
  { selector: 'edge.illustrative', style: { 'line-color': '#aaa' } },
  {
    selector: 'edge.path',
    style: { width: 4, 'line-color': '#b00020', 'target-arrow-color': '#b00020', 'z-index': 10 },
  },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#b00020' } },
  {
    selector: 'edge:selected',
    style: {
      width: 4,
      'line-color': '#000',
      'target-arrow-color': '#000',
      label: 'data(type)',
      'font-size': 10,
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
    },
  },
  {
    selector: 'node:selected',
    style: { 'border-width': 5, 'border-color': '#000', 'overlay-opacity': 0 },
  },
  { selector: '.hidden', style: { display: 'none' } },
];

// Placement of new neighbours round the node they hang from: about SPACING px apart, none nearer
// than √HOLE × 0.6 × SPACING to it; GOLDEN turns each one on from the last (the sunflower's angle).
const SPACING = 75;
const HOLE = 6;
const GOLDEN = 0.381966;
/** Characters of a caption drawn under its node. */
const MAX_TEXT = 24;

type Point = { x: number; y: number };

/** The Cytoscape graph with the API's data behind each element. */
export class GraphView {
  readonly cy: Core;
  private readonly nodeData = new Map<string, NodeData>();
  private readonly edgeData = new Map<string, EdgeData>();
  private readonly degrees = new Map<string, Degree>();
  /** Nodes the user asked for (search, path ends, deep link): shown even with no link shown. */
  readonly pinned = new Set<string>();
  /** Evidence levels whose links are shown. */
  evidence = new Set<Evidence>(DEFAULT_EVIDENCE);
  /** Whether illustrative records are shown. */
  illustrative = false;

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      layout: { name: 'preset' },
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
  }

  node(id: string): NodeData | undefined {
    return this.nodeData.get(id);
  }

  edge(id: string): EdgeData | undefined {
    return this.edgeData.get(id);
  }

  degree(id: string): Degree | undefined {
    return this.degrees.get(id);
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Remembers degrees (they label each node with the links it has beyond those drawn). */
  setDegrees(degrees: readonly Degree[]): void {
    for (const degree of degrees) this.degrees.set(degree.id, degree);
  }

  /**
   * Adds the nodes not yet drawn and returns their ids. They are placed at `positions` when given,
   * else in rings around `anchor` (facing away from the rest of the graph), else to the right of
   * what is drawn.
   */
  addNodes(
    nodes: readonly NodeData[],
    options: { anchor?: string; positions?: ReadonlyMap<string, Point> } = {},
  ): string[] {
    const fresh = nodes.filter(
      (n, i) => !this.has(n.id) && nodes.findIndex((m) => m.id === n.id) === i,
    );
    for (const node of nodes) this.nodeData.set(node.id, node);
    if (fresh.length === 0) return [];
    const anchor =
      options.anchor === undefined ? undefined : this.cy.getElementById(options.anchor);
    const placed =
      anchor !== undefined && anchor.nonempty()
        ? this.ring(anchor.position(), fresh.length)
        : this.row(fresh.length);
    this.cy.add(
      fresh.map((node, i) => ({
        group: 'nodes' as const,
        data: { id: node.id, text: caption(node) },
        classes: [labelOf(node), node.illustrative ? 'illustrative' : ''].filter(Boolean),
        position: { ...(options.positions?.get(node.id) ?? placed[i]!) },
      })),
    );
    return fresh.map((n) => n.id);
  }

  /** Adds the links not yet drawn whose two ends are drawn; returns their ids. */
  addEdges(edges: readonly EdgeData[]): string[] {
    const fresh = edges.filter(
      (e, i) =>
        !this.has(e.id) &&
        this.has(e.source) &&
        this.has(e.target) &&
        edges.findIndex((f) => f.id === e.id) === i,
    );
    for (const edge of edges) this.edgeData.set(edge.id, edge);
    this.cy.add(
      fresh.map((edge) => ({
        group: 'edges' as const,
        data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type },
        classes: [evidenceOf(edge).toLowerCase(), edge.illustrative ? 'illustrative' : ''].filter(
          Boolean,
        ),
      })),
    );
    return fresh.map((e) => e.id);
  }

  /** Places nodes already drawn along the line between two others (a path's inner nodes). */
  placeBetween(ids: readonly string[], from: string, to: string, lane: number): void {
    const a = this.cy.getElementById(from).position();
    const b = this.cy.getElementById(to).position();
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    // Perpendicular unit vector: each path of the answer gets its own lane.
    const px = -(b.y - a.y) / length;
    const py = (b.x - a.x) / length;
    ids.forEach((id, i) => {
      const t = (i + 1) / (ids.length + 1);
      this.cy.getElementById(id).position({
        x: a.x + (b.x - a.x) * t + px * lane * 70,
        y: a.y + (b.y - a.y) * t + py * lane * 70,
      });
    });
  }

  /** Removes nodes (and their links) from the view. */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.cy.getElementById(id).remove();
      this.pinned.delete(id);
    }
  }

  /** Empties the view. */
  clear(): void {
    this.cy.elements().remove();
    this.pinned.clear();
  }

  /**
   * Recomputes what is shown and each node's text. A link is shown when its evidence level is and
   * (if illustrative) illustrative records are; a path's links are always shown. A node is shown
   * unless it is illustrative and those are hidden, or it hangs only from hidden links and the user
   * did not ask for it. A node's text counts the links it has that are not drawn (`+12`).
   */
  refresh(): void {
    const cy = this.cy;
    cy.batch(() => {
      const showEdge = (edge: EdgeSingular) => {
        const data = this.edgeData.get(edge.id());
        if (data === undefined) return false;
        if (data.illustrative && !this.illustrative) return false;
        return edge.hasClass('path') || this.evidence.has(evidenceOf(data));
      };
      const edgeShown = new Map<string, boolean>();
      cy.edges().forEach((edge) => {
        edgeShown.set(edge.id(), showEdge(edge));
      });
      cy.nodes().forEach((node) => {
        const data = this.nodeData.get(node.id());
        const links = node.connectedEdges();
        const shown =
          data !== undefined &&
          (!data.illustrative || this.illustrative) &&
          (this.pinned.has(node.id()) ||
            links.empty() ||
            links.filter((edge: EdgeSingular) => edgeShown.get(edge.id()) === true).nonempty());
        node.toggleClass('hidden', !shown);
        node.toggleClass('pinned', this.pinned.has(node.id()));
        if (data !== undefined) {
          const text = this.text(node, data);
          if (node.data('text') !== text) {
            node.data('text', text);
            // Set as a style bypass too: Cytoscape keeps the box it measured for a data-mapped
            // label when the data changes, and draws a longer text clipped to it.
            node.style('label', text);
          }
        }
      });
      cy.edges().forEach((edge) => {
        const shown =
          edgeShown.get(edge.id()) === true &&
          !edge.source().hasClass('hidden') &&
          !edge.target().hasClass('hidden');
        edge.toggleClass('hidden', !shown);
      });
    });
  }

  private text(node: NodeSingular, data: NodeData): string {
    const degree = this.degrees.get(node.id());
    const undrawn = degree === undefined ? 0 : degree.total - node.connectedEdges().length;
    // Cut here rather than by Cytoscape's `text-wrap: ellipsis`, whose cached width goes stale when
    // the text changes after the node was first drawn (a deep link's degrees arrive later).
    const short = caption(data);
    const name =
      (short.length > MAX_TEXT ? `${short.slice(0, MAX_TEXT - 1)}…` : short) +
      (data.illustrative ? ' (illustrative)' : '');
    return undrawn > 0 ? `${name}  +${undrawn}` : name;
  }

  /** The shown nodes. */
  shownNodes(): NodeSingular[] {
    return this.cy
      .nodes()
      .filter((n) => !n.hasClass('hidden'))
      .toArray() as NodeSingular[];
  }

  /** The shown links. */
  shownEdges(): EdgeSingular[] {
    return this.cy
      .edges()
      .filter((e) => !e.hasClass('hidden'))
      .toArray() as EdgeSingular[];
  }

  /** Fits the shown elements in the view, no closer than natural size. */
  fit(): void {
    const shown = this.cy.elements().filter((e) => !e.hasClass('hidden'));
    if (shown.empty()) return;
    this.cy.fit(shown, 40);
    if (this.cy.zoom() > 1.2) {
      this.cy.zoom(1.2);
      this.cy.center(shown);
    }
  }

  /** Runs a force-directed layout on what is shown, from the current positions. */
  tidy(): void {
    const shown = this.cy.elements().filter((e) => !e.hasClass('hidden'));
    shown
      .layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: true,
        padding: 40,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 90,
        numIter: 600,
      })
      .run();
  }

  /** The nearest shown node from `from` roughly in direction (dx, dy), for arrow-key moves. */
  nearest(from: string, dx: number, dy: number): string | null {
    const origin = this.cy.getElementById(from);
    if (origin.empty()) return this.shownNodes()[0]?.id() ?? null;
    const o = origin.position();
    let best: { id: string; score: number } | null = null;
    for (const node of this.shownNodes()) {
      if (node.id() === from) continue;
      const p = node.position();
      const vx = p.x - o.x;
      const vy = p.y - o.y;
      const along = vx * dx + vy * dy;
      if (along <= 0) continue;
      const across = Math.abs(vx * dy - vy * dx);
      // Within a 120° cone, the closest first; off-axis distance counts double.
      if (across > along * 1.8) continue;
      const score = along + 2 * across;
      if (best === null || score < best.score) best = { id: node.id(), score };
    }
    return best?.id ?? null;
  }

  /** The drawn model as plain data (for the tests' hook). */
  snapshot(): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
    const classes = (e: { classes(): string[] | string }) => {
      const value = e.classes();
      return Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);
    };
    return {
      nodes: this.cy.nodes().map((node) => {
        const data = this.nodeData.get(node.id());
        return {
          id: node.id(),
          label: data === undefined ? '' : labelOf(data),
          text: String(node.data('text')),
          visible: node.visible(),
          illustrative: data?.illustrative ?? false,
          x: node.position().x,
          y: node.position().y,
          classes: classes(node),
        };
      }),
      edges: this.cy.edges().map((edge) => {
        const data = this.edgeData.get(edge.id());
        return {
          id: edge.id(),
          type: String(edge.data('type')),
          source: edge.source().id(),
          target: edge.target().id(),
          evidence: data === undefined ? '' : evidenceOf(data),
          visible: edge.visible(),
          lineStyle: String(edge.style('line-style')),
          classes: classes(edge),
        };
      }),
    };
  }

  /** What the exports need of each shown node. */
  describe(id: string): { data: NodeData; name: string; position: Point } | null {
    const data = this.nodeData.get(id);
    if (data === undefined || !this.has(id)) return null;
    return { data, name: fullName(data), position: this.cy.getElementById(id).position() };
  }

  // Positions for `count` new nodes round `center`: a sunflower spiral (even density, no visible
  // rings), on the side away from the rest of the graph (all round when nothing else is drawn).
  private ring(center: Point, count: number): Point[] {
    const others = this.cy.nodes().filter((n) => {
      const p = n.position();
      return p.x !== center.x || p.y !== center.y;
    });
    let start = 0;
    let arc = 2 * Math.PI;
    if (others.nonempty()) {
      const bb = others.boundingBox();
      const away = Math.atan2(center.y - (bb.y1 + bb.y2) / 2, center.x - (bb.x1 + bb.x2) / 2);
      arc = 1.3 * Math.PI;
      start = away - arc / 2;
    }
    // The radius grows with the square root of the index, scaled so a sector is as dense as a
    // full circle; the hole keeps the first ones clear of the centre node.
    const scale = SPACING * Math.sqrt((2 * Math.PI) / arc) * 0.6;
    return Array.from({ length: count }, (_, i) => {
      const angle = start + arc * ((i * GOLDEN) % 1);
      const radius = scale * Math.sqrt(i + HOLE);
      return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
    });
  }

  // Positions for `count` nodes in a row right of what is drawn (or round the origin).
  private row(count: number): Point[] {
    if (this.cy.nodes().empty()) {
      return Array.from({ length: count }, (_, i) => ({ x: i * 160, y: 0 }));
    }
    const bb = this.cy.nodes().boundingBox();
    return Array.from({ length: count }, (_, i) => ({
      x: bb.x2 + 160,
      y: (bb.y1 + bb.y2) / 2 + i * 70,
    }));
  }
}
