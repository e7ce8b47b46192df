import type { Label } from '../core/ids.js';

/** A relationship field of the API: from which label, over which type, in which direction, to which labels. */
export interface Relation {
  readonly from: Label;
  readonly type: string;
  readonly direction: 'out' | 'in';
  readonly to: readonly Label[];
}

/**
 * Every relationship field the node types expose. The Cypher of each is built once from this
 * closed catalogue (labels and types cannot be parameters), never from input.
 */
export const RELATIONS = {
  projectImplementers: {
    from: 'Project',
    type: 'IMPLEMENTED_BY',
    direction: 'out',
    to: ['Entity'],
  },
  projectBeneficiaries: {
    from: 'Project',
    type: 'BENEFITS',
    direction: 'out',
    to: ['MemberState'],
  },
  projectRegions: { from: 'Project', type: 'COVERS', direction: 'out', to: ['Region'] },
  projectResolutions: { from: 'Project', type: 'SUPPORTS', direction: 'out', to: ['Resolution'] },
  projectThemes: { from: 'Project', type: 'ADDRESSES', direction: 'out', to: ['ThematicArea'] },
  projectRecommendations: {
    from: 'Project',
    type: 'IMPLEMENTS',
    direction: 'out',
    to: ['Recommendation'],
  },
  recommendationIssuer: {
    from: 'Recommendation',
    type: 'ISSUED_BY',
    direction: 'out',
    to: ['Entity'],
  },
  recommendationAddressees: {
    from: 'Recommendation',
    type: 'ADDRESSED_TO',
    direction: 'out',
    to: ['MemberState', 'Entity'],
  },
  recommendationProjects: {
    from: 'Recommendation',
    type: 'IMPLEMENTS',
    direction: 'in',
    to: ['Project'],
  },
  recommendationThemes: {
    from: 'Recommendation',
    type: 'ADDRESSES',
    direction: 'out',
    to: ['ThematicArea'],
  },
  recommendationReferences: {
    from: 'Recommendation',
    type: 'REFERS_TO',
    direction: 'out',
    to: ['Resolution', 'LegalInstrument'],
  },
  entityProjects: { from: 'Entity', type: 'IMPLEMENTED_BY', direction: 'in', to: ['Project'] },
  entityIssued: { from: 'Entity', type: 'ISSUED_BY', direction: 'in', to: ['Recommendation'] },
  entityReceived: { from: 'Entity', type: 'ADDRESSED_TO', direction: 'in', to: ['Recommendation'] },
  entityMandatedBy: { from: 'Entity', type: 'MANDATES', direction: 'in', to: ['Resolution'] },
  entityContributions: {
    from: 'Entity',
    type: 'CONTRIBUTES_TO',
    direction: 'in',
    to: ['MemberState', 'Entity'],
  },
  memberStateProjects: { from: 'MemberState', type: 'BENEFITS', direction: 'in', to: ['Project'] },
  memberStateRecommendations: {
    from: 'MemberState',
    type: 'ADDRESSED_TO',
    direction: 'in',
    to: ['Recommendation'],
  },
  memberStateRegions: { from: 'MemberState', type: 'MEMBER_OF', direction: 'out', to: ['Region'] },
  memberStateContributions: {
    from: 'MemberState',
    type: 'CONTRIBUTES_TO',
    direction: 'out',
    to: ['Entity'],
  },
  regionMembers: { from: 'Region', type: 'MEMBER_OF', direction: 'in', to: ['MemberState'] },
  regionProjects: { from: 'Region', type: 'COVERS', direction: 'in', to: ['Project'] },
  resolutionProjects: { from: 'Resolution', type: 'SUPPORTS', direction: 'in', to: ['Project'] },
  resolutionMandates: { from: 'Resolution', type: 'MANDATES', direction: 'out', to: ['Entity'] },
  resolutionCitedBy: {
    from: 'Resolution',
    type: 'REFERS_TO',
    direction: 'in',
    to: ['Recommendation'],
  },
  instrumentCitedBy: {
    from: 'LegalInstrument',
    type: 'REFERS_TO',
    direction: 'in',
    to: ['Recommendation'],
  },
  themeProjects: { from: 'ThematicArea', type: 'ADDRESSES', direction: 'in', to: ['Project'] },
  themeRecommendations: {
    from: 'ThematicArea',
    type: 'ADDRESSES',
    direction: 'in',
    to: ['Recommendation'],
  },
} as const satisfies Record<string, Relation>;

export type RelationName = keyof typeof RELATIONS;
