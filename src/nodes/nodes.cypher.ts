import { LABELS, type Label } from '../core/ids.js';
import { trustedCypher, type Cypher } from '../db/cypher.js';
import { nodeProjection } from '../db/fragments.js';
import { RELATIONS, type Relation, type RelationName } from './relations.js';
import type { LinkRow, NodeRow } from '../core/rows.js';

const project = (v: string) => nodeProjection(v);

/** Nodes of one label by key (one statement per label, built from the closed LABELS tuple). */
export const nodesByKey: ReadonlyMap<Label, Cypher<{ keys: readonly string[] }, NodeRow>> = new Map(
  LABELS.map((label) => [
    label,
    trustedCypher(
      `${label.charAt(0).toLowerCase()}${label.slice(1)}ByKey`,
      `UNWIND $keys AS k MATCH (n:${label} {key: k}) RETURN ${project('n')} AS row`,
    ),
  ]),
);

/** Where each node of one label is cited: CITED_IN links to documents. */
export const sourcesByKey: ReadonlyMap<
  Label,
  Cypher<{ keys: readonly string[] }, { key: string; document: string; paragraph: string }>
> = new Map(
  LABELS.map((label) => [
    label,
    trustedCypher(
      `sourcesOf${label}`,
      `UNWIND $keys AS k MATCH (:${label} {key: k})-[r:CITED_IN]->(d:Document)
       RETURN {key: k, document: d.key, paragraph: r.paragraph} AS row ORDER BY k, d.key, r.paragraph`,
    ),
  ]),
);

/** One statement per relationship field: the links of a batch of nodes, in key then target order. */
export const linksByKey = new Map(
  (Object.entries(RELATIONS) as [RelationName, (typeof RELATIONS)[RelationName]][]).map(
    ([name, rel]) => {
      const arrow = rel.direction === 'out' ? `-[r:${rel.type}]->` : `<-[r:${rel.type}]-`;
      const target = rel.to.map((l) => `m:${l}`).join(' OR ');
      return [
        name,
        trustedCypher<
          {
            keys: readonly string[];
            includeIllustrative: boolean;
            evidence: readonly string[] | null;
          },
          LinkRow
        >(
          name,
          `UNWIND $keys AS k
         MATCH (:${rel.from} {key: k})${arrow}(m)
         WHERE (${target})
           AND ($includeIllustrative OR (coalesce(r.illustrative, false) = false AND coalesce(m.illustrative, false) = false))
           AND ($evidence IS NULL OR r.evidence IN $evidence)
         RETURN {key: k, props: properties(r), node: ${project('m')}} AS row
         ORDER BY k, m.key`,
        ),
      ] as const;
    },
  ),
);

const relationCaps = (Object.values(RELATIONS) as readonly Relation[]).map((rel) => {
  const arrow = rel.direction === 'out' ? `-[:${rel.type}]->` : `<-[:${rel.type}]-`;
  const target = rel.to.map((l) => `m:${l}`).join(' OR ');
  return `MATCH (n:${rel.from}) RETURN '${rel.from}.${rel.field}' AS field, max(COUNT { (n)${arrow}(m) WHERE ${target} }) AS cap`;
});
const sourceCaps = LABELS.map(
  (label) =>
    `MATCH (n:${label}) RETURN '${label}.sources' AS field, max(COUNT { (n)-[:CITED_IN]->(:Document) }) AS cap`,
);

/**
 * The longest list each relationship field can return today (`Entity.projects` …), the most
 * sources of a node of each label, (as `Link.sources`) the most sources of one relationship and
 * the most properties of one relationship (`Edge.properties`, provenance included):
 * what the cost rule weighs lists without `first` by. Degrees come from the count store; one
 * statement, built from the closed catalogue.
 */
export const listCaps = trustedCypher<Record<string, never>, { field: string; cap: number }>(
  'listCaps',
  `CALL {
     ${[
       ...relationCaps,
       ...sourceCaps,
       `MATCH ()-[r]->() RETURN 'Link.sources' AS field, max(size(coalesce(r.sourceDocuments, []))) AS cap`,
       `MATCH ()-[r]->() RETURN 'Edge.properties' AS field, max(size(keys(r))) AS cap`,
     ].join('\n     UNION ALL\n     ')}
   }
   RETURN { field: field, cap: coalesce(cap, 0) } AS row`,
);
