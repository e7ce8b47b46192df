/** A fixed Cypher statement, typed by its parameters and by the shape of its `row` column. */
export interface Cypher<Params extends object, Row> {
  readonly name: string;
  readonly text: string;
  /** Phantom field: carries the types, never set. */
  readonly __types?: { params: Params; row: Row };
}

/**
 * Tags a fixed Cypher statement. Takes no `${}` substitutions — values travel as `$parameters`.
 * `name` is sent as transaction metadata, so it shows in Neo4j's query log.
 * @example const q = cypher<{ key: string }, { key: string }>('projectByKey')`MATCH (p:Project {key: $key}) RETURN p {.key} AS row`;
 */
export function cypher<Params extends object, Row>(name: string) {
  return (strings: TemplateStringsArray): Cypher<Params, Row> => {
    const [text] = strings;
    if (strings.length !== 1 || text === undefined) {
      throw new TypeError(`cypher(${name}): substitutions are not allowed; use $parameters`);
    }
    return { name, text };
  };
}

/**
 * Builds a statement from text made at module load from closed lists (labels, relationship
 * types), never from input. Only `src/db/` and the areas' `*.cypher.ts` call it.
 */
export function trustedCypher<Params extends object, Row>(
  name: string,
  text: string,
): Cypher<Params, Row> {
  return { name, text };
}
