import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { OperationNotSupportedError, QueryTooComplexError } from '../core/errors.js';
import { measureCost, type ListCaps } from './cost.js';

/** Static limits: every document is held to them before any database work. */
export interface StaticLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
  readonly maxPage: number;
}

type Reject = (context: ValidationContext | null, error: GraphQLError) => void;

/**
 * Reports an armor rule's rejection as QUERY_TOO_COMPLEX naming the limit. Armor's own message
 * ("Query depth limit of 10 exceeded, found 14.") already names both figures; `measured` repeats
 * the found value for clients that read extensions.
 */
function reject(limitName: string, limit: number): Reject {
  return (context, error) => {
    const found = /found (\d+)/.exec(error.message);
    const message = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(
      new QueryTooComplexError(message, limitName, limit, found ? Number(found[1]) : undefined),
    );
  };
}

/** Rejects operation types the schema lacks (subscription, and mutation until there are any). */
const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (!context.getSchema().getRootType(operation.operation)) {
      context.reportError(new OperationNotSupportedError(operation.operation));
    }
  },
});

/**
 * Validation rules for depth, aliases and directives (graphql-armor, which measures each fragment
 * once), and for unsupported operation types. Introspection is left out of depth: GraphiQL's
 * schema query is 14 levels deep and reads the schema, not the database.
 */
export function createLimitRules(limits: StaticLimits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    knownOperationTypes,
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      onReject: [reject('maxDepth', limits.maxDepth)],
    }),
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: [reject('maxAliases', limits.maxAliases)],
    }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: [reject('maxDirectives', limits.maxDirectives)],
    }),
  ];
}

/** What the cost plugin records on the context: the measured cost and, once charged, the budget. */
export interface CostRecord {
  cost?: number;
  /** The client's cost budget after this request (absent in-process, where nobody is charged). */
  budget?: { readonly limit: number; readonly remaining: number; readonly resetAt: string };
}

/**
 * Measures each operation's worst-case cost once its variables are known (Apollo's
 * `didResolveOperation`, after validation, before execution) and rejects it over `maxCost`.
 * Then hands the cost to `charge`, which may reject the request (rate limits). Every answer
 * reports the cost (and the budget left) in `extensions.cost`.
 */
export function createCostPlugin<C extends { costRecord: CostRecord }>(options: {
  readonly limits: StaticLimits;
  readonly listCaps: () => ListCaps;
  readonly charge?: (context: C, cost: number) => void;
}): ApolloServerPlugin<C> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return Promise.resolve(); // Apollo has already answered 400
          const { cost } = measureCost(document, operation, request.variables ?? {}, {
            schema,
            maxPage: options.limits.maxPage,
            listCaps: options.listCaps,
          });
          if (cost > options.limits.maxCost) {
            throw new QueryTooComplexError(
              `Query cost ${cost} exceeds the limit of ${options.limits.maxCost}; ask for smaller pages or fewer nested lists`,
              'maxCost',
              options.limits.maxCost,
              cost,
            );
          }
          contextValue.costRecord.cost = cost;
          options.charge?.(contextValue, cost);
          return Promise.resolve();
        },
        willSendResponse({ response, contextValue }) {
          const { cost, budget } = contextValue.costRecord;
          if (cost !== undefined && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost: { cost, ...budget } };
          }
          return Promise.resolve();
        },
      });
    },
  };
}
