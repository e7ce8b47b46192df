import { describe, expect, it } from 'vitest';
import { buildSearchQueries, escapeLucene, MAX_TERMS } from './lucene.js';

describe('escapeLucene', () => {
  it('escapes every Lucene syntax character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it('leaves words alone', () => {
    expect(escapeLucene('UNODC 2396 Sahel')).toBe('UNODC 2396 Sahel');
  });
});

describe('buildSearchQueries', () => {
  it('makes one term a quoted phrase', () => {
    expect(buildSearchQueries('UNODC')).toEqual({ query: '"unodc"', queryZh: null });
  });

  it('requires every term and boosts the whole phrase', () => {
    expect(buildSearchQueries('  G5   Sahel ')).toEqual({
      query: '("g5" AND "sahel") OR "g5 sahel"^2',
      queryZh: null,
    });
  });

  it('escapes syntax inside terms so a symbol is matched as words', () => {
    expect(buildSearchQueries('S/RES/2396 (2017)').query).toBe(
      '("s\\/res\\/2396" AND "\\(2017\\)") OR "s\\/res\\/2396 \\(2017\\)"^2',
    );
  });

  it('lowercases operators so they match as words', () => {
    expect(buildSearchQueries('crime AND NOT drugs').query).toBe(
      '("crime" AND "and" AND "not" AND "drugs") OR "crime and not drugs"^2',
    );
  });

  it('drops terms without a letter or digit, and gives no query for none', () => {
    expect(buildSearchQueries('border - ** "')).toEqual({ query: '"border"', queryZh: null });
    expect(buildSearchQueries('*** ???')).toEqual({ query: null, queryZh: null });
  });

  it('matches CJK text as a phrase against Chinese names only', () => {
    expect(buildSearchQueries('反恐怖主义委员会执行局')).toEqual({
      query: null,
      queryZh: '"反恐怖主义委员会执行局"',
    });
  });

  it('splits mixed text between the two indexes', () => {
    expect(buildSearchQueries('CTED 执行局')).toEqual({ query: '"cted"', queryZh: '"执行局"' });
  });

  it('caps the number of terms', () => {
    const text = Array.from({ length: 40 }, (_, i) => `t${i}`).join(' ');
    expect(buildSearchQueries(text).query?.match(/"t\d+"/g)).toHaveLength(MAX_TERMS);
  });

  describe('with prefix (type-ahead)', () => {
    const prefixed = (text: string) => buildSearchQueries(text, { prefix: true }).query;

    it('lets the last term match the words it begins, the exact word too', () => {
      expect(prefixed('CTE')).toBe('("cte" OR cte*)');
      expect(prefixed('G5 Sah')).toBe('("g5" AND ("sah" OR sah*)) OR "g5 sah"^2');
    });

    it('is off by default', () => {
      expect(buildSearchQueries('CTE').query).toBe('"cte"');
    });

    it('takes the last term typed even when an earlier one repeats it', () => {
      expect(prefixed('sahel g5 sahel')).toBe('(("sahel" OR sahel*) AND "g5") OR "sahel g5"^2');
    });

    it('keeps a term of one character, or with anything but letters and digits, an escaped phrase', () => {
      expect(prefixed('border m')).toBe('("border" AND "m") OR "border m"^2');
      expect(prefixed('S/RES/23')).toBe('"s\\/res\\/23"');
      expect(prefixed('CTED-ILL')).toBe('"cted\\-ill"');
      expect(prefixed('border*')).toBe('"border\\*"');
      expect(prefixed('*** ???')).toBeNull();
    });

    it('prefixes letters of any script but never touches the Chinese query', () => {
      expect(prefixed('Côte')).toBe('("côte" OR côte*)');
      expect(buildSearchQueries('CTED 执行', { prefix: true })).toEqual({
        query: '("cted" OR cted*)',
        queryZh: '"执行"',
      });
    });

    it('leaves the last term exact when the term cap cut it off', () => {
      const text = Array.from({ length: 30 }, (_, i) => `t${i}`).join(' ');
      expect(prefixed(text)).not.toContain('*');
    });
  });
});
