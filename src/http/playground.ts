import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Router } from 'express';
import express from 'express';

const require = createRequire(import.meta.url);
// React's `exports` map hides its umd/ folder; its main file sits at the package root.
const packageFile = (pkg: string, file: string) => join(dirname(require.resolve(pkg)), file);

// GraphiQL 3 ships UMD bundles; React 18 is the last React with UMD builds. Served from
// node_modules so the playground works offline and makes no request off this host.
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': {
    file: packageFile('react', 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.js': {
    file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.js': { file: require.resolve('graphiql/graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: require.resolve('graphiql/graphiql.min.css'), type: 'text/css' },
  // Generated in memory by the router (see appScript): the page's own script and style.
  'app.js': { file: 'app.js', type: 'text/javascript' },
  'page.css': { file: 'page.css', type: 'text/css' },
};

/** Example operations shown as tabs: one per user group, the gap query first. */
export const EXAMPLES: readonly {
  name: string;
  query: string;
  variables?: string;
  headers?: string;
}[] = [
  {
    name: 'Gap: recommendations without projects',
    query: `# Which recommendations a project could answer lack any implementing project?
# Real data; documented and reported links count. Add evidence: [DOCUMENTED, REPORTED, INFERRED]
# for the true gaps, asOf: "A/72/840" for the portfolio of 2018.
query RecommendationsWithoutProjects {
  recommendationsWithoutProjects(first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      title
      responseKind
      implementationEvidence { inferred candidates noCandidateReason }
      issuer { key name }
      addressedTo { addressee { ... on Entity { key } ... on MemberState { key name } } }
      sources { document { id title } paragraph }
    }
  }
}`,
  },
  {
    name: 'Analyst: projects in the Sahel on border management',
    query: `query SahelBorderProjects {
  projects(first: 20, where: { regions: ["sahel"], thematicAreas: ["border-management"] }) {
    totalCount
    nodes {
      id
      title
      status
      implementers { role entity { key name } }
      beneficiaries { memberState { key name } }
      resolutions { resolution { key topic } }
    }
  }
}`,
  },
  {
    name: 'Explorer: one node and its links',
    query: `query Node {
  node(id: "Entity:CTED") {
    id
    ... on Entity {
      name
      nameZh
      kind
      projects { role project { id title } }
      mandatedBy { resolution { key year topic } }
    }
    sources { document { id } paragraph }
  }
}`,
  },
  {
    name: 'Reporter: who am I?',
    query: `# With an API key (npm run keys -- create …), open the Headers tab below and send
#   { "Authorization": "Bearer ctkg_…" }
# Without one you are anonymous; a bad or revoked key is refused with UNAUTHENTICATED.
query Viewer {
  viewer { authenticated name role entities memberStates }
}`,
  },
  {
    name: 'Reporter: submit a project',
    query: `# A reporter key's holder reports its entity's project (A/73/866 para 59). Put your key in
# the Headers tab; the report is in the Variables tab. It waits, unseen by the public, until a
# reviewer runs acceptSubmission(id: …). The same idempotencyKey never makes two.
mutation Submit($report: ProjectReportInput!) {
  submitProject(report: $report, idempotencyKey: "playground-1") {
    id projectKey version status entity
  }
}`,
    variables: JSON.stringify(
      {
        report: {
          title: 'Prosecuting returning foreign terrorist fighters',
          implementers: [{ entity: 'UNODC', role: 'LEAD' }],
          beneficiaries: ['IRQ'],
          themes: ['criminal-justice'],
          status: 'ONGOING',
          recommendations: [
            { key: 'A72840-77', justification: 'Trains prosecutors in the measures it asks for.' },
          ],
        },
      },
      null,
      2,
    ),
    headers: JSON.stringify({ Authorization: 'Bearer ctkg_…' }, null, 2),
  },
];

// The page's own script is a file, not inline, so the Content-Security-Policy needs no exception
// for scripts: only this origin's files run.
function appScript(): string {
  const tabs = JSON.stringify(
    EXAMPLES.map(({ query, variables, headers }) => ({ query, variables, headers })),
  ).replace(/</g, '\\u003c');
  return `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultTabs: ${tabs}, defaultEditorToolsVisibility: false }),
);
`;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>ctkg — GraphQL playground</title>
  <link rel="stylesheet" href="/playground/graphiql.css" />
  <link rel="stylesheet" href="/playground/page.css" />
</head>
<body>
  <div id="graphiql">Loading the playground…</div>
  <script src="/playground/react.js"></script>
  <script src="/playground/react-dom.js"></script>
  <script src="/playground/graphiql.js"></script>
  <script src="/playground/app.js"></script>
</body>
</html>`;

/**
 * Content-Security-Policy directives (helmet) for every response: scripts, styles and fetches
 * from this origin only. GraphiQL sets inline style attributes, hence 'unsafe-inline' for styles;
 * its icons and fonts are data: URIs.
 */
export const PLAYGROUND_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  // The service is often reached over plain HTTP (localhost, behind a TLS proxy): no upgrades.
  upgradeInsecureRequests: null,
};

/** Routes of the offline playground: the page (for browsers asking /graphql for HTML) and its assets. */
export function createPlaygroundRouter(): Router {
  const router = express.Router();
  const cache = new Map<string, Buffer>([
    ['app.js', Buffer.from(appScript())],
    ['page.css', Buffer.from('html, body, #graphiql { height: 100%; margin: 0; }\n')],
  ]);
  router.get('/graphql', (req, res, next) => {
    if (
      req.accepts(['application/json', 'text/html']) !== 'text/html' ||
      req.query['query'] !== undefined
    )
      return next();
    res.type('html').set('Cache-Control', 'no-store').send(PAGE);
  });
  router.get('/playground/:asset', (req, res) => {
    const asset = ASSETS[req.params.asset];
    if (!asset) {
      res.status(404).json({
        errors: [{ message: 'No such playground file', extensions: { code: 'NOT_FOUND' } }],
      });
      return;
    }
    let body = cache.get(asset.file);
    if (!body) {
      body = readFileSync(asset.file);
      cache.set(asset.file, body);
    }
    res.type(asset.type).set('Cache-Control', 'public, max-age=3600').send(body);
  });
  return router;
}
