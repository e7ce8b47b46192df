import type { Db } from '../db/db.js';
import { listCaps } from './nodes.cypher.js';

// The link types of nodes.graphql and the explorer's Edge: each lists one relationship's sources.
const LINK_TYPES = [
  'EntityLink',
  'ProjectLink',
  'MemberStateLink',
  'RegionLink',
  'ResolutionLink',
  'RecommendationLink',
  'ThematicAreaLink',
  'AddresseeLink',
  'ReferenceLink',
  'Edge',
] as const;

// Measuring reads every relationship of the graph: seconds on a large one. It runs at start-up and
// in the background, never for a client, so it gets more time than a request's statement.
const LIST_CAPS_TIMEOUT_MS = 60_000;

/**
 * Reads the longest list each unpaged list field returns in the graph now, by `Type.field`
 * (`Entity.projects`, `Project.sources`, `EntityLink.sources` …). One statement. A cap is at
 * least 1, so an empty graph still weighs every list.
 */
export async function readListCaps(db: Db): Promise<Map<string, number>> {
  const caps = new Map<string, number>();
  for (const { field, cap } of await db.read(listCaps, {}, { timeoutMs: LIST_CAPS_TIMEOUT_MS })) {
    if (field === 'Link.sources') {
      for (const type of LINK_TYPES) caps.set(`${type}.sources`, Math.max(1, cap));
    } else caps.set(field, Math.max(1, cap));
  }
  return caps;
}
