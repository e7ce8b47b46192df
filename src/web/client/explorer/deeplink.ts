// The explorer's view as a URL fragment, and back: nodes with their positions, the links drawn
// among them, the selection, the evidence levels shown, whether illustrative records are shown and
// the path asked for. Pure, so it is unit-tested in Node (deeplink.test.ts).
import { EVIDENCE, type Evidence } from '../shared/vocab.js';

/** Everything a URL restores. Links and the selection refer to nodes by their index in `nodes`. */
export interface ViewState {
  /** `pinned`: asked for by the user (search, path end), so shown even when none of its links is. */
  readonly nodes: readonly {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly pinned: boolean;
  }[];
  readonly edges: readonly {
    readonly type: string;
    readonly source: number;
    readonly target: number;
  }[];
  /** A node (`n`) or a link (`e`, index into `edges`). */
  readonly selected: { readonly kind: 'n' | 'e'; readonly index: number } | null;
  readonly evidence: readonly Evidence[];
  readonly illustrative: boolean;
  /** The two ends of the paths shown. */
  readonly path: { readonly from: number; readonly to: number } | null;
}

/** The view of an empty explorer. */
export const EMPTY_VIEW: ViewState = {
  nodes: [],
  edges: [],
  selected: null,
  evidence: ['DOCUMENTED', 'REPORTED'],
  illustrative: false,
  path: null,
};

const LETTER: Record<Evidence, string> = { DOCUMENTED: 'D', REPORTED: 'R', INFERRED: 'I' };

// Ids keep their colons, slashes, parentheses and spaces readable where a URL allows; only what
// the format itself uses (`,` `;` `&` `=` `#` `%`), whitespace and non-ASCII are escaped.
const escapeId = (id: string) =>
  id.replace(/[%,;&=#\s]|[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));

const int = (text: string | undefined): number | null => {
  if (text === undefined || !/^-?\d{1,9}$/.test(text)) return null;
  return Number(text);
};

/** `n=Entity:CTED;0;0;p,Project:X;120;-40&e=IMPLEMENTED_BY;1;0&sel=n0&ev=DR&ill=1&path=0;1` */
export function encodeView(view: ViewState): string {
  const parts: string[] = [];
  if (view.nodes.length > 0) {
    parts.push(
      `n=${view.nodes
        .map(
          (n) => `${escapeId(n.id)};${Math.round(n.x)};${Math.round(n.y)}${n.pinned ? ';p' : ''}`,
        )
        .join(',')}`,
    );
  }
  if (view.edges.length > 0) {
    parts.push(`e=${view.edges.map((e) => `${e.type};${e.source};${e.target}`).join(',')}`);
  }
  if (view.selected !== null) parts.push(`sel=${view.selected.kind}${view.selected.index}`);
  parts.push(
    `ev=${EVIDENCE.filter((e) => view.evidence.includes(e))
      .map((e) => LETTER[e])
      .join('')}`,
  );
  if (view.illustrative) parts.push('ill=1');
  if (view.path !== null) parts.push(`path=${view.path.from};${view.path.to}`);
  return parts.join('&');
}

/**
 * The view a fragment (with or without its `#`) describes. Tolerant of hand-edited URLs: a
 * malformed node is dropped (and links and a selection pointing at it), an unknown parameter is
 * ignored. An empty fragment gives EMPTY_VIEW.
 */
export function decodeView(fragment: string): ViewState {
  const params = new Map<string, string>();
  for (const part of fragment.replace(/^#/, '').split('&')) {
    const at = part.indexOf('=');
    if (at > 0) params.set(part.slice(0, at), part.slice(at + 1));
  }

  // Old index → new index, for nodes that survive.
  const kept = new Map<number, number>();
  const nodes: { id: string; x: number; y: number; pinned: boolean }[] = [];
  (params.get('n') ?? '').split(',').forEach((item, i) => {
    const [rawId, x, y, flag] = item.split(';');
    if (rawId === undefined || rawId === '') return;
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      return;
    }
    if (!/^[A-Za-z]+:.+/.test(id) || nodes.some((n) => n.id === id)) return;
    kept.set(i, nodes.length);
    nodes.push({ id, x: int(x) ?? 0, y: int(y) ?? 0, pinned: flag === 'p' });
  });

  const edges: { type: string; source: number; target: number }[] = [];
  const keptEdges = new Map<number, number>();
  (params.get('e') ?? '').split(',').forEach((item, i) => {
    const [type, s, t] = item.split(';');
    const source = kept.get(int(s) ?? -1);
    const target = kept.get(int(t) ?? -1);
    if (
      type === undefined ||
      !/^[A-Z_]+$/.test(type) ||
      source === undefined ||
      target === undefined
    )
      return;
    keptEdges.set(i, edges.length);
    edges.push({ type, source, target });
  });

  let selected: ViewState['selected'] = null;
  const sel = /^([ne])(\d{1,9})$/.exec(params.get('sel') ?? '');
  if (sel !== null) {
    const kind = sel[1] as 'n' | 'e';
    const index = (kind === 'n' ? kept : keptEdges).get(Number(sel[2]));
    if (index !== undefined) selected = { kind, index };
  }

  const ev = params.get('ev');
  const evidence =
    ev === undefined
      ? EMPTY_VIEW.evidence
      : EVIDENCE.filter((e) => ev.toUpperCase().includes(LETTER[e]));

  let path: ViewState['path'] = null;
  const [pf, pt] = (params.get('path') ?? '').split(';');
  const from = kept.get(int(pf) ?? -1);
  const to = kept.get(int(pt) ?? -1);
  if (from !== undefined && to !== undefined && from !== to) path = { from, to };

  return { nodes, edges, selected, evidence, illustrative: params.get('ill') === '1', path };
}
