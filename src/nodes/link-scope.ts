// Which links a relationship field returns: with or without illustrative links and nodes, and, for
// the implementation links, at which evidence levels. Resolvers, loaders and the compiler share it.
import { evidenceFromEnum, type Evidence } from '../core/evidence.js';

export interface LinkScope {
  readonly includeIllustrative: boolean;
  /** Evidence levels kept, strongest first; null keeps every link (fields without the argument). */
  readonly evidence: readonly Evidence[] | null;
}

/** Every link: for fields without arguments (issuer, contributions). */
export const ALL_LINKS: LinkScope = { includeIllustrative: true, evidence: null };

/** The scope a field's arguments ask for; an absent argument keeps its links. */
export function linkScope(args: {
  includeIllustrative?: boolean | null;
  evidence?: readonly string[] | null;
}): LinkScope {
  return {
    includeIllustrative: args.includeIllustrative ?? false,
    evidence: args.evidence == null ? null : evidenceFromEnum(args.evidence),
  };
}

/**
 * The key a compiled link list is stored under in its parent row (`_links`), and a loader's name:
 * the field and its scope, so a resolver finds it from its own name and arguments.
 */
export const linkSlot = (field: string, scope: LinkScope): string =>
  `${field}_${scope.includeIllustrative ? 1 : 0}${scope.evidence === null ? '' : `_${scope.evidence.join('_')}`}`;
