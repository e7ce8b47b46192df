import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '../core/errors.js';

export interface RateLimitOptions {
  readonly windowMs: number;
  /** Requests per client and window. */
  readonly requests: number;
  /** Sum of query costs per client and window. */
  readonly cost: number;
}

/** A client's cost budget after a charge, as reported in `extensions.cost`. */
export interface CostReport {
  readonly cost: number;
  readonly limit: number;
  readonly remaining: number;
  readonly resetAt: string;
}

/** The key a client is counted under: its address (IPv6 by /56 subnet, as express-rate-limit advises). */
export function clientKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Requests per client and window (express-rate-limit, in memory: one process). Past the limit:
 * 429 with `Retry-After`, `RateLimit`/`RateLimit-Policy` headers, and a GraphQL-shaped error body.
 */
export function createRequestLimiter(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.requests,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: clientKey,
    handler(req: Request, res: Response, _next: NextFunction) {
      const info = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit;
      const retryAfter = seconds((info?.resetTime?.getTime() ?? Date.now()) - Date.now());
      res.set('Retry-After', String(retryAfter));
      res.status(429).json({
        errors: [
          {
            message: `Too many requests: at most ${options.requests} per ${seconds(options.windowMs)} s from one client; retry in ${retryAfter} s`,
            extensions: { code: 'RATE_LIMITED', limit: options.requests, retryAfter },
          },
        ],
      });
    },
  });
}

/**
 * Query-cost budget per client and fixed window, GitHub-style: each operation's measured cost is
 * charged before it runs; one that would overdraw the budget is refused with RATE_LIMITED (429,
 * `Retry-After` until the window resets) and charges nothing. In memory, one process; the map is
 * swept as windows end so it never outgrows the clients of one window.
 */
export function createCostBudget(options: RateLimitOptions) {
  const windows = new Map<string, { used: number; resetAt: number }>();
  let nextSweep = Date.now() + options.windowMs;

  const sweep = (now: number) => {
    if (now < nextSweep) return;
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
    nextSweep = now + options.windowMs;
  };

  return {
    /** Charges `cost` to `client`; throws RateLimitedError when the budget cannot cover it. */
    charge(client: string, cost: number): CostReport {
      const now = Date.now();
      sweep(now);
      let window = windows.get(client);
      if (!window || window.resetAt <= now) {
        window = { used: 0, resetAt: now + options.windowMs };
        windows.set(client, window);
      }
      const remaining = options.cost - window.used;
      const resetAt = new Date(window.resetAt).toISOString();
      if (cost > remaining) {
        const retryAfter = seconds(window.resetAt - now);
        throw new RateLimitedError(
          `This query costs ${cost} and ${remaining} of your ${options.cost} points are left in this window; retry in ${retryAfter} s`,
          retryAfter,
          { cost: { cost, limit: options.cost, remaining, resetAt } },
        );
      }
      window.used += cost;
      return { cost, limit: options.cost, remaining: remaining - cost, resetAt };
    },
  };
}
