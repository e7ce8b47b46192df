import { z } from 'zod';
import { ConfigError } from './core/errors.js';

const port = z.coerce.number().int().min(1).max(65535);
const positive = z.coerce.number().int().positive();

const Env = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/,
      'must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI',
    )
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j'),
  NEO4J_LOCAL_PORT: port.default(7687),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  LIMIT_MAX_DEPTH: positive.max(50).default(12),
  LIMIT_MAX_COST: positive.default(20000),
  LIMIT_MAX_PAGE: positive.max(1000).default(100),
  EXPORT_MAX_ROWS: positive.max(1_000_000).default(50_000),
  SEED_ON_START: z.enum(['true', 'false']).default('true'),
});

/** Where the service finds Neo4j: a given URI, or the repo's local launcher. */
export type Neo4jTarget =
  | {
      readonly kind: 'remote';
      readonly uri: string;
      readonly user: string;
      readonly password: string;
    }
  | {
      readonly kind: 'local';
      readonly dir: string;
      readonly port: number;
      readonly user: string;
      readonly password?: string;
    };

export interface Config {
  readonly http: { readonly port: number; readonly host: string };
  readonly neo4j: Neo4jTarget & { readonly database: string };
  readonly log: { readonly level: string };
  readonly limits: {
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxPage: number;
    readonly maxExportRows: number;
  };
  readonly seedOnStart: boolean;
}

/**
 * Parses and freezes configuration from the environment; the only reader of `process.env`.
 * Throws one ConfigError listing every invalid variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (a blank line in an env file should not override a default).
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = Env.safeParse(cleaned);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  if (
    parsed.success &&
    parsed.data.NEO4J_URI !== undefined &&
    parsed.data.NEO4J_PASSWORD === undefined
  ) {
    issues.push('  NEO4J_PASSWORD: required when NEO4J_URI is set');
  }
  if (!parsed.success || issues.length > 0) {
    throw new ConfigError(`Invalid environment:\n${issues.join('\n')}`);
  }
  const e = parsed.data;
  const neo4j: Neo4jTarget =
    e.NEO4J_URI !== undefined
      ? { kind: 'remote', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD ?? '' }
      : {
          kind: 'local',
          dir: e.NEO4J_LOCAL_DIR,
          port: e.NEO4J_LOCAL_PORT,
          user: 'neo4j',
          password: e.NEO4J_PASSWORD,
        };
  return Object.freeze({
    http: { port: e.PORT, host: e.HOST },
    neo4j: { ...neo4j, database: e.NEO4J_DATABASE },
    log: { level: e.LOG_LEVEL },
    limits: {
      maxDepth: e.LIMIT_MAX_DEPTH,
      maxCost: e.LIMIT_MAX_COST,
      maxPage: e.LIMIT_MAX_PAGE,
      maxExportRows: e.EXPORT_MAX_ROWS,
    },
    seedOnStart: e.SEED_ON_START === 'true',
  });
}
