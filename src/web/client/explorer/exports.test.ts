import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toGexf, toGraphJson, type ExportGraph } from './exports.js';

const graph: ExportGraph = {
  url: 'http://localhost:4000/explorer#n=Entity:CTED;0;0',
  generatedAt: '2026-01-02T03:04:05.000Z',
  nodes: [
    {
      id: 'Entity:CTED',
      label: 'Entity',
      key: 'CTED',
      caption: 'CTED',
      name: 'Counter-Terrorism Committee Executive Directorate',
      nameZh: '反恐怖主义委员会执行局',
      illustrative: false,
      x: 10.4,
      y: 20.6,
    },
    {
      id: 'Project:P<&>"1',
      label: 'Project',
      key: 'P<&>"1',
      caption: 'P<&>"1',
      name: "A project's \u0007title",
      nameZh: null,
      illustrative: true,
      x: -5,
      y: 0,
    },
  ],
  edges: [
    {
      id: '5:abc:1',
      type: 'IMPLEMENTED_BY',
      source: 'Project:P<&>"1',
      target: 'Entity:CTED',
      evidence: 'INFERRED',
      illustrative: true,
      properties: { role: '"lead"', score: '6' },
    },
  ],
};

describe('the view as GEXF', () => {
  const gexf = toGexf(graph);

  it('is well-formed XML, control characters removed', () => {
    expect(XMLValidator.validate(gexf)).toBe(true);
    expect(gexf).not.toContain('\u0007');
  });

  it('is a directed GEXF 1.2 graph with typed attributes, colours and positions (y up)', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(gexf);
    expect(parsed.gexf.version).toBe('1.2');
    expect(parsed.gexf.xmlns).toBe('http://www.gexf.net/1.2draft');
    const g = parsed.gexf.graph;
    expect(g.defaultedgetype).toBe('directed');
    const nodes = g.nodes.node;
    expect(nodes.map((n: any) => n.id)).toEqual(['Entity:CTED', 'Project:P<&>"1']);
    expect(nodes[0]['viz:position']).toEqual({ x: '10', y: '-21', z: '0' });
    expect(nodes[0]['viz:color']).toEqual({ r: '230', g: '159', b: '0' });
    const values = Object.fromEntries(
      nodes[0].attvalues.attvalue.map((a: any) => [a.for, a.value]),
    );
    expect(values).toEqual({
      label: 'Entity',
      key: 'CTED',
      name: 'Counter-Terrorism Committee Executive Directorate',
      nameZh: '反恐怖主义委员会执行局',
      illustrative: 'false',
    });
    const edge = g.edges.edge;
    expect([edge.source, edge.target, edge.label]).toEqual([
      'Project:P<&>"1',
      'Entity:CTED',
      'IMPLEMENTED_BY',
    ]);
    const edgeValues = Object.fromEntries(
      edge.attvalues.attvalue.map((a: any) => [a.for, a.value]),
    );
    expect(edgeValues['evidence']).toBe('INFERRED');
    expect(JSON.parse(edgeValues['properties'])).toEqual({ role: '"lead"', score: '6' });
  });
});

describe('the view as Cytoscape.js JSON', () => {
  it('holds the elements with their data, positions and parsed link properties', () => {
    const json = JSON.parse(toGraphJson(graph));
    expect(json.data.url).toBe(graph.url);
    expect(json.elements.nodes[0]).toEqual({
      data: {
        id: 'Entity:CTED',
        name: 'CTED',
        label: 'Entity',
        key: 'CTED',
        fullName: 'Counter-Terrorism Committee Executive Directorate',
        nameZh: '反恐怖主义委员会执行局',
        illustrative: false,
      },
      position: { x: 10, y: 21 },
    });
    expect(json.elements.edges[0].data).toMatchObject({
      source: 'Project:P<&>"1',
      target: 'Entity:CTED',
      type: 'IMPLEMENTED_BY',
      evidence: 'INFERRED',
      properties: { role: 'lead', score: 6 },
    });
  });
});
