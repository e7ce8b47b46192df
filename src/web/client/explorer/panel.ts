// The explorer's side panel: what is known of the selected node or link, what can be done with it,
// and the paths asked for. Built from DOM nodes (shared/dom.ts); every action is a button, so the
// panel is the keyboard's way through the graph.
import { h, replace } from '../shared/dom.js';
import {
  caption,
  evidenceOf,
  fullName,
  inference,
  labelOf,
  sourceText,
  type EdgeData,
  type NodeData,
  type SourceData,
} from '../shared/model.js';
import {
  EVIDENCE_STYLE,
  LABEL_STYLE,
  relationshipPhrase,
  type NodeLabel,
} from '../shared/vocab.js';
import type { Degree } from './graph.js';
import type { Details, PathData } from './queries.js';

/** What the panel's buttons do. */
export interface PanelActions {
  select(id: string): void;
  selectEdge(id: string): void;
  expand(id: string, type?: string, direction?: 'OUT' | 'IN'): void;
  collapse(id: string): void;
  remove(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  /** Draws a node (a source's document, a recommendation's issuer) beside the selection and selects it. */
  open(id: string): void;
}

/** The most links one expansion of one type fetches (the API's `limitPerType` maximum). */
export const TYPE_LIMIT = 100;

/** A small coloured shape of a node label (the legend's, inline). */
export function swatch(label: NodeLabel): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  const style = LABEL_STYLE[label];
  const points: Partial<Record<string, string>> = {
    diamond: '10,1 19,10 10,19 1,10',
    triangle: '10,1 19,18 1,18',
    hexagon: '5,2 15,2 19,10 15,18 5,18 1,10',
    octagon: '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6',
    star: '10,1 12.6,7 19,7.4 14,11.6 15.6,18.6 10,14.8 4.4,18.6 6,11.6 1,7.4 7.4,7',
    pentagon: '10,1 19,8 15.5,19 4.5,19 1,8',
  };
  let shape: SVGElement;
  const polygon = points[style.shape];
  if (polygon !== undefined) {
    shape = document.createElementNS(ns, 'polygon');
    shape.setAttribute('points', polygon);
  } else if (style.shape === 'ellipse') {
    shape = document.createElementNS(ns, 'circle');
    shape.setAttribute('cx', '10');
    shape.setAttribute('cy', '10');
    shape.setAttribute('r', '9');
  } else {
    shape = document.createElementNS(ns, 'rect');
    shape.setAttribute('x', '1');
    shape.setAttribute('y', style.shape === 'rectangle' ? '3' : '1');
    shape.setAttribute('width', '18');
    shape.setAttribute('height', style.shape === 'rectangle' ? '14' : '18');
    if (style.shape === 'round-rectangle') shape.setAttribute('rx', '4');
  }
  shape.setAttribute('fill', style.color);
  shape.setAttribute('stroke', '#333');
  svg.appendChild(shape);
  return svg;
}

/** A line sample of an evidence level (solid, dashed, dotted). */
export function lineSample(line: 'solid' | 'dashed' | 'dotted'): HTMLElement {
  return h('span', { class: `line-sample ${line}`, 'aria-hidden': 'true' });
}

const FIELD_NAMES: Record<string, string> = {
  projectSummary: 'Summary',
  recommendationSummary: 'Summary',
  entityKind: 'Kind',
  regionKind: 'Kind',
  resolutionKind: 'Kind',
  documentRole: 'Role',
  scopeAsWritten: 'Scope as printed',
  asWritten: 'As printed',
  compactMember: 'Compact member',
  responseKind: 'Response kind',
  responseReason: 'Why this kind',
  projectAnswerable: 'A project can answer it',
  workingGroup: 'Compact working group',
  dateNote: 'Date note',
  shortName: 'Short name',
  global: 'Global scope',
};
// Shown elsewhere in the panel, or structured.
const SPECIAL = new Set([
  '__typename',
  'id',
  'key',
  'illustrative',
  'sources',
  'name',
  'title',
  'nameZh',
  'issuer',
  'implementationEvidence',
  'period',
  'budgets',
]);

const fieldName = (field: string) =>
  FIELD_NAMES[field] ??
  field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

function formatValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join(', ');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function sourceList(sources: readonly SourceData[], actions: PanelActions): HTMLElement {
  if (sources.length === 0) return h('p', { class: 'muted' }, 'No source is recorded.');
  return h(
    'ul',
    { class: 'sources' },
    ...sources.map((source) =>
      h(
        'li',
        {},
        h('span', {}, sourceText(source)),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            title: source.document.title ?? source.document.key,
            'aria-label': `Open document ${source.document.key}`,
            onclick: () => actions.open(source.document.id),
          },
          'open document',
        ),
      ),
    ),
  );
}

function heading(node: NodeData, level: 'h2' | 'h3' = 'h2'): HTMLElement {
  const label = labelOf(node);
  return h(
    'div',
    { class: 'node-heading' },
    h(level, {}, swatch(label), ' ', caption(node)),
    h('p', { class: 'kind' }, LABEL_STYLE[label].name, node.illustrative ? ' · illustrative' : ''),
  );
}

/** The panel for a selected node. */
export function renderNode(
  panel: HTMLElement,
  view: {
    node: NodeData;
    details: Details | null;
    degree: Degree | undefined;
    /** Links drawn per `TYPE OUT|IN`. */
    drawn: ReadonlyMap<string, number>;
    neighbours: readonly { id: string; node: NodeData; via: string }[];
    busy: boolean;
  },
  actions: PanelActions,
): void {
  const { node, details, degree } = view;
  const id = node.id;
  const nameZh = (details?.['nameZh'] ?? node.nameZh) as string | null | undefined;
  const parts: (HTMLElement | null)[] = [
    heading(node),
    h('p', { class: 'full-name' }, fullName(node)),
    nameZh ? h('p', { class: 'name-zh', lang: 'zh' }, nameZh) : null,
    node.illustrative
      ? h(
          'p',
          { class: 'illustrative-note' },
          'Illustrative record: an example ctkg made to show the feature, not a fact from the documents.',
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', onclick: () => actions.expand(id), disabled: view.busy },
        'Expand all',
      ),
      h('button', { type: 'button', onclick: () => actions.collapse(id) }, 'Collapse'),
      h('button', { type: 'button', onclick: () => actions.remove(id) }, 'Remove'),
      h('button', { type: 'button', onclick: () => actions.pathFrom(id) }, 'Path from here'),
      h('button', { type: 'button', onclick: () => actions.pathTo(id) }, 'Path to here'),
    ),
  ];

  // Degree badges: what each relationship type holds, before anything is fetched.
  const links = h(
    'section',
    { class: 'links', 'aria-label': 'Links by type' },
    h('h3', {}, 'Links'),
  );
  if (degree === undefined) {
    links.appendChild(h('p', { class: 'muted' }, 'Counting links…'));
  } else if (degree.byType.length === 0) {
    links.appendChild(h('p', { class: 'muted' }, 'No links.'));
  } else {
    const rows = degree.byType.map((entry) => {
      const phrase = relationshipPhrase(entry.type, entry.direction);
      const drawn = view.drawn.get(`${entry.type} ${entry.direction}`) ?? 0;
      const more = entry.count > TYPE_LIMIT ? ` (first ${TYPE_LIMIT})` : '';
      return h(
        'tr',
        {},
        h(
          'td',
          {},
          phrase,
          h('br'),
          h('code', {}, entry.direction === 'OUT' ? '→ ' : '← ', entry.type),
        ),
        h('td', { class: 'num' }, h('span', { class: 'badge' }, entry.count)),
        h('td', { class: 'num muted' }, drawn > 0 ? `${drawn} drawn` : ''),
        h(
          'td',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              disabled: view.busy || drawn >= entry.count,
              'aria-label': `Expand ${entry.count} ${phrase} (${entry.type})${more}`,
              onclick: () => actions.expand(id, entry.type, entry.direction),
            },
            `Expand${more}`,
          ),
        ),
      );
    });
    links.appendChild(
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Relationship'),
            h('th', { scope: 'col', class: 'num' }, 'Links'),
            h('th', { scope: 'col', class: 'num' }, 'Drawn'),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Action')),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    );
  }
  parts.push(links);

  if (view.neighbours.length > 0) {
    const shown = view.neighbours.slice(0, 60);
    parts.push(
      h(
        'section',
        { class: 'neighbours' },
        h('h3', {}, `Linked on screen (${view.neighbours.length})`),
        h(
          'ul',
          {},
          ...shown.map((n) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'link', onclick: () => actions.select(n.id) },
                swatch(labelOf(n.node)),
                ' ',
                caption(n.node),
              ),
              h('span', { class: 'muted' }, ` ${n.via}`),
            ),
          ),
        ),
        view.neighbours.length > shown.length
          ? h('p', { class: 'muted' }, `and ${view.neighbours.length - shown.length} more`)
          : null,
      ),
    );
  }

  const props = h('section', { class: 'properties' }, h('h3', {}, 'Properties'));
  if (details === null) {
    props.appendChild(h('p', { class: 'muted' }, 'Loading…'));
  } else {
    const dl = h('dl', {}, h('dt', {}, 'Id'), h('dd', {}, h('code', {}, id)));
    const add = (name: string, value: Node | string | null) => {
      if (value === null || value === '') return;
      dl.append(h('dt', {}, name), h('dd', {}, value));
    };
    for (const [field, value] of Object.entries(details)) {
      if (SPECIAL.has(field)) continue;
      add(fieldName(field), formatValue(value));
    }
    const period = details['period'] as {
      start: number | null;
      end: number | null;
      asWritten: string | null;
    } | null;
    if (period) {
      add(
        'Period',
        `${period.start ?? '?'}–${period.end ?? '?'}${period.asWritten ? ` (printed ${period.asWritten})` : ''}`,
      );
    }
    const budgets = (details['budgets'] ?? []) as {
      amount: number;
      currency: string;
      kind: string | null;
      year: number | null;
    }[];
    if (budgets.length > 0) {
      add(
        'Budgets',
        budgets
          .map(
            (b) =>
              `${b.amount.toLocaleString('en')} ${b.currency}${b.kind || b.year ? ` (${[b.kind, b.year].filter(Boolean).join(', ')})` : ''}`,
          )
          .join('; '),
      );
    }
    const issuer = details['issuer'] as
      { id: string; key: string; name: string } | null | undefined;
    if (issuer) {
      add(
        'Issued by',
        h(
          'button',
          { type: 'button', class: 'link', onclick: () => actions.open(issuer.id) },
          `${issuer.key} — ${issuer.name}`,
        ),
      );
    }
    const evidence = details['implementationEvidence'] as
      Record<string, number | string | null> | undefined;
    if (evidence) {
      add(
        'Implementation evidence',
        `documented ${evidence['documented']}, reported ${evidence['reported']}, inferred ${evidence['inferred']}; ${evidence['candidates']} candidate projects; ${evidence['documentedResponses']} documented responses` +
          (evidence['noCandidateReason'] ? `. ${String(evidence['noCandidateReason'])}` : ''),
      );
    }
    props.appendChild(dl);
  }
  parts.push(props);

  parts.push(
    h(
      'section',
      { class: 'sources-section' },
      h('h3', {}, 'Sources'),
      details === null
        ? h('p', { class: 'muted' }, 'Loading…')
        : sourceList(details.sources, actions),
    ),
  );
  replace(panel, ...parts);
}

/** The panel for a selected link. */
export function renderEdge(
  panel: HTMLElement,
  view: {
    edge: EdgeData;
    source: NodeData | undefined;
    target: NodeData | undefined;
    sources: readonly SourceData[] | null;
  },
  actions: PanelActions,
): void {
  const { edge } = view;
  const evidence = evidenceOf(edge);
  const style = EVIDENCE_STYLE[evidence];
  const end = (id: string, node: NodeData | undefined) =>
    h(
      'button',
      { type: 'button', class: 'link', onclick: () => actions.select(id) },
      node ? swatch(labelOf(node)) : null,
      ' ',
      node ? caption(node) : id,
    );
  const { score, reasons, rule, rulesVersion } = inference(edge);
  const hidden = new Set(['evidence', 'score', 'reasons', 'rule', 'rulesVersion', 'illustrative']);
  const dl = h('dl', {});
  for (const { name, value } of edge.properties) {
    if (hidden.has(name)) continue;
    dl.append(h('dt', {}, fieldName(name)), h('dd', {}, value.replace(/^"|"$/g, '')));
  }
  replace(
    panel,
    h(
      'div',
      { class: 'node-heading' },
      h('h2', {}, edge.type),
      h('p', { class: 'kind' }, 'Link', edge.illustrative ? ' · illustrative' : ''),
    ),
    h(
      'p',
      { class: 'edge-ends' },
      end(edge.source, view.source),
      ' → ',
      end(edge.target, view.target),
    ),
    h(
      'section',
      { class: `evidence evidence-${evidence.toLowerCase()}` },
      h('h3', {}, 'Evidence'),
      h(
        'p',
        {},
        lineSample(style.line),
        ' ',
        h('strong', { class: 'evidence-level' }, evidence),
        ': ',
        style.meaning,
        '.',
      ),
      score !== null
        ? h('p', {}, `Score ${score}${rulesVersion ? ` (rules ${rulesVersion})` : ''}.`)
        : null,
      reasons.length > 0
        ? h(
            'div',
            {},
            h('p', {}, 'Reasons:'),
            h('ul', { class: 'reasons' }, ...reasons.map((r) => h('li', {}, r))),
          )
        : null,
      rule !== null && reasons.length === 0 ? h('p', {}, `Rule: ${rule}`) : null,
    ),
    dl.childElementCount > 0 ? h('section', {}, h('h3', {}, 'Properties'), dl) : null,
    h(
      'section',
      { class: 'sources-section' },
      h('h3', {}, 'Sources'),
      view.sources === null
        ? h('p', { class: 'muted' }, 'Loading…')
        : view.sources.length === 0
          ? h('p', { class: 'muted' }, 'No document states this link.')
          : sourceList(view.sources, actions),
    ),
  );
}

/** The panel shown when nothing is selected. */
export function renderHelp(panel: HTMLElement): void {
  replace(
    panel,
    h('h2', {}, 'Explore the graph'),
    h(
      'ol',
      {},
      h(
        'li',
        {},
        'Search for an entity, project, resolution, Member State or theme (English or Chinese names; whole words, e.g. CTED, border, 2396, 马里).',
      ),
      h(
        'li',
        {},
        'Select a node: this panel shows its properties and sources, and how many links of each type it has before you expand them.',
      ),
      h(
        'li',
        {},
        'Expand by type, reveal the links among what is drawn, or ask for the shortest paths between two nodes.',
      ),
      h('li', {}, 'The address bar holds the view: copy it to share or come back.'),
    ),
    h('h3', {}, 'Keyboard'),
    h(
      'ul',
      { class: 'keys' },
      h('li', {}, h('kbd', {}, '/'), ' search'),
      h('li', {}, h('kbd', {}, 'Arrow keys'), ' move between nodes (graph focused)'),
      h(
        'li',
        {},
        h('kbd', {}, 'Enter'),
        ' expand all · ',
        h('kbd', {}, 'c'),
        ' collapse · ',
        h('kbd', {}, 'Delete'),
        ' remove',
      ),
      h(
        'li',
        {},
        h('kbd', {}, '+'),
        ' ',
        h('kbd', {}, '-'),
        ' zoom · ',
        h('kbd', {}, '0'),
        ' fit · ',
        h('kbd', {}, 'Escape'),
        ' deselect',
      ),
    ),
  );
}

/** The paths section: its two ends, and each path found with the provenance of every hop. */
export function renderPaths(
  section: HTMLElement,
  view: {
    from: NodeData | null;
    to: NodeData | null;
    maxHops: number;
    paths: readonly PathData[] | null;
    active: number | null;
    error: string | null;
    busy: boolean;
  },
  actions: PanelActions & {
    findPaths(): void;
    clearPaths(): void;
    showPath(index: number | null): void;
    setMaxHops(hops: number): void;
  },
): void {
  const end = (node: NodeData | null, what: string) =>
    node
      ? h(
          'button',
          { type: 'button', class: 'link', onclick: () => actions.select(node.id) },
          swatch(labelOf(node)),
          ' ',
          caption(node),
        )
      : h('span', { class: 'muted' }, `select a node, then “Path ${what} here”`);
  const hops = h(
    'select',
    {
      id: 'max-hops',
      onchange: (event: Event) =>
        actions.setMaxHops(Number((event.target as HTMLSelectElement).value)),
    },
    ...[1, 2, 3, 4, 5, 6].map((n) =>
      h('option', { value: n, selected: n === view.maxHops }, String(n)),
    ),
  );
  const parts: (HTMLElement | null)[] = [
    h('h2', {}, 'Paths'),
    h('p', {}, 'From ', end(view.from, 'from'), h('br'), 'To ', end(view.to, 'to')),
    h(
      'p',
      { class: 'actions' },
      h('label', { for: 'max-hops' }, 'At most '),
      hops,
      h('span', {}, ' hops '),
      h(
        'button',
        {
          type: 'button',
          id: 'find-paths',
          disabled: view.from === null || view.to === null || view.busy,
          onclick: () => actions.findPaths(),
        },
        'Find shortest paths',
      ),
      view.paths !== null
        ? h('button', { type: 'button', onclick: () => actions.clearPaths() }, 'Clear')
        : null,
    ),
  ];
  if (view.error !== null) parts.push(h('p', { class: 'error', role: 'alert' }, view.error));
  if (view.paths !== null) {
    if (view.paths.length === 0) {
      parts.push(
        h(
          'p',
          { class: 'muted' },
          `No path of at most ${view.maxHops} hops (provenance links left out).`,
        ),
      );
    } else {
      parts.push(
        h(
          'p',
          {},
          `${view.paths.length} shortest path${view.paths.length === 1 ? '' : 's'} of ${view.paths[0]!.length} hop${view.paths[0]!.length === 1 ? '' : 's'}. `,
          view.active !== null
            ? h(
                'button',
                { type: 'button', class: 'link', onclick: () => actions.showPath(null) },
                'show all',
              )
            : null,
        ),
      );
      const list = h('ol', { class: 'path-list' });
      view.paths.forEach((path, index) => {
        const steps = h('ol', { class: 'hops' });
        path.nodes.forEach((node, i) => {
          steps.appendChild(
            h(
              'li',
              { class: 'hop-node' },
              h(
                'button',
                { type: 'button', class: 'link', onclick: () => actions.select(node.id) },
                swatch(labelOf(node)),
                ' ',
                caption(node),
              ),
            ),
          );
          const edge = path.edges[i];
          if (edge === undefined) return;
          const evidence = evidenceOf(edge);
          const forward = edge.source === node.id;
          steps.appendChild(
            h(
              'li',
              { class: `hop-edge evidence-${evidence.toLowerCase()}` },
              h(
                'button',
                { type: 'button', class: 'link', onclick: () => actions.selectEdge(edge.id) },
                forward ? '↓ ' : '↑ ',
                edge.type,
              ),
              ' ',
              lineSample(EVIDENCE_STYLE[evidence].line),
              ` ${evidence.toLowerCase()}`,
              edge.sources.length > 0
                ? sourceList(edge.sources, actions)
                : h('p', { class: 'muted' }, 'no document states this link'),
            ),
          );
        });
        list.appendChild(
          h(
            'li',
            { class: view.active === index ? 'active' : '' },
            h(
              'button',
              {
                type: 'button',
                class: 'small',
                onclick: () => actions.showPath(index),
                'aria-pressed': view.active === index ? 'true' : 'false',
              },
              `Highlight path ${index + 1}`,
            ),
            steps,
          ),
        );
      });
      parts.push(list);
    }
  }
  replace(section, ...parts);
}
