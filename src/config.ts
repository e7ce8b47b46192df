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
  LIMIT_MAX_DEPTH: positive.max(50).default(10),
  LIMIT_MAX_COST: positive.default(50_000),
  LIMIT_MAX_PAGE: positive.max(1000).default(100),
  LIMIT_MAX_ALIASES: positive.max(1000).default(30),
  LIMIT_MAX_DIRECTIVES: positive.max(1000).default(20),
  LIMIT_MAX_TOKENS: positive.max(100_000).default(1000),
  LIMIT_MAX_STATEMENTS: positive.max(10_000).default(60),
  LIMIT_MAX_ROWS: positive.max(10_000_000).default(20_000),
  LIMIT_MAX_RESPONSE_BYTES: positive.max(1_000_000_000).default(16 * 1024 * 1024),
  LIMIT_MAX_BODY_BYTES: positive.max(100 * 1024 * 1024).default(256 * 1024),
  EXPORT_MAX_ROWS: positive.max(1_000_000).default(50_000),
  EXPORT_MAX_CONCURRENT: positive.max(40).default(4),
  HTTP_REQUEST_TIMEOUT_MS: positive.max(3_600_000).default(30_000),
  NEO4J_TX_TIMEOUT_MS: positive.max(3_600_000).default(6_000),
  NEO4J_MAX_CONCURRENCY: positive.max(1000).default(40),
  RATE_LIMIT_WINDOW_MS: positive.max(86_400_000).default(60_000),
  RATE_LIMIT_REQUESTS: positive.default(240),
  RATE_LIMIT_COST: positive.default(1_000_000),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(false|true|\d+|[\w.:/, -]+)$/,
      'must be false, true, a hop count or a list of addresses',
    )
    .default('false'),
  CORS_ORIGINS: z
    .string()
    .regex(
      /^(\*|https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*)$/,
      'must be * or a comma-separated list of http(s) origins',
    )
    .default('*'),
  SEED_ON_START: z.enum(['true', 'false']).default('true'),
  CONFIDENTIAL_AGGREGATES: z.enum(['exclude', 'count']).default('exclude'),
  WARM_UP_ON_START: z.enum(['true', 'false']).default('true'),
  // OpenID Connect: bearer JWTs from an organisation's identity provider (off unless the issuer is set).
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URL: z.string().url().optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).default('ctkg_role'),
  OIDC_ENTITIES_CLAIM: z.string().min(1).default('ctkg_entities'),
  OIDC_MEMBER_STATES_CLAIM: z.string().min(1).default('ctkg_member_states'),
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

/** Limits every request is held to; see SECURITY.md for what each protects. */
export interface Limits {
  /** Static, measured on the document before any database work. */
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxPage: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxBodyBytes: number;
  /** Runtime budgets of one request. */
  readonly maxStatements: number;
  readonly maxRows: number;
  readonly maxResponseBytes: number;
  readonly requestTimeoutMs: number;
  readonly maxExportRows: number;
  /** Downloads streaming at once (each holds a database connection while the client reads). */
  readonly maxConcurrentExports: number;
}

/** How public answers treat confidential records: left out entirely, or only their total shown. */
export type ConfidentialAggregates = 'exclude' | 'count';

export interface Config {
  readonly http: {
    readonly port: number;
    readonly host: string;
    /** `*` or the origins allowed to call the API from a browser. */
    readonly corsOrigins: '*' | readonly string[];
    /** Express `trust proxy`: whose X-Forwarded-For to believe for the client address. */
    readonly trustProxy: boolean | number | string;
  };
  readonly neo4j: Neo4jTarget & {
    readonly database: string;
    /** Per-statement transaction timeout sent with every read. */
    readonly txTimeoutMs: number;
    /** Statements in flight at once, over all requests (below the driver's pool of 50). */
    readonly maxConcurrency: number;
  };
  readonly log: { readonly level: string };
  readonly limits: Limits;
  /** Per client (IP address) and window: requests, and the sum of their query costs. */
  readonly rateLimit: {
    readonly windowMs: number;
    readonly requests: number;
    readonly cost: number;
  };
  readonly seedOnStart: boolean;
  /** Send the pages' operations once after start-up so Neo4j plans their statements early. */
  readonly warmUpOnStart: boolean;
  /** Bearer JWTs verified against an identity provider; null when OIDC_ISSUER is unset. */
  readonly oidc: OidcConfig | null;
  readonly confidentialAggregates: ConfidentialAggregates;
}

export interface OidcConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  /** Claims holding the role, the entity keys and the Member State codes. */
  readonly roleClaim: string;
  readonly entitiesClaim: string;
  readonly memberStatesClaim: string;
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
  if (parsed.success && parsed.data.OIDC_ISSUER !== undefined) {
    if (parsed.data.OIDC_AUDIENCE === undefined)
      issues.push('  OIDC_AUDIENCE: required when OIDC_ISSUER is set');
    if (parsed.data.OIDC_JWKS_URL === undefined)
      issues.push('  OIDC_JWKS_URL: required when OIDC_ISSUER is set');
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
    http: {
      port: e.PORT,
      host: e.HOST,
      corsOrigins:
        e.CORS_ORIGINS === '*'
          ? ('*' as const)
          : e.CORS_ORIGINS.split(',').map((origin) => origin.trim()),
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
    },
    neo4j: {
      ...neo4j,
      database: e.NEO4J_DATABASE,
      txTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
      maxConcurrency: e.NEO4J_MAX_CONCURRENCY,
    },
    log: { level: e.LOG_LEVEL },
    limits: {
      maxDepth: e.LIMIT_MAX_DEPTH,
      maxCost: e.LIMIT_MAX_COST,
      maxPage: e.LIMIT_MAX_PAGE,
      maxAliases: e.LIMIT_MAX_ALIASES,
      maxDirectives: e.LIMIT_MAX_DIRECTIVES,
      maxTokens: e.LIMIT_MAX_TOKENS,
      maxBodyBytes: e.LIMIT_MAX_BODY_BYTES,
      maxStatements: e.LIMIT_MAX_STATEMENTS,
      maxRows: e.LIMIT_MAX_ROWS,
      maxResponseBytes: e.LIMIT_MAX_RESPONSE_BYTES,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      maxExportRows: e.EXPORT_MAX_ROWS,
      maxConcurrentExports: e.EXPORT_MAX_CONCURRENT,
    },
    rateLimit: {
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      requests: e.RATE_LIMIT_REQUESTS,
      cost: e.RATE_LIMIT_COST,
    },
    seedOnStart: e.SEED_ON_START === 'true',
    warmUpOnStart: e.WARM_UP_ON_START === 'true',
    confidentialAggregates: e.CONFIDENTIAL_AGGREGATES,
    oidc:
      e.OIDC_ISSUER === undefined
        ? null
        : {
            issuer: e.OIDC_ISSUER,
            audience: e.OIDC_AUDIENCE ?? '',
            jwksUrl: e.OIDC_JWKS_URL ?? '',
            roleClaim: e.OIDC_ROLE_CLAIM,
            entitiesClaim: e.OIDC_ENTITIES_CLAIM,
            memberStatesClaim: e.OIDC_MEMBER_STATES_CLAIM,
          },
  });
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The limits with their defaults, for tests and tools that build an app without the environment. */
export const DEFAULT_LIMITS: Limits = loadConfig({}).limits;
