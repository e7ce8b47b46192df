// IATI activity XML (IATI Standard 2.03, iati-activities/iati-activity), read into candidate
// reports. The mapping is documented in docs/reporting/IATI.md.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
// The package's entry point also loads every locale's country names; the code tables suffice.
import countries from 'i18n-iso-countries/index.js';
import { ProjectReport, type ReportProblem } from '../report.js';
import { problem, toBulkRow, type BulkParse } from './bulk.js';
import { DAC_SECTOR_THEMES } from './iati-sectors.js';

/** How IATI organisations and regions become ctkg keys; the caller builds it from the graph. */
export interface IatiLookup {
  /** ctkg entity key for an IATI org ref or name, or null */
  entity(ref: string | null, name: string | null): string | null;
  /** ctkg region key for an IATI region code, or null */
  region?(code: string, vocabulary: string | null): string | null;
}

/** Caps on one file; a bigger load is split into several files. */
export const IATI_CAPS = { chars: 5_000_000, activities: 1000 } as const;

const SUMMARY_MAX = ProjectReport.shape.summary.unwrap().maxLength ?? Infinity;

// Elements the standard lets repeat, read as arrays even when a file has one.
const REPEATABLE = new Set([
  'iati-activity',
  'narrative',
  'description',
  'participating-org',
  'recipient-country',
  'recipient-region',
  'sector',
  'activity-date',
  'budget',
]);

// ActivityStatus codelist → ctkg status. 3 is Finalisation: the work is still going on.
const STATUSES = new Map([
  ['1', 'pipeline'],
  ['2', 'ongoing'],
  ['3', 'ongoing'],
  ['4', 'completed'],
  ['5', 'suspended'],
  ['6', 'suspended'],
]);

/**
 * Reads IATI activities into one candidate report per activity, each validated by
 * `validateReport`. Never throws on bad input: a file that is too big, declares a DOCTYPE or
 * ENTITY, or is not well-formed gives one file-level problem and no rows.
 */
export function parseIatiActivities(xml: string, lookup: IatiLookup): BulkParse {
  if (xml.length > IATI_CAPS.chars) {
    return fileProblem(`the file has ${xml.length} characters; the limit is ${IATI_CAPS.chars}`);
  }
  const text = xml.replace(/^\uFEFF/, '');
  // IATI needs no DTD; refusing one outright rules out entity-expansion attacks.
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) {
    return fileProblem('DOCTYPE and ENTITY declarations are not accepted; IATI files need none');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const at = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    return fileProblem(`not well-formed XML at ${at}: ${msg}`);
  }
  let root: XmlNode | undefined;
  try {
    root = children(asNode(createParser().parse(text)), 'iati-activities')[0];
  } catch (error) {
    return fileProblem(`unreadable XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (root === undefined) return fileProblem('the root element must be <iati-activities>');
  const activities = children(root, 'iati-activity');
  if (activities.length === 0) return fileProblem('the file has no <iati-activity>');
  if (activities.length > IATI_CAPS.activities) {
    return fileProblem(
      `the file has ${activities.length} activities; the limit is ${IATI_CAPS.activities}: split it`,
    );
  }

  const firstOfIdentifier = new Map<string, number>();
  const rows = activities.map((activity, i) => {
    const row = readActivity(activity, i + 1, lookup);
    if (row.ref !== null) {
      const first = firstOfIdentifier.get(row.ref);
      if (first === undefined) firstOfIdentifier.set(row.ref, row.line);
      else {
        const message = `the identifier is also used by activity ${first}`;
        row.problems.unshift(problem('iati-identifier', row.ref, message));
      }
    }
    return toBulkRow(row);
  });
  return { rows, problems: [] };
}

function fileProblem(message: string): BulkParse {
  return { rows: [], problems: [problem('file', null, message)] };
}

function createParser() {
  return new XMLParser({
    // Off: the parser expands no entity at all (DOCTYPE is refused above anyway). XML's five
    // predefined references and character references are decoded by `decodeReferences`.
    processEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false, // identifiers and codes stay strings ("0123" is not 123)
    parseAttributeValue: false,
    alwaysCreateTextNode: true, // every element is an object, with or without attributes
    cdataPropName: '#cdata', // CDATA is literal text: kept apart so it is not decoded
    isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
  });
}

// --- Reading the parsed tree -------------------------------------------------------------------

type XmlNode = { readonly [name: string]: unknown };

function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as XmlNode)
    : {};
}

function children(parent: XmlNode | undefined, name: string): XmlNode[] {
  const value = parent?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? (value as unknown[]) : [value]).map(asNode);
}

const PREDEFINED: { readonly [name: string]: string } = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** XML's predefined and character references; neither can grow the text beyond its source. */
function decodeReferences(raw: string): string {
  return raw.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (name !== undefined) return PREDEFINED[name] ?? whole;
      const code = hex === undefined ? Number(decimal) : parseInt(hex, 16);
      const isChar = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return isChar ? String.fromCodePoint(code) : whole;
    },
  );
}

function attr(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' && value.trim() !== '' ? decodeReferences(value).trim() : null;
}

function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  const own = node['#text'];
  const cdata = children(node, '#cdata').map((c) => c['#text']);
  return [typeof own === 'string' ? decodeReferences(own) : '', ...cdata]
    .filter((part): part is string => typeof part === 'string')
    .join('')
    .trim();
}

/** The element's narrative in English, else in the activity's default language, else the first. */
function narrative(element: XmlNode | undefined, defaultLang: string | null): string | null {
  const all = children(element, 'narrative')
    .map((n) => ({ lang: (attr(n, 'xml:lang') ?? defaultLang)?.toLowerCase(), text: textOf(n) }))
    .filter((n) => n.text !== '');
  const pick =
    all.find((n) => n.lang?.split('-')[0] === 'en') ??
    all.find((n) => n.lang === defaultLang?.toLowerCase()) ??
    all[0];
  return pick?.text ?? null;
}

// --- One activity ------------------------------------------------------------------------------

interface Found {
  readonly problems: ReportProblem[];
  readonly warnings: ReportProblem[];
  readonly lang: string | null;
}

function readActivity(activity: XmlNode, position: number, lookup: IatiLookup) {
  const found: Found = { problems: [], warnings: [], lang: attr(activity, 'xml:lang') };
  const identifier = textOf(children(activity, 'iati-identifier')[0]) || null;
  if (identifier === null) {
    found.problems.push(problem('iati-identifier', null, 'the activity has no iati-identifier'));
  }
  const candidate = {
    title: narrative(children(activity, 'title')[0], found.lang) ?? undefined,
    summary: readSummary(activity, found),
    codes: identifier === null ? [] : [identifier],
    implementers: readOrganisations(activity, lookup, found),
    beneficiaries: readCountries(activity, found),
    regions: readRegions(activity, lookup, found),
    themes: readSectors(activity, found),
    period: readPeriod(activity, found),
    status: readStatus(activity, found),
    budget: readBudget(activity, found),
  };
  return {
    line: position,
    ref: identifier,
    idempotencyKey: identifier === null ? null : `iati:${identifier}`,
    candidate,
    problems: found.problems,
    warnings: found.warnings,
  };
}

function readSummary(activity: XmlNode, found: Found): string | undefined {
  const general = children(activity, 'description').find((d) => {
    const type = attr(d, 'type');
    return type === null || type === '1';
  });
  const summary = narrative(general, found.lang);
  if (summary === null) return undefined;
  if (summary.length <= SUMMARY_MAX) return summary;
  const message = `description cut from ${summary.length} to ${SUMMARY_MAX} characters`;
  found.warnings.push(problem('description', summary, message));
  return `${summary.slice(0, SUMMARY_MAX - 1)}…`;
}

function readOrganisations(activity: XmlNode, lookup: IatiLookup, found: Found) {
  const implementers: { entity: string; role: 'lead' | 'partner' | 'funder' }[] = [];
  const add = (entity: string, role: 'lead' | 'partner' | 'funder') => {
    if (!implementers.some((i) => i.entity === entity && i.role === role)) {
      implementers.push({ entity, role });
    }
  };
  let lead: string | null = null;
  children(activity, 'participating-org').forEach((org, i) => {
    const path = `participating-org.${i}`;
    const [ref, name, role] = [attr(org, 'ref'), narrative(org, found.lang), attr(org, 'role')];
    if (role === null || !['1', '2', '3', '4'].includes(role)) {
      found.warnings.push(problem(path, role, `role "${role ?? ''}" is not 1-4; left out`));
      return;
    }
    const entity = lookup.entity(ref, name);
    if (entity === null) {
      const named = [ref === null ? '' : `ref "${ref}"`, name === null ? '' : `name "${name}"`];
      const message = `no ctkg entity for ${named.filter(Boolean).join(', ') || 'an unnamed org'}; left out`;
      found.warnings.push(problem(path, ref ?? name, message));
    } else if (role === '1') add(entity, 'funder');
    else if (lead === null) {
      lead = entity;
      add(entity, 'lead');
    } else if (entity !== lead) add(entity, 'partner');
  });
  return implementers;
}

function readCountries(activity: XmlNode, found: Found): string[] {
  const states: string[] = [];
  children(activity, 'recipient-country').forEach((country, i) => {
    const code = attr(country, 'code');
    const alpha3 = code === null ? undefined : countries.alpha2ToAlpha3(code.toUpperCase());
    if (alpha3 === undefined) {
      const message = 'not an ISO 3166-1 alpha-2 country code';
      found.problems.push(problem(`recipient-country.${i}`, code, message));
    } else if (!states.includes(alpha3)) states.push(alpha3);
  });
  return states;
}

function readRegions(activity: XmlNode, lookup: IatiLookup, found: Found): string[] {
  const regions: string[] = [];
  children(activity, 'recipient-region').forEach((region, i) => {
    const [code, vocabulary] = [attr(region, 'code'), attr(region, 'vocabulary')];
    const key = code === null ? null : (lookup.region?.(code, vocabulary) ?? null);
    if (key === null) {
      const message = `no ctkg region for code "${code ?? ''}" (vocabulary ${vocabulary ?? '1'}); left out`;
      found.warnings.push(problem(`recipient-region.${i}`, code, message));
    } else if (!regions.includes(key)) regions.push(key);
  });
  return regions;
}

function readSectors(activity: XmlNode, found: Found): string[] {
  const themes: string[] = [];
  children(activity, 'sector').forEach((sector, i) => {
    const [code, vocabulary] = [attr(sector, 'code'), attr(sector, 'vocabulary') ?? '1'];
    const theme = vocabulary === '1' && code !== null ? DAC_SECTOR_THEMES.get(code) : undefined;
    if (theme === undefined) {
      const message =
        vocabulary === '1'
          ? `DAC sector "${code ?? ''}" has no ctkg thematic area; left out`
          : `sector vocabulary ${vocabulary} is not mapped; left out`;
      found.warnings.push(problem(`sector.${i}`, code, message));
    } else if (!themes.includes(theme)) themes.push(theme);
  });
  return themes;
}

function yearOf(isoDate: string | null): number | null {
  const match = isoDate === null ? null : /^(\d{4})-\d{2}-\d{2}/.exec(isoDate);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function readPeriod(activity: XmlNode, found: Found) {
  const years = new Map<string, number>(); // activity-date type → year, first date of each type
  children(activity, 'activity-date').forEach((date, i) => {
    const path = `activity-date.${i}`;
    const [type, isoDate] = [attr(date, 'type'), attr(date, 'iso-date')];
    if (type === null || !['1', '2', '3', '4'].includes(type)) {
      found.warnings.push(problem(path, type, `type "${type ?? ''}" is not 1-4; left out`));
      return;
    }
    const year = yearOf(isoDate);
    if (year === null) found.problems.push(problem(path, isoDate, 'iso-date must be YYYY-MM-DD'));
    else if (!years.has(type)) years.set(type, year);
  });
  // Actual dates (2 start, 4 end) win over planned ones (1, 3).
  const start = years.get('2') ?? years.get('1') ?? null;
  const end = years.get('4') ?? years.get('3') ?? null;
  return start === null && end === null ? undefined : { start, end };
}

function readStatus(activity: XmlNode, found: Found): string | undefined {
  const element = children(activity, 'activity-status')[0];
  if (element === undefined) return undefined;
  const code = attr(element, 'code');
  const status = code === null ? undefined : STATUSES.get(code);
  if (status === undefined) {
    found.problems.push(problem('activity-status', code, 'not an IATI activity status (1-6)'));
  } else if (code === '5') {
    const message =
      'IATI status 5 (cancelled) is recorded as suspended: ctkg has no cancelled status';
    found.warnings.push(problem('activity-status', code, message));
  }
  return status;
}

/**
 * The activity's budget: the sum of its budgets, where a revised budget (type 2) replaces the
 * original (type 1) for the same period. Budgets in several currencies are not added up.
 */
function readBudget(activity: XmlNode, found: Found) {
  const defaultCurrency = attr(activity, 'default-currency');
  const byPeriod = new Map<string, { amount: number; currency: string; year: number | null }>();
  const revised = new Set<string>();
  children(activity, 'budget').forEach((budget, i) => {
    const value = children(budget, 'value')[0];
    const raw = textOf(value);
    const path = `budget.${i}.value`;
    if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(Number(raw))) {
      found.problems.push(problem(path, raw, 'must be a non-negative number such as 150000.00'));
      return;
    }
    const currency = attr(value, 'currency') ?? defaultCurrency;
    if (currency === null) {
      const message = 'no currency: the value has no @currency, the activity no @default-currency';
      found.problems.push(problem(path, raw, message));
      return;
    }
    const start = attr(children(budget, 'period-start')[0], 'iso-date');
    const period = `${start ?? ''}/${attr(children(budget, 'period-end')[0], 'iso-date') ?? ''}`;
    const isRevised = attr(budget, 'type') === '2';
    if (byPeriod.has(period) && (revised.has(period) || !isRevised)) return;
    byPeriod.set(period, { amount: Number(raw), currency, year: yearOf(start) });
    if (isRevised) revised.add(period);
  });
  const budgets = [...byPeriod.values()];
  const currencies = [...new Set(budgets.map((b) => b.currency))];
  const [currency] = currencies;
  if (currency === undefined) return undefined;
  if (currencies.length > 1) {
    const message = 'budgets in several currencies are not added up; add the budget by an update';
    found.warnings.push(problem('budget', currencies.join(', '), message));
    return undefined;
  }
  const amount = budgets.reduce((sum, b) => sum + b.amount, 0);
  // A year only when every period starts in it: a multi-year total has no one year.
  const years = [...new Set(budgets.map((b) => b.year))];
  const [year] = years;
  return { amount, currency, ...(years.length === 1 && year !== null ? { year } : {}) };
}
