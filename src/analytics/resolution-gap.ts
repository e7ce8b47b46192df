// The resolution gap as a list: resolutions no counting project SUPPORTS, by year then key. It
// runs on the lists' machinery (one statement: total by COUNT, page in the database, nodes
// projected as selected), so the GraphQL page and the download share one match.
import { evidenceArg, keyArg } from '../core/arguments.js';
import { DEFAULT_EVIDENCE, evidenceLiteral, type Evidence } from '../core/evidence.js';
import { adoptedBy, linkKnownBy } from '../db/fragments.js';
import type { ListSpec } from '../lists/index.js';

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
    // A support counts at the evidence levels asked, known by `asOf` when given, and only if
    // neither the link nor the project is illustrative, unless illustrative data is asked for.
    unsupported: {
      param: (on) => on,
      where: (_on, includeIllustrative, all) => {
        const levels = (all['evidence'] as readonly Evidence[] | undefined) ?? DEFAULT_EVIDENCE;
        const conditions = [
          `s.evidence IN ${evidenceLiteral(levels)}`,
          ...(includeIllustrative
            ? []
            : ['NOT coalesce(s.illustrative, false)', 'NOT coalesce(p.illustrative, false)']),
          ...(typeof all['asOf'] === 'string' ? [linkKnownBy('s', 'p')] : []),
        ];
        return `NOT EXISTS {
      (p:Project)-[s:SUPPORTS]->(x)
      WHERE ${conditions.join(' AND ')} }`;
      },
    },
    // Read by `unsupported`; no condition of its own.
    evidence: { param: evidenceArg, where: 'true' },
    // Adopted by then; `unsupported` then counts only the supports known by then.
    asOf: { param: keyArg, where: adoptedBy('x') },
  },
  orders: { YEAR: 'x.year, x.key' },
};
