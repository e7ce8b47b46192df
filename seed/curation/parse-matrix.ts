// Parses the CTITF matrix of A/72/840 (document 003, annex II) into seed/data/projects-a72840-matrix.json
// and seed/data/reconciliation-a72840-matrix.json. Node built-ins only.
// Run from the repo root with the folder of source documents as argument or in CTKG_SOURCES (the
// script reads the 003 document from it), after build-entities.ts:
//   CTKG_SOURCES=../shared/seeds npx tsx seed/curation/parse-matrix.ts
//   npx tsx seed/curation/parse-matrix.ts ../shared/seeds
//
// The entity vocabulary is read from seed/data/entities.json (key, name, aliases), so the matrix and
// the Entity records cannot drift apart. Countries, regions, resolutions and theme rules are below.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findWholeNames, loadDoc, sourcesDir } from './sources-lib.js';

const DOC = 'A/72/840';
const AS_OF = '2018-02';
const PILLARS = ['I', 'II', 'III', 'IV'] as const;
type Pillar = (typeof PILLARS)[number];
const isPillar = (s: string | undefined): s is Pillar => PILLARS.some((p) => p === s);
interface Source {
  document: string;
  paragraph: string;
}

// ------------------------------------------------------------------------------------------------
// 1. Read the table: header rows repeat at page breaks; a row cut by a break continues on a line
//    whose serial cell is empty — rejoin column by column.
type Cells = [title: string, status: string, activities: string, scope: string];
interface RawRow {
  pillar: Pillar;
  serial: number;
  cells: Cells;
  lines: number[];
  dupIndex: number;
}

/** The four data columns after the serial, trimmed; missing trailing cells are empty. */
function dataCells(cells: string[]): Cells {
  const [, title = '', status = '', activities = '', scope = ''] = cells.map((c) => c.trim());
  return [title, status, activities, scope];
}

function readMatrix(lines: string[]) {
  const start = lines.findIndex((l) =>
    l.startsWith('Supplementary Information: Matrix of UN Counter-Terrorism'),
  );
  if (start < 0) throw new Error('matrix start not found');
  const end = lines.findIndex((l, i) => i > start && /^Annex III\b/.test(l.trim()));
  const stop = end < 0 ? lines.length : end;
  let pillar: Pillar | null = null;
  const rows: RawRow[] = [];
  const headerCounts = new Map<Pillar, { n: number; line: number }>();
  let intro = { line: 0, text: '' };
  for (const [k, l] of lines.slice(start, stop).entries()) {
    const n = start + k + 1;
    if (/total of \d+ projects/.test(l)) intro = { line: n, text: l };
    const pm = /^Pillar (I|II|III|IV) of the UN Global Counter-Terrorism Strategy\s*$/.exec(
      l.trim(),
    )?.[1];
    if (isPillar(pm)) {
      pillar = pm;
      continue;
    }
    const cm = /^(\d+) projects\s*$/.exec(l.trim());
    if (cm && pillar) {
      headerCounts.set(pillar, { n: Number(cm[1]), line: n });
      continue;
    }
    if (!l.includes('\t')) continue;
    const cells = l.split('\t');
    const first = (cells[0] ?? '').trim(); // split always yields at least one cell
    if (first === 'Serial') continue; // repeated header row
    if (!pillar) throw new Error(`table row before a pillar heading at line ${n}`);
    if (/^\d+$/.test(first)) {
      const serial = Number(first);
      const dupIndex = rows.filter((r) => r.pillar === pillar && r.serial === serial).length;
      rows.push({ pillar, serial, cells: dataCells(cells), lines: [n], dupIndex });
    } else if (first === '') {
      const prev = rows[rows.length - 1];
      if (!prev || prev.pillar !== pillar)
        throw new Error(`continuation without a row at line ${n}`);
      const more = dataCells(cells);
      for (const c of [0, 1, 2, 3] as const) {
        const t = more[c];
        if (t) prev.cells[c] = prev.cells[c] ? `${prev.cells[c]} ${t}` : t;
      }
      prev.lines.push(n);
    } else {
      throw new Error(`unrecognised matrix line ${n}: ${l.slice(0, 80)}`);
    }
  }
  return { rows, headerCounts, intro };
}

// ------------------------------------------------------------------------------------------------
// 2. Entities: longest match first, peeled off the end of the title cell.
interface Ent {
  key: string;
  name: string;
  aliases?: string[];
}
function isEnt(x: unknown): x is Ent {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Partial<Record<keyof Ent, unknown>>;
  return (
    typeof e.key === 'string' &&
    typeof e.name === 'string' &&
    (e.aliases === undefined ||
      (Array.isArray(e.aliases) && e.aliases.every((a) => typeof a === 'string')))
  );
}
function readEntities(file: string): Ent[] {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected an array of entities`);
  return data.map((e: unknown, i) => {
    if (!isEnt(e)) throw new Error(`${file}[${i}]: expected { key, name, aliases? }`);
    return e;
  });
}
interface StateName {
  key: string;
  name: string;
  aliases: string[];
}
function readStates(file: string): StateName[] {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected an array of Member States`);
  return data.map((x: unknown, i) => {
    const st = (typeof x === 'object' && x !== null ? x : {}) as Partial<Record<string, unknown>>;
    const aliases = st.aliases ?? [];
    if (
      typeof st.key !== 'string' ||
      typeof st.name !== 'string' ||
      !Array.isArray(aliases) ||
      !aliases.every((a) => typeof a === 'string')
    )
      throw new Error(`${file}[${i}]: expected { key, name, aliases }`);
    return { key: st.key, name: st.name, aliases };
  });
}
function entityVocab(entities: Ent[]): [string, string][] {
  const v: [string, string][] = [];
  for (const e of entities) {
    for (const t of [e.key, e.name, ...(e.aliases ?? [])]) {
      if (/[\u4e00-\u9fff]/.test(t)) continue;
      v.push([t, e.key]);
      if (!t.startsWith('the ') && !t.startsWith('The '))
        v.push([`the ${t}`, e.key], [`The ${t}`, e.key]);
    }
  }
  return v.sort((a, b) => b[0].length - a[0].length);
}

function peelEntities(cell: string, vocab: [string, string][]) {
  // Peel entity names off the end of the cell. The rightmost one may follow the title after a plain
  // space; every further one must be separated by "," / "and" / ", and" (so "… and the G5 Sahel MINUSMA"
  // yields MINUSMA only).
  let rest = cell.trim().replace(/[\s,.]+$/, '');
  const found: { key: string; asWritten: string }[] = [];
  for (;;) {
    let hit: [string, string] | null = null;
    for (const [t, k] of vocab) {
      if (rest.endsWith(t)) {
        const before = rest.slice(0, rest.length - t.length);
        if (before === '' || /[\s,.)]$/.test(before)) {
          hit = [t, k];
          break;
        }
      }
    }
    if (!hit) break;
    found.unshift({ key: hit[1], asWritten: hit[0] });
    rest = rest.slice(0, rest.length - hit[0].length);
    const sep = /(\s*,\s*and\s*|\s*,\s*|\s+and\s+)$/.exec(rest);
    if (!sep) break;
    rest = rest.slice(0, rest.length - sep[0].length);
  }
  // a page break can leave the entity acronym in the middle of the title ("Tunisia, UNODC Morocco")
  const notes: string[] = [];
  for (const f of found) {
    const mid = `, ${f.asWritten} `;
    if (rest.includes(mid)) {
      rest = rest.replace(mid, ', ');
      notes.push(
        `"${f.asWritten}" is also printed inside the title where the row is cut by the page break; removed from the title.`,
      );
    }
  }
  return { rest: rest.trim(), found, notes };
}

// ------------------------------------------------------------------------------------------------
// 3. Duration: a trailing parenthesis that reads as a date, not an acronym and not a resolution year.
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
function peelDuration(text: string) {
  const t = text.trim().replace(/\.$/, '').trim();
  const m = /\(([^()]*)\)\s*$/.exec(t);
  if (!m) return { title: t, duration: null as string | null };
  const inner = m[1] ?? ''; // the group always takes part in a match
  const before = t.slice(0, m.index);
  const looksDate =
    /(19|20)\d\d|annual event|since|ongoing/i.test(inner) ||
    (new RegExp(MONTH).test(inner) && /\d/.test(inner));
  const resolutionYear = /^\s*\d{4}\s*$/.test(inner) && /\b\d{3,4}\s*$/.test(before);
  if (!looksDate || resolutionYear) return { title: t, duration: null };
  return { title: before.trim().replace(/[.,]$/, '').trim(), duration: m[0].trim() };
}

function periodOf(duration: string | null) {
  if (!duration) return null;
  const years = [...duration.matchAll(/(?<!\d)(19|20)\d\d(?!\d)/g)].map((x) => Number(x[0]));
  const inner = duration.replace(/^\(|\)$/g, '');
  const open = /since|ongoing/i.test(inner);
  const start = years.length ? Math.min(...years) : null;
  const end = open ? null : years.length ? Math.max(...years) : null;
  return { start, end, asWritten: duration };
}

// ------------------------------------------------------------------------------------------------
// 4. Places, matched as whole names (findWholeNames): longest first, matched spans blanked, so a
//    shorter name never matches inside a longer one ("Papua New Guinea" ≠ Guinea, "Nigeria" ≠ Niger,
//    "South Sudan" ≠ Sudan, "Lake Chad" ≠ Chad, "Islamic State in Iraq" ≠ Iraq). Every Member State's
//    full name is added from member-states.json (placeVocab), so the guarantee covers all 193.
type Place = { state?: string; region?: string; global?: true; ignore?: string };
const PLACES: [string, Place][] = [
  // false friends and non-places first (mapped to nothing or to a region)
  ['Islamic State in Iraq', { ignore: 'terrorist group' }],
  ['Islamic State of Iraq', { ignore: 'terrorist group' }],
  ['Lake Chad Basin Commission', { ignore: 'organisation' }],
  ['Lake Chad Basin', { region: 'lake-chad-basin' }],
  ['Lake Chad region', { region: 'lake-chad-basin' }],
  ['Lake Chad', { region: 'lake-chad-basin' }],
  ['Gulf of Guinea', { region: 'gulf-of-guinea' }],
  ['Middle Guinea', { ignore: 'sub-national region of Guinea' }],
  ['Forested Guinea', { ignore: 'sub-national region of Guinea' }],
  ['Hong Kong China', { ignore: 'not a Member State (SAR of China)' }],
  ['Macau China', { ignore: 'not a Member State (SAR of China)' }],
  ['North East State of Nigeria', { state: 'NGA' }],
  // regions
  ['Sahel G5 Member States', { region: 'g5-sahel' }],
  ['G5 Sahel', { region: 'g5-sahel' }],
  ['Sahel', { region: 'sahel' }],
  ['Arab Maghreb', { region: 'maghreb' }],
  ['Maghreb', { region: 'maghreb' }],
  ['Eastern and Western Mediterranean Sea Basin', { region: 'mediterranean' }],
  ['East Africa', { region: 'east-africa' }],
  ['Eastern Africa', { region: 'east-africa' }],
  ['Horn of Africa', { region: 'horn-of-africa' }],
  ['Southern Africa', { region: 'southern-africa' }],
  ['Central Africa', { region: 'central-africa' }],
  ['West and Central African coastal States', { region: 'west-africa' }], // + central-africa, added below
  ['West and Central Africa', { region: 'west-africa' }], // + central-africa, added below
  ['West Africa', { region: 'west-africa' }],
  ['North Africa', { region: 'north-africa' }],
  ['Western Indian Ocean coastal States', { region: 'western-indian-ocean' }],
  ['Middle East and North Africa', { region: 'middle-east-north-africa' }],
  ['Middle East, North Africa', { region: 'middle-east-north-africa' }],
  ['MENA Region', { region: 'middle-east-north-africa' }],
  ['MENA', { region: 'middle-east-north-africa' }],
  ['Middle East', { region: 'middle-east' }],
  ['South and South East Asia', { region: 'south-asia' }], // + south-east-asia, added below
  ['South East Asia', { region: 'south-east-asia' }],
  ['South-East Asia', { region: 'south-east-asia' }],
  ['Southeast Asia', { region: 'south-east-asia' }],
  ['East Asia', { region: 'east-asia' }],
  ['Central Asia', { region: 'central-asia' }],
  ['Asia and Pacific', { region: 'asia-pacific' }],
  ['Asia-Pacific', { region: 'asia-pacific' }],
  ['Asia Pacific', { region: 'asia-pacific' }],
  ['Asia and the Pacific', { region: 'asia-pacific' }],
  ['Asia', { region: 'asia' }],
  ['Arab States', { region: 'arab-states' }],
  ['Arab Region', { region: 'arab-states' }],
  ['Gulf region', { region: 'gulf' }],
  ['Gulf Region', { region: 'gulf' }],
  ['South-Eastern Europe', { region: 'south-eastern-europe' }],
  ['South-East Europe', { region: 'south-eastern-europe' }],
  ['Western Europe', { region: 'western-europe' }],
  ['Latin America and the Caribbean', { region: 'latin-america-caribbean' }],
  ['Latin America region', { region: 'latin-america' }],
  ['Latin America', { region: 'latin-america' }],
  ['Central and South America', { region: 'central-america' }], // + south-america, added below
  ['Central America', { region: 'central-america' }],
  ['Caribbean Region', { region: 'caribbean' }],
  ['Caribbean', { region: 'caribbean' }],
  ['ASEAN', { region: 'asean' }],
  ['Africa', { region: 'africa' }],
  ['Global', { global: true }],
  ['Worldwide', { global: true }],
  // Member States (names as printed, variants included)
  ['Afghanistan', { state: 'AFG' }],
  ['Albania', { state: 'ALB' }],
  ['Algeria', { state: 'DZA' }],
  ['Argentina', { state: 'ARG' }],
  ['Bangladesh', { state: 'BGD' }],
  ['Belarus', { state: 'BLR' }],
  ['Benin', { state: 'BEN' }],
  ['Brazil', { state: 'BRA' }],
  ['Burkina Faso', { state: 'BFA' }],
  ['Burundi', { state: 'BDI' }],
  ['Cambodia', { state: 'KHM' }],
  ['Cameroon', { state: 'CMR' }],
  ['Cameroun', { state: 'CMR' }],
  ['Cape Verde', { state: 'CPV' }],
  ['Cabo Verde', { state: 'CPV' }],
  ['Central African Republic', { state: 'CAF' }],
  ['Chad', { state: 'TCD' }],
  ['Chile', { state: 'CHL' }],
  ['China', { state: 'CHN' }],
  ['Colombia', { state: 'COL' }],
  ['Croatia', { state: 'HRV' }],
  ["Côte d'Ivoire", { state: 'CIV' }],
  ["Cote d'Ivoire", { state: 'CIV' }],
  ['Côte d’Ivoire', { state: 'CIV' }],
  ['Democratic Republic of the Congo', { state: 'COD' }],
  ['Democratic Republic of Congo', { state: 'COD' }],
  ['DPR Korea', { state: 'PRK' }],
  ["Democratic People's Republic of Korea", { state: 'PRK' }],
  ['Djibouti', { state: 'DJI' }],
  ['Dominican Republic', { state: 'DOM' }],
  ['Dominica', { state: 'DMA' }],
  ['Egypt', { state: 'EGY' }],
  ['El Salvador', { state: 'SLV' }],
  ['Equatorial Guinea', { state: 'GNQ' }],
  ['Ethiopia', { state: 'ETH' }],
  ['France', { state: 'FRA' }],
  ['Gambia', { state: 'GMB' }],
  ['Ghana', { state: 'GHA' }],
  ['Guatemala', { state: 'GTM' }],
  ['Guinea-Bissau', { state: 'GNB' }],
  ['Guinea Bissau', { state: 'GNB' }],
  ['Papua New Guinea', { state: 'PNG' }],
  ['Guinea', { state: 'GIN' }],
  ['Guyana', { state: 'GUY' }],
  ['Honduras', { state: 'HND' }],
  ['India', { state: 'IND' }],
  ['Indonesia', { state: 'IDN' }],
  ['Iran', { state: 'IRN' }],
  ['Iraq', { state: 'IRQ' }],
  ['Jamaica', { state: 'JAM' }],
  ['Jordan', { state: 'JOR' }],
  ['Kazakhstan', { state: 'KAZ' }],
  ['Kenya', { state: 'KEN' }],
  ['Kyrgyzstan', { state: 'KGZ' }],
  ['Lao PDR', { state: 'LAO' }],
  ['Lebanon', { state: 'LBN' }],
  ['Lesotho', { state: 'LSO' }],
  ['Liberia', { state: 'LBR' }],
  ['Libya', { state: 'LBY' }],
  ['Malawi', { state: 'MWI' }],
  ['Malaysia', { state: 'MYS' }],
  ['Maldives', { state: 'MDV' }],
  ['Mali', { state: 'MLI' }],
  ['Mauritania', { state: 'MRT' }],
  ['Mauritius', { state: 'MUS' }],
  ['Mexico', { state: 'MEX' }],
  ['Mongolia', { state: 'MNG' }],
  ['Morocco', { state: 'MAR' }],
  ['Mozambique', { state: 'MOZ' }],
  ['Myanmar', { state: 'MMR' }],
  ['Nepal', { state: 'NPL' }],
  ['Nigeria', { state: 'NGA' }],
  ['Niger', { state: 'NER' }],
  ['Pakistan', { state: 'PAK' }],
  ['Panama', { state: 'PAN' }],
  ['Peru', { state: 'PER' }],
  ['Philippines', { state: 'PHL' }],
  ['Philippine', { state: 'PHL' }],
  ['Qatar', { state: 'QAT' }],
  ['Sao Tome and Principe', { state: 'STP' }],
  ['Senegal', { state: 'SEN' }],
  ['Seychelles', { state: 'SYC' }],
  ['Sierra Leone', { state: 'SLE' }],
  ['Somalia', { state: 'SOM' }],
  ['South Africa', { state: 'ZAF' }],
  ['South Sudan', { state: 'SSD' }],
  ['Sudan', { state: 'SDN' }],
  ['Sri Lanka', { state: 'LKA' }],
  ['Surinam', { state: 'SUR' }],
  ['Suriname', { state: 'SUR' }],
  ['Syrian Arab Republic', { state: 'SYR' }],
  ['Syria', { state: 'SYR' }],
  ['Tajikistan', { state: 'TJK' }],
  ['Tanzania', { state: 'TZA' }],
  ['Thailand', { state: 'THA' }],
  ['Timor-Leste', { state: 'TLS' }],
  ['Timor Leste', { state: 'TLS' }],
  ['Togo', { state: 'TGO' }],
  ['Trinidad and Tobago', { state: 'TTO' }],
  ['Tunisia', { state: 'TUN' }],
  ['Turkmenistan', { state: 'TKM' }],
  ['Uganda', { state: 'UGA' }],
  ['Uruguay', { state: 'URY' }],
  ['Uzbekistan', { state: 'UZB' }],
  ['Viet Nam', { state: 'VNM' }],
  ['Vietnam', { state: 'VNM' }],
  ['Yemen', { state: 'YEM' }],
  ['Zambia', { state: 'ZMB' }],
  ['Zimbabwe', { state: 'ZWE' }],
  ['Canada', { state: 'CAN' }],
  ['Ethiopia', { state: 'ETH' }],
  ['Bolivia', { state: 'BOL' }],
];
// composite printed names that mean two regions
const EXTRA_REGIONS: Record<string, string[]> = {
  'West and Central African coastal States': ['central-africa'],
  'West and Central Africa': ['central-africa'],
  'South and South East Asia': ['south-east-asia'],
  'Central and South America': ['south-america'],
};
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The place vocabulary: PLACES (regions, false friends and the variants the matrix prints), then
 * every Member State's name and aliases from member-states.json, so that each State's full name is
 * in the vocabulary and a shorter State name can never match inside it (whole names only, see
 * findWholeNames). Chinese names are left out: the matrix is in English.
 */
function placeVocab(states: { key: string; name: string; aliases: string[] }[]) {
  const known = new Set(PLACES.map(([n]) => n));
  const more: [string, Place][] = states.flatMap((st) =>
    [st.name, ...st.aliases]
      .filter((n) => !known.has(n) && !/[\u4e00-\u9fff]/.test(n))
      .map((n): [string, Place] => [n, { state: st.key }]),
  );
  return [...PLACES, ...more];
}

function findPlaces(text: string, vocab: readonly (readonly [string, Place])[]) {
  const states: string[] = [],
    regions: string[] = [],
    ignored: string[] = [];
  const printed: Record<string, string[]> = {};
  let global = false;
  for (const { name, value: p, asPrinted } of findWholeNames(text, vocab)) {
    if (p.ignore) ignored.push(`${asPrinted} (${p.ignore})`);
    if (p.state && !states.includes(p.state)) states.push(p.state);
    for (const r of [p.region, ...(EXTRA_REGIONS[name] ?? [])])
      if (r) {
        if (!regions.includes(r)) regions.push(r);
        const names = (printed[r] ??= []);
        if (!names.includes(name)) names.push(name);
      }
    if (p.global) global = true;
  }
  return { states, regions, global, ignored, printed };
}

// ------------------------------------------------------------------------------------------------
// 5. Resolutions (SC). Years not printed with the number are filled from this table; `printedElsewhere`
//    says whether any of the five documents prints the number with its year.
const SC_YEAR: Record<string, { year: number; note?: string }> = {
  '1540': { year: 2004 },
  '2178': { year: 2014 },
  '2199': { year: 2015 },
  '2253': { year: 2015 },
  '2309': { year: 2016 },
  '2347': { year: 2017, note: 'year of resolution 2347 is not printed in the five documents' },
  '2349': { year: 2017 },
  '2396': { year: 2017 },
  '2395': { year: 2017 },
  '2370': { year: 2017 },
  '2341': { year: 2017 },
};
function findResolutions(text: string) {
  const out: { key: string; asWritten: string; note?: string }[] = [];
  // "resolution(s) 2178 (2014) , 2349 (2017) and 2396 (2017)", "Resolutions 2199, 2253 and 2347", "UNSCR 1540 (2004)"
  const re =
    /\b(?:UNSCR|SCR|[Rr]esolutions?)\s+((?:\d{3,4}(?:\s*\(\d{4}\))?(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)?)+)/g;
  for (const m of text.matchAll(re)) {
    const list = m[1];
    if (!list) continue; // the list group always takes part in a match
    const head = m[0].slice(0, m[0].indexOf(list));
    if (/\d{3,4}\s*$/.test(list) && /^\s*Committee/.test(text.slice((m.index ?? 0) + m[0].length)))
      continue; // "UNSCR 1540 Committee"
    for (const x of list.matchAll(/(\d{3,4})(?:\s*\((\d{4})\))?/g)) {
      const num = x[1];
      if (!num) continue; // the number group always takes part in a match
      const printedYear = x[2] ? Number(x[2]) : null;
      const known = SC_YEAR[num];
      const year = known?.year ?? printedYear;
      if (!year) continue;
      const key = `S/RES/${num} (${year})`;
      const asWritten = `${head}${x[0]}`.trim();
      let note: string | undefined;
      if (printedYear && known && printedYear !== known.year)
        note = `printed as ${asWritten}: year ${printedYear} is wrong, resolution ${num} is of ${known.year}`;
      else if (!printedYear)
        note = `year not printed with the number${known?.note ? '; ' + known.note : ''}`;
      if (!out.some((o) => o.key === key)) out.push({ key, asWritten, note });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// 6. Themes: keyword rules over title + main activities (all `inferred`).
const THEME_RULES: [Theme, RegExp][] = [
  [
    'border-management',
    /\bborders?\b|travel document|advance passenger|\bAPI\b|biometric|customs|container control|\bTRIP\b|traveler|maritime|piracy|\bports?\b|strategic trade control/i,
  ],
  [
    'countering-financing-of-terrorism',
    /financing of terrorism|terrorism financing|terrorist financing|financing their|money.laundering|\bCFT\b|\bAML\b|freezing of assets|terrorist assets|illicit financial|illicit cash|counter.terrorism financing|financial|kidnapping for ransom/i,
  ],
  ['preventing-violent-extremism', /violent extremis|\bPVE\b|radicali[sz]ation|extremism/i],
  [
    'criminal-justice',
    /criminal justice|prosecut|judicial|legal regime|legal framework|legal instruments|investigat|\btrials?\b|rule of law|prisons?\b|central authorities|law enforcement|imprisonment|offen[cd]es|offenders|criminal intelligence|forensic/i,
  ],
  ['human-rights', /human rights/i],
  ['victims-of-terrorism', /victims?\b/i],
  ['critical-infrastructure', /critical infrastructure|soft targets?|vulnerable targets?/i],
  [
    'wmd-cbrn',
    /\bWMD\b|weapons of mass destruction|chemical|biological|nuclear|\bCBRN\b|radiological|biotechnolog|biothreat|\b1540\b|disease/i,
  ],
  [
    'strategic-communications',
    /strategic communication|communication strategy|\bmedia\b|narratives?|hate speech|campaign|documentary/i,
  ],
  ['gender', /gender|\bwomen\b|\bgirls\b/i],
  [
    'foreign-terrorist-fighters',
    /foreign terrorist fighters?|\bFTFs?\b|foreign fighters?|returnees?/i,
  ],
  [
    'national-regional-strategies',
    /national (counter-terrorism |PVE )?strateg|regional (counter-terrorism )?strateg|plans? of action|action plans?|joint plan of action/i,
  ],
  ['aviation-security', /aviation|airports?\b|air cargo|\bAVSEC\b|\bAIRCOP\b|\bICAO\b/i],
  [
    'cybersecurity-new-technologies',
    /cyber|internet|\bICT\b|online|digital|social media|technolog|virtual reality|electronic evidence/i,
  ],
  [
    'prosecution-rehabilitation-reintegration',
    /rehabilitat|reintegrat|disengage|reinsertion|\bDDR\b|diversion|recidivism|returning/i,
  ],
  [
    'small-arms-explosives',
    /\barms\b|ammunition|small arms|light.weapons|\bIEDs?\b|explosive|mine action|weapons and ammunition/i,
  ],
  [
    'conflict-prevention-peacebuilding',
    /peace|conflict prevention|conflict management|mediation|reconciliation|violence reduction/i,
  ],
  [
    'youth-education',
    /\byouth\b|young|educat|schools?\b|teachers?|pupils|literacy|children|child|juveniles/i,
  ],
  [
    'international-cooperation',
    /international cooperation|south-south|information sharing|regional cooperation|international coordination|inter-agency|interoperability|network against terrorism|judicial cooperation|counter-terrorism centres/i,
  ],
  ['resource-mobilization-monitoring', /resource mobili[sz]ation|monitoring and evaluation/i],
];
type Theme = keyof typeof THEME_WORDS;
const THEME_WORDS = {
  'border-management': 'border and travel security',
  'countering-financing-of-terrorism': 'terrorist financing',
  'preventing-violent-extremism': 'prevention of violent extremism',
  'criminal-justice': 'criminal justice',
  'human-rights': 'human rights',
  'victims-of-terrorism': 'victims of terrorism',
  'critical-infrastructure': 'protection of critical sites',
  'wmd-cbrn': 'WMD/CBRN risks',
  'strategic-communications': 'media and communications',
  gender: 'gender',
  'foreign-terrorist-fighters': 'foreign terrorist fighters',
  'national-regional-strategies': 'strategies and action plans',
  'aviation-security': 'aviation security',
  'cybersecurity-new-technologies': 'technology and the internet',
  'prosecution-rehabilitation-reintegration': 'rehabilitation and reintegration',
  'small-arms-explosives': 'arms, ammunition and explosives',
  'conflict-prevention-peacebuilding': 'peacebuilding and conflict prevention',
  'youth-education': 'youth and education',
  'international-cooperation': 'international cooperation',
  'resource-mobilization-monitoring': 'resources and evaluation',
};

// ------------------------------------------------------------------------------------------------
// 7. Status and summary.
function statusOf(asWritten: string): string {
  const s = asWritten.trim().toLowerCase();
  if (s === 'ongoing') return 'ongoing';
  if (s === 'completed') return 'completed';
  if (s === 'in development') return 'pipeline';
  if (s === 'planned') return 'planned';
  return 'unknown';
}
function kindOf(title: string): string | null {
  const t = title.toLowerCase();
  const rules: [RegExp, string][] = [
    [/conference/, 'a conference'],
    [/seminar/, 'a seminar'],
    [/workshop/, 'a workshop'],
    [/forum/, 'a forum'],
    [
      /handbook|manual|guide\b|guides|guidelines|policy guide|curriculum|module|toolkit|kit\b/,
      'guidance material',
    ],
    [
      /publication|study|research|report|website|clearinghouse|documentary|translation/,
      'a knowledge product',
    ],
    [
      /award|fellowship|fund\b|summer school|festival|camps?\b|campaign|initiative/,
      'an initiative',
    ],
    [/training|capacity.building|capacity/, 'a capacity-building effort'],
    [/programme|program\b/, 'a programme'],
    [/visits|peer review|outreach/, 'an outreach activity'],
    [/project/, 'a project'],
  ];
  for (const [re, k] of rules) if (re.test(t)) return k;
  return null;
}
// fallback: what the main-activities cell says is being done, from its first verb
const VERB_KIND: [RegExp, string][] = [
  [/^(Providing|Supporting|Assisting|Helping|Delivering|Equipping)\b/, 'assistance'],
  [/^(Strengthening|Enhancing|Building|Improving|Increasing|Training)\b/, 'capacity building'],
  [
    /^(Developing|Development|Creating|Producing|Establishing|Updating|Publishing|Launching|Integrating)\b/,
    'development of tools or structures',
  ],
  [/^(Promoting|Fostering|Advancing|Spreading)\b/, 'promotion work'],
  [/^(Raising|Sensitizing|Publicizing)\b/, 'awareness-raising'],
  [/^(Empowering|Engaging)\b/, 'engagement of communities or youth'],
  [/^(Organizing|Presenting)\b/, 'events'],
  [/^(Implementing|Implementation)\b/, 'implementation support'],
  [/^(Preventing|Reducing|Countering|Curbing)\b/, 'prevention work'],
  [/^(Identifying|Assessing|Reviewing|Gathering)\b/, 'assessment and research'],
];
function activityKind(title: string, activities: string): string {
  const k = kindOf(title);
  if (k) return k;
  for (const [re, v] of VERB_KIND) if (re.test(activities.trim())) return v;
  return 'an activity';
}
function listWords(xs: string[]) {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
function summaryOf(p: {
  title: string;
  activities: string;
  leads: string[];
  themes: Theme[];
  scope: string;
  statusWord: string;
  period: ReturnType<typeof periodOf>;
}) {
  const who = p.leads.length
    ? `${p.leads[0]}${p.leads.length > 1 ? ` with ${listWords(p.leads.slice(1))}` : ''}`
    : 'UN entities';
  const topics = p.themes.slice(0, 3).map((t) => THEME_WORDS[t]);
  const about = topics.length ? ` on ${listWords(topics)}` : '';
  const scope = p.scope ? ` (scope: ${p.scope.replace(/\.$/, '')})` : '';
  const when =
    p.period && (p.period.start || p.period.end)
      ? ` covering ${p.period.start ?? '?'}${p.period.end && p.period.end !== p.period.start ? `–${p.period.end}` : p.period.end === null && p.period.start ? ' onward' : ''}`
      : '';
  const status =
    {
      ongoing: 'under way',
      completed: 'finished',
      pipeline: 'still being developed',
      planned: 'planned',
      unknown: 'of unclear status',
    }[p.statusWord] ?? p.statusWord;
  return `Matrix entry for ${activityKind(p.title, p.activities)} by ${who}${about}${scope}${when}. Reported as ${status} in February 2018.`;
}

// ------------------------------------------------------------------------------------------------
function main() {
  const dir = sourcesDir();
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = join(here, '..', 'data');
  const lines = loadDoc(dir, '003');
  const entities = readEntities(join(dataDir, 'entities.json'));
  const vocab = entityVocab(entities);
  const places = placeVocab(readStates(join(dataDir, 'member-states.json')));
  const { rows, headerCounts, intro } = readMatrix(lines);

  const projects = rows.map((r) => {
    const [titleCell, statusCell, activities, scopeCell] = r.cells;
    const src: Source = {
      document: DOC,
      paragraph: `annex II matrix, pillar ${r.pillar}, serial ${r.serial}${r.dupIndex ? ' (second row printed with this serial)' : ''}`,
    };
    const notes: string[] = [];
    const { rest, found, notes: peelNotes } = peelEntities(titleCell, vocab);
    notes.push(...peelNotes);
    const { title, duration } = peelDuration(rest);
    const period = periodOf(duration);
    if (found.length === 0) notes.push('No implementing entity recognised in the title cell.');
    const implementers = found
      .filter((f, i) => found.findIndex((g) => g.key === f.key) === i)
      .map((f, i) => ({ entity: f.key, role: i === 0 ? 'lead' : 'partner', source: src }));
    const remapped = found.filter((f) => f.asWritten !== f.key && !/^the /i.test(f.asWritten));
    if (remapped.length)
      notes.push(
        `Entities as printed: ${remapped.map((f) => `${f.asWritten} → ${f.key}`).join('; ')}.`,
      );
    if (found.some((f) => f.key === 'GCTCC'))
      notes.push(
        "'CTITF' as implementer is linked to the Compact record (GCTCC), which holds CTITF as an alias.",
      );

    // places: the scope column; when it says only "Regional"/"National", fall back to the title
    const scope = findPlaces(scopeCell, places);
    const generic = /^(Regional|National)$/i.test(scopeCell.trim());
    let states = scope.states,
      regions = scope.regions;
    let placeSrcNote = '';
    if (generic || (!states.length && !regions.length && !scope.global)) {
      const fromTitle = findPlaces(title, places);
      if (fromTitle.states.length || fromTitle.regions.length) {
        states = fromTitle.states;
        regions = fromTitle.regions;
        placeSrcNote = `Scope printed as "${scopeCell}"; ${[...states, ...regions].join(', ')} taken from the title.`;
      } else if (scopeCell.trim()) {
        placeSrcNote = `Scope "${scopeCell}" names no Member State or region the parser links.`;
      }
    }
    if (placeSrcNote) notes.push(placeSrcNote);
    if (scope.ignored.length) notes.push(`Not linked as places: ${scope.ignored.join('; ')}.`);
    if (/Global/i.test(scopeCell) && /regional/i.test(scopeCell))
      notes.push('Scope printed as global and regional; recorded as global.');
    const scopeEnts = vocab
      .filter(
        ([t]) =>
          t.length > 2 &&
          !PLACES.some(([n]) => n === t) &&
          new RegExp(`(?<![A-Za-z0-9-])${esc(t)}(?![A-Za-z0-9-])`).test(scopeCell),
      )
      .map(([, k]) => k);
    if (scopeEnts.length)
      notes.push(
        `Scope names organisations or missions rather than places (${[...new Set(scopeEnts)].join(', ')}); not linked.`,
      );
    if (/Selected countries/i.test(scopeCell))
      notes.push('Scope printed as selected (unnamed) countries of the region.');
    if (/coastal States/.test(scopeCell))
      notes.push('Scope printed as the coastal States of the region.');

    const text = `${title} ${activities}`;
    const resolutions = findResolutions(text).map((x) => {
      if (x.note) notes.push(`Resolution ${x.key}: ${x.note}.`);
      return { resolution: x.key, source: src };
    });
    const themes = THEME_RULES.flatMap(([theme, re]) => {
      const m = re.exec(text);
      return m
        ? [{ theme, how: 'inferred', rule: `keyword: ${m[0].toLowerCase()}`, source: src }]
        : [];
    });
    const status = statusOf(statusCell);
    if (status === 'unknown') notes.push(`Status "${statusCell}" not mapped.`);
    if (statusCell === 'In development') notes.push("Status 'In development' mapped to pipeline.");
    if (r.dupIndex)
      notes.push(
        `Serial ${r.serial} is printed twice in pillar ${r.pillar}; this is the second row, keyed with suffix -B.`,
      );
    else if (rows.some((o) => o !== r && o.pillar === r.pillar && o.serial === r.serial))
      notes.push(
        `Serial ${r.serial} is printed twice in pillar ${r.pillar}; this is the first row.`,
      );
    if (!duration) notes.push('No duration printed.');

    const key = `A72840-MX-${r.pillar}-${String(r.serial).padStart(3, '0')}${r.dupIndex ? '-B' : ''}`;
    return {
      key,
      title,
      aliases: [] as string[],
      codes: [] as string[],
      pillars: [r.pillar],
      summary: summaryOf({
        title,
        activities,
        leads: implementers.map((i) => i.entity),
        themes: themes.map((t) => t.theme),
        scope: scopeCell,
        statusWord: status,
        period,
      }),
      period,
      statuses: [{ status, asWritten: statusCell, asOf: AS_OF, source: src }],
      budgets: [],
      implementers,
      beneficiaries: states.map((s) => ({ state: s, source: src })),
      regions: regions.map((x) => ({ region: x, source: src })),
      global: scope.global,
      scopeAsWritten: scopeCell || undefined,
      resolutions,
      themes,
      sources: [src],
      illustrative: false,
      ...(notes.length ? { note: notes.join(' ') } : {}),
      _lines: r.lines,
      _printed: scope.printed,
    };
  });

  // -------------------------------------------------------------------------------------------- reconciliation
  const recon: {
    document: string;
    scope: string;
    stated: number | string | null;
    parsed: number | string | null;
    note?: string;
  }[] = [];
  const introTotal = Number(/total of (\d+) projects/.exec(intro.text)?.[1] ?? NaN);
  const introPer = new Map<Pillar, number>();
  for (const m of intro.text.matchAll(/(\d+) projects under Pillar (I|II|III|IV)\b/g))
    if (isPillar(m[2])) introPer.set(m[2], Number(m[1]));
  const headerSum = [...headerCounts.values()].reduce((a, b) => a + b.n, 0);
  recon.push({
    document: DOC,
    scope: 'matrix total (introduction, annex II matrix introduction)',
    stated: introTotal,
    parsed: rows.length,
    note: `The introduction (line ${intro.line}) states ${introTotal} projects (${[...introPer].map(([p, n]) => `${n} under pillar ${p}`).join(', ')}); the pillar headings print ${[...headerCounts].map(([, h]) => h.n).join('+')}=${headerSum} (the figure A/74/677 attributes to A/72/840); ${rows.length} rows were parsed.`,
  });
  recon.push({
    document: DOC,
    scope: 'matrix total (sum of pillar headings)',
    stated: headerSum,
    parsed: rows.length,
  });
  for (const p of PILLARS) {
    const pr = rows.filter((r) => r.pillar === p);
    const serials = pr.map((r) => r.serial);
    const max = Math.max(...serials);
    const missing = Array.from({ length: max }, (_, i) => i + 1).filter(
      (s) => !serials.includes(s),
    );
    const dups = [...new Set(serials.filter((s, i) => serials.indexOf(s) !== i))];
    const parts = [
      `serials run 1–${max}`,
      missing.length ? `serial(s) ${missing.join(', ')} not printed` : 'no serial missing',
      dups.length
        ? `serial(s) ${dups.join(', ')} printed twice (second row keyed with -B)`
        : 'no duplicate serial',
    ];
    const h = headerCounts.get(p);
    recon.push({
      document: DOC,
      scope: `matrix pillar ${p} (pillar heading)`,
      stated: h?.n ?? null,
      parsed: pr.length,
      note: parts.join('; ') + '.',
    });
    if (introPer.has(p) && introPer.get(p) !== h?.n) {
      recon.push({
        document: DOC,
        scope: `matrix pillar ${p} (introduction)`,
        stated: introPer.get(p)!,
        parsed: pr.length,
        note: `The introduction says ${introPer.get(p)}, the pillar heading says ${h?.n}.`,
      });
    }
  }
  // same printed title more than once (kept as separate rows, not merged)
  const byTitle = new Map<string, string[]>();
  for (const pj of projects) {
    const t = pj.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    (byTitle.get(t) ?? byTitle.set(t, []).get(t)!).push(pj.key);
  }
  for (const [, ks] of byTitle)
    if (ks.length > 1) {
      recon.push({
        document: DOC,
        scope: `matrix repeated title: ${projects.find((x) => x.key === ks[0])!.title}`,
        stated: null,
        parsed: ks.length,
        note: `Rows ${ks.join(', ')} print the same title; kept as separate rows (different serials, years, scope or pillar).`,
      });
    }
  const noEnt = projects.filter((p) => p.implementers.length === 0).map((p) => p.key);
  if (noEnt.length)
    recon.push({
      document: DOC,
      scope: 'matrix rows without a recognised implementing entity',
      stated: null,
      parsed: noEnt.length,
      note: noEnt.join(', '),
    });

  // -------------------------------------------------------------------------------------------- write
  const clean = projects.map(({ _lines, _printed, ...p }) => p);
  writeFileSync(
    join(dataDir, 'projects-a72840-matrix.json'),
    JSON.stringify(clean, null, 2) + '\n',
  );
  writeFileSync(
    join(dataDir, 'reconciliation-a72840-matrix.json'),
    JSON.stringify(recon, null, 2) + '\n',
  );

  // report for the curator
  const used = {
    states: new Set<string>(),
    regions: new Map<string, Set<string>>(),
    res: new Set<string>(),
  };
  for (const p of projects) {
    p.beneficiaries.forEach((b) => used.states.add(b.state));
    p.resolutions.forEach((x) => used.res.add(x.resolution));
    for (const [r, names] of Object.entries(p._printed))
      names.forEach((n) => (used.regions.get(r) ?? used.regions.set(r, new Set()).get(r)!).add(n));
    p.regions.forEach(
      (x) => used.regions.has(x.region) || used.regions.set(x.region, new Set(['(from title)'])),
    );
  }
  const per = PILLARS.map((p) => `${p}:${rows.filter((r) => r.pillar === p).length}`).join(' ');
  console.log(`rows parsed: ${rows.length} (${per})`);
  console.log(`states (${used.states.size}): ${[...used.states].sort().join(' ')}`);
  console.log(
    `regions: ${[...used.regions].map(([r, n]) => `${r} [${[...n].join(' | ')}]`).join('; ')}`,
  );
  console.log(`resolutions: ${[...used.res].join('; ')}`);
  console.log(`statuses: ${[...new Set(rows.map((r) => r.cells[1]))].join(' | ')}`);
}

main();
