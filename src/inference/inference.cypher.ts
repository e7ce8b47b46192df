// The statements of the inference: read what the rules compare, then replace what they made.
import { cypher } from '../db/cypher.js';
import type { ProjectFeatures, RecommendationFeatures } from './infer.js';

export const projectFeatures = cypher<Record<string, never>, ProjectFeatures>('projectFeatures')`
  MATCH (p:Project)
  RETURN {
    key: p.key,
    illustrative: coalesce(p.illustrative, false),
    implementers: [(p)-[i:IMPLEMENTED_BY]->(e:Entity) WHERE i.role IN ['lead', 'partner'] | e.key],
    themes: [(p)-[:ADDRESSES]->(t:ThematicArea) | t.key],
    states: [(p)-[:BENEFITS]->(s:MemberState) | {key: s.key, name: s.name}],
    regions: [(p)-[:COVERS]->(g:Region) |
      {key: g.key, name: g.name, members: [(s:MemberState)-[:MEMBER_OF]->(g) | s.key]}],
    endYear: p.endYear,
    text: p.title + ' ' + reduce(t = '', a IN coalesce(p.aliases, []) | t + ' ' + a) + ' ' + coalesce(p.summary, '')
  } AS row`;

// A link a source states or an entity reports (or a curator inferred) takes the pair out of the
// rules' hands; an illustrative link does not, so real data can still find the project.
export const recommendationFeatures = cypher<Record<string, never>, RecommendationFeatures>(
  'recommendationFeatures',
)`
  MATCH (r:Recommendation)
  OPTIONAL MATCH (d:Document {key: r.document})
  RETURN {
    key: r.key,
    illustrative: coalesce(r.illustrative, false),
    responseKind: r.responseKind,
    entities: [(r)-[:ADDRESSED_TO]->(e:Entity) | e.key],
    states: [(r)-[:ADDRESSED_TO]->(s:MemberState) | {key: s.key, name: s.name}],
    themes: [(r)-[:ADDRESSES]->(t:ThematicArea) | t.key],
    year: toInteger(left(d.date, 4)),
    text: r.title + ' ' + r.summary,
    linked: [(q:Project)-[i:IMPLEMENTS]->(r)
      WHERE i.rulesVersion IS NULL AND NOT coalesce(i.illustrative, false) | q.key]
  } AS row`;

export const dropInferred = cypher<Record<string, never>, number>('dropInferredImplements')`
  MATCH ()-[i:IMPLEMENTS]->() WHERE i.rulesVersion IS NOT NULL DELETE i RETURN count(i) AS row`;

export interface InferredLinkRow {
  readonly project: string;
  readonly recommendation: string;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly illustrative: boolean;
}

export const writeInferred = cypher<{ rows: readonly InferredLinkRow[]; version: string }, number>(
  'writeInferredImplements',
)`
  UNWIND $rows AS row
  MATCH (p:Project {key: row.project})
  MATCH (r:Recommendation {key: row.recommendation})
  CREATE (p)-[:IMPLEMENTS {
    evidence: 'inferred', how: 'inferred', rulesVersion: $version,
    rule: $version + ', score ' + toString(row.score) + ': ' + reduce(s = '', x IN row.reasons | s + CASE s WHEN '' THEN '' ELSE '; ' END + x),
    score: row.score, reasons: row.reasons, illustrative: row.illustrative,
    sourceDocuments: [], sourceParagraphs: []
  }]->(r)
  RETURN count(*) AS row`;

export interface CandidateListRow {
  readonly recommendation: string;
  readonly projects: readonly string[];
  readonly scores: readonly number[];
  /** Each candidate's reasons joined by REASON_SEPARATOR (a property cannot hold nested lists). */
  readonly reasons: readonly string[];
  readonly illustrative: readonly boolean[];
  readonly inferred: readonly boolean[];
  readonly none: string | null;
}

export const REASON_SEPARATOR = '\u001f';

export const writeCandidates = cypher<
  { rows: readonly CandidateListRow[]; version: string },
  number
>('writeCandidates')`
  UNWIND $rows AS row
  MATCH (r:Recommendation {key: row.recommendation})
  SET r.candidateProjects = row.projects, r.candidateScores = row.scores,
      r.candidateReasons = row.reasons, r.candidateIllustrative = row.illustrative,
      r.candidateInferred = row.inferred, r.candidateNone = row.none,
      r.candidateRulesVersion = $version
  RETURN count(*) AS row`;
