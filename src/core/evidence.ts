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
