// The questions the contestants race on: per question, ctkg's GraphQL, the library's GraphQL, the
// one hand-written Cypher statement, and a normaliser per contestant that maps each answer to one
// canonical form, so that answers can be compared before anything is timed.
import { BASE, entityKey, isIllustrativeProject, projectKey } from './synthetic.js';

/** The parameters of one request (a project key, a region …); requests rotate through a list of them. */
export type Variant = Readonly<Record<string, string>>;

export interface GraphqlSide {
  readonly query: string;
  readonly variables: (v: Variant) => Record<string, unknown>;
  /** Maps the `data` of an answer to the question's canonical form. */
  readonly normalise: (data: unknown) => unknown;
}

export interface RawSide {
  /** One statement; it returns one row with a `row` column holding the whole answer. */
  readonly cypher: string;
  readonly params: (v: Variant) => Record<string, unknown>;
  readonly normalise: (row: unknown) => unknown;
}

export interface Question {
  readonly id: string;
  readonly title: string;
  /** How the question is put to each contestant, for the report. */
  readonly shape: string;
  readonly variants: (scale: number) => Variant[];
  readonly ctkg: GraphqlSide;
  /** The library's side, or why it cannot express the question. */
  readonly library: GraphqlSide | { readonly unsupported: string };
  /** What the library's side could not say exactly as ctkg does, when it still answers alike. */
  readonly libraryCaveat?: string;
  readonly raw: RawSide;
}

// ---------------------------------------------------------------------------------------------
// Canonical forms. Lists the question orders (pages, neighbours) keep their order; link lists it
// does not order are compared as sets (sorted), since the library cannot sort union fields.

interface Named {
  readonly key: string;
  readonly name?: string;
  readonly title?: string;
}

const sorted = (values: readonly string[]) => [...values].sort();
const keys = (nodes: readonly Named[]) => sorted(nodes.map((n) => n.key));
/** `lead:SYN-E-00001`: a link with its role. */
const roleKey = (role: string | null | undefined, key: string) => `${role ?? ''}:${key}`;
const lower = (s: string) => s.toLowerCase();

// ---------------------------------------------------------------------------------------------
// (a) the gap list.

interface GapNode {
  readonly key: string;
  readonly title: string;
  readonly issuer: string | null;
  readonly addressedTo: string[];
}
const gapNode = (key: string, title: string, issuer: string | null, addressees: string[]) =>
  ({ key, title, issuer, addressedTo: sorted(addressees) }) satisfies GapNode;

interface CtkgGap {
  recommendationsWithoutProjects: {
    totalCount: number;
    nodes: {
      key: string;
      title: string;
      issuer: Named | null;
      addressedTo: { addressee: Named & { __typename: string } }[];
    }[];
  };
}

interface LibraryGap {
  recommendationsConnection: {
    totalCount: number;
    edges: {
      node: {
        key: string;
        title: string;
        issuer: Named | null;
        addressedTo: (Named & { __typename: string })[];
      };
    }[];
  };
}

interface RawGap {
  total: number;
  nodes: {
    key: string;
    title: string;
    issuer: Named | null;
    addressedTo: (Named & { label: string })[];
  }[];
}

const gap: Question = {
  id: 'a',
  title:
    'gap list: 50 recommendations without an implementing project + issuer + addressees + total',
  shape:
    'ctkg `recommendationsWithoutProjects(first: 50)`; library `recommendationsConnection(first: 50, sort: key, where: { illustrative: false, implementingProjectsConnection: { none: { node: { illustrative: false }, edge: { illustrative: false } } } })` with `totalCount`',
  libraryCaveat:
    'the addressees are a union (MemberState | Entity), and the library cannot sort a union relationship field, so their order is arbitrary (ctkg orders them by key); the answers are compared with addressees as a set.',
  variants: () => [{}],
  ctkg: {
    query: `query Gap {
  recommendationsWithoutProjects(first: 50) {
    totalCount
    nodes { key title issuer { key name }
      addressedTo { addressee { __typename ... on MemberState { key name } ... on Entity { key name } } } }
  }
}`,
    variables: () => ({}),
    normalise: (data) => {
      const { totalCount, nodes } = (data as CtkgGap).recommendationsWithoutProjects;
      return {
        total: totalCount,
        nodes: nodes.map((n) =>
          gapNode(
            n.key,
            n.title,
            n.issuer?.key ?? null,
            n.addressedTo.map((a) => `${a.addressee.__typename}:${a.addressee.key}`),
          ),
        ),
      };
    },
  },
  library: {
    query: `query Gap {
  recommendationsConnection(
    first: 50
    sort: [{ key: ASC }]
    where: {
      illustrative: { eq: false }
      implementingProjectsConnection: {
        none: { node: { illustrative: { eq: false } }, edge: { illustrative: { eq: false } } }
      }
    }
  ) {
    totalCount
    edges { node { key title issuer { key name }
      addressedTo(where: { MemberState: { illustrative: { eq: false } }, Entity: { illustrative: { eq: false } } }) {
        __typename ... on MemberState { key name } ... on Entity { key name } } } }
  }
}`,
    variables: () => ({}),
    normalise: (data) => {
      const { totalCount, edges } = (data as LibraryGap).recommendationsConnection;
      return {
        total: totalCount,
        nodes: edges.map(({ node: n }) =>
          gapNode(
            n.key,
            n.title,
            n.issuer?.key ?? null,
            n.addressedTo.map((a) => `${a.__typename}:${a.key}`),
          ),
        ),
      };
    },
  },
  raw: {
    // One pass: the gap filter, ordered by key, counted and sliced; links inline.
    cypher: `
      MATCH (r:Recommendation)
      WHERE NOT r.illustrative
        AND NOT EXISTS { (q:Project)-[i:IMPLEMENTS]->(r)
                         WHERE NOT coalesce(i.illustrative, false) AND NOT q.illustrative }
      WITH r ORDER BY r.key
      WITH collect(r) AS matched
      RETURN { total: size(matched),
               nodes: [x IN matched[0..50] | x { .key, .title,
                 issuer: head([(x)-[:ISSUED_BY]->(e:Entity) | e { .key, .name }]),
                 addressedTo: [(x)-[a:ADDRESSED_TO]->(m)
                               WHERE (m:MemberState OR m:Entity)
                                 AND NOT coalesce(a.illustrative, false) AND NOT m.illustrative
                               | m { .key, .name, label: labels(m)[0] }] }] } AS row`,
    params: () => ({}),
    normalise: (row) => {
      const { total, nodes } = row as RawGap;
      return {
        total,
        nodes: nodes.map((n) =>
          gapNode(
            n.key,
            n.title,
            n.issuer?.key ?? null,
            n.addressedTo.map((a) => `${a.label}:${a.key}`),
          ),
        ),
      };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// (b) a filtered project list.

interface ProjectListNode {
  readonly key: string;
  readonly title: string;
  readonly status: string;
  readonly implementers: string[];
  readonly beneficiaries: string[];
  readonly themes: string[];
}

interface CtkgProjectNode {
  key: string;
  title: string;
  status: string;
  implementers: { role: string | null; entity: Named }[];
  beneficiaries: { memberState: Named }[];
  themes: { thematicArea: Named }[];
}

interface CtkgProjects {
  projects: { totalCount: number; nodes: CtkgProjectNode[] };
}

interface LibraryProjectNode {
  key: string;
  title: string;
  status: string;
  implementersConnection: { edges: { properties: { role: string | null }; node: Named }[] };
  beneficiaries: Named[];
  themes: Named[];
}

interface LibraryProjects {
  projectsConnection: { totalCount: number; edges: { node: LibraryProjectNode }[] };
}

interface RawProjectNode {
  key: string;
  title: string;
  status: string;
  implementers: { role: string | null; key: string }[];
  beneficiaries: Named[];
  themes: Named[];
}

// A project's fields shared by (b) and (c), in canonical form, from each contestant's answer.
const ctkgProjectNode = (n: CtkgProjectNode): ProjectListNode => ({
  key: n.key,
  title: n.title,
  status: lower(n.status),
  implementers: sorted(n.implementers.map((i) => roleKey(i.role, i.entity.key))),
  beneficiaries: keys(n.beneficiaries.map((b) => b.memberState)),
  themes: keys(n.themes.map((t) => t.thematicArea)),
});
const libraryProjectNode = (n: LibraryProjectNode): ProjectListNode => ({
  key: n.key,
  title: n.title,
  status: n.status,
  implementers: sorted(
    n.implementersConnection.edges.map((e) => roleKey(e.properties.role, e.node.key)),
  ),
  beneficiaries: keys(n.beneficiaries),
  themes: keys(n.themes),
});
const rawProjectNode = (n: RawProjectNode): ProjectListNode => ({
  key: n.key,
  title: n.title,
  status: n.status,
  implementers: sorted(n.implementers.map((i) => roleKey(i.role, i.key))),
  beneficiaries: keys(n.beneficiaries),
  themes: keys(n.themes),
});

const regionKey = (i: number) => `syn-region-${String(i).padStart(5, '0')}`;
/** Regions the filter rotates through. */
const REGION_VARIANTS = 12;

const libraryImplementers = `implementersConnection(where: { node: { illustrative: { eq: false } } }) {
        edges { properties { role } node { key name } } }`;
const rawImplementers = (p: string) =>
  `[(${p})-[i:IMPLEMENTED_BY]->(e:Entity) WHERE NOT e.illustrative | { role: i.role, key: e.key, name: e.name }]`;
const rawLinks = (p: string, type: string, label: string, fields = '.key, .name') =>
  `[(${p})-[:${type}]->(m:${label}) WHERE NOT m.illustrative | m { ${fields} }]`;

const projects: Question = {
  id: 'b',
  title:
    'project list: 50 ONGOING projects in a region (covered, or benefiting one of its States) + implementers, beneficiaries, themes + total',
  shape:
    "ctkg `projects(first: 50, where: { regions: [R], statuses: [ONGOING] })`; library `projectsConnection(first: 50, sort: key, where: { status: 'ongoing', illustrative: false, OR: [{ regions: { some: R } }, { beneficiaries: { some: { regions: { some: R } } } }] })`; 12 regions rotated",
  variants: () =>
    Array.from({ length: REGION_VARIANTS }, (_, i) => ({
      region: regionKey(i),
      status: 'ongoing',
    })),
  ctkg: {
    query: `query Projects($where: ProjectFilter) {
  projects(first: 50, where: $where) {
    totalCount
    nodes { key title status
      implementers { role entity { key name } }
      beneficiaries { memberState { key name } }
      themes { thematicArea { key name } } }
  }
}`,
    variables: (v) => ({
      where: { regions: [v['region']], statuses: [v['status']!.toUpperCase()] },
    }),
    normalise: (data) => {
      const { totalCount, nodes } = (data as CtkgProjects).projects;
      return { total: totalCount, nodes: nodes.map(ctkgProjectNode) };
    },
  },
  library: {
    query: `query Projects($region: String!, $status: String!) {
  projectsConnection(
    first: 50
    sort: [{ key: ASC }]
    where: {
      illustrative: { eq: false }
      status: { eq: $status }
      OR: [
        { regions: { some: { key: { eq: $region } } } }
        { beneficiaries: { some: { regions: { some: { key: { eq: $region } } } } } }
      ]
    }
  ) {
    totalCount
    edges { node { key title status
      ${libraryImplementers}
      beneficiaries(where: { illustrative: { eq: false } }) { key name }
      themes(where: { illustrative: { eq: false } }) { key name } } }
  }
}`,
    variables: (v) => ({ region: v['region'], status: v['status'] }),
    normalise: (data) => {
      const { totalCount, edges } = (data as LibraryProjects).projectsConnection;
      return { total: totalCount, nodes: edges.map(({ node }) => libraryProjectNode(node)) };
    },
  },
  raw: {
    // Anchored on the region (an index seek), then its projects both ways; the UNION dedupes.
    cypher: `
      MATCH (g:Region {key: $region})
      CALL (g) {
        MATCH (g)<-[:COVERS]-(p:Project) RETURN p
        UNION
        MATCH (g)<-[:MEMBER_OF]-(:MemberState)<-[:BENEFITS]-(p:Project) RETURN p
      }
      WITH p WHERE NOT p.illustrative AND p.status = $status
      WITH p ORDER BY p.key
      WITH collect(p) AS matched
      RETURN { total: size(matched),
               nodes: [x IN matched[0..50] | x { .key, .title, .status,
                 implementers: ${rawImplementers('x')},
                 beneficiaries: ${rawLinks('x', 'BENEFITS', 'MemberState')},
                 themes: ${rawLinks('x', 'ADDRESSES', 'ThematicArea')} }] } AS row`,
    params: (v) => ({ region: v['region'], status: v['status'] }),
    normalise: (row) => {
      const { total, nodes } = row as { total: number; nodes: RawProjectNode[] };
      return { total, nodes: nodes.map(rawProjectNode) };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// (c) one project with all its links.

interface ProjectCanon {
  readonly key: string;
  readonly title: string;
  readonly status: string;
  readonly implementers: string[];
  readonly beneficiaries: string[];
  readonly regions: string[];
  readonly themes: string[];
  readonly resolutions: string[];
  readonly recommendations: string[];
}

interface CtkgProject {
  node:
    | (CtkgProjectNode & {
        regions: { region: Named }[];
        resolutions: { resolution: Named }[];
        recommendations: { recommendation: Named }[];
      })
    | null;
}

interface LibraryProject {
  projects: (LibraryProjectNode & {
    regions: Named[];
    resolutions: Named[];
    recommendationsConnection: { edges: { node: Named }[] };
  })[];
}

type RawProject =
  (RawProjectNode & { regions: Named[]; resolutions: Named[]; recommendations: Named[] }) | null;

/** Projects the question rotates through, spread over the key range. */
const PROJECT_VARIANTS = 200;

const project: Question = {
  id: 'c',
  title:
    'one project + all its links (implementers with role, beneficiaries, regions, themes, resolutions, recommendations)',
  shape:
    'ctkg `node(id)`; library `projects(where: { key: { eq } })`; 200 projects spread over the key range, rotated',
  variants: (scale) => {
    const n = Math.round(BASE.projects * scale);
    return Array.from({ length: PROJECT_VARIANTS }, (_, i) => {
      const at = Math.floor((i * n) / PROJECT_VARIANTS);
      return { key: projectKey(isIllustrativeProject(at) ? at - 1 : at) };
    });
  },
  ctkg: {
    query: `query Project($id: ID!) {
  node(id: $id) {
    key
    ... on Project { title status
      implementers { role entity { key name } }
      beneficiaries { memberState { key name } }
      regions { region { key name } }
      themes { thematicArea { key name } }
      resolutions { resolution { key year } }
      recommendations { recommendation { key title } } }
  }
}`,
    variables: (v) => ({ id: `Project:${v['key']}` }),
    normalise: (data) => {
      const n = (data as CtkgProject).node;
      if (n === null) return null;
      return {
        ...ctkgProjectNode(n),
        regions: keys(n.regions.map((l) => l.region)),
        resolutions: keys(n.resolutions.map((l) => l.resolution)),
        recommendations: keys(n.recommendations.map((l) => l.recommendation)),
      } satisfies ProjectCanon;
    },
  },
  library: {
    query: `query Project($key: String!) {
  projects(where: { key: { eq: $key } }) {
    key title status
    ${libraryImplementers}
    beneficiaries(where: { illustrative: { eq: false } }) { key name }
    regions(where: { illustrative: { eq: false } }) { key name }
    themes(where: { illustrative: { eq: false } }) { key name }
    resolutions(where: { illustrative: { eq: false } }) { key year }
    recommendationsConnection(
      where: { node: { illustrative: { eq: false } }, edge: { illustrative: { eq: false } } }
    ) { edges { node { key title } } }
  }
}`,
    variables: (v) => ({ key: v['key'] }),
    normalise: (data) => {
      const n = (data as LibraryProject).projects[0];
      if (n === undefined) return null;
      return {
        ...libraryProjectNode(n),
        regions: keys(n.regions),
        resolutions: keys(n.resolutions),
        recommendations: keys(n.recommendationsConnection.edges.map((e) => e.node)),
      } satisfies ProjectCanon;
    },
  },
  raw: {
    cypher: `
      OPTIONAL MATCH (p:Project {key: $key})
      RETURN CASE WHEN p IS NULL THEN null ELSE p { .key, .title, .status,
        implementers: ${rawImplementers('p')},
        beneficiaries: ${rawLinks('p', 'BENEFITS', 'MemberState')},
        regions: ${rawLinks('p', 'COVERS', 'Region')},
        themes: ${rawLinks('p', 'ADDRESSES', 'ThematicArea')},
        resolutions: ${rawLinks('p', 'SUPPORTS', 'Resolution', '.key, .year')},
        recommendations: [(p)-[i:IMPLEMENTS]->(m:Recommendation)
                          WHERE NOT coalesce(i.illustrative, false) AND NOT m.illustrative
                          | m { .key, .title }] } END AS row`,
    params: (v) => ({ key: v['key'] }),
    normalise: (row) => {
      const n = row as RawProject;
      if (n === null) return null;
      return {
        ...rawProjectNode(n),
        regions: keys(n.regions),
        resolutions: keys(n.resolutions),
        recommendations: keys(n.recommendations),
      } satisfies ProjectCanon;
    },
  },
};

// ---------------------------------------------------------------------------------------------
// (d) a hub entity's one-hop neighbourhood, at most 10 links per relationship type.

/** Per `TYPE>` (outgoing) or `TYPE<` (incoming): the neighbours kept, in label then key order, and how many there are. */
interface Hood {
  readonly key: string;
  readonly links: Record<string, { total: number; ids: string[] }>;
}

const LIMIT_PER_TYPE = 10;
/** Hub entities (the generator skews leads and issuers towards low indices) the question rotates through. */
const HUB_VARIANTS = 10;

/** Sorts the entries by name, so that key order in the JSON does not matter. */
function hood(key: string, links: Map<string, { total: number; ids: string[] }>): Hood {
  return { key, links: Object.fromEntries([...links].sort(([a], [b]) => a.localeCompare(b))) };
}

interface CtkgHood {
  neighborhood: {
    nodes: { id: string }[];
    edges: { type: string; source: string; target: string }[];
    degrees: { id: string; byType: { type: string; direction: 'OUT' | 'IN'; count: number }[] }[];
  };
}

type LibraryHoodEntity = {
  key: string;
} & Record<string, Named[] | { totalCount: number } | string>;

interface RawHood {
  key: string;
  links: { type: string; direction: 'OUT' | 'IN'; total: number; ids: string[] }[];
}

/** The Entity fields the library side reads (relationship type, direction, label of the other end). */
const ENTITY_FIELDS = [
  { field: 'projects', link: 'IMPLEMENTED_BY<', label: 'Project' },
  { field: 'recommendationsIssued', link: 'ISSUED_BY<', label: 'Recommendation' },
  { field: 'recommendationsReceived', link: 'ADDRESSED_TO<', label: 'Recommendation' },
  { field: 'mandatedBy', link: 'MANDATES<', label: 'Resolution' },
  { field: 'sources', link: 'CITED_IN>', label: 'Document' },
] as const;

const neighbourhood: Question = {
  id: 'd',
  title:
    "a hub entity's 1-hop neighbourhood: per relationship type, the first 10 neighbours by key + the count",
  shape:
    "ctkg `neighborhood(id, limitPerType: 10) { nodes { id } edges { type source target } degrees(ids: [id]) }` (the start node's degrees give the counts); library one field per relationship of Entity (`projects`, `recommendationsIssued`, `recommendationsReceived`, `mandatedBy`, `sources`) with `limit: 10, sort: key` plus its `…Connection { totalCount }`; 10 hub entities rotated. ctkg limits per type over both directions, the library per field: the same thing here, as each type meets an Entity from one side only",
  libraryCaveat:
    "`Entity.contributions` (CONTRIBUTES_TO, a union MemberState | Entity) is left out of the library's query: a union field cannot be sorted, so 'the first 10 by key' cannot be asked. The synthetic graph has no contributions, so the answers still agree; on the real graph the library would have to fetch them all or take an arbitrary 10.",
  variants: () => Array.from({ length: HUB_VARIANTS }, (_, i) => ({ key: entityKey(i) })),
  ctkg: {
    query: `query Hood($id: ID!) {
  neighborhood(id: $id, limitPerType: ${LIMIT_PER_TYPE}) {
    nodes { id }
    edges { type source target }
    degrees(ids: [$id]) { id byType { type direction count } }
  }
}`,
    variables: (v) => ({ id: `Entity:${v['key']}` }),
    normalise: (data) => {
      const { nodes, edges, degrees } = (data as CtkgHood).neighborhood;
      const start = nodes[0]?.id ?? '';
      const links = new Map<string, { total: number; ids: string[] }>();
      for (const d of degrees.find((x) => x.id === start)?.byType ?? [])
        links.set(`${d.type}${d.direction === 'OUT' ? '>' : '<'}`, { total: d.count, ids: [] });
      for (const e of edges) {
        const out = e.source === start;
        links.get(`${e.type}${out ? '>' : '<'}`)?.ids.push(out ? e.target : e.source);
      }
      return hood(start.slice(start.indexOf(':') + 1), links);
    },
  },
  library: {
    query: `query Hood($key: String!) {
  entities(where: { key: { eq: $key } }) {
    key
    ${ENTITY_FIELDS.map(
      ({ field }) =>
        `${field}(where: { illustrative: { eq: false } }, sort: [{ key: ASC }], limit: ${LIMIT_PER_TYPE}) { key }
    ${field}Connection(where: { node: { illustrative: { eq: false } } }) { totalCount }`,
    ).join('\n    ')}
  }
}`,
    variables: (v) => ({ key: v['key'] }),
    normalise: (data) => {
      const entity = (data as { entities: LibraryHoodEntity[] }).entities[0];
      if (entity === undefined) return null;
      const links = new Map<string, { total: number; ids: string[] }>();
      for (const { field, link, label } of ENTITY_FIELDS) {
        const { totalCount } = entity[`${field}Connection`] as { totalCount: number };
        const list = entity[field] as Named[];
        if (totalCount > 0)
          links.set(link, { total: totalCount, ids: list.map((n) => `${label}:${n.key}`) });
      }
      return hood(entity.key, links);
    },
  },
  raw: {
    cypher: `
      MATCH (n:Entity {key: $key}) WHERE NOT n.illustrative
      CALL (n) {
        MATCH (n)-[r]-(m)
        WHERE NOT coalesce(r.illustrative, false) AND NOT coalesce(m.illustrative, false)
        WITH r, m ORDER BY labels(m)[0], m.key
        WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction,
             collect(labels(m)[0] + ':' + m.key) AS ids
        RETURN collect({ type: type, direction: direction, total: size(ids), ids: ids[0..${LIMIT_PER_TYPE}] }) AS links
      }
      RETURN { key: n.key, links: links } AS row`,
    params: (v) => ({ key: v['key'] }),
    normalise: (row) => {
      const { key, links } = row as RawHood;
      return hood(
        key,
        new Map(
          links.map((l) => [
            `${l.type}${l.direction === 'OUT' ? '>' : '<'}`,
            { total: l.total, ids: l.ids },
          ]),
        ),
      );
    },
  },
};

// ---------------------------------------------------------------------------------------------
// (e) coverage by pillar.

interface CoverageRow {
  readonly key: string;
  readonly projects: number;
  readonly recommendations: number;
  readonly recommendationsWithProject: number;
}

const coverageRow = (r: CoverageRow): CoverageRow => ({
  key: r.key,
  projects: r.projects,
  recommendations: r.recommendations,
  recommendationsWithProject: r.recommendationsWithProject,
});

const coverage: Question = {
  id: 'e',
  title:
    'coverage by pillar: projects, recommendations and recommendations with a project, per pillar',
  shape: 'ctkg `coverage(by: PILLAR)`; the library has no group-by',
  variants: () => [{}],
  ctkg: {
    query: `query Coverage {
  coverage(by: PILLAR) { key projects recommendations recommendationsWithProject }
}`,
    variables: () => ({}),
    normalise: (data) => (data as { coverage: CoverageRow[] }).coverage.map(coverageRow),
  },
  library: {
    unsupported:
      'a group-by: the generated schema counts nodes under one filter (`…Connection { aggregate { count } }`) but cannot group them by a value, here each entry of the `pillars` list. A client that knows the four pillars could send 12 aliased counts instead, which does not carry over to the dimensions with thousands of groups (region, Member State, entity).',
  },
  raw: {
    // One scan of each label, pillars unwound; ctkg leaves out groups with neither.
    cypher: `
      CALL () {
        MATCH (p:Project) WHERE NOT p.illustrative
        UNWIND p.pillars AS key
        RETURN key, count(*) AS projects, 0 AS recommendations, 0 AS withProject
        UNION ALL
        MATCH (r:Recommendation) WHERE NOT r.illustrative
        WITH r, EXISTS { (q:Project)-[i:IMPLEMENTS]->(r)
                         WHERE NOT coalesce(i.illustrative, false) AND NOT q.illustrative } AS done
        UNWIND r.pillars AS key
        RETURN key, 0 AS projects, count(*) AS recommendations, count(CASE WHEN done THEN 1 END) AS withProject
      }
      WITH key, sum(projects) AS projects, sum(recommendations) AS recommendations, sum(withProject) AS withProject
      ORDER BY key
      RETURN collect({ key: key, projects: projects, recommendations: recommendations,
                       recommendationsWithProject: withProject }) AS row`,
    params: () => ({}),
    normalise: (row) => (row as CoverageRow[]).map(coverageRow),
  },
};

// ---------------------------------------------------------------------------------------------
// (f) two hops: an entity's projects, and the States each benefits.

interface TwoHop {
  readonly key: string;
  readonly projects: { key: string; title: string; role: string; beneficiaries: string[] }[];
}

interface CtkgTwoHop {
  node: {
    key: string;
    projects: {
      role: string | null;
      project: { key: string; title: string; beneficiaries: { memberState: Named }[] };
    }[];
  } | null;
}

interface LibraryTwoHop {
  entities: {
    key: string;
    projectsConnection: {
      edges: {
        properties: { role: string | null };
        node: { key: string; title: string; beneficiaries: Named[] };
      }[];
    };
  }[];
}

interface RawTwoHop {
  key: string;
  projects: { key: string; title: string; role: string | null; beneficiaries: Named[] }[];
}

/** Entities the question rotates through: the hubs, then some with a handful of projects. */
const TWO_HOP_VARIANTS = 20;

const twoHop: Question = {
  id: 'f',
  title: "two hops: an entity's projects (with role, by key) and each project's beneficiary States",
  shape:
    'ctkg `node(id) { ... on Entity { projects { role project { beneficiaries } } } }`; library `entities(where: key) { projectsConnection(sort: key) { edges { properties { role } node { beneficiaries } } } }`; 20 entities (hubs first) rotated',
  variants: () => Array.from({ length: TWO_HOP_VARIANTS }, (_, i) => ({ key: entityKey(i) })),
  ctkg: {
    query: `query TwoHop($id: ID!) {
  node(id: $id) {
    key
    ... on Entity { projects { role project { key title beneficiaries { memberState { key name } } } } }
  }
}`,
    variables: (v) => ({ id: `Entity:${v['key']}` }),
    normalise: (data) => {
      const n = (data as CtkgTwoHop).node;
      if (n === null) return null;
      return {
        key: n.key,
        projects: n.projects.map((l) => ({
          key: l.project.key,
          title: l.project.title,
          role: l.role ?? '',
          beneficiaries: keys(l.project.beneficiaries.map((b) => b.memberState)),
        })),
      } satisfies TwoHop;
    },
  },
  library: {
    query: `query TwoHop($key: String!) {
  entities(where: { key: { eq: $key } }) {
    key
    projectsConnection(
      where: { node: { illustrative: { eq: false } } }
      sort: [{ node: { key: ASC } }, { edge: { role: ASC } }]
    ) {
      edges { properties { role } node { key title
        beneficiaries(where: { illustrative: { eq: false } }) { key name } } }
    }
  }
}`,
    variables: (v) => ({ key: v['key'] }),
    normalise: (data) => {
      const n = (data as LibraryTwoHop).entities[0];
      if (n === undefined) return null;
      return {
        key: n.key,
        projects: n.projectsConnection.edges.map((e) => ({
          key: e.node.key,
          title: e.node.title,
          role: e.properties.role ?? '',
          beneficiaries: keys(e.node.beneficiaries),
        })),
      } satisfies TwoHop;
    },
  },
  raw: {
    cypher: `
      OPTIONAL MATCH (e:Entity {key: $key})
      RETURN CASE WHEN e IS NULL THEN null ELSE { key: e.key, projects: COLLECT {
        MATCH (e)<-[i:IMPLEMENTED_BY]-(p:Project) WHERE NOT p.illustrative
        WITH p, i ORDER BY p.key, i.role
        RETURN p { .key, .title, role: i.role,
                   beneficiaries: ${rawLinks('p', 'BENEFITS', 'MemberState')} } } } END AS row`,
    params: (v) => ({ key: v['key'] }),
    normalise: (row) => {
      const n = row as RawTwoHop | null;
      if (n === null) return null;
      return {
        key: n.key,
        projects: n.projects.map((p) => ({
          key: p.key,
          title: p.title,
          role: p.role ?? '',
          beneficiaries: keys(p.beneficiaries),
        })),
      } satisfies TwoHop;
    },
  },
};

/** Every question, in report order. */
export const QUESTIONS: readonly Question[] = [
  gap,
  projects,
  project,
  neighbourhood,
  coverage,
  twoHop,
];

/** The question with this id; throws for an unknown one. */
export function question(id: string): Question {
  const found = QUESTIONS.find((q) => q.id === id);
  if (found === undefined) throw new Error(`unknown question "${id}"`);
  return found;
}
