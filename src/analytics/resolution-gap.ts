// The resolution gap as a list: resolutions no counting project SUPPORTS, by year then key. It
// runs on the lists' machinery (one statement: total by COUNT, page in the database, nodes
// projected as selected), so the GraphQL page and the download share one match.
import type { ListSpec } from '../lists/index.js';

/** The gap's filters: the body given, and the gap itself (always on). */
export interface ResolutionGapWhere {
  readonly body?: 'SC' | 'GA' | 'HRC' | null;
  readonly unsupported?: boolean | null;
}

export const resolutionGapSpec: ListSpec<ResolutionGapWhere, 'YEAR', 'Resolution'> = {
  label: 'Resolution',
  v: 'x',
  real: 'NOT coalesce(x.illustrative, false)',
  filters: {
    body: { param: (body) => body, where: 'x.body = $body' },
    // A support counts only if neither the link nor the project is illustrative, unless
    // illustrative data is asked for.
    unsupported: {
      param: (on) => on,
      where: (_on, includeIllustrative) =>
        `NOT EXISTS {
      (p:Project)-[s:SUPPORTS]->(x)${
        includeIllustrative
          ? ''
          : `
      WHERE NOT coalesce(s.illustrative, false) AND NOT coalesce(p.illustrative, false)`
      } }`,
    },
  },
  orders: { YEAR: 'x.year, x.key' },
};
