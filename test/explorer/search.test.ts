import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const SEARCH = `query($text: String!, $labels: [NodeLabel!], $first: Int, $ill: Boolean, $prefix: Boolean) {
  search(text: $text, labels: $labels, first: $first, includeIllustrative: $ill, prefix: $prefix) { score node { id illustrative } } }`;

type Hit = { score: number; node: { id: string; illustrative: boolean } };

// On the real curated seed: what an explorer user types first.
describe('Query.search', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  const search = async (text: string, vars: Record<string, unknown> = {}) =>
    execute<{ search: Hit[] }>(SEARCH, { text, ...vars });
  const ids = async (text: string, vars: Record<string, unknown> = {}) => {
    const result = await search(text, vars);
    expect(result.errors).toBeUndefined();
    return result.data!.search.map((hit) => hit.node.id);
  };
  beforeAll(async () => {
    await resetGraph(db);
    await loadSeed(db);
    execute = await createExecutor(db);
  });
  beforeEach(() => {
    db.calls.length = 0;
  });

  it('finds UNODC itself before the projects that name it, in one round trip', async () => {
    const found = await ids('UNODC');
    expect(found[0]).toBe('Entity:UNODC');
    expect(found.length).toBe(20);
    expect(found.filter((id) => id.startsWith('Project:')).length).toBeGreaterThan(10);
    expect(db.calls).toEqual(['searchNodes']);
  });

  it('finds the border management theme for "border"', async () => {
    expect((await ids('border'))[0]).toBe('ThematicArea:border-management');
  });

  it('finds the G5 Sahel region and entity for "G5 Sahel", and only entities when asked', async () => {
    expect((await ids('G5 Sahel')).slice(0, 2).sort()).toEqual([
      'Entity:G5 Sahel',
      'Region:g5-sahel',
    ]);
    const entities = await ids('G5 Sahel', { labels: ['Entity'] });
    expect(entities[0]).toBe('Entity:G5 Sahel');
    expect(entities.every((id) => id.startsWith('Entity:'))).toBe(true);
  });

  it('finds resolution 2396 by its number and by its symbol', async () => {
    expect((await ids('2396'))[0]).toBe('Resolution:S/RES/2396 (2017)');
    expect(await ids('S/RES/2396 (2017)')).toEqual(['Resolution:S/RES/2396 (2017)']);
  });

  it('finds CTED by its Chinese name', async () => {
    expect(await ids('反恐怖主义委员会执行局')).toEqual(['Entity:CTED']);
  });

  it('orders hits that match no name exactly by descending score', async () => {
    const hits = (await search('counter terrorism')).data!.search;
    expect(hits.length).toBe(20);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('leaves out illustrative nodes unless asked', async () => {
    expect(await ids('CTED-ILL-001')).toEqual([]);
    const shown = (await search('CTED-ILL-001', { ill: true })).data!.search;
    expect(shown.map((h) => [h.node.id, h.node.illustrative])).toEqual([
      ['Recommendation:CTED-ILL-001', true],
    ]);
    expect((await ids('border')).every((id) => !id.includes('ILL'))).toBe(true);
  });

  it('treats Lucene syntax in the text as words', async () => {
    expect(await ids('UNODC AND (" ~ *')).toContain('Entity:UNODC');
    await ids('title:* OR 1~ [a TO z] {x} ^2 \\ /re/'); // no syntax error: every character is escaped
    expect(await ids('*** ???')).toEqual([]);
  });

  describe('with prefix (type-ahead)', () => {
    const prefixed = (text: string, vars: Record<string, unknown> = {}) =>
      ids(text, { prefix: true, ...vars });

    it('finds CTED from "CTE", which matches no whole word, in one round trip', async () => {
      expect(await ids('CTE')).toEqual([]);
      expect(await ids('CTE', { prefix: false })).toEqual([]);
      expect((await prefixed('CTE'))[0]).toBe('Entity:CTED');
      expect(db.calls).toEqual(['searchNodes', 'searchNodes', 'searchNodes']);
    });

    it('finds Nigeria (and Niger) from "Nige", and Niger first once the word is whole', async () => {
      expect(await ids('Nige')).toEqual([]);
      expect((await prefixed('Nige')).slice(0, 2)).toEqual(['MemberState:NER', 'MemberState:NGA']);
      expect((await prefixed('Niger'))[0]).toBe('MemberState:NER');
    });

    it('completes only the last word: "G5 Sah" finds the G5 Sahel region and entity', async () => {
      expect(await ids('G5 Sah')).toEqual([]);
      expect((await prefixed('G5 Sah')).slice(0, 2).sort()).toEqual([
        'Entity:G5 Sahel',
        'Region:g5-sahel',
      ]);
      expect(await prefixed('Sah G5')).toEqual([]);
    });

    it('keeps the order of whole-word matches', async () => {
      expect(await prefixed('CTED')).toEqual(await ids('CTED'));
      expect(await prefixed('S/RES/2396 (2017)')).toEqual(['Resolution:S/RES/2396 (2017)']);
    });

    it('leaves a one-letter word, and words with syntax characters, exact', async () => {
      expect(await prefixed('n')).toEqual([]);
      expect(await prefixed('CTED-IL', { ill: true })).toEqual([]);
      expect(await prefixed('CTE*')).toEqual([]);
      await prefixed('title:* OR 1~ [a TO z] {x} ^2 \\ /re/'); // no syntax error: still escaped
    });

    it('still leaves out illustrative nodes unless asked', async () => {
      const vars = { labels: ['Recommendation'], first: 100 };
      expect(await prefixed('CTED IL', vars)).not.toContain('Recommendation:CTED-ILL-001');
      expect(await prefixed('CTED IL', { ...vars, ill: true })).toContain(
        'Recommendation:CTED-ILL-001',
      );
    });
  });

  it('returns at most `first` hits', async () => {
    expect(await ids('UNODC', { first: 3 })).toHaveLength(3);
    expect(await ids('UNODC', { first: 0 })).toEqual([]);
  });

  it.each([
    [{ first: 101 }, 'first', { value: 101, limit: 100 }],
    [{ first: -1 }, 'first', { value: -1 }],
  ])('rejects %j with BAD_USER_INPUT naming the argument', async (vars, field, extra) => {
    const result = await search('UNODC', vars);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
      ...extra,
    });
    expect(db.calls).toEqual([]);
  });

  it('rejects empty and overlong text', async () => {
    expect((await search('   ')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'text',
    });
    expect((await search('x'.repeat(201))).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'text',
      limit: 200,
    });
  });
});
