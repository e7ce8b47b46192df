// How well a link between work and what it answers is established (issue 9). Stored on every
// link as `evidence`; the API spells the levels in capitals.

/** The evidence levels, strongest first. */
export const EVIDENCE = ['documented', 'reported', 'inferred'] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** What the gap questions count unless told otherwise: what a source or an entity states. */
export const DEFAULT_EVIDENCE: readonly Evidence[] = ['documented', 'reported'];

export const isEvidence = (value: unknown): value is Evidence =>
  (EVIDENCE as readonly unknown[]).includes(value);

/** `DOCUMENTED` → `documented`; the API's enum values are the stored ones in capitals. */
export function evidenceFromEnum(values: readonly string[]): Evidence[] {
  const levels = values.map((v) => v.toLowerCase()).filter(isEvidence);
  return EVIDENCE.filter((level) => levels.includes(level));
}

/** A closed set of levels as a Cypher list literal: safe, since only the three known words pass. */
export const evidenceLiteral = (levels: readonly Evidence[]): string =>
  `[${EVIDENCE.filter((l) => levels.includes(l))
    .map((l) => `'${l}'`)
    .join(', ')}]`;

/** What a stored link says of how it is established, decoded from its relationship properties. */
export interface LinkEvidence {
  /** The stored level; a link written before evidence was stored is what its sources state. */
  readonly evidence: Evidence;
  /** The rules' score, for a link ctkg's rules inferred; null otherwise. */
  readonly score: number | null;
  /** The rules' reasons, for a link ctkg's rules inferred; empty otherwise. */
  readonly reasons: string[];
  /** The version of the rules that inferred the link; null otherwise. */
  readonly rulesVersion: string | null;
}

type Props = Readonly<Record<string, unknown>>;

/**
 * Decodes each of a relationship's stored `evidence`, `score`, `reasons` and `rulesVersion`, as
 * both `Link` and the explorer's `Edge` show them: one decoder per field, so a resolver decodes
 * only its own. Never throws: a missing or unknown level reads `documented`, and a property of
 * the wrong type reads as absent.
 */
export const linkEvidenceField: {
  readonly [F in keyof LinkEvidence]: (props: Props) => LinkEvidence[F];
} = {
  evidence: ({ evidence }) => (isEvidence(evidence) ? evidence : 'documented'),
  score: ({ score }) => (typeof score === 'number' ? score : null),
  reasons: ({ reasons }) => (Array.isArray(reasons) ? reasons.map(String) : []),
  rulesVersion: ({ rulesVersion }) => (typeof rulesVersion === 'string' ? rulesVersion : null),
};

/** All of a relationship's evidence properties decoded (see linkEvidenceField); any other is ignored. */
export function decodeLinkEvidence(props: Props): LinkEvidence {
  return {
    evidence: linkEvidenceField.evidence(props),
    score: linkEvidenceField.score(props),
    reasons: linkEvidenceField.reasons(props),
    rulesVersion: linkEvidenceField.rulesVersion(props),
  };
}
