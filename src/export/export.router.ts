import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { Router, type Response } from 'express';
import { AppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/db.js';
import { graphCounts } from './export.cypher.js';
import { EXPORTS, ExportParamError, parseExportParams, type ExportRow } from './exports.js';

/** What an export says about itself: as `manifest` in JSON, `X-Export-Manifest` for CSV, or alone. */
export interface ExportManifest {
  readonly export: string;
  /** The GraphQL query the export mirrors. */
  readonly query: string;
  readonly arguments: Record<string, unknown>;
  /** `n<nodes>-r<relationships>-<hash of the rows>`: equal versions mean equal data. */
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
  /** Most rows one export returns (config `EXPORT_MAX_ROWS`). */
  readonly maxExportRows: number;
  readonly log?: Logger;
}

export const DEFAULT_MAX_EXPORT_ROWS = 50_000;

const FILE = /^([a-z-]+)\.(csv|json|manifest\.json)$/;

// HTTP headers are Latin-1 at best: escape everything beyond ASCII so the JSON stays valid.
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function csvCell(value: ExportRow[string]): string | number | boolean | null {
  return Array.isArray(value) ? value.join(';') : value;
}

function badRequest(res: Response, message: string, param: string | null): void {
  res.status(400).json({ error: { message, code: 'BAD_REQUEST', param } });
}

/** Writes `chunk`, waiting for the socket to drain when its buffer is full. */
async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}

/**
 * `GET /export/<name>.csv|.json|.manifest.json`: the gap queries and coverage as files. Rows stream
 * to the client; at most `maxExportRows` are sent and the manifest says whether more matched.
 * Bad or unknown query parameters are a 400 naming the parameter; an unknown export is a 404.
 */
export function createExportRouter(deps: ExportRouterDeps): Router {
  const router = Router();
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
    let args: Record<string, unknown>;
    try {
      args = parseExportParams(def, req.query);
    } catch (error) {
      if (error instanceof ExportParamError) return badRequest(res, error.message, error.param);
      throw error;
    }

    let result: Awaited<ReturnType<typeof def.run>>;
    let counts: { nodes: number; relationships: number } | undefined;
    try {
      [result, [counts]] = await Promise.all([
        def.run(deps.db, args, deps.maxExportRows),
        deps.db.read(graphCounts, {}),
      ]);
    } catch (error) {
      if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE') {
        res.status(503).json({ error: { message: error.message, code: error.code } });
        return;
      }
      if (error instanceof AppError && error.code === 'BAD_USER_INPUT') {
        const given = error.extensions['field'];
        const field = typeof given === 'string' ? given.replace(/^where\./, '') : '';
        return badRequest(res, error.message.replace(/where\./g, ''), field || null);
      }
      throw error;
    }

    const hash = createHash('sha256')
      .update(JSON.stringify(result.rows))
      .digest('hex')
      .slice(0, 16);
    const manifest: ExportManifest = {
      export: name,
      query: def.query,
      arguments: args,
      dataVersion: `n${counts?.nodes ?? 0}-r${counts?.relationships ?? 0}-${hash}`,
      generatedAt: new Date().toISOString(),
      rowCount: result.rows.length,
      truncated: result.total > result.rows.length,
      totalRows: result.total,
      rowLimit: deps.maxExportRows,
      columns: def.columns,
    };
    deps.log?.info(
      { export: name, format, rows: manifest.rowCount, truncated: manifest.truncated },
      'export',
    );

    if (format === 'manifest.json') {
      res.json(manifest);
      return;
    }
    res.set('X-Export-Manifest', asciiJson(manifest));
    res.set('Content-Disposition', `attachment; filename="${name}.${format}"`);
    if (format === 'json') {
      res.type('application/json');
      await write(res, `{"manifest":${JSON.stringify(manifest)},"rows":[`);
      for (const [i, row] of result.rows.entries())
        await write(res, (i === 0 ? '' : ',') + JSON.stringify(row));
      res.end(']}');
      return;
    }
    res.type('text/csv; charset=utf-8');
    // escape_formulas: a cell starting with = + - @ is not run as a formula by spreadsheets.
    const csv = stringify({
      header: true,
      columns: [...def.columns],
      escape_formulas: true,
      cast: { boolean: (b) => String(b) },
    });
    csv.pipe(res);
    for (const row of result.rows) {
      const cells = Object.fromEntries(def.columns.map((c) => [c, csvCell(row[c] ?? null)]));
      if (!csv.write(cells)) await once(csv, 'drain');
    }
    csv.end();
    await once(res, 'finish');
  });
  return router;
}
