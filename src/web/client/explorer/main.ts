// The graph explorer (/explorer): search, focus, expand by relationship type with the degree
// badges the API gives, collapse, reveal the links among what is drawn, shortest paths with each
// hop's provenance, a side panel with properties and sources, evidence levels and illustrative
// records as filters, deep links, and PNG / JSON / GEXF exports. It calls only the public GraphQL
// API (src/web/client/explorer/queries.ts lists every operation).
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { EXPLORER_HOOK, type ExplorerHook, type Timing } from '../../hook.js';
import { ApiError, gql, requestsInFlight } from '../shared/api.js';
import { byId, download, h, replace } from '../shared/dom.js';
import { buildEvidenceFilter } from '../shared/evidence-filter.js';
import {
  caption,
  evidenceOf,
  fullName,
  labelOf,
  type EdgeData,
  type NodeData,
  type SourceData,
} from '../shared/model.js';
import {
  EVIDENCE,
  EVIDENCE_STYLE,
  LABEL_STYLE,
  NODE_LABELS,
  relationshipPhrase,
  type Evidence,
} from '../shared/vocab.js';
import { decodeView, encodeView, type ViewState } from './deeplink.js';
import { toGexf, toGraphJson, type ExportGraph } from './exports.js';
import { GraphView } from './graph.js';
import {
  lineSample,
  renderEdge,
  renderHelp,
  renderNode,
  renderPaths,
  swatch,
  TYPE_LIMIT,
  type PanelActions,
} from './panel.js';
import * as Q from './queries.js';
import { createSearch } from './search.js';

/** Links fetched per type when all of a node's types are expanded at once. */
const ALL_LIMIT = 25;
/** `edgesAmong` takes at most 200 ids: larger views are asked in pairs of chunks this size. */
const AMONG_CHUNK = 100;
/** Degrees asked for in one request (each is an alias of `neighborhood`). */
const DEGREE_BATCH = 10;

const graph = new GraphView(byId('graph'));
const cy = graph.cy;
const detailsPanel = byId('details');
const pathsPanel = byId('paths');
const statusLine = byId('status');
const errorLine = byId('error');

const details = new Map<string, Q.Details>();
const edgeSources = new Map<string, SourceData[]>();
let selected: { kind: 'node' | 'edge'; id: string } | null = null;
const paths = {
  from: null as string | null,
  to: null as string | null,
  maxHops: 4,
  found: null as Q.PathData[] | null,
  active: null as number | null,
  error: null as string | null,
};
let labelCounts = new Map<string, { count: number; illustrative: number }>();

/** An expansion drawn: asked again when illustrative records are switched on. */
interface Expansion {
  readonly id: string;
  readonly type: string | undefined;
  readonly direction: 'OUT' | 'IN' | undefined;
}
const expansions = new Map<string, Expansion>();

/** Forgets the expansions of `id` and of nodes no longer drawn. */
function forgetExpansions(id?: string): void {
  for (const [key, e] of expansions) if (e.id === id || !graph.has(e.id)) expansions.delete(key);
}

// ---------------------------------------------------------------------------------------------
// Steps: every user action runs as one, timed from the action until the result is drawn.

const timings: Timing[] = [];
let stepsRunning = 0;
let restoring = false;
/** When a deep link's view was first drawn (ms since navigation). */
let viewDrawnAt: number | null = null;
let ready = false;

type Request = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

const nextFrame = () =>
  new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

async function step(name: string, work: (request: Request) => Promise<void>): Promise<void> {
  stepsRunning += 1;
  const started = performance.now();
  // Time spent waiting for the API, overlapping requests counted once.
  let requestMs = 0;
  let open = 0;
  let since = 0;
  const request: Request = async (query, variables) => {
    if (open++ === 0) since = performance.now();
    try {
      return await gql(query, variables);
    } finally {
      if (--open === 0) requestMs += performance.now() - since;
    }
  };
  errorLine.textContent = '';
  try {
    await work(request);
    // Degrees may have arrived after the last refresh: the node texts count them.
    graph.refresh();
    render();
    await nextFrame();
    timings.push({
      step: name,
      ms: Math.round(performance.now() - started),
      requestMs: Math.round(requestMs),
      nodes: cy.nodes().length,
      edges: cy.edges().length,
    });
  } catch (error) {
    report(error);
  } finally {
    stepsRunning -= 1;
    render();
    saveUrl();
  }
}

function report(error: unknown): void {
  if (error instanceof ApiError) {
    errorLine.textContent = `The API refused: ${error.message}${error.code ? ` (${error.code})` : ''}`;
  } else {
    errorLine.textContent = 'Something went wrong; see the browser console.';
    console.error(error);
  }
}

function say(message: string): void {
  statusLine.textContent = message;
}

// ---------------------------------------------------------------------------------------------
// Reading from the API.

async function fetchNodes(request: Request, ids: readonly string[]): Promise<NodeData[]> {
  const found: NodeData[] = [];
  for (let i = 0; i < ids.length; i += AMONG_CHUNK) {
    const data = await request<Q.NodesData>(Q.NODES, { ids: ids.slice(i, i + AMONG_CHUNK) });
    for (const node of data.nodes) if (node !== null) found.push(node);
  }
  return found;
}

/** Every link among `ids`, in as many `edgesAmong` calls as its 200-id limit needs. */
async function fetchEdgesAmong(
  request: Request,
  ids: readonly string[],
  ill = graph.illustrative,
): Promise<EdgeData[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += AMONG_CHUNK) chunks.push(ids.slice(i, i + AMONG_CHUNK));
  const asks: string[][] = [];
  chunks.forEach((chunk, i) => {
    if (chunks.length === 1) asks.push(chunk);
    for (let j = i + 1; j < chunks.length; j += 1) asks.push([...chunk, ...chunks[j]!]);
  });
  const answers = await Promise.all(
    asks.map((ask) => request<Q.EdgesAmongData>(Q.EDGES_AMONG, { ids: ask, ill })),
  );
  const byId = new Map<string, EdgeData>();
  for (const answer of answers) for (const edge of answer.edgesAmong) byId.set(edge.id, edge);
  return [...byId.values()];
}

/**
 * Asks the degree of every node in `ids` that has none yet (all of them with `again`), a batch at
 * a time: each degree is a neighbourhood statement in the database, and many at once would crowd
 * out everyone else's.
 */
async function fetchDegrees(
  request: Request,
  ids: readonly string[],
  again = false,
): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => again || graph.degree(id) === undefined);
  for (let i = 0; i < missing.length; i += DEGREE_BATCH) {
    const batch = missing.slice(i, i + DEGREE_BATCH);
    const variables: Record<string, unknown> = { ill: graph.illustrative };
    batch.forEach((id, j) => (variables[`id${j}`] = id));
    const data = await request<Q.DegreesData>(Q.degreesQuery(batch.length), variables);
    batch.forEach((id, j) => {
      const degree = data[`d${j}`]?.degrees.find((d) => d.id === id);
      graph.setDegrees([degree ?? { id, total: 0, byType: [] }]);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Actions.

/** Draws a node the user asked for (search, deep link) and selects it. */
function focusNode(node: NodeData): Promise<void> {
  return step(`focus ${caption(node)}`, async (request) => {
    graph.addNodes([node]);
    graph.pinned.add(node.id);
    select(node.id);
    await fetchDegrees(request, [node.id]);
    graph.refresh();
    graph.fit();
    say(`${LABEL_STYLE[labelOf(node)].name} ${caption(node)} drawn and selected.`);
  });
}

/** Asks one expansion in the current illustrative mode and draws it. */
async function drawExpansion(request: Request, expansion: Expansion) {
  const { id, type, direction } = expansion;
  const limit = type === undefined ? ALL_LIMIT : TYPE_LIMIT;
  const { neighborhood } = await request<Q.NeighborhoodData>(Q.NEIGHBORHOOD, {
    id,
    types: type === undefined ? null : [type],
    direction: direction ?? 'BOTH',
    limit,
    ill: graph.illustrative,
  });
  graph.setDegrees(neighborhood.degrees);
  const added = graph.addNodes(neighborhood.nodes, { anchor: id });
  graph.addEdges(neighborhood.edges);
  expansions.set(`${id} ${type ?? '*'} ${direction ?? 'BOTH'}`, expansion);
  return { neighborhood, added, limit };
}

function expand(id: string, type?: string, direction?: 'OUT' | 'IN'): Promise<void> {
  const node = graph.node(id);
  const what = type === undefined ? 'all types' : `${direction === 'IN' ? '←' : '→'} ${type}`;
  return step(`expand ${node ? caption(node) : id} (${what})`, async (request) => {
    const { neighborhood, added, limit } = await drawExpansion(request, { id, type, direction });
    graph.refresh();
    graph.fit();
    const hidden = added.filter((n) => cy.getElementById(n).hasClass('hidden')).length;
    say(
      `Expanded ${node ? caption(node) : id} (${what}): ${neighborhood.edges.length} links, ${added.length} new nodes` +
        (hidden > 0 ? `, ${hidden} of them hidden by the evidence or illustrative filter` : '') +
        (neighborhood.truncated
          ? `. Only the first ${limit} of ${neighborhood.truncatedTypes.join(', ')} are drawn`
          : '') +
        '.',
    );
  });
}

/** Removes the nodes that hang only from `id` (and were not asked for). */
function collapse(id: string): void {
  const node = cy.getElementById(id) as NodeSingular;
  const leaves = node
    .neighborhood()
    .nodes()
    .filter(
      (n: NodeSingular) =>
        !graph.pinned.has(n.id()) &&
        !n.hasClass('path') &&
        n
          .connectedEdges()
          .filter((e: EdgeSingular) => e.source().id() !== id && e.target().id() !== id)
          .empty(),
    )
    .map((n: NodeSingular) => n.id());
  graph.remove(leaves);
  forgetExpansions(id);
  graph.refresh();
  render();
  saveUrl();
  say(`Collapsed: ${leaves.length} nodes removed.`);
}

function removeNode(id: string): void {
  const neighbours = (cy.getElementById(id) as NodeSingular).neighborhood().nodes();
  graph.remove([id]);
  // Nodes left with no link at all that nobody asked for go too.
  graph.remove(
    neighbours
      .filter((n: NodeSingular) => n.connectedEdges().empty() && !graph.pinned.has(n.id()))
      .map((n: NodeSingular) => n.id()),
  );
  forgetExpansions(id);
  if (selected?.id === id) selected = null;
  if (paths.from === id) paths.from = null;
  if (paths.to === id) paths.to = null;
  graph.refresh();
  render();
  saveUrl();
}

function revealLinks(): Promise<void> {
  return step('reveal links among', async (request) => {
    const ids = cy.nodes().map((n) => n.id());
    const before = cy.edges().length;
    graph.addEdges(await fetchEdgesAmong(request, ids));
    graph.refresh();
    say(`${cy.edges().length - before} more links among the ${ids.length} nodes drawn.`);
  });
}

/** Draws a node by id next to the selection, with the links between them (a source's document). */
function open(id: string): Promise<void> {
  if (graph.has(id)) {
    select(id);
    return Promise.resolve();
  }
  const anchor = selected?.kind === 'node' ? selected.id : undefined;
  return step(`open ${id}`, async (request) => {
    const [node] = await fetchNodes(request, [id]);
    if (node === undefined) {
      say(`No node ${id} (it may be illustrative: show illustrative records to see it).`);
      return;
    }
    graph.addNodes([node], { anchor });
    graph.pinned.add(id);
    if (anchor !== undefined) graph.addEdges(await fetchEdgesAmong(request, [anchor, id]));
    await fetchDegrees(request, [id]);
    graph.refresh();
    graph.fit();
    select(id);
    say(`${caption(node)} drawn and selected.`);
  });
}

function setPathEnd(end: 'from' | 'to', id: string): void {
  paths[end] = id;
  paths.found = null;
  paths.error = null;
  markPaths();
  if (paths.from !== null && paths.to !== null && paths.from !== paths.to) {
    void findPaths();
  } else {
    render();
    saveUrl();
  }
}

function findPaths(): Promise<void> {
  const { from, to } = paths;
  if (from === null || to === null) return Promise.resolve();
  return step('paths', async (request) => {
    await loadPaths(request, from, to);
    graph.fit();
    // The paths just found come first in the side panel (see .paths.first), from its top.
    pathsPanel.parentElement!.scrollTop = 0;
  });
}

async function loadPaths(
  request: Request,
  from: string,
  to: string,
  degrees = true,
): Promise<void> {
  paths.error = null;
  const { paths: found } = await request<Q.PathsData>(Q.PATHS, {
    from,
    to,
    maxHops: paths.maxHops,
    ill: graph.illustrative,
    // Routed over the evidence levels shown (all of them: no filter).
    evidence: graph.evidence.size === EVIDENCE.length ? null : [...graph.evidence],
  });
  paths.found = found;
  paths.active = null;
  found.forEach((path, lane) => {
    const added = graph.addNodes(path.nodes, { anchor: from });
    const inner = path.nodes.map((n) => n.id).filter((id) => added.includes(id));
    graph.placeBetween(inner, from, to, lane - (found.length - 1) / 2);
    graph.addEdges(path.edges);
    for (const edge of path.edges) edgeSources.set(edge.id, edge.sources);
  });
  if (degrees)
    await fetchDegrees(
      request,
      found.flatMap((p) => p.nodes.map((n) => n.id)),
    );
  markPaths();
  const a = graph.node(from);
  const b = graph.node(to);
  say(
    found.length === 0
      ? `No path of at most ${paths.maxHops} hops between ${a ? caption(a) : from} and ${b ? caption(b) : to}.`
      : `${found.length} shortest path${found.length === 1 ? '' : 's'} of ${found[0]!.length} hops from ${a ? caption(a) : from} to ${b ? caption(b) : to}.`,
  );
}

/** Marks the elements of the paths shown (all, or the one highlighted). */
function markPaths(): void {
  cy.elements('.path').removeClass('path');
  const shown =
    paths.found === null ? [] : paths.active === null ? paths.found : [paths.found[paths.active]!];
  for (const path of shown) {
    for (const node of path.nodes) cy.getElementById(node.id).addClass('path');
    for (const edge of path.edges) cy.getElementById(edge.id).addClass('path');
  }
  graph.refresh();
}

function clearPaths(): void {
  paths.found = null;
  paths.active = null;
  paths.from = null;
  paths.to = null;
  markPaths();
  render();
  saveUrl();
}

function clearAll(): void {
  graph.clear();
  expansions.clear();
  selected = null;
  clearPaths();
  say('The view is empty.');
}

function setEvidence(levels: Iterable<Evidence>): void {
  const started = performance.now();
  graph.evidence = new Set(levels);
  graph.refresh();
  render();
  saveUrl();
  void nextFrame().then(() =>
    timings.push({
      step: `evidence ${[...graph.evidence].join('+') || 'none'}`,
      ms: Math.round(performance.now() - started),
      requestMs: 0,
      nodes: cy.nodes().length,
      edges: cy.edges().length,
    }),
  );
  say(
    `Links shown: ${[...graph.evidence].map((e) => EVIDENCE_STYLE[e].name.toLowerCase()).join(', ') || 'none'}.`,
  );
}

/**
 * Shows or hides illustrative records, and asks again in the new mode for what the view was built
 * from: each expansion (showing them fetches the illustrative neighbours), the paths shown (they
 * may route through illustrative records or no longer may) and the degree badges (which count
 * illustrative links only when they are shown). Hiding keeps what was fetched, hidden.
 */
function setIllustrative(show: boolean): Promise<void> {
  graph.illustrative = show;
  details.clear();
  graph.refresh();
  render();
  saveUrl();
  return step(`illustrative ${show ? 'shown' : 'hidden'}`, async (request) => {
    if (show) for (const e of [...expansions.values()]) await drawExpansion(request, e);
    if (paths.found !== null && paths.from !== null && paths.to !== null)
      await loadPaths(request, paths.from, paths.to, false);
    await fetchDegrees(
      request,
      cy.nodes().map((n) => n.id()),
      true,
    );
    graph.refresh();
    const drawn = cy.nodes('.illustrative').filter((n) => n.visible()).length;
    say(
      show
        ? `Illustrative records are shown (marked with a dashed outline): ${drawn} drawn.`
        : 'Illustrative records are hidden.',
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Selection and the side panel.

function select(id: string): void {
  const element = cy.getElementById(id);
  if (element.empty()) return;
  cy.elements(':selected').unselect();
  element.select();
  selected = { kind: element.isNode() ? 'node' : 'edge', id };
  renderSelection();
}

let panelFor = '';
function renderSelection(): void {
  if (selected === null || cy.getElementById(selected.id).empty()) {
    selected = null;
    if (panelFor !== '') renderHelp(detailsPanel);
    panelFor = '';
    return;
  }
  const { id } = selected;
  if (selected.kind === 'node') {
    const node = graph.node(id);
    if (node === undefined) return;
    const element = cy.getElementById(id) as NodeSingular;
    const drawn = new Map<string, number>();
    const neighbours: { id: string; node: NodeData; via: string }[] = [];
    element.connectedEdges().forEach((edge) => {
      const out = edge.source().id() === id;
      const key = `${String(edge.data('type'))} ${out ? 'OUT' : 'IN'}`;
      drawn.set(key, (drawn.get(key) ?? 0) + 1);
      const other = out ? edge.target() : edge.source();
      const data = graph.node(other.id());
      if (data !== undefined && !other.hasClass('hidden') && !edge.hasClass('hidden')) {
        neighbours.push({
          id: other.id(),
          node: data,
          via: relationshipPhrase(String(edge.data('type')), out ? 'OUT' : 'IN'),
        });
      }
    });
    renderNode(
      detailsPanel,
      {
        node,
        details: details.get(id) ?? null,
        degree: graph.degree(id),
        drawn,
        neighbours,
        busy: stepsRunning > 0,
      },
      actions,
    );
    if (!details.has(id)) void loadDetails(id);
  } else {
    const edge = graph.edge(id);
    if (edge === undefined) return;
    renderEdge(
      detailsPanel,
      {
        edge,
        source: graph.node(edge.source),
        target: graph.node(edge.target),
        sources: edgeSources.get(id) ?? null,
      },
      actions,
    );
    if (!edgeSources.has(id)) void loadEdgeSources(edge);
  }
  panelFor = id;
}

async function loadDetails(id: string): Promise<void> {
  try {
    const { node } = await gql<Q.DetailsData>(Q.DETAILS, { id });
    if (node !== null) details.set(id, node);
    if (selected?.id === id) renderSelection();
  } catch (error) {
    report(error);
  }
}

async function loadEdgeSources(edge: EdgeData): Promise<void> {
  try {
    const { edgesAmong } = await gql<Q.EdgeSourcesData>(Q.EDGE_SOURCES, {
      ids: [edge.source, edge.target],
      ill: true,
    });
    edgeSources.set(edge.id, edgesAmong.find((e) => e.id === edge.id)?.sources ?? []);
    if (selected?.id === edge.id) renderSelection();
  } catch (error) {
    report(error);
  }
}

const actions: PanelActions = {
  select,
  selectEdge: select,
  expand: (id, type, direction) => void expand(id, type, direction),
  collapse,
  remove: removeNode,
  pathFrom: (id) => setPathEnd('from', id),
  pathTo: (id) => setPathEnd('to', id),
  open: (id) => void open(id),
};

function render(): void {
  renderSelection();
  renderPaths(
    pathsPanel,
    {
      from: paths.from === null ? null : (graph.node(paths.from) ?? null),
      to: paths.to === null ? null : (graph.node(paths.to) ?? null),
      maxHops: paths.maxHops,
      paths: paths.found,
      active: paths.active,
      error: paths.error,
      busy: stepsRunning > 0,
    },
    {
      ...actions,
      findPaths: () => void findPaths(),
      clearPaths,
      showPath: (index) => {
        paths.active = index;
        markPaths();
        render();
      },
      setMaxHops: (hops) => {
        paths.maxHops = hops;
      },
    },
  );
  pathsPanel.classList.toggle('first', paths.found !== null);
  const shownNodes = graph.shownNodes().length;
  const shownEdges = graph.shownEdges().length;
  byId('counts').textContent =
    `${shownNodes} nodes and ${shownEdges} links shown` +
    (cy.elements().length > shownNodes + shownEdges
      ? ` (${cy.nodes().length - shownNodes} nodes, ${cy.edges().length - shownEdges} links hidden by the filters)`
      : '');
  renderLegendCounts();
}

// ---------------------------------------------------------------------------------------------
// Deep links: the fragment always describes the view; opening it restores the view.

function currentView(): ViewState {
  const nodes = cy.nodes().map((n) => ({
    id: n.id(),
    x: n.position().x,
    y: n.position().y,
    pinned: graph.pinned.has(n.id()),
  }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const edgeList = cy.edges().map((e) => ({
    id: e.id(),
    type: String(e.data('type')),
    source: index.get(e.source().id())!,
    target: index.get(e.target().id())!,
  }));
  let sel: ViewState['selected'] = null;
  if (selected !== null) {
    const i =
      selected.kind === 'node'
        ? index.get(selected.id)
        : edgeList.findIndex((e) => e.id === selected!.id);
    if (i !== undefined && i >= 0) sel = { kind: selected.kind === 'node' ? 'n' : 'e', index: i };
  }
  const from = paths.from === null ? undefined : index.get(paths.from);
  const to = paths.to === null ? undefined : index.get(paths.to);
  return {
    nodes,
    edges: edgeList.map(({ type, source, target }) => ({ type, source, target })),
    selected: sel,
    evidence: [...graph.evidence],
    illustrative: graph.illustrative,
    path: paths.found !== null && from !== undefined && to !== undefined ? { from, to } : null,
  };
}

function saveUrl(): void {
  if (restoring) return;
  const fragment = encodeView(currentView());
  if (location.hash.slice(1) !== fragment) history.replaceState(null, '', `#${fragment}`);
}

function restore(fragment: string): Promise<void> {
  const view = decodeView(fragment);
  restoring = true;
  return step('restore view', async (request) => {
    try {
      graph.clear();
      expansions.clear();
      selected = null;
      paths.found = null;
      paths.from = null;
      paths.to = null;
      graph.evidence = new Set(view.evidence);
      graph.illustrative = view.illustrative;
      syncToolbar();
      if (view.nodes.length === 0) return;
      const ids = view.nodes.map((n) => n.id);
      // The URL names the links drawn, illustrative ones too (kept hidden when they are): ask
      // for every link among the nodes and keep those.
      const [nodes, edges] = await Promise.all([
        fetchNodes(request, ids),
        fetchEdgesAmong(request, ids, true),
      ]);
      graph.addNodes(nodes, { positions: new Map(view.nodes.map((n) => [n.id, n])) });
      for (const n of view.nodes) if (n.pinned) graph.pinned.add(n.id);
      const wanted = new Set(view.edges.map((e) => `${e.type} ${ids[e.source]} ${ids[e.target]}`));
      graph.addEdges(edges.filter((e) => wanted.has(`${e.type} ${e.source} ${e.target}`)));
      if (view.path !== null) {
        paths.from = ids[view.path.from] ?? null;
        paths.to = ids[view.path.to] ?? null;
        if (paths.from !== null && paths.to !== null)
          await loadPaths(request, paths.from, paths.to, false);
      }
      graph.refresh();
      graph.fit();
      if (view.selected !== null) {
        if (view.selected.kind === 'n') {
          const id = ids[view.selected.index];
          if (id !== undefined) select(id);
        } else {
          const e = view.edges[view.selected.index];
          const match =
            e === undefined
              ? undefined
              : cy
                  .edges()
                  .filter(
                    (x) =>
                      x.data('type') === e.type &&
                      x.source().id() === ids[e.source] &&
                      x.target().id() === ids[e.target],
                  )
                  .first();
          if (match !== undefined && match.nonempty()) select(match.id());
        }
      }
      say(`View restored: ${cy.nodes().length} nodes, ${cy.edges().length} links.`);
      // The view is drawn; the degrees (the node texts' counts, the panel's badges) follow.
      render();
      await nextFrame();
      viewDrawnAt ??= performance.now();
      await fetchDegrees(request, ids);
    } finally {
      restoring = false;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Exports: what is shown, as the user sees it.

function exportGraph(): ExportGraph {
  const nodes = graph.shownNodes().flatMap((n) => {
    const described = graph.describe(n.id());
    if (described === null) return [];
    const { data, name, position } = described;
    return [
      {
        id: data.id,
        label: labelOf(data),
        key: data.key,
        caption: caption(data),
        name,
        nameZh: data.nameZh ?? null,
        illustrative: data.illustrative,
        x: position.x,
        y: position.y,
      },
    ];
  });
  const edges = graph.shownEdges().flatMap((e: EdgeSingular) => {
    const data = graph.edge(e.id());
    if (data === undefined) return [];
    return [
      {
        id: data.id,
        type: data.type,
        source: data.source,
        target: data.target,
        evidence: evidenceOf(data),
        illustrative: data.illustrative,
        properties: Object.fromEntries(data.properties.map((p) => [p.name, p.value])),
      },
    ];
  });
  return { nodes, edges, url: location.href, generatedAt: new Date().toISOString() };
}

function exportAs(format: 'png' | 'json' | 'gexf'): void {
  if (cy.nodes().empty()) {
    say('Nothing to export: the view is empty.');
    return;
  }
  if (format === 'png') {
    const blob = cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2, maxWidth: 4000 });
    download(blob, 'ctkg-view.png');
  } else if (format === 'json') {
    download(
      new Blob([toGraphJson(exportGraph())], { type: 'application/json' }),
      'ctkg-view.cyjs',
    );
  } else {
    download(new Blob([toGexf(exportGraph())], { type: 'application/gexf+xml' }), 'ctkg-view.gexf');
  }
  say(`Exported the view as ${format.toUpperCase()}.`);
}

// ---------------------------------------------------------------------------------------------
// Toolbar, legend, keyboard.

function syncToolbar(): void {
  for (const level of EVIDENCE) {
    byId<HTMLInputElement>(`evidence-${level.toLowerCase()}`).checked = graph.evidence.has(level);
  }
  byId<HTMLInputElement>('show-illustrative').checked = graph.illustrative;
}

function buildToolbar(): void {
  // Ticked from the view's state once it is known (see the sync above).
  buildEvidenceFilter(byId('evidence-filter'), {
    checked: () => false,
    sample: (level) => [' ', lineSample(EVIDENCE_STYLE[level].line), ' '],
    onChange: setEvidence,
  });
  byId('show-illustrative').addEventListener(
    'change',
    (event) => void setIllustrative((event.target as HTMLInputElement).checked),
  );
  byId('reveal').addEventListener('click', () => void revealLinks());
  byId('tidy').addEventListener('click', () => {
    graph.tidy();
    saveUrl();
  });
  byId('fit').addEventListener('click', () => graph.fit());
  byId('clear').addEventListener('click', clearAll);
  byId('export-png').addEventListener('click', () => exportAs('png'));
  byId('export-json').addEventListener('click', () => exportAs('json'));
  byId('export-gexf').addEventListener('click', () => exportAs('gexf'));
  syncToolbar();
}

function buildLegend(): void {
  const legend = byId('legend-items');
  replace(
    legend,
    h(
      'ul',
      { class: 'legend-labels' },
      ...NODE_LABELS.map((label) =>
        h(
          'li',
          {},
          swatch(label),
          ' ',
          LABEL_STYLE[label].plural,
          ' ',
          h('span', { class: 'muted', 'data-count': label }),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'legend-evidence' },
      ...EVIDENCE.map((level) =>
        h(
          'li',
          { title: EVIDENCE_STYLE[level].meaning },
          lineSample(EVIDENCE_STYLE[level].line),
          ' ',
          EVIDENCE_STYLE[level].name,
        ),
      ),
      h(
        'li',
        {},
        h('span', { class: 'illustrative-sample', 'aria-hidden': 'true' }),
        ' Illustrative record',
      ),
      h(
        'li',
        {},
        lineSample('solid'),
        h('span', { class: 'path-sample', 'aria-hidden': 'true' }),
        ' Path',
      ),
    ),
  );
}

function renderLegendCounts(): void {
  for (const label of NODE_LABELS) {
    const cell = document.querySelector(`[data-count="${label}"]`);
    const counts = labelCounts.get(label);
    if (cell === null || counts === undefined) continue;
    const total = graph.illustrative ? counts.count : counts.count - counts.illustrative;
    cell.textContent = `(${total.toLocaleString('en')})`;
  }
}

function onGraphKey(event: KeyboardEvent): void {
  const current = selected?.kind === 'node' ? selected.id : null;
  const moves: Record<string, [number, number]> = {
    ArrowRight: [1, 0],
    ArrowLeft: [-1, 0],
    ArrowDown: [0, 1],
    ArrowUp: [0, -1],
  };
  const move = moves[event.key];
  if (move !== undefined) {
    event.preventDefault();
    const next =
      current === null ? (graph.shownNodes()[0]?.id() ?? null) : graph.nearest(current, ...move);
    if (next !== null) {
      select(next);
      const node = cy.getElementById(next);
      const extent = cy.extent();
      const p = node.position();
      if (p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2) cy.center(node);
      const data = graph.node(next);
      if (data) say(`${LABEL_STYLE[labelOf(data)].name} ${caption(data)}: ${fullName(data)}`);
    }
    return;
  }
  const zoomBy = (factor: number) =>
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  switch (event.key) {
    case 'Enter':
      if (current !== null) void expand(current);
      break;
    case 'c':
      if (current !== null) collapse(current);
      break;
    case 'Delete':
    case 'Backspace':
      if (current !== null) removeNode(current);
      break;
    case '+':
    case '=':
      zoomBy(1.25);
      break;
    case '-':
      zoomBy(0.8);
      break;
    case '0':
      graph.fit();
      break;
    case 'Escape':
      cy.elements(':selected').unselect();
      selected = null;
      renderSelection();
      saveUrl();
      break;
    default:
      return;
  }
  event.preventDefault();
}

// ---------------------------------------------------------------------------------------------
// Start.

async function start(): Promise<void> {
  buildToolbar();
  buildLegend();
  renderHelp(detailsPanel);
  const input = byId<HTMLInputElement>('search');
  const search = createSearch({
    input,
    listbox: byId('search-results'),
    status: byId('search-status'),
    search: async (text) => {
      const started = performance.now();
      const data = await gql<Q.SearchData>(Q.SEARCH, { text, ill: graph.illustrative });
      timings.push({
        step: `search ${text}`,
        ms: Math.round(performance.now() - started),
        requestMs: Math.round(performance.now() - started),
        nodes: cy.nodes().length,
        edges: cy.edges().length,
      });
      return data.search.map((hit) => hit.node);
    },
    choose: (node) => void focusNode(node),
    onError: report,
  });
  void search;

  cy.on('select', 'node, edge', (event) => {
    const target = event.target as NodeSingular | EdgeSingular;
    selected = { kind: target.isNode() ? 'node' : 'edge', id: target.id() };
    renderSelection();
    saveUrl();
  });
  cy.on('unselect', 'node, edge', () => {
    // A click on another element unselects first: wait for its select before showing help.
    setTimeout(() => {
      if (cy.elements(':selected').empty()) {
        selected = null;
        renderSelection();
        saveUrl();
      }
    }, 0);
  });
  cy.on('dragfree', 'node', () => saveUrl());
  byId('graph').addEventListener('keydown', onGraphKey);
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) {
      event.preventDefault();
      input.focus();
    }
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) !== encodeView(currentView())) void restore(location.hash);
  });

  const meta = gql<Q.MetaData>(Q.META).then(({ meta }) => {
    labelCounts = new Map(meta.labels.map((l) => [l.label, l]));
    renderLegendCounts();
  }, report);
  if (location.hash.length > 1) await restore(location.hash);
  await meta;
  render();
  ready = true;
  timings.unshift({
    step: 'first view',
    // A deep link's view is first seen before its degrees arrive.
    ms: Math.round(viewDrawnAt ?? performance.now()),
    requestMs: 0,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
  });
}

const hook: ExplorerHook = {
  get ready() {
    return ready;
  },
  idle: () => stepsRunning === 0 && requestsInFlight() === 0,
  snapshot: () => ({
    ...graph.snapshot(),
    selected: selected?.id ?? null,
    fragment: location.hash.slice(1),
  }),
  timings,
  cy,
};
(window as unknown as Record<string, unknown>)[EXPLORER_HOOK] = hook;

void start();
