// The resolution gap as a list: resolutions no counting project SUPPORTS, by year then key. It
// runs on the lists' machinery (one statement: total by COUNT, page in the database, nodes
// projected as selected), so the GraphQL page and the download share one match.
import { evidenceArg, keyArg } from '../core/arguments.js';
import { adoptedBy } from '../db/fragments.js';
import { countingLink, type ListSpec } from '../lists/index.js';

/**
 * The gap's filters: the body given, the gap itself (always on), the evidence levels a support
 * counts at (documented and reported by default) and the point in time (`asOf`).
 */
export interface ResolutionGapWhere {
  readonly body?: 'SC' | 'GA' | 'HRC' | null;
  readonly unsupported?: boolean | null;
  readonly evidence?: readonly string[] | null;
  readonly asOf?: string | null;
}

export const resolutionGapSpec: ListSpec<ResolutionGapWhere, 'YEAR', 'Resolution'> = {
  label: 'Resolution',
  v: 'x',
  real: 'NOT coalesce(x.illustrative, false)',
  filters: {
    body: { param: (body) => body, where: 'x.body = $body' },
    // A support counts as a project's implementation does for the recommendation gap.
    unsupported: {
      param: (on) => on,
      where: (_on, includeIllustrative, all) => `NOT EXISTS {
      (p:Project)-[s:SUPPORTS]->(x)
      WHERE ${countingLink('s', 'p', includeIllustrative, all)} }`,
    },
    // Read by `unsupported`; no condition of its own.
    evidence: { param: evidenceArg, where: 'true' },
    // Adopted by then; `unsupported` then counts only the supports known by then.
    asOf: { param: keyArg, where: adoptedBy('x') },
  },
  orders: { YEAR: 'x.year, x.key' },
};
