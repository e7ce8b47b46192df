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
});
