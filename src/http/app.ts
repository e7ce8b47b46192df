import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import {
  DEFAULT_LIMITS,
  type ConfidentialAggregates,
  type Limits,
  type OidcConfig,
} from '../config.js';
import { createFormatError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/db.js';
import { createContextFactory, type Context } from '../graphql/context.js';
import type { ListCaps } from '../graphql/cost.js';
import { createCostPlugin, createLimitRules } from '../graphql/limits.js';
import { createResolvers, loadTypeDefs } from '../graphql/schema.js';
import { createExportRouter } from '../export/index.js';
import { createPlaygroundRouter, PLAYGROUND_CSP } from './playground.js';
import { createPagesRouter } from './pages.js';
import { createBodyErrorHandler, notFound } from './errors.js';
import {
  clientKey,
  createCostBudget,
  createRequestLimiter,
  type RateLimitOptions,
} from './rate-limit.js';

export interface AppDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly limits?: Partial<Limits>;
  /** Per-client request and cost budgets; none when absent (in-process tests). */
  readonly rateLimit?: RateLimitOptions;
  /** `*` (default) or the origins allowed to call the API from a browser. */
  readonly corsOrigins?: '*' | readonly string[];
  /** Express `trust proxy`, for the client address behind a reverse proxy. */
  readonly trustProxy?: boolean | number | string;
  /** Timeout of one read statement, in ms. */
  readonly statementTimeoutMs?: number;
  /** Measured caps of unpaged lists (see readListCaps); absent: every such list weighs 25. */
  readonly listCaps?: () => ListCaps;
  /** Bearer JWTs from an identity provider, besides API keys; none when absent. */
  readonly oidc?: OidcConfig | null;
  /** How public answers treat confidential records (default `exclude`). */
  readonly confidentialAggregates?: ConfidentialAggregates;
  /** The HTTP server the app will be mounted on, so shutdown can drain it. */
  readonly httpServer?: Server;
}

const READY_TIMEOUT_MS = 2_500;
const NO_CAPS: ListCaps = new Map();

/** The effective limits: the given ones over the defaults. */
export function limitsOf(deps: Pick<AppDeps, 'limits'>): Limits {
  return { ...DEFAULT_LIMITS, ...deps.limits };
}

/**
 * Builds the Apollo server: schema, static limits (tokens, depth, aliases, directives, cost),
 * the response-size cap and error masking. Used by the HTTP app and by in-process tests.
 */
export function createApollo(deps: AppDeps): ApolloServer<Context> {
  const limits = limitsOf(deps);
  const budget = deps.rateLimit ? createCostBudget(deps.rateLimit) : undefined;
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: createResolvers(),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // No "Did you mean …?" in errors: GraphiQL's completion serves analysts better.
    hideSchemaDetailsFromClientErrors: true,
    // graphql-js stops parsing past this many tokens: the cheapest limit, applied first.
    parseOptions: { maxTokens: limits.maxTokens },
    // Our handlers in server.ts stop the process; Apollo's own would race them (exit code 1).
    stopOnTerminationSignals: false,
    validationRules: createLimitRules(limits),
    formatError: createFormatError((error) => deps.log.error({ err: error }, 'unexpected error'), {
      maxTokens: limits.maxTokens,
    }),
    stringifyResult: (result) => capResponse(result, limits.maxResponseBytes),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin wraps every resolver to compute hints nobody reads here.
      ApolloServerPluginCacheControlDisabled(),
      createCostPlugin<Context>({
        limits,
        listCaps: deps.listCaps ?? (() => NO_CAPS),
        charge: budget
          ? (context, cost) => {
              if (context.client === null) return;
              const { limit, remaining, resetAt } = budget.charge(context.client, cost);
              context.costRecord.budget = { limit, remaining, resetAt };
            }
          : undefined,
      }),
      ...(deps.httpServer
        ? [
            ApolloServerPluginDrainHttpServer({
              httpServer: deps.httpServer,
              stopGracePeriodMillis: 8_000,
            }),
          ]
        : []),
    ],
  });
}

/**
 * Serialises a result, or replaces it by a QUERY_TOO_COMPLEX error when it is larger than
 * `maxBytes` (the query asked for more than one response should carry).
 */
function capResponse(result: unknown, maxBytes: number): string {
  const text = JSON.stringify(result);
  // Characters ≤ bytes ≤ 3 × characters: measure bytes only near the limit.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return text;
  return JSON.stringify({
    errors: [
      {
        message: `The response would be ${bytes} bytes; the limit is ${maxBytes}. Ask for smaller pages or fewer fields`,
        extensions: {
          code: 'QUERY_TOO_COMPLEX',
          limitName: 'maxResponseBytes',
          limit: maxBytes,
          measured: bytes,
        },
      },
    ],
  });
}

/**
 * The HTTP application: `/graphql` (API, and the offline playground for browsers), `/export/…`,
 * `/health`, `/ready`. Security headers and CORS on every route; per-client rate limits on the API
 * and exports. Call `apollo.start()` before serving.
 */
export function createApp(deps: AppDeps, apollo: ApolloServer<Context>): Express {
  const limits = limitsOf(deps);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // answers are not cached by validators; hashing each one costs CPU
  app.set('trust proxy', deps.trustProxy ?? false);
  const contextFor = createContextFactory({
    db: deps.db,
    limits,
    statementTimeoutMs: deps.statementTimeoutMs ?? 6_000,
    log: deps.log,
    oidc: deps.oidc ?? null,
    confidentialAggregates: deps.confidentialAggregates ?? 'exclude',
  });

  // A request id on every request and log line; honoured from the caller when well-formed.
  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.locals['requestId'] = requestId;
    res.set('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      deps.log.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0]?.slice(0, 200),
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });

  app.use(helmet({ contentSecurityPolicy: { directives: PLAYGROUND_CSP } }));
  app.use(
    cors({
      origin:
        deps.corsOrigins === undefined || deps.corsOrigins === '*' ? '*' : [...deps.corsOrigins],
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: [
        'content-type',
        'accept',
        'authorization',
        'x-request-id',
        'apollo-require-preflight',
      ],
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'ratelimit',
        'ratelimit-policy',
        'x-export-manifest',
        'content-disposition',
      ],
      maxAge: 600,
    }),
  );

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/ready', async (_req, res) => {
    const timeout = new Promise<false>((done) =>
      setTimeout(() => done(false), READY_TIMEOUT_MS).unref(),
    );
    const ok = await Promise.race([deps.db.ping(), timeout]);
    if (ok) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', reason: 'Neo4j does not answer' });
  });

  if (deps.rateLimit) {
    const limiter = createRequestLimiter(deps.rateLimit);
    app.use('/graphql', (req, res, next) =>
      // The playground page and preflights are not API calls.
      req.method === 'OPTIONS' ||
      (req.method === 'GET' && req.accepts('html') && !req.query['query'])
        ? next()
        : limiter(req, res, next),
    );
    app.use('/export', limiter);
  }

  app.use(createPlaygroundRouter()); // GET /graphql from a browser, before the API
  app.use(
    '/graphql',
    (_req, res, next) => {
      res.set('Cache-Control', 'no-store'); // answers depend on the data of the moment
      next();
    },
    express.json({ limit: limits.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        contextFor({
          requestId: String(res.locals['requestId']),
          client: deps.rateLimit ? clientKey(req) : null,
          authorization: req.headers.authorization,
        }),
    }),
  );

  // After the API, which every request would otherwise walk past them to reach.
  app.use(
    createExportRouter({
      db: deps.db,
      maxExportRows: limits.maxExportRows,
      maxConcurrent: limits.maxConcurrentExports,
      log: deps.log,
    }),
  );
  app.use(createPagesRouter()); // /explorer, /dashboard and their bundles (/web/…)
  app.use(notFound);
  app.use(createBodyErrorHandler(deps.log, limits.maxBodyBytes));
  return app;
}
