// The CSV template (docs/reporting/CSV.md): one project per row, read into candidate reports.
import { CsvError, parse } from 'csv-parse/sync';
import type { ReportProblem } from '../report.js';
import { problem, toBulkRow, type BulkParse } from './bulk.js';

/** The template's columns, in template order. */
export const CSV_COLUMNS = [
  'ref',
  'title',
  'summary',
  'codes',
  'pillars',
  'lead',
  'partners',
  'funders',
  'beneficiaries',
  'regions',
  'global',
  'themes',
  'start',
  'end',
  'status',
  'budget_amount',
  'budget_currency',
  'budget_year',
  'recommendations',
  'resolutions',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const REQUIRED: readonly Column[] = ['ref', 'title', 'lead'];

/** Caps on one file; a bigger load is split into several files. */
export const CSV_CAPS = {
  chars: 5_000_000,
  rows: 1000,
  // The longest legitimate cell: 50 links, each a 200-character key and a 500-character why.
  cellChars: 40_000,
  refChars: 200,
} as const;

const isColumn = (name: string): name is Column =>
  (CSV_COLUMNS as readonly string[]).includes(name);

interface CsvRecord {
  readonly cells: string[];
  /** Line where the record starts: a quoted cell may span lines. */
  readonly line: number;
}

/**
 * Reads the CSV template into one candidate report per non-blank row, each validated by
 * `validateReport`. Never throws: unreadable input gives file-level problems and no rows.
 */
export function parseProjectCsv(text: string): BulkParse {
  if (text.length > CSV_CAPS.chars) {
    return fileProblem(`the file has ${text.length} characters; the limit is ${CSV_CAPS.chars}`);
  }
  const read = readRecords(text);
  if ('problem' in read) return { rows: [], problems: [read.problem] };
  const [header, ...body] = read.records;
  if (header === undefined) return fileProblem('the file is empty: the header row is required');

  const columns = readHeader(header.cells);
  if (columns.fatal) return { rows: [], problems: columns.problems };
  const records = body.filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  if (records.length > CSV_CAPS.rows) {
    return fileProblem(
      `the file has ${records.length} rows; the limit is ${CSV_CAPS.rows}: split it into several files`,
    );
  }

  const firstLineOfRef = new Map<string, number>();
  const rows = records.map((record) => {
    const row = readRow(record, columns.index, columns.width);
    if (row.ref !== null) {
      const first = firstLineOfRef.get(row.ref);
      if (first === undefined) firstLineOfRef.set(row.ref, record.line);
      else row.problems.unshift(problem('ref', row.ref, `ref is also used on line ${first}`));
    }
    return toBulkRow(row);
  });
  return { rows, problems: columns.problems };
}

function fileProblem(message: string, value: string | null = null): BulkParse {
  return { rows: [], problems: [problem('file', value, message)] };
}

function readRecords(text: string): { records: CsvRecord[] } | { problem: ReportProblem } {
  // One line ending throughout, so the parser's line count matches an editor's (it counts a CRLF
  // inside a quoted cell as two lines); a cell's own line breaks become \n.
  const normalised = text.replace(/\r\n?/g, '\n');
  const ends: number[] = []; // the line on which each record ends
  try {
    const records = parse(normalised, {
      bom: true,
      record_delimiter: '\n',
      // Rows of any width: a short or long row is the row's problem, not the whole file's.
      relax_column_count: true,
      on_record: (cells, info) => {
        ends.push(info.lines);
        return cells;
      },
    });
    return { records: records.map((cells, i) => ({ cells, line: (ends[i - 1] ?? 0) + 1 })) };
  } catch (error) {
    const at = `the row starting at line ${(ends.at(-1) ?? 0) + 1}`;
    if (!(error instanceof CsvError)) {
      return { problem: problem('file', null, `${at}: unreadable`) };
    }
    const reasons: Partial<Record<CsvError['code'], string>> = {
      CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (unbalanced ")',
      CSV_INVALID_CLOSING_QUOTE: 'a " inside a quoted cell must be doubled ("")',
      INVALID_OPENING_QUOTE: 'a cell containing " must be quoted, with the " doubled ("")',
    };
    return { problem: problem('file', null, `${at}: ${reasons[error.code] ?? error.message}`) };
  }
}

function readHeader(cells: string[]): {
  index: Map<Column, number>;
  /** Named columns: values beyond them belong to no column. */
  width: number;
  problems: ReportProblem[];
  fatal: boolean;
} {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  // Spreadsheets often save trailing empty columns as trailing commas.
  while (names.length > 0 && names.at(-1) === '') names.pop();
  const index = new Map<Column, number>();
  const problems: ReportProblem[] = [];
  names.forEach((name, i) => {
    if (name === '') problems.push(problem('header', null, `column ${i + 1} has no name`));
    else if (!isColumn(name)) {
      problems.push(
        problem(
          'header',
          name,
          `unknown column "${name}"; the columns are ${CSV_COLUMNS.join(', ')}`,
        ),
      );
    } else if (index.has(name))
      problems.push(problem('header', name, `column "${name}" appears twice`));
    else index.set(name, i);
  });
  if (index.size === 0) {
    const message = `the first line must be the header row, comma-separated: ${CSV_COLUMNS.join(',')}`;
    return {
      index,
      width: names.length,
      problems: [problem('header', names.join(','), message)],
      fatal: true,
    };
  }
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0) {
    problems.push(problem('header', null, `required columns missing: ${missing.join(', ')}`));
  }
  return { index, width: names.length, problems, fatal: missing.length > 0 };
}

function readRow(record: CsvRecord, index: Map<Column, number>, width: number) {
  const problems: ReportProblem[] = [];
  const cells = new Map<Column, string>();
  for (const [column, at] of index) {
    const value = (record.cells[at] ?? '').trim();
    if (value.length <= CSV_CAPS.cellChars) cells.set(column, value);
    else problems.push(problem(column, value, `longer than ${CSV_CAPS.cellChars} characters`));
  }
  const cell = (column: Column) => cells.get(column) ?? '';
  const beyond = record.cells.slice(width).filter((extra) => extra.trim() !== '');
  if (beyond.length > 0) {
    problems.push(
      problem('row', beyond.join(','), `${beyond.length} value(s) beyond the header's last column`),
    );
  }

  const ref = cell('ref') || null;
  if (ref === null) {
    problems.push(problem('ref', '', 'ref is required: your reference for the row'));
  } else if (ref.length > CSV_CAPS.refChars) {
    problems.push(problem('ref', ref, `ref is longer than ${CSV_CAPS.refChars} characters`));
  }

  const lead = list(cell('lead'));
  if (lead.length === 0) {
    problems.push(problem('lead', '', 'lead is required: the lead entity key'));
  } else if (lead.length > 1) {
    problems.push(problem('lead', cell('lead'), 'one lead only; put the others in partners'));
  }
  const role = (entities: string[], as: 'lead' | 'partner' | 'funder') =>
    entities.map((entity) => ({ entity, role: as }));

  const convert = createConverters(cell, problems);
  const candidate: { [field: string]: unknown } = {
    title: cell('title'),
    summary: cell('summary') || undefined,
    codes: list(cell('codes')),
    pillars: list(cell('pillars')).map((pillar) => pillar.toUpperCase()),
    implementers: [
      ...role(lead, 'lead'),
      ...role(list(cell('partners')), 'partner'),
      ...role(list(cell('funders')), 'funder'),
    ],
    // ISO codes are case-insensitive; the schema expects capitals.
    beneficiaries: list(cell('beneficiaries')).map((code) => code.toUpperCase()),
    regions: list(cell('regions')),
    global: convert.boolean('global'),
    themes: list(cell('themes')),
    period: convert.period(),
    status: cell('status').toLowerCase() || undefined,
    budget: convert.budget(),
    recommendations: convert.justified('recommendations'),
    resolutions: convert.justified('resolutions'),
  };
  return {
    line: record.line,
    ref,
    idempotencyKey: ref === null ? null : `csv:${ref}`,
    candidate,
    problems,
    warnings: [],
    covered: lead.length === 0 ? ['implementers'] : [],
  };
}

/** Entries of a multi-valued cell: `;`-separated, trimmed, empties dropped. */
function list(value: string): string[] {
  return value
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * Converters for the typed cells. A cell that does not convert adds a problem naming its column
 * and is left out of the candidate, so the report's own checks do not report it a second time.
 */
function createConverters(cell: (column: Column) => string, problems: ReportProblem[]) {
  const fail = (column: Column, message: string): undefined => {
    problems.push(problem(column, cell(column), message));
    return undefined;
  };
  const year = (column: Column): number | null | undefined => {
    const value = cell(column);
    if (value === '') return null;
    return /^\d{4}$/.test(value) ? Number(value) : fail(column, 'must be a year such as 2019');
  };
  return {
    boolean(column: Column): boolean | undefined {
      const value = cell(column).toLowerCase();
      if (value === '') return undefined;
      if (value === 'true' || value === 'yes') return true;
      if (value === 'false' || value === 'no') return false;
      return fail(column, 'must be true, false, yes, no or empty');
    },
    period(): { start: number | null; end: number | null } | undefined {
      const start = year('start');
      const end = year('end');
      if (start === undefined || end === undefined || (start === null && end === null)) return;
      return { start, end };
    },
    budget(): { amount: number; currency: string; year?: number } | undefined {
      const [amountCell, currency] = [cell('budget_amount'), cell('budget_currency').toUpperCase()];
      const budgetYear = year('budget_year');
      if (amountCell === '') {
        if (currency !== '' || typeof budgetYear === 'number')
          return fail('budget_amount', 'required with a budget');
        return;
      }
      // Digits and a decimal point only: "1,000" and "1.000" mean different things by locale.
      const amount = /^\d+(\.\d+)?$/.test(amountCell) ? Number(amountCell) : Number.NaN;
      if (!Number.isFinite(amount)) {
        return fail('budget_amount', 'must be a number in digits with an optional decimal point');
      }
      if (currency === '') return fail('budget_currency', 'required with budget_amount');
      if (budgetYear === undefined) return;
      return { amount, currency, ...(budgetYear === null ? {} : { year: budgetYear }) };
    },
    justified(column: Column): { key: string; justification: string }[] {
      return list(cell(column)).flatMap((entry) => {
        const at = entry.indexOf(': ');
        const key = at < 0 ? '' : entry.slice(0, at).trim();
        const justification = at < 0 ? '' : entry.slice(at + 2).trim();
        if (key === '' || justification === '') {
          fail(column, `"${entry}" must be written KEY: justification`);
          return [];
        }
        return [{ key, justification }];
      });
    },
  };
}
