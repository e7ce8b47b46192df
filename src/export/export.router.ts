import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { Router, type Response } from 'express';
import { AppError, UnavailableError } from '../core/errors.js';
import { createSemaphore } from '../core/semaphore.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/db.js';
import { graphCounts } from './export.cypher.js';
import {
  EXPORTS,
  ExportParamError,
  parseExportParams,
  type ExportDef,
  type ExportRow,
  type OpenedExport,
} from './exports.js';

/** What an export says about itself: as `manifest` in JSON, `X-Export-Manifest` for CSV, or alone. */
export interface ExportManifest {
  readonly export: string;
  /** The GraphQL query the export mirrors. */
  readonly query: string;
  readonly arguments: Record<string, unknown>;
  /**
   * `n<nodes>-r<relationships>-<16 hex digits>`: the graph's size and a digest of the database's
   * commit position the export was read at. Equal versions mean the same committed graph, so the
   * same export with the same arguments has the same rows.
   */
  readonly dataVersion: string;
  readonly generatedAt: string;
  readonly rowCount: number;
  /** True when more rows matched than the row limit allows; `rowCount` is then the limit. */
  readonly truncated: boolean;
  readonly totalRows: number;
  readonly rowLimit: number;
  readonly columns: readonly string[];
}

export interface ExportRouterDeps {
  readonly db: Db;
  /** Downloads streaming at once (config `EXPORT_MAX_CONCURRENT`); more wait 2 s, then 503. */
  readonly maxConcurrent?: number;
  /** Most rows one export returns (config `EXPORT_MAX_ROWS`). */
  readonly maxExportRows: number;
  /**
   * Longest an export's database read may stay open, in ms. A download holds its transaction
   * while the client reads, so this bounds what a slow client can hold. Default 10 minutes.
   */
  readonly timeoutMs?: number;
  readonly log?: Logger;
}

export const DEFAULT_MAX_EXPORT_ROWS = 50_000;
export const DEFAULT_EXPORT_TIMEOUT_MS = 10 * 60_000;

const FILE = /^([a-z-]+)\.(csv|json|manifest\.json)$/;

/** Rows per chunk written to the client: few writes, little held. */
const ROWS_PER_CHUNK = 100;

/** The reason of the abort when the client goes away before the end. */
class ClientGoneError extends Error {
  override name = 'ClientGoneError';
}

/** The rows streamed do not match the manifest sent before them (the graph changed meanwhile). */
class ExportChangedError extends Error {
  override name = 'ExportChangedError';
}

// HTTP headers are Latin-1 at best: escape everything beyond ASCII so the JSON stays valid.
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The data version is fixed before the first row, so the CSV header, the JSON body and
 * `.manifest.json` all carry the same one. It cannot hash the rows (they are not read yet), so it
 * digests the commit position (driver bookmark) of the read that counted them; the stream checks
 * that its own read ended at the same position (see `checked`). Without a position it digests a
 * random value: a version equal to no other is honest, one shared by different data is not.
 */
function dataVersion(
  counts: { nodes: number; relationships: number } | undefined,
  position: string | null,
): string {
  const digest = createHash('sha256')
    .update(position ?? randomBytes(16))
    .digest('hex')
    .slice(0, 16);
  return `n${counts?.nodes ?? 0}-r${counts?.relationships ?? 0}-${digest}`;
}

function csvCell(value: ExportRow[string]): string | number | boolean | null {
  return Array.isArray(value) ? value.join(';') : value;
}

const DEFAULT_EXPORT_CONCURRENCY = 4;
const EXPORT_QUEUE_WAIT_MS = 2_000;
const tooManyDownloads = () =>
  new UnavailableError('Too many downloads are running; retry in a few seconds');

function badRequest(res: Response, message: string, param: string | null): void {
  res.status(400).json({ error: { message, code: 'BAD_REQUEST', param } });
}

/** Answers an error raised before the first byte; false when it is not one a client may see. */
function answerError(res: Response, error: unknown): boolean {
  if (error instanceof ExportParamError) {
    badRequest(res, error.message, error.param);
    return true;
  }
  if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE') {
    const retryAfter = error.extensions['retryAfter'];
    if (typeof retryAfter === 'number') res.set('Retry-After', String(retryAfter));
    res.status(503).json({ error: { message: error.message, code: error.code } });
    return true;
  }
  if (error instanceof AppError && error.code === 'BAD_USER_INPUT') {
    const field = error.extensions['field'];
    badRequest(res, error.message, typeof field === 'string' ? field : null);
    return true;
  }
  return false;
}

/** The CSV file in chunks: the header row, then `ROWS_PER_CHUNK` rows at a time. */
async function* csvChunks(def: ExportDef, rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  const options = {
    columns: [...def.columns],
    // escape_formulas: a cell starting with = + - @ is not run as a formula by spreadsheets.
    escape_formulas: true,
    cast: { boolean: (b: boolean) => String(b) },
  };
  let header = true;
  let batch: Record<string, ReturnType<typeof csvCell>>[] = [];
  for await (const row of rows) {
    batch.push(Object.fromEntries(def.columns.map((c) => [c, csvCell(row[c] ?? null)])));
    if (batch.length === ROWS_PER_CHUNK) {
      yield stringify(batch, { ...options, header });
      header = false;
      batch = [];
    }
  }
  if (header || batch.length > 0) yield stringify(batch, { ...options, header });
}

/** The JSON file `{"manifest":…,"rows":[…]}` in chunks of `ROWS_PER_CHUNK` rows. */
async function* jsonChunks(
  manifest: ExportManifest,
  rows: AsyncIterable<ExportRow>,
): AsyncGenerator<string> {
  let chunk = `{"manifest":${JSON.stringify(manifest)},"rows":[`;
  let n = 0;
  for await (const row of rows) {
    chunk += (n === 0 ? '' : ',') + JSON.stringify(row);
    n += 1;
    if (n % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]}`;
}

/**
 * `GET /export/<name>.csv|.json|.manifest.json`: the gap queries and coverage as files.
 *
 * The manifest comes first (CSV: in `X-Export-Manifest`; JSON: before the rows): a count read
 * fixes `totalRows`, `rowCount`, `truncated` and `dataVersion`, then the rows stream from Neo4j to
 * the client as it reads them, at most `maxExportRows`, in the order of the GraphQL query. A
 * client that disconnects stops the database read.
 *
 * Until the first byte, errors are JSON: a bad or unknown parameter is a 400 naming it, an unknown
 * export a 404, an unavailable database a 503. After it, a failure (or rows that no longer match
 * the manifest because the graph changed meanwhile) destroys the connection, so the client sees
 * an incomplete download, never a complete-looking file.
 */
export function createExportRouter(deps: ExportRouterDeps): Router {
  const router = Router();
  const downloads = createSemaphore(deps.maxConcurrent ?? DEFAULT_EXPORT_CONCURRENCY);
  router.get('/export/:file', async (req, res) => {
    const match = FILE.exec(req.params.file);
    const def = match ? EXPORTS.get(match[1]!) : undefined;
    if (!match || def === undefined) {
      res.status(404).json({
        error: {
          message: `No export "${req.params.file.slice(0, 80)}"; try ${[...EXPORTS.keys()].map((k) => `${k}.csv`).join(', ')}`,
          code: 'NOT_FOUND',
        },
      });
      return;
    }
    const name = match[1]!;
    const format = match[2] as 'csv' | 'json' | 'manifest.json';
    const requestId: unknown = res.locals['requestId'];
    const log = deps.log?.child({ requestId, export: name, format });
    let args: Record<string, unknown>;
    try {
      args = parseExportParams(def, req.query);
    } catch (error) {
      if (answerError(res, error)) return;
      throw error;
    }

    // A download holds a connection for as long as the client reads: at most `maxConcurrent` at
    // once, so slow downloads cannot take the pool from the API.
    let release: () => void;
    try {
      release = await downloads.acquire(EXPORT_QUEUE_WAIT_MS, tooManyDownloads);
    } catch (error) {
      if (answerError(res, error)) return;
      throw error;
    }
    res.once('close', release);

    // A client that leaves before the end aborts the reads (Db.stream stops pulling and closes).
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort(new ClientGoneError('the client disconnected'));
    });
    const readOptions = {
      signal: gone.signal,
      timeoutMs: deps.timeoutMs ?? DEFAULT_EXPORT_TIMEOUT_MS,
    };

    let opened: OpenedExport;
    let counts: { nodes: number; relationships: number } | undefined;
    try {
      [opened, [counts]] = await Promise.all([
        def.open(deps.db, args, deps.maxExportRows, readOptions),
        deps.db.read(graphCounts, {}),
      ]);
    } catch (error) {
      if (gone.signal.aborted) return;
      if (answerError(res, error)) return;
      throw error;
    }

    const rowCount = Math.min(opened.total, deps.maxExportRows);
    const manifest: ExportManifest = {
      export: name,
      query: def.query,
      arguments: args,
      dataVersion: dataVersion(counts, opened.position),
      generatedAt: new Date().toISOString(),
      rowCount,
      truncated: opened.total > rowCount,
      totalRows: opened.total,
      rowLimit: deps.maxExportRows,
      columns: def.columns,
    };
    if (format === 'manifest.json') {
      log?.info({ rows: rowCount, truncated: manifest.truncated }, 'export');
      res.json(manifest);
      return;
    }

    // The first row is read before the first byte, so a read that cannot start is still a 503.
    const rows = opened.rows[Symbol.asyncIterator]();
    let first: IteratorResult<ExportRow>;
    try {
      first = await rows.next();
    } catch (error) {
      if (gone.signal.aborted) return;
      if (answerError(res, error)) return;
      throw error;
    }

    let sent = 0;
    /** The rows, then a check that they are the ones the manifest announced. */
    async function* checked(): AsyncGenerator<ExportRow> {
      try {
        for (let next = first; next.done !== true; next = await rows.next()) {
          sent += 1;
          yield next.value;
        }
      } finally {
        await rows.return?.();
      }
      // Read committed: a write between the count and the end of the rows can change them.
      const position = opened.rows.position;
      if (
        sent !== rowCount ||
        (opened.position !== null && position !== null && position !== opened.position)
      ) {
        throw new ExportChangedError(
          `the graph changed during the export (${sent} rows sent, ${rowCount} announced)`,
        );
      }
    }

    res.set('X-Export-Manifest', asciiJson(manifest));
    res.set('Content-Disposition', `attachment; filename="${name}.${format}"`);
    res.type(format === 'json' ? 'application/json' : 'text/csv; charset=utf-8');
    const body = format === 'json' ? jsonChunks(manifest, checked()) : csvChunks(def, checked());
    try {
      // pipeline waits for 'drain' and, on any failure, destroys the response (and so the socket).
      await pipeline(Readable.from(body, { objectMode: false }), res);
      log?.info({ rows: sent, truncated: manifest.truncated }, 'export');
    } catch (error) {
      res.destroy();
      const code = (error as { code?: unknown } | null)?.code;
      if (gone.signal.aborted || code === 'ERR_STREAM_PREMATURE_CLOSE') {
        log?.info({ rows: sent, of: rowCount }, 'export stopped: the client disconnected');
      } else if (error instanceof ExportChangedError || error instanceof AppError) {
        log?.warn({ rows: sent, of: rowCount, reason: error.message }, 'export cut off');
      } else {
        log?.error({ err: error, rows: sent, of: rowCount }, 'export failed while streaming');
      }
    }
  });
  return router;
}
