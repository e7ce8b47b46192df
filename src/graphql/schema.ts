import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessResolvers } from '../access/index.js';
import { analyticsResolvers } from '../analytics/index.js';
import { confidentialResolvers } from '../confidential/index.js';
import { explorerResolvers } from '../explorer/index.js';
import { listResolvers } from '../lists/index.js';
import { nodeResolvers } from '../nodes/index.js';
import { reportingResolvers } from '../reporting/index.js';
import type { Resolvers } from './generated.js';

const HERE = dirname(fileURLToPath(import.meta.url));
// From src/graphql or dist/src/graphql: the SDL lives in schema/ at the repository root.
const SCHEMA_DIR = [resolve(HERE, '../../schema'), resolve(HERE, '../../../schema')].find((dir) => {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.graphql'));
  } catch {
    return false;
  }
})!;

/** The SDL of every area, in file order. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'));
}

/** Merges the areas' resolver maps (each area owns its types; Query fields are combined). */
export function createResolvers(): Resolvers {
  const areas: Resolvers[] = [
    nodeResolvers,
    listResolvers,
    analyticsResolvers,
    explorerResolvers,
    accessResolvers,
    reportingResolvers,
    confidentialResolvers,
  ];
  const merged: Record<string, Record<string, unknown>> = {};
  for (const area of areas) {
    for (const [type, fields] of Object.entries(area)) {
      merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
    }
  }
  return merged as Resolvers;
}
