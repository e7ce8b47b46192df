// The GraphQL-over-HTTP conformance audit of graphql-http, run against the real server process.
import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.js';

type AuditFail = Extract<AuditResult, { status: 'error' | 'warn' | 'notice' }>;

/** One line per failed audit: id, name, reason, and what the server answered. */
async function describeFailure(result: AuditFail): Promise<string> {
  const { response } = result;
  let body = '(body already read by the audit)';
  if (!response.bodyUsed)
    body = (await response.text().catch(() => '(unreadable)')).trim().slice(0, 300);
  const type = response.headers.get('content-type') ?? '(none)';
  return `${result.id} ${result.name}: ${result.reason} — answered ${response.status} ${type} ${body}`;
}

describe('GraphQL over HTTP (graphql-http audit)', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer({
      neo4j: inject('neo4j'),
      // The audit queries only __typename: leave the shared database alone. (The helper lifts the
      // rate limits, so the audit's burst of requests is not throttled.)
      env: { SEED_ON_START: 'false' },
    });
  });

  afterAll(async () => {
    await server?.kill();
  });

  it('passes every MUST audit, and reports the SHOULD audits it fails', async ({ annotate }) => {
    const results = await auditServer({ url: `${server.base}/graphql` });
    expect(results.length).toBeGreaterThan(30);
    const failed = results.filter((r): r is AuditFail => r.status !== 'ok');
    const lines = async (status: AuditFail['status']) =>
      Promise.all(failed.filter((r) => r.status === status).map(describeFailure));
    const must = await lines('error');
    const should = await lines('warn');
    const may = await lines('notice');

    const summary =
      `graphql-http audit: ${results.length} audits, ${must.length} MUST failures, ` +
      `${should.length} SHOULD failures, ${may.length} MAY not met`;
    console.log([summary, ...[...must, ...should, ...may].map((l) => `  ${l}`)].join('\n'));
    await annotate(summary);
    for (const line of should) await annotate(line, 'warning');

    expect(must, `MUST failures:\n${must.join('\n')}`).toEqual([]);
  });
});
