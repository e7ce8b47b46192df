// Validates docker-compose.yml without a Docker engine.
//
// Uses Debian's `docker-compose` (Compose 1.29, Python): its `config` parses, validates and
// interpolates the file offline. The Compose v2 plugin (`docker compose config`) would do the
// same without an engine, but Debian bookworm does not package it and the machines here have no
// plugin, so the Python one is what CI can install (apt-get install docker-compose).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const PASSWORD = 'compose-test-password';

function composeConfig(env: Record<string, string | undefined>) {
  const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env },
    timeout: 30_000,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'This test needs docker-compose on PATH: install it with apt-get install -y --no-install-recommends docker-compose',
    );
  }
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('docker-compose.yml', () => {
  let output = '';

  beforeAll(() => {
    const result = composeConfig({ NEO4J_PASSWORD: PASSWORD });
    expect(result.status, `docker-compose config failed:\n${result.stderr}`).toBe(0);
    output = result.stdout;
  });

  it('runs Neo4j 5.26 Community with the password from NEO4J_PASSWORD', () => {
    expect(output).toContain('image: neo4j:5.26-community');
    expect(output).toContain(`NEO4J_AUTH: neo4j/${PASSWORD}`);
  });

  it('sizes the heap and page cache explicitly', () => {
    expect(output).toMatch(/NEO4J_server_memory_heap_initial__size: \S+/);
    expect(output).toMatch(/NEO4J_server_memory_heap_max__size: \S+/);
    expect(output).toMatch(/NEO4J_server_memory_pagecache_size: \S+/);
  });

  it('caps every transaction by time and memory on the server side', () => {
    expect(output).toMatch(/NEO4J_db_transaction_timeout: \d+s/);
    expect(output).toMatch(/NEO4J_db_memory_transaction_max: \d+m/);
  });

  it('keeps the database in a named volume', () => {
    expect(output).toMatch(/- neo4j-data:\/data/);
    expect(output).toMatch(/^volumes:\n {2}neo4j-data:/m);
  });

  it('health-checks Neo4j with a Cypher query', () => {
    expect(output).toMatch(/healthcheck:[\s\S]*cypher-shell -u neo4j[\s\S]*RETURN 1/);
  });

  it('starts the api only once Neo4j is healthy, pointed at it over Bolt', () => {
    expect(output).toMatch(/depends_on:\n\s+neo4j:\n\s+condition: service_healthy/);
    expect(output).toContain('NEO4J_URI: bolt://neo4j:7687');
    expect(output).toContain(`NEO4J_PASSWORD: ${PASSWORD}`);
    expect(output).toMatch(/PORT: '4000'/);
    expect(output).toMatch(/published: 4000\n\s+target: 4000/);
    expect(output).toMatch(/build:\n\s+context: \S+\n\s+dockerfile: Dockerfile/);
  });

  it('refuses to start without NEO4J_PASSWORD', () => {
    const result = composeConfig({ NEO4J_PASSWORD: undefined });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set NEO4J_PASSWORD');
  });
});
