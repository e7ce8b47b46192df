// The portfolio figures the documents state, each beside the same figure computed from the graph
// where the graph itemises the set it counts (`countedIn`): the real projects citing the
// document at a paragraph that starts so, counted in the figure's group.
import { cypher } from '../db/cypher.js';
import type { Db } from '../db/db.js';
import type { StatedFigureRow } from './analytics.rows.js';

// One figure per row; `computed` only for project counts and shares over an itemised set, and for
// the dimensions whose groups are nodes or pillars (SCOPE groups have no rule in the graph).
export const statedFigures = cypher<
  { document: string | null; dimension: string | null },
  StatedFigureRow
>('statedFigures')`
  MATCH (d:Document)
  WHERE size(coalesce(d.statedKeys, [])) > 0 AND ($document IS NULL OR d.key = $document)
  UNWIND range(0, size(d.statedKeys) - 1) AS i
  WITH d, i, d.statedDimensions[i] AS dimension, d.statedGroups[i] AS grp,
       d.statedMeasures[i] AS measure, d.statedCountedIn[i] AS countedIn
  WHERE $dimension IS NULL OR dimension = $dimension
  CALL (d, dimension, grp, measure, countedIn) {
    WITH d, dimension, grp, measure, countedIn
    WHERE countedIn <> '' AND measure IN ['projects', 'project-share'] AND dimension <> 'SCOPE'
    MATCH (p:Project)-[c:CITED_IN]->(d)
    WHERE NOT coalesce(p.illustrative, false) AND c.paragraph STARTS WITH countedIn
    WITH DISTINCT dimension, grp, measure, p
    WITH dimension, grp, measure, count(p) AS all,
         count(CASE
           WHEN dimension = 'TOTAL' THEN 1
           WHEN dimension = 'PILLAR' AND grp IN p.pillars THEN 1
           WHEN dimension = 'ENTITY' AND EXISTS { (p)-[:IMPLEMENTED_BY]->(:Entity {key: grp}) } THEN 1
           WHEN dimension = 'THEMATIC_AREA' AND EXISTS { (p)-[:ADDRESSES]->(:ThematicArea {key: grp}) } THEN 1
           WHEN dimension = 'MEMBER_STATE' AND EXISTS { (p)-[:BENEFITS]->(:MemberState {key: grp}) } THEN 1
           WHEN dimension = 'REGION' AND (EXISTS { (p)-[:COVERS]->(:Region {key: grp}) }
             OR EXISTS { (p)-[:BENEFITS]->(:MemberState)-[:MEMBER_OF]->(:Region {key: grp}) }) THEN 1
         END) AS inGroup
    RETURN CASE measure WHEN 'projects' THEN toFloat(inGroup)
                        ELSE CASE all WHEN 0 THEN null ELSE 100.0 * inGroup / all END END AS computed
  }
  RETURN {
    key: d.statedKeys[i], document: d.key, paragraph: d.statedParagraphs[i], measure: measure,
    dimension: dimension, group: CASE grp WHEN '' THEN null ELSE grp END,
    value: toFloat(d.statedValues[i]), unit: d.statedUnits[i], asWritten: d.statedAsWritten[i],
    asOf: CASE d.statedAsOf[i] WHEN '' THEN null ELSE d.statedAsOf[i] END,
    note: CASE d.statedNotes[i] WHEN '' THEN null ELSE d.statedNotes[i] END,
    computed: computed
  } AS row
  ORDER BY row.document, row.key`;

/** The stated figures, of one document or dimension when given. */
export function readStatedFigures(
  db: Db,
  filter: { document: string | null; dimension: string | null },
): Promise<StatedFigureRow[]> {
  return db.read(statedFigures, filter);
}
