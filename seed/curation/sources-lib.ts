// Shared helpers for curation scripts: find the folder of source documents, read the five
// documents and map a 1-based line number to a citation paragraph as seed/FORMAT.md expects.
// Node built-ins only.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The folder of source documents: the first CLI argument, else the CTKG_SOURCES environment
 * variable. Without either, or when it is not a folder, prints one line and exits with code 2.
 */
export function sourcesDir(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const script = argv[1] ? relative(process.cwd(), argv[1]) : 'seed/curation/<script>.ts';
  const dir = argv[2] || env.CTKG_SOURCES;
  if (!dir) {
    console.error(
      `usage: npx tsx ${script} <sources-folder>, or CTKG_SOURCES=<sources-folder> npx tsx ${script}`,
    );
    process.exit(2);
  }
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    const from = argv[2] ? 'argument' : 'CTKG_SOURCES';
    console.error(`${script}: ${dir} (${from}) is not a folder of source documents`);
    process.exit(2);
  }
  return dir;
}

export interface Source {
  document: string;
  paragraph: string;
}

export const DOCS: { id: string; key: string }[] = [
  { id: '000', key: 'A/73/866' },
  { id: '001', key: 'A/74/677' },
  { id: '002', key: 'BlueSkyV-2020' },
  { id: '003', key: 'A/72/840' },
  { id: '004', key: 'UNCCT-AR-2018' },
];

export function loadDoc(dir: string, id: string): string[] {
  const f = readdirSync(dir).find((n) => n.startsWith(id + '_') && n.endsWith('.txt'));
  if (!f) throw new Error(`document ${id} not found in ${dir}`);
  return readFileSync(join(dir, f), 'utf8').split('\n');
}

const NUM = /^\s*(\d+)\.\s/;
function numberedPara(lines: string[], line: number, from: number): string | null {
  for (let i = line; i >= from; i--) {
    const para = NUM.exec(lines[i - 1] ?? '')?.[1];
    if (para) return para;
  }
  return null;
}

// A/72/840 annex IV (lines 955-1083) numbers its paragraphs 1-20 through the annex, and its
// sub-headings too, from 1 in each section: "2. The use of CTED's analysis …" (B), "1. Priority
// regions and areas for collaboration" … "5. Sharing of information" (C). A sub-heading is a title:
// one digit, no full stop after it, a short line (sub-headings run to 127 characters; the shortest
// paragraph line without a full stop, paragraph 8's, has 170). Section C opens at line 1017.
const SUB_HEADING = /^\d\. [A-Z][^.]*$/;
const isSubHeading = (l: string) => SUB_HEADING.test(l) && l.length < 150;
const A72840_IV_C = 1017;

/**
 * The paragraph of A/72/840 annex IV a line belongs to, without the "annex IV, " prefix. Up to
 * section C, the numbered paragraph (a sub-heading files under the paragraph before it, as a
 * section heading does). From section C ("C. Practical steps to be taken", line 1017) on, the
 * practical steps as recommendations and seed/verify-provenance.ts cite them: the section
 * heading `C` or `D`, a sub-heading of C `C.1`, a lettered step `C.1(a)` or `D(b)`, a numbered
 * paragraph by its number (16-20). A line that opens with a capital letter after a lettered step
 * is an unlettered item of its sub-heading (`C.5`, "UNOCT will also share …" after C.5 d)).
 * `heading` is the step heading the line falls under (`C`, `C.4`, `D`), '' before section C.
 */
function a72840AnnexIv(lines: string[], line: number): { label: string; heading: string } {
  let label = 'intro';
  let section = '';
  let group = '';
  for (let n = 955; n <= line; n++) {
    const l = lines[n - 1] ?? '';
    if (isSubHeading(l)) {
      if (n >= A72840_IV_C) label = group = `${section}.${l[0]}`;
      continue;
    }
    const para = NUM.exec(l)?.[1];
    if (para) {
      label = para;
      continue;
    }
    if (n < A72840_IV_C) continue;
    const head = /^([CD])\. /.exec(l)?.[1];
    const item = /^([a-z])\) /.exec(l)?.[1];
    if (head) label = section = group = head;
    else if (item) label = `${group}(${item})`;
    else if (/^[A-Z]/.test(l) && /\(.\)$/.test(label)) label = group;
  }
  return { label, heading: group };
}

/** 003 matrix: line -> { pillar, serial } (continuation lines belong to the previous serial). */
export function matrixIndex(lines: string[]): Map<number, { pillar: string; serial: string }> {
  const out = new Map<number, { pillar: string; serial: string }>();
  let pillar = '';
  let serial = '';
  for (let n = 392; n <= 847; n++) {
    const l = lines[n - 1] ?? '';
    const pm = /^Pillar (I|II|III|IV) of the UN Global/.exec(l)?.[1];
    if (pm) {
      pillar = pm;
      serial = '';
      continue;
    }
    const cells = l.split('\t');
    const first = cells[0] ?? ''; // split always yields at least one cell
    if (cells.length >= 5 && /^\d+$/.test(first.trim())) serial = first.trim();
    if (pillar && serial && cells.length >= 5 && first !== 'Serial') out.set(n, { pillar, serial });
  }
  return out;
}

const BSV_RECS: [number, number][] = [
  [20, 1],
  [21, 2],
  [25, 3],
  [26, 4],
  [32, 5],
  [36, 6],
  [40, 7],
  [41, 8],
  [43, 9],
  [49, 10],
  [55, 11],
  [56, 12],
  [60, 13],
  [64, 14],
  [65, 15],
  [66, 16],
];

const SUP: Record<string, string> = {
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁰': '0',
};
export function paragraphFor(
  id: string,
  lines: string[],
  line: number,
  mx?: Map<number, { pillar: string; serial: string }>,
): string {
  const fm = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s/.exec(lines[line - 1] ?? '')?.[1];
  if (fm) {
    const n = [...fm].map((c) => SUP[c] ?? '').join('');
    const where = paragraphForBody(id, lines, line, mx);
    const annex = /^annex [IVX]+/.exec(where)?.[0];
    return annex ? `${annex}, footnote ${n}` : `footnote ${n}`;
  }
  return paragraphForBody(id, lines, line, mx);
}

// A/74/677 annex V, B (630-682) and C (684-697): unnumbered bullets, cited by their section.
const A74677_B = 'annex V, B (key principles)';
const A74677_C = 'annex V, C (operational principles)';

function paragraphForBody(
  id: string,
  lines: string[],
  line: number,
  mx?: Map<number, { pillar: string; serial: string }>,
): string {
  if (id === '000') return numberedPara(lines, line, 1) ?? 'title';
  if (id === '001') {
    if (line < 278) return numberedPara(lines, line, 1) ?? 'header';
    if (line < 298) return 'annex I, ' + (numberedPara(lines, line, 278) ?? 'intro');
    if (line < 538) return 'annex II, ' + (numberedPara(lines, line, 298) ?? 'intro');
    if (line < 556) return 'annex III, ' + (numberedPara(lines, line, 538) ?? 'intro');
    if (line < 597) return 'annex IV';
    // Annex V numbers its foreword and background only (1-8); the bullets of B and C are not
    // numbered, and are cited by their section.
    if (line >= 684) return A74677_C;
    if (line >= 630) return A74677_B;
    return 'annex V, ' + (numberedPara(lines, line, 597) ?? 'foreword');
  }
  if (id === '002') {
    // The photo credit and caption (Mona Juul, Norway, 17 June 2020) are not part of the text.
    if (line >= 14 && line <= 16) return 'photo caption';
    let rec = 0;
    for (const [l, r] of BSV_RECS) if (line >= l) rec = r;
    return rec ? `rec. ${rec}` : 'introduction';
  }
  if (id === '003') {
    if (line <= 252) return numberedPara(lines, line, 15) ?? 'title';
    if (line <= 268) return 'annex I';
    if (line < 386) {
      const p = line < 316 ? 'I' : line < 344 ? 'II' : line < 370 ? 'III' : 'IV';
      return `annex II, pillar ${p} narrative`;
    }
    if (line < 392) return 'annex II matrix, introduction';
    if (line <= 847) {
      const m = (mx ?? matrixIndex(lines)).get(line);
      return m ? `annex II matrix, pillar ${m.pillar}, serial ${m.serial}` : 'annex II matrix';
    }
    if (line <= 953) return 'annex III, ' + (numberedPara(lines, line, 849) ?? 'intro');
    if (line <= 1083) return 'annex IV, ' + a72840AnnexIv(lines, line).label;
    return 'annex V';
  }
  if (id === '004') {
    if (line < 9) return 'Outcome 4';
    if (line < 118) return 'Output 4.1';
    if (line < 208) return 'Output 4.2';
    if (line < 226) return 'Output 4.3';
    return 'Output 4.4';
  }
  throw new Error('unknown doc ' + id);
}

/**
 * The labels that also hold a line, beside its `paragraphFor` label, so a citation of any of them
 * covers it: in A/72/840 annex IV, sections C and D, the step heading the line falls under
 * (`annex IV, C.1` holds its sub-heading, its lettered steps `C.1(a)` … and an unlettered item
 * after them; `annex IV, C.4` its paragraphs 17-20; `annex IV, D` its steps); in A/74/677 annex
 * V, B and C, the section a footnote is printed in (`annex V, footnote 2` is also in `annex V, B
 * (key principles)`). Empty for every other line.
 */
export function widerParagraphs(
  id: string,
  lines: string[],
  line: number,
  mx?: Map<number, { pillar: string; serial: string }>,
): string[] {
  const label = paragraphFor(id, lines, line, mx);
  if (id === '003' && line >= A72840_IV_C && line <= 1083 && !label.includes('footnote')) {
    const { heading } = a72840AnnexIv(lines, line);
    return heading && `annex IV, ${heading}` !== label ? [`annex IV, ${heading}`] : [];
  }
  const section = paragraphForBody(id, lines, line, mx);
  if (id === '001' && label.includes('footnote') && (section === A74677_B || section === A74677_C))
    return [section];
  return [];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isZh = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** A name found by `findWholeNames`: the vocabulary entry and the text as printed. */
export interface NameHit<T> {
  readonly name: string;
  readonly value: T;
  readonly asPrinted: string;
}

/**
 * The names of `vocab` printed in `text` as whole names. Longest name first, and every match is
 * blanked before shorter names are tried, so a name is never found inside a longer name of the
 * vocabulary: "Niger" not in "Nigeria", "Guinea" not in "Equatorial Guinea", "Guinea-Bissau" or
 * "Papua New Guinea", "Sudan" not in "South Sudan", "Dominica" not in "Dominican Republic", "Congo"
 * not in "Democratic Republic of the Congo". Put false friends in the vocabulary too ("Lake Chad",
 * "Gulf of Guinea") with a value that says so. Latin names need a non-letter, non-digit on both
 * sides; Chinese names (no word boundaries) match as substrings, also longest first (索马里 is
 * blanked before 马里 is tried). Hits come in the order they were found (longest name first).
 */
export function findWholeNames<T>(
  text: string,
  vocab: Iterable<readonly [name: string, value: T]>,
  { ignoreCase = false }: { ignoreCase?: boolean } = {},
): NameHit<T>[] {
  const sorted = [...vocab].filter(([n]) => n.trim()).sort((a, b) => b[0].length - a[0].length);
  const hits: NameHit<T>[] = [];
  let t = text;
  for (const [name, value] of sorted) {
    const body = escapeRe(name);
    const re = isZh(name)
      ? new RegExp(body, 'gu')
      : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, ignoreCase ? 'giu' : 'gu');
    t = t.replace(re, (m) => {
      hits.push({ name, value, asPrinted: m });
      return '\u0000'.repeat(m.length);
    });
  }
  return hits;
}

/**
 * Printed names that contain a Member State's name but do not name that State (a region, a lake, a
 * terrorist group, a part of a country). Used with `findWholeNames` so that they are matched, and
 * blanked, before the State's own name.
 */
export const STATE_FALSE_FRIENDS: readonly string[] = [
  'Islamic State in Iraq',
  'Islamic State of Iraq',
  'Lake Chad',
  'Gulf of Guinea',
  'Middle Guinea',
  'Forested Guinea',
];
