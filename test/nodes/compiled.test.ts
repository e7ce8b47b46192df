// The compiled read path (one statement per root field, projections of what was selected) must
// answer exactly as the loaders do from full rows. Every field of every node type is selected,
// links in both illustrative modes, and the same nodes are read both ways on the real seed.
import {
  buildSchema,
  getNamedType,
  isLeafType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/core/ids.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { loadSeed, SEED_DATA_DIR } from '../../seed/load.js';
import { createExecutor, TEST_LIMITS } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const schema: GraphQLSchema = buildSchema(loadTypeDefs().join('\n'));

/** Every field of `type` down to `depth` object levels; link lists twice, with and without illustrative records. */
function everything(type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type))
    return type
      .getTypes()
      .map((t) => `... on ${t.name} { ${everything(t, depth)} }`)
      .join(' ');
  if (!isObjectType(type)) return '__typename';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    // Aliased by type: fragments on several types may not merge fields of different types.
    const as = `${type.name}_${field.name}`;
    if (isLeafType(named)) {
      parts.push(`${as}: ${field.name}`);
      continue;
    }
    const below = depth > 0 ? everything(named, depth - 1) : 'id: __typename';
    const isNode = LABELS.includes(named.name as never) || isUnionType(named);
    const inner = isNode && depth === 0 ? '... on Node { id key }' : below;
    if (field.args.some((a) => a.name === 'includeIllustrative')) {
      parts.push(`${as}: ${field.name} { ${inner} }`);
      parts.push(`${as}_all: ${field.name}(includeIllustrative: true) { ${inner} }`);
    } else parts.push(`${as}: ${field.name} { ${inner} }`);
  }
  return parts.join(' ');
}

const fragments = LABELS.map(
  (label) => `... on ${label} { ${everything(schema.getType(label)!, 2)} }`,
).join('\n');

describe('compiled reads answer like the loaders', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;

  beforeAll(async () => {
    await resetGraph(db, {});
    await loadSeed(db, [SEED_DATA_DIR], { replace: true });
    // This compares two read paths over large selections, not the limits: lift the cost limit.
    execute = await createExecutor(db, {
      ...TEST_LIMITS,
      maxCost: 1e9,
      maxDepth: 20,
      maxTokens: 1e6,
      maxAliases: 1e4,
      maxStatements: 1e4,
      maxRows: 1e7,
    });
  });

  it.each([
    'Entity:UNOCT',
    'MemberState:MLI',
    'Document:A/74/677',
    'Recommendation:A72840-72',
    'ThematicArea:border-management',
  ])('around %s', async (start) => {
    // Baseline: the neighbourhood's rows are full, and their fields are answered by the loaders.
    const around = await execute(
      `query($id: ID!) { neighborhood(id: $id, limitPerType: 3, includeIllustrative: true) { nodes { id ${fragments} } } }`,
      { id: start },
    );
    expect(around.errors).toBeUndefined();
    const baseline = around.data!.neighborhood.nodes as { id: string }[];
    expect(baseline.length).toBeGreaterThan(2);
    const compiled = await execute(`query($ids: [ID!]!) { nodes(ids: $ids) { id ${fragments} } }`, {
      ids: baseline.map((n) => n.id),
    });
    expect(compiled.errors).toBeUndefined();
    expect(compiled.data!.nodes).toEqual(baseline);
  });
});
