import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// What graphql-js does with an object that claims to be a GraphQLObjectType but is not one, after
// the server entry's first import: in development it throws (the check for a second copy of
// graphql-js), in production it answers false.
const PROBE = `
  await import('./src/production-default.ts');
  const { isObjectType } = await import('graphql');
  try {
    console.log(process.env.NODE_ENV, isObjectType({ [Symbol.toStringTag]: 'GraphQLObjectType' }));
  } catch {
    console.log(process.env.NODE_ENV, 'checked');
  }`;

function probe(nodeEnv: string | undefined): string {
  const env = { ...process.env };
  delete env['NODE_ENV']; // Vitest sets `test`
  if (nodeEnv !== undefined) env['NODE_ENV'] = nodeEnv;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  }).trim();
}

describe('NODE_ENV of the server', () => {
  it('is production when unset, so graphql-js loads without its development checks', () => {
    expect(probe(undefined)).toBe('production false');
  });

  it('stays what the environment says', () => {
    expect(probe('development')).toBe('development checked');
  });
});
