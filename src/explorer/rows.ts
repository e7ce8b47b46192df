// Row types of the explorer area: what its Cypher returns, and the codegen mappers of its types.
import type { Label } from '../core/ids.js';
import type { NodeRow } from '../core/rows.js';

/** A full-text hit: the node (projected as the node area projects it) and its Lucene score. */
export interface SearchHitRow {
  readonly node: NodeRow;
  readonly score: number;
}

/** A relationship in its stored direction; `source`/`target` are node ids (`Label:key`). */
export interface EdgeRow {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/** Relationships of one type and direction at a node. */
export interface DegreeCountRow {
  readonly type: string;
  readonly direction: 'OUT' | 'IN';
  readonly count: number;
}

/** A node's degree by type and direction. */
export interface NodeDegreeRow {
  readonly id: string;
  readonly byType: readonly DegreeCountRow[];
}

/**
 * One relationship followed while expanding a neighbourhood: how many of its type the node it
 * was followed from has in all (`total`, before `limitPerType`), and the node reached with its
 * degree. (The edge names both ends.)
 */
export interface ExpansionRow {
  readonly type: string;
  readonly total: number;
  readonly edge: EdgeRow;
  readonly node: NodeRow;
  /** Element id of the node reached, where a next hop starts from it; else null. */
  readonly nodeElementId: string | null;
  readonly degree: readonly DegreeCountRow[];
}

/** The start of a neighbourhood with its first hop; absent when the start node is not found. */
export interface StartRow {
  readonly node: NodeRow;
  readonly degree: readonly DegreeCountRow[];
  readonly links: readonly ExpansionRow[];
}

/** An assembled neighbourhood (the mapper of `Neighborhood`). */
export interface NeighborhoodRow {
  readonly nodes: readonly NodeRow[];
  readonly edges: readonly EdgeRow[];
  readonly degrees: readonly NodeDegreeRow[];
  readonly truncatedTypes: readonly string[];
}

/** A path: its nodes and relationships in path order. */
export interface PathRow {
  readonly nodes: readonly NodeRow[];
  readonly edges: readonly EdgeRow[];
}

/** Counts of the whole graph. */
export interface MetaRow {
  readonly labels: readonly {
    readonly label: Label;
    readonly count: number;
    readonly illustrative: number;
  }[];
  readonly relationshipTypes: readonly { readonly type: string; readonly count: number }[];
}
