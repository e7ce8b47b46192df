import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_CAPS, CSV_COLUMNS, parseProjectCsv } from './csv.js';

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

const base: Row = { ref: 'R1', title: 'A project', lead: 'UNODC' };

/** A file of the full header and the given rows, every cell quoted. */
function csv(...rows: Row[]): string {
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const lines = rows.map((row) => CSV_COLUMNS.map((column) => quote(row[column] ?? '')).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\n');
}

/** The one row parsed from a file holding `row` (on top of a valid base row). */
function one(row: Row) {
  const parsed = parseProjectCsv(csv({ ...base, ...row }));
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows).toHaveLength(1);
  return parsed.rows[0]!;
}

describe('parseProjectCsv: the template', () => {
  const template = readFileSync(
    new URL('../../../docs/reporting/projects-template.csv', import.meta.url),
    'utf8',
  );

  it('parses with no problems and carries illustrative titles', () => {
    const parsed = parseProjectCsv(template);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.idempotencyKey, r.problems])).toEqual([
      [2, 'csv:EXAMPLE-001', []],
      [3, 'csv:EXAMPLE-002', []],
    ]);
    for (const row of parsed.rows) expect(row.report?.title).toMatch(/^\(example\) /);
  });

  it('has exactly the documented columns, in order', () => {
    expect(template.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
  });
});

describe('parseProjectCsv: mapping', () => {
  it('maps every column of a full row into the report', () => {
    const row = one({
      summary: 'What it does',
      codes: 'P-1; P-2',
      pillars: 'iii;IV',
      partners: 'UNOCT; OHCHR',
      funders: 'UNOCT',
      beneficiaries: 'mli; NER',
      regions: 'sahel',
      global: 'yes',
      themes: 'criminal-justice;border-management',
      start: '2019',
      end: '2021',
      status: 'Ongoing',
      budget_amount: '1500000.50',
      budget_currency: 'usd',
      budget_year: '2019',
      recommendations: 'A72840-77: trains prosecutors',
      resolutions: 'S/RES/2396 (2017): border security; S/RES/2178 (2014): returnees',
    });
    expect(row).toMatchObject({ line: 2, ref: 'R1', idempotencyKey: 'csv:R1', problems: [] });
    expect(row.report).toEqual({
      title: 'A project',
      summary: 'What it does',
      codes: ['P-1', 'P-2'],
      pillars: ['III', 'IV'],
      implementers: [
        { entity: 'UNODC', role: 'lead' },
        { entity: 'UNOCT', role: 'partner' },
        { entity: 'OHCHR', role: 'partner' },
        { entity: 'UNOCT', role: 'funder' },
      ],
      beneficiaries: ['MLI', 'NER'],
      regions: ['sahel'],
      global: true,
      themes: ['criminal-justice', 'border-management'],
      period: { start: 2019, end: 2021 },
      status: 'ongoing',
      budget: { amount: 1500000.5, currency: 'USD', year: 2019 },
      recommendations: [{ key: 'A72840-77', justification: 'trains prosecutors' }],
      resolutions: [
        { key: 'S/RES/2396 (2017)', justification: 'border security' },
        { key: 'S/RES/2178 (2014)', justification: 'returnees' },
      ],
    });
  });

  it('gives the schema defaults for empty optional cells', () => {
    expect(one({}).report).toMatchObject({
      codes: [],
      global: false,
      period: null,
      status: 'unknown',
      budget: null,
    });
    expect(one({}).report?.summary).toBeUndefined();
  });

  it('drops empty entries of a multi-valued cell', () => {
    expect(one({ themes: ' ; gender;; human-rights ; ' }).report?.themes).toEqual([
      'gender',
      'human-rights',
    ]);
  });

  it.each([
    ['true', true],
    ['YES', true],
    ['false', false],
    ['no', false],
  ])('reads global %s as %s', (cell, value) => {
    expect(one({ global: cell }).report?.global).toBe(value);
  });

  it('keeps an open-ended period', () => {
    expect(one({ start: '2020' }).report?.period).toEqual({ start: 2020, end: null });
  });

  it('splits a link entry at its first ": " only', () => {
    expect(one({ recommendations: 'A72840-77: why: see note' }).report?.recommendations).toEqual([
      { key: 'A72840-77', justification: 'why: see note' },
    ]);
  });

  it('leaves a budget without a year open', () => {
    const row = one({ budget_amount: '100', budget_currency: 'EUR' });
    expect(row.report?.budget).toEqual({ amount: 100, currency: 'EUR' });
  });

  it('keeps formula-looking cells as plain text', () => {
    const row = one({ title: '=cmd()', summary: '+SUM(A1:A2)', codes: '@x;-1+2' });
    expect(row.problems).toEqual([]);
    expect(row.report).toMatchObject({
      title: '=cmd()',
      summary: '+SUM(A1:A2)',
      codes: ['@x', '-1+2'],
    });
  });
});

describe('parseProjectCsv: row problems name the column, the value and the line', () => {
  it.each<[string, Row, string, string]>([
    ['a year that is not a number', { start: 'soon' }, 'start', 'soon'],
    [
      'a budget year that is not a year',
      { budget_amount: '1', budget_currency: 'USD', budget_year: '19' },
      'budget_year',
      '19',
    ],
    ['a global that is not yes or no', { global: 'maybe' }, 'global', 'maybe'],
    [
      'an amount with a thousands separator',
      { budget_amount: '1,000', budget_currency: 'USD' },
      'budget_amount',
      '1,000',
    ],
    [
      'an amount in exponent form',
      { budget_amount: '1e5', budget_currency: 'USD' },
      'budget_amount',
      '1e5',
    ],
    ['a negative amount', { budget_amount: '-5', budget_currency: 'USD' }, 'budget_amount', '-5'],
    [
      'an amount too big for a number',
      { budget_amount: '9'.repeat(400), budget_currency: 'USD' },
      'budget_amount',
      `${'9'.repeat(120)}…`,
    ],
    ['an amount without a currency', { budget_amount: '10' }, 'budget_currency', ''],
    ['a currency without an amount', { budget_currency: 'USD' }, 'budget_amount', ''],
    [
      'a link without a justification',
      { resolutions: 'S/RES/2396 (2017)' },
      'resolutions',
      'S/RES/2396 (2017)',
    ],
    ['a link with an empty key', { recommendations: ': why' }, 'recommendations', ': why'],
    ['a missing ref', { ref: '' }, 'ref', ''],
    ['a missing lead', { lead: '' }, 'lead', ''],
    ['two leads', { lead: 'UNODC;UNOCT' }, 'lead', 'UNODC;UNOCT'],
  ])('%s', (_name, row, path, value) => {
    const [parsed] = parseProjectCsv(csv({ ...base, ...row })).rows;
    expect(parsed?.line).toBe(2);
    expect(parsed?.report).toBeNull();
    expect(parsed?.problems).toContainEqual(expect.objectContaining({ path, value }));
  });

  it.each<[string, Row, string, string]>([
    ['an unknown status', { status: 'done' }, 'status', 'done'],
    ['a pillar beyond IV', { pillars: 'V' }, 'pillars.0', 'V'],
    ['a country that is not alpha-3', { beneficiaries: 'ML' }, 'beneficiaries.0', 'ML'],
    ['a year out of range', { start: '1850' }, 'period.start', '1850'],
    ['a start after the end', { start: '2022', end: '2020' }, 'period.end', '2020'],
    [
      'a bad currency code',
      { budget_amount: '1', budget_currency: 'DOLLARS' },
      'budget.currency',
      'DOLLARS',
    ],
    [
      'a partner listed twice',
      { partners: 'UNOCT;UNOCT' },
      'implementers.2',
      '{"entity":"UNOCT","role":"partner"}',
    ],
    [
      'a title longer than the schema allows',
      { title: 'x'.repeat(301) },
      'title',
      `${'x'.repeat(120)}…`,
    ],
  ])('reports %s at the report path', (_name, row, path, value) => {
    const [parsed] = parseProjectCsv(csv({ ...base, ...row })).rows;
    expect(parsed?.report).toBeNull();
    expect(parsed?.problems).toContainEqual(expect.objectContaining({ path, value }));
  });

  it('reports a missing lead once, not again as missing implementers', () => {
    const [parsed] = parseProjectCsv(csv({ ...base, lead: '' })).rows;
    expect(parsed?.problems.map((p) => p.path)).toEqual(['lead']);
  });

  it('reports a missing title through the report schema', () => {
    const [parsed] = parseProjectCsv(csv({ ...base, title: '' })).rows;
    expect(parsed?.problems).toEqual([expect.objectContaining({ path: 'title', value: '' })]);
  });

  it('reports a ref used twice on the later row, naming the first line', () => {
    const parsed = parseProjectCsv(csv(base, { ...base, ref: 'R2' }, base));
    expect(parsed.rows.map((r) => r.problems)).toEqual([
      [],
      [],
      [{ path: 'ref', value: 'R1', message: 'ref is also used on line 2' }],
    ]);
  });

  it('reports a cell longer than the cap', () => {
    const [parsed] = parseProjectCsv(
      csv({ ...base, summary: 'x'.repeat(CSV_CAPS.cellChars + 1) }),
    ).rows;
    expect(parsed?.problems).toEqual([expect.objectContaining({ path: 'summary' })]);
  });

  it('reports values beyond the last column', () => {
    const parsed = parseProjectCsv('ref,title,lead\nR1,T,UNODC,stray\n');
    expect(parsed.rows[0]?.problems).toEqual([
      expect.objectContaining({ path: 'row', value: 'stray' }),
    ]);
  });

  it('lets every other row through when one row is bad', () => {
    const parsed = parseProjectCsv(csv(base, { ...base, ref: 'R2', start: 'x' }));
    expect(parsed.rows.map((r) => r.report !== null)).toEqual([true, false]);
  });
});

describe('parseProjectCsv: lines', () => {
  it('gives the line where a row starts, past multi-line cells and blank lines', () => {
    const text = 'ref,title,lead\nR1,"two\nlines",UNODC\n\nR2,T,UNODC\n,,\nR3,T,UNODC';
    const parsed = parseProjectCsv(text);
    expect(parsed.rows.map((r) => [r.ref, r.line])).toEqual([
      ['R1', 2],
      ['R2', 5],
      ['R3', 7],
    ]);
    expect(parsed.rows[0]?.report?.title).toBe('two\nlines');
  });

  it('tolerates a byte-order mark and CRLF line endings, inside cells too', () => {
    const parsed = parseProjectCsv('\uFEFFref,title,lead\r\nR1,"a\r\nb",UNODC\r\nR2,T,UNODC\r\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.report?.title])).toEqual([
      [2, 'a\nb'],
      [4, 'T'],
    ]);
  });

  it('reads the header case-insensitively and in any order', () => {
    const parsed = parseProjectCsv(' Lead ,TITLE,Ref\nUNODC,T,R1\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]?.report?.implementers).toEqual([{ entity: 'UNODC', role: 'lead' }]);
  });
});

describe('parseProjectCsv: file problems', () => {
  it('reports unknown and repeated columns by name and still checks the rows', () => {
    const parsed = parseProjectCsv('ref,title,lead,benficiaries,title\nR1,T,UNODC,MLI,T\n');
    expect(parsed.problems).toEqual([
      expect.objectContaining({ path: 'header', value: 'benficiaries' }),
      expect.objectContaining({ path: 'header', value: 'title' }),
    ]);
    expect(parsed.rows).toHaveLength(1);
  });

  it('names the missing required columns and reads no rows', () => {
    const parsed = parseProjectCsv('title,summary\nT,S\n');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ path: 'header', message: 'required columns missing: ref, lead' }),
    ]);
  });

  it('reports a column without a name', () => {
    const parsed = parseProjectCsv('ref,,title,lead,,\nR1,,T,UNODC,,\n');
    expect(parsed.problems).toEqual([
      expect.objectContaining({ path: 'header', message: 'column 2 has no name' }),
    ]);
  });

  it('says the header must be comma-separated when no column is known', () => {
    const parsed = parseProjectCsv('ref;title;lead\nR1;T;UNODC\n');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ path: 'header', value: 'ref;title;lead' }),
    ]);
    expect(parsed.problems[0]?.message).toMatch(/comma-separated/);
  });

  it.each(['', '\uFEFF'])('reports an empty file (%j)', (text) => {
    expect(parseProjectCsv(text)).toEqual({
      rows: [],
      problems: [
        expect.objectContaining({ path: 'file', message: expect.stringMatching(/empty/) }),
      ],
    });
  });

  it('reports an unbalanced quote with the line of its row, without throwing', () => {
    const parsed = parseProjectCsv(
      'ref,title,lead\nR1,T,UNODC\nR2,"never closed,UNODC\nR3,T,UNODC\n',
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        path: 'file',
        message: expect.stringMatching(/^the row starting at line 3: .*never closed/),
      }),
    ]);
  });

  it('reports a stray quote inside a quoted cell', () => {
    const parsed = parseProjectCsv('ref,title,lead\nR1,"a "b" c",UNODC\n');
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        path: 'file',
        message: expect.stringMatching(/line 2: .*doubled/),
      }),
    ]);
  });

  it('refuses more rows than the cap, and no rows are read', () => {
    const rows = Array.from({ length: CSV_CAPS.rows + 1 }, (_, i) => ({ ...base, ref: `R${i}` }));
    const parsed = parseProjectCsv(csv(...rows));
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        path: 'file',
        message: expect.stringMatching(/1001 rows; the limit is 1000/),
      }),
    ]);
  });

  it('accepts exactly the cap of rows', () => {
    const rows = Array.from({ length: CSV_CAPS.rows }, (_, i) => ({ ...base, ref: `R${i}` }));
    expect(parseProjectCsv(csv(...rows)).rows).toHaveLength(CSV_CAPS.rows);
  });

  it('refuses a file over the size cap before parsing it', () => {
    const parsed = parseProjectCsv(`ref,title,lead\n${'x'.repeat(CSV_CAPS.chars)}`);
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        path: 'file',
        message: expect.stringMatching(/the limit is 5000000/),
      }),
    ]);
  });

  it('never throws on binary noise', () => {
    const noise = Array.from({ length: 2000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 65536),
    ).join('');
    expect(parseProjectCsv(noise).problems.length).toBeGreaterThan(0);
  });
});
