// The explorer's view as files: GEXF 1.2 (Gephi, networkx, sigma.js) and Cytoscape.js JSON
// (Cytoscape desktop and Cytoscape.js read it). Pure, so it is unit-tested in Node (exports.test.ts).
import { LABEL_STYLE, type Evidence, type NodeLabel } from '../shared/vocab.js';

export interface ExportNode {
  readonly id: string;
  readonly label: NodeLabel;
  readonly key: string;
  /** The short name drawn on screen. */
  readonly caption: string;
  readonly name: string;
  readonly nameZh: string | null;
  readonly illustrative: boolean;
  readonly x: number;
  readonly y: number;
}

export interface ExportEdge {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly evidence: Evidence;
  readonly illustrative: boolean;
  /** The link's properties as the API gives them (name → JSON text). */
  readonly properties: Readonly<Record<string, string>>;
}

/** What is on screen, with where it came from. */
export interface ExportGraph {
  readonly nodes: readonly ExportNode[];
  readonly edges: readonly ExportEdge[];
  /** The deep link of the view. */
  readonly url: string;
  /** ISO timestamp. */
  readonly generatedAt: string;
}

// XML 1.0 allows no control characters but tab, newline and carriage return.
const xml = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
};

const NODE_ATTRIBUTES = ['label', 'key', 'name', 'nameZh', 'illustrative'] as const;
const EDGE_ATTRIBUTES = ['type', 'evidence', 'illustrative', 'properties'] as const;

/**
 * GEXF 1.2 of the view: a directed static graph, node attributes (label, key, name, Chinese name,
 * illustrative), edge attributes (type, evidence, illustrative, properties as JSON), and each
 * node's colour and position (y flipped: screen y grows downwards, Gephi's upwards).
 */
export function toGexf(graph: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
    `  <meta lastmodifieddate="${xml(graph.generatedAt.slice(0, 10))}">`,
    '    <creator>ctkg explorer</creator>',
    `    <description>${xml(`ctkg view ${graph.url}`)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map(
      (a) =>
        `      <attribute id="${a}" title="${a}" type="${a === 'illustrative' ? 'boolean' : 'string'}"/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map(
      (a) =>
        `      <attribute id="${a}" title="${a}" type="${a === 'illustrative' ? 'boolean' : 'string'}"/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    const { r, g, b } = rgb(LABEL_STYLE[node.label].color);
    const values: Record<(typeof NODE_ATTRIBUTES)[number], string> = {
      label: node.label,
      key: node.key,
      name: node.name,
      nameZh: node.nameZh ?? '',
      illustrative: String(node.illustrative),
    };
    lines.push(
      `      <node id="${xml(node.id)}" label="${xml(node.caption)}">`,
      '        <attvalues>',
      ...NODE_ATTRIBUTES.filter((a) => values[a] !== '').map(
        (a) => `          <attvalue for="${a}" value="${xml(values[a])}"/>`,
      ),
      '        </attvalues>',
      `        <viz:color r="${r}" g="${g}" b="${b}"/>`,
      `        <viz:position x="${Math.round(node.x)}" y="${-Math.round(node.y)}" z="0"/>`,
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of graph.edges) {
    const values: Record<(typeof EDGE_ATTRIBUTES)[number], string> = {
      type: edge.type,
      evidence: edge.evidence,
      illustrative: String(edge.illustrative),
      properties: JSON.stringify(edge.properties),
    };
    lines.push(
      `      <edge id="${xml(edge.id)}" source="${xml(edge.source)}" target="${xml(edge.target)}" label="${xml(edge.type)}">`,
      '        <attvalues>',
      ...EDGE_ATTRIBUTES.map((a) => `          <attvalue for="${a}" value="${xml(values[a])}"/>`),
      '        </attvalues>',
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/**
 * Cytoscape.js JSON of the view (`{ data, elements: { nodes, edges } }`): each element's `data`
 * holds what the GEXF attributes hold, with link properties parsed; nodes keep their positions.
 */
export function toGraphJson(graph: ExportGraph): string {
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  };
  return JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'ctkg explorer',
      target_cytoscapejs_version: '~3.34',
      data: { name: 'ctkg view', url: graph.url, generatedAt: graph.generatedAt },
      elements: {
        nodes: graph.nodes.map((n) => ({
          data: {
            id: n.id,
            name: n.caption,
            label: n.label,
            key: n.key,
            fullName: n.name,
            nameZh: n.nameZh,
            illustrative: n.illustrative,
          },
          position: { x: Math.round(n.x), y: Math.round(n.y) },
        })),
        edges: graph.edges.map((e) => ({
          data: {
            id: e.id,
            source: e.source,
            target: e.target,
            type: e.type,
            evidence: e.evidence,
            illustrative: e.illustrative,
            properties: Object.fromEntries(
              Object.entries(e.properties).map(([k, v]) => [k, parse(v)]),
            ),
          },
        })),
      },
    },
    null,
    2,
  );
}
