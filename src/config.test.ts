import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the local launcher when NEO4J_URI is unset, with defaults', () => {
    const config = loadConfig({});
    expect(config.neo4j).toMatchObject({ kind: 'local', port: 7687, database: 'neo4j' });
    expect(config.http.port).toBe(4000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses a given URI, Aura included', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_PASSWORD: 'secret',
    });
    expect(config.neo4j).toMatchObject({
      kind: 'remote',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'neo4j',
    });
  });

  it('lists every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: '0', NEO4J_URI: 'http://x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*NEO4J_URI[\s\S]*LOG_LEVEL/,
    );
  });

  it('requires a password with a URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(
      'NEO4J_PASSWORD: required when NEO4J_URI is set',
    );
  });

  it('holds requests to documented limits by default', () => {
    const { limits, rateLimit, http, neo4j } = loadConfig({});
    expect(limits).toMatchObject({
      maxDepth: 10,
      maxCost: 50000,
      maxAliases: 30,
      maxTokens: 1000,
      maxBodyBytes: 262144,
    });
    expect(rateLimit).toEqual({ windowMs: 60000, requests: 240, cost: 1000000 });
    expect(http.corsOrigins).toBe('*');
    expect(neo4j.txTimeoutMs).toBe(6000);
  });

  it('reads an allow-list of CORS origins and a trusted proxy hop count', () => {
    const { http } = loadConfig({
      CORS_ORIGINS: 'https://explorer.example, http://localhost:5173',
      TRUST_PROXY: '1',
    });
    expect(http.corsOrigins).toEqual(['https://explorer.example', 'http://localhost:5173']);
    expect(http.trustProxy).toBe(1);
  });

  it('names a bad limit and a bad CORS origin', () => {
    expect(() => loadConfig({ LIMIT_MAX_ALIASES: '0', CORS_ORIGINS: 'explorer.example' })).toThrow(
      /LIMIT_MAX_ALIASES[\s\S]*CORS_ORIGINS: must be \* or a comma-separated list/,
    );
  });
});
