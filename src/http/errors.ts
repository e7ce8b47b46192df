import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../core/logger.js';

/** A GraphQL-shaped error body, so clients read every HTTP error the same way. */
function send(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Last route: anything no route answered. */
export function notFound(req: Request, res: Response): void {
  const path = (req.originalUrl.split('?')[0] ?? '').slice(0, 100);
  send(
    res,
    404,
    'NOT_FOUND',
    `No route ${req.method} ${path}; the API is POST/GET /graphql, with /export/…, /health and /ready`,
  );
}

/** body-parser's error types (its `type` field), mapped to what the client did wrong. */
function describe(
  error: { type?: unknown; status?: unknown; charset?: unknown; encoding?: unknown },
  maxBodyBytes: number,
) {
  switch (error.type) {
    case 'entity.too.large':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than the limit of ${maxBodyBytes} bytes`,
      };
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
    case 'charset.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Unsupported charset "${String(error.charset).slice(0, 40)}"; send UTF-8 JSON`,
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Unsupported content encoding "${String(error.encoding).slice(0, 40)}"; send identity, gzip or deflate`,
      };
    case 'request.aborted':
      return {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The request was aborted before its body arrived',
      };
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The request body does not match its Content-Length',
      };
    default:
      return undefined;
  }
}

/**
 * Last-resort error handler: body-parser's errors as 4xx naming the problem, anything else a 500
 * without details (logged at error level, since it is our bug, not the client's).
 */
export function createBodyErrorHandler(log: Logger, maxBodyBytes: number) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const fields =
      typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
    const known = describe(fields, maxBodyBytes);
    if (known) return send(res, known.status, known.code, known.message);
    const status = Number(fields['status']);
    if (status >= 400 && status < 500) return send(res, status, 'BAD_REQUEST', 'Bad request');
    log.error({ err: error }, 'unhandled error');
    send(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
