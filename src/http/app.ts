import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { type Express } from 'express';
import { createFormatError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/db.js';
import { createContextFactory, type Context } from '../graphql/context.js';
import { createLimitRule } from '../graphql/limits.js';
import { createResolvers, loadTypeDefs } from '../graphql/schema.js';
import { createPlaygroundRouter } from './playground.js';
import { createExportRouter, DEFAULT_MAX_EXPORT_ROWS } from '../export/export.router.js';

export interface AppDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly limits: {
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxPage: number;
    readonly maxExportRows?: number;
  };
  /** The HTTP server the app will be mounted on, so shutdown can drain it. */
  readonly httpServer?: Server;
}

const READY_TIMEOUT_MS = 2_500;

/** Builds the Apollo server (schema, limits, error masking). Used by the HTTP app and by tests. */
export function createApollo(deps: AppDeps): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: createResolvers() as never,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    validationRules: [createLimitRule(deps.limits.maxDepth, deps.limits.maxCost)],
    formatError: createFormatError((error) => deps.log.error({ err: error }, 'unexpected error')),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
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
 * The HTTP application: `/graphql` (API, and the offline playground for browsers), `/health`,
 * `/ready`. Call `apollo.start()` before serving.
 */
export function createApp(deps: AppDeps, apollo: ApolloServer<Context>): Express {
  const app = express();
  app.disable('x-powered-by');
  const contextFor = createContextFactory({ db: deps.db, limits: deps.limits, log: deps.log });

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
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });

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

  app.use(
    createExportRouter({
      db: deps.db,
      maxExportRows: deps.limits.maxExportRows ?? DEFAULT_MAX_EXPORT_ROWS,
      log: deps.log,
    }),
  );
  app.use(createPlaygroundRouter());
  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => contextFor({ requestId: String(res.locals['requestId']) }),
    }),
  );

  // Last resort: malformed JSON bodies and anything unexpected, without stack traces.
  app.use(
    (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (res.headersSent) return next(error);
      const status =
        typeof error === 'object' && error !== null && 'status' in error
          ? Number(error.status)
          : 500;
      if (status >= 500) deps.log.error({ err: error }, 'unhandled error');
      res.status(status >= 400 && status < 600 ? status : 500).json({
        errors: [
          {
            message:
              status < 500 ? 'Bad request: the body is not valid JSON' : 'Internal server error',
            extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
    },
  );
  return app;
}
