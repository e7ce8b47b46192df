// Finds every citation of a resolution or presidential statement in the five source documents and
// rewrites the `sources` (and `asWritten`) of seed/data/resolutions.json from them: one source per
// distinct document and paragraph, the curated sources first, in their order. Records the documents
// cite but the file lacks are added from the curated table below. Running it twice changes nothing.
// Run from the repo root with the folder of source documents as argument or in CTKG_SOURCES:
//   CTKG_SOURCES=../shared/seeds npx tsx seed/curation/cite-resolutions.ts
//   npx tsx seed/curation/cite-resolutions.ts ../shared/seeds
//   add --check to report what would change without writing (exit code 1 when something would)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ResolutionRecord } from '../../src/records/index.js';
import {
  DOCS,
  loadDoc,
  matrixIndex,
  paragraphFor,
  sourcesDir,
  widerParagraphs,
  type Source,
} from './sources-lib.js';

type Body = 'SC' | 'GA' | 'HRC';
type Kind = 'resolution' | 'presidential-statement';
type Resolution = z.input<typeof ResolutionRecord>;

/** One printed citation of a resolution or presidential statement. */
export interface Citation {
  readonly body: Body;
  readonly kind: Kind;
  /** `2396` (SC), `72/284` (GA), `35/34` (HRC), `2015/11` (presidential statement). */
  readonly number: string;
  /** The year printed with the citation, if any (it may be wrong: 2178 is once printed 2017). */
  readonly year: number | null;
  /** The citation as printed, in the form `asWritten` keeps (see `scanLine`). */
  readonly text: string;
  /** Where in the line it starts (0-based), for ordering within a line. */
  readonly at: number;
}

/** A number that looks like a resolution but is not counted as a citation, with the reason. */
export interface NotCounted {
  readonly number: string;
  readonly context: string;
  readonly reason: string;
}

// --------------------------------------------------------------------------------------- scanner
//
// A citation needs a printed marker: the word resolution(s) (any case, optionally after "Security
// Council", "General Assembly", "Human Rights Council"), SCR/UNSCR, the Chinese 第…号决议, or a
// document symbol (A/RES/…, S/RES/…, A/HRC/RES/…, S/PRST/…). The marker opens a list of items
// (`2396 (2017)`, `[2395 \(2017\)](#)`, `72/284`, `[A/RES/70/291](#)`) joined by commas, "and",
// 和 or 、. A bare number is never a citation on its own: "1540 Committee", "1267/1989/2253 …
// Sanctions Regime", "the 1267 and 1988 sanctions regimes", "1540 Points of Contact" name bodies,
// regimes and activities, not the resolution (seed/README.md, resolutions).

const YEAR = String.raw`\\?\(\s*((?:19|20)\d\d)\s*\\?\)`;
// A Security Council number (four digits), a GA/HRC session/number, or a GA symbol.
const NUM = String.raw`(A\/RES\/)?(\d{4}(?![\d/])|\d{2}\/\d{1,3}(?![\d/]))`;
const ITEM = new RegExp(String.raw`^\[?${NUM}(?:\s*${YEAR})?(?:\]\(#\))?`);
// "… of 28 September 2001" after an item (A/74/677 annex II, 53).
const DATED = /^\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}/;
// Between items; a bare space only before an item that prints its year (A/72/840 annex IV,
// footnote 3 drops a comma: "2341 (2017) 2354 (2017)").
const SEP = new RegExp(String.raw`^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+(?=\[?\d{4}\s*${YEAR}))`);
const MARKER =
  /(?:(?:UN |United Nations )?(Security Council|General Assembly|Human Rights Council) )?(?:[Rr]esolutions?|UNSCR|SCR)\s+(?=\[?(?:A\/RES\/)?\d)/g;
const ZH_MARKER = /(大会)?第\s*/g;
const ZH_ITEM = new RegExp(
  String.raw`^\[?(\d{4}(?![\d/])|\d{2}\/\d{1,3}(?![\d/]))(?:\s*${YEAR})?(?:\]\(#\))?`,
);
const ZH_SEP = /^\s*[和、]\s*/;
const ZH_END = /^\s*号决议/;
const SYMBOL =
  /\[?(?:(A\/HRC\/RES\/)(\d{2}\/\d{1,3})|(A\/RES\/)(\d{2}\/\d{1,3})|(S\/RES\/)(\d{4})(?:\s*\((\d{4})\))?|(S\/PRST\/)(\d{4}\/\d{1,3}))(?![\d/])(?:\]\(#\))?/g;
const COMMITTEE = /^\s*(?:Committee|委员会)/;

interface Item {
  symbol: boolean;
  number: string;
  year: number | null;
  text: string;
  at: number;
}

function bodyOf(number: string, prefix: string | undefined, before: string): Body {
  if (/^\d{4}$/.test(number)) return 'SC';
  if (prefix === 'Human Rights Council' || /Human Rights Council\W*$/.test(before)) return 'HRC';
  return 'GA';
}

/** Reads a list of items from `rest`; returns the items and the length consumed. */
function readList(rest: string, item: RegExp, sep: RegExp, at: number): [Item[], number] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    const m = item.exec(rest.slice(pos));
    if (!m) break;
    const [text] = m;
    const symbol = text.includes('A/RES/');
    const number = (item === ITEM ? m[2] : m[1]) ?? '';
    const year = item === ITEM ? m[3] : m[2];
    items.push({ symbol, number, year: year ? Number(year) : null, text, at: at + pos });
    pos += text.length;
    const dated = DATED.exec(rest.slice(pos));
    if (dated) pos += dated[0].length;
    const s = sep.exec(rest.slice(pos));
    if (!s || !item.test(rest.slice(pos + s[0].length))) break;
    pos += s[0].length;
  }
  return [items, pos];
}

/**
 * Every citation printed in one line, and the resolution-like numbers it does not count. The
 * `text` follows the `asWritten` convention of seed/data/resolutions.json: an item as printed
 * (`2396 (2017)`, `[2395 \(2017\)](#)`, `72/284`), with the SCR/UNSCR that opens the list on its
 * first item; a Security Council item printed without its year keeps the whole list from its
 * marker (`resolutions 1373, 1540 and 1624`); Chinese citations keep 第…号决议 (with 大会 when
 * printed before it).
 */
export function scanLine(line: string): { cited: Citation[]; notCounted: NotCounted[] } {
  const cited: Citation[] = [];
  const notCounted: NotCounted[] = [];
  const taken: [number, number][] = [];
  const add = (
    body: Body,
    kind: Kind,
    number: string,
    year: number | null,
    text: string,
    at: number,
  ) => cited.push({ body, kind, number, year, text, at });

  for (const m of line.matchAll(MARKER)) {
    const start = m.index;
    const listAt = start + m[0].length;
    const [items, length] = readList(line.slice(listAt), ITEM, SEP, listAt);
    if (!items.length) continue;
    const end = listAt + length;
    const phrase = line.slice(start, items.at(-1)!.at + items.at(-1)!.text.length);
    const scr = /^(UN)?SCR\s+$/.exec(m[0])?.[0];
    items.forEach((it, i) => {
      const after = line.slice(it.at + it.text.length);
      if (COMMITTEE.test(after)) {
        notCounted.push({
          number: it.number,
          context: phrase + ' Committee',
          reason: 'committee name',
        });
        return;
      }
      const body = it.symbol ? 'GA' : bodyOf(it.number, m[1], line.slice(0, start));
      const text =
        body === 'SC' && it.year === null ? phrase : i === 0 && scr ? scr + it.text : it.text;
      add(body, 'resolution', it.number, it.year, text, it.at);
    });
    taken.push([start, end]);
  }

  for (const m of line.matchAll(ZH_MARKER)) {
    const listAt = m.index + m[0].length;
    const [items, length] = readList(line.slice(listAt), ZH_ITEM, ZH_SEP, listAt);
    const end = ZH_END.exec(line.slice(listAt + length));
    if (!items.length || !end) continue;
    const phrase = line.slice(m.index, listAt + length + end[0].length);
    for (const it of items)
      add(
        bodyOf(it.number, m[1] ? 'General Assembly' : undefined, ''),
        'resolution',
        it.number,
        it.year,
        phrase,
        it.at,
      );
    taken.push([m.index, listAt + length + end[0].length]);
  }

  for (const m of line.matchAll(SYMBOL)) {
    if (taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const [text, hrc, hrcN, ga, gaN, sc, scN, scY, prst, prstN] = m;
    if (hrc && hrcN) add('HRC', 'resolution', hrcN, null, text, m.index);
    else if (ga && gaN) add('GA', 'resolution', gaN, null, text, m.index);
    else if (sc && scN) add('SC', 'resolution', scN, scY ? Number(scY) : null, text, m.index);
    else if (prst && prstN)
      add('SC', 'presidential-statement', prstN, Number(prstN.slice(0, 4)), text, m.index);
    taken.push([m.index, m.index + text.length]);
  }

  // Numbers of known shape left over: report them, so every exclusion is visible.
  for (const m of line.matchAll(/(?<![\d/.,\-\w])(\d{4})(?![\d])/g)) {
    const n = Number(m[1]);
    // Years (1945-2030) are left alone: 1988 and 1989 appear only inside regime names.
    if (n < 1000 || n >= 3000 || (n >= 1945 && n <= 2030)) continue;
    if (taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
    if (cited.some((c) => c.at === m.index || (c.at < m.index && m.index < c.at + c.text.length)))
      continue;
    const after = line.slice(m.index + 4, m.index + 40);
    const reason = COMMITTEE.test(after)
      ? 'committee name'
      : /^\//.test(after) || /^\s+and\s+\d{4}\s+sanctions/.test(after)
        ? 'sanctions-regime name'
        : 'name of an activity or group, no citation marker';
    const context = line.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\s+/g, ' ');
    notCounted.push({ number: m[1] ?? '', context, reason });
  }
  cited.sort((a, b) => a.at - b.at);
  return { cited, notCounted };
}

// ---------------------------------------------------------------------------- paragraph labels

/** Document key → citation label (lower case, curator's remark dropped) → the lines under it. */
export type LineIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<number>>>;

function bare(paragraph: string): string {
  return paragraph
    .replace(/\s+\([^)]*\)$/, '')
    .trim()
    .toLowerCase();
}

/**
 * The label a curated paragraph citation falls under, so that `annex I (Security Council)` and
 * `annex I`, `annex II, pillar II` and `annex II, pillar II narrative`, or `Output 4.2,
 * UNCCT-2017-73` and `Output 4.2` count as one paragraph (the reading of seed/verify-provenance.ts
 * `citedText`). Unknown labels are returned as they are.
 */
export function canonicalParagraph(
  document: string,
  paragraph: string,
  labels: ReadonlyMap<string, unknown>,
): string {
  let p = bare(paragraph);
  const pillar = /^annex ii, pillar (1|i|ii|iii|iv)\b/.exec(p)?.[1];
  if (document === 'A/72/840' && pillar)
    p = `annex ii, pillar ${pillar === '1' ? 'i' : pillar} narrative`;
  if (labels.has(p)) return p;
  const wider = [...labels.keys()]
    .filter((l) => p.startsWith(`${l},`) || p.startsWith(`${l} `))
    .sort((a, b) => b.length - a.length)[0];
  return wider ?? p;
}

// ------------------------------------------------------------------------------------ curation

/**
 * Records for resolutions the documents cite that resolutions.json lacked: our topic, and the year
 * where no citation prints it (with the note that says so).
 */
const ADDED: {
  body: Body;
  kind: Kind;
  number: string;
  year?: number;
  topic: string;
  note?: string;
}[] = [
  {
    body: 'HRC',
    kind: 'resolution',
    number: '35/34',
    year: 2017,
    topic:
      'Human Rights Council resolution on protecting human rights and fundamental freedoms while countering terrorism; cited with Council and Assembly resolutions that require counter-terrorism measures to comply with international law.',
    note: "Year not printed in the documents; 35/34 was adopted at the Council's thirty-fifth session, in June 2017. Cited once, in the Global Compact (A/72/840 annex III, 5), beside A/RES/70/148.",
  },
];

// Sentences of curated notes that counting every citation, or recording HRC resolutions, makes
// false: [pattern, replacement].
const STALE: [RegExp, string][] = [
  [/\s*Cited in \d+ places; sources capped at 8 \(every citing document kept\)\./, ''],
  [/; HRC resolutions are not recorded in this file\./, '; recorded as A/HRC/RES/35/34.'],
];

export function keyOf(body: Body, kind: Kind, number: string, year: number): string {
  if (kind === 'presidential-statement') return `S/PRST/${number}`;
  if (body === 'SC') return `S/RES/${number} (${year})`;
  if (body === 'HRC') return `A/HRC/RES/${number}`;
  return `A/RES/${number}`;
}

/** A citation with the line it is printed on and the source that cites it. */
export interface Found extends Citation {
  readonly line: number;
  readonly source: Source;
}

/** Every citation in the five documents, in document and line order, with its paragraph. */
export function findCitations(dir: string): {
  found: Found[];
  notCounted: (NotCounted & { source: Source })[];
  index: LineIndex;
} {
  const found: Found[] = [];
  const notCounted: (NotCounted & { source: Source })[] = [];
  const index = new Map<string, Map<string, Set<number>>>();
  for (const { id, key } of DOCS) {
    const lines = loadDoc(dir, id);
    const mx = id === '003' ? matrixIndex(lines) : undefined;
    const labels = new Map<string, Set<number>>();
    lines.forEach((text, i) => {
      const line = i + 1;
      const paragraph = paragraphFor(id, lines, line, mx);
      // A line is filed under paragraphFor's label and the labels that contain it, so curated
      // sources citing any of them cover it.
      for (const label of [paragraph, ...widerParagraphs(id, lines, line, mx)])
        (labels.get(bare(label)) ?? labels.set(bare(label), new Set()).get(bare(label))!).add(line);
      const source = { document: key, paragraph };
      const { cited, notCounted: skipped } = scanLine(text);
      for (const c of cited) found.push({ ...c, line, source });
      for (const s of skipped) notCounted.push({ ...s, source });
    });
    index.set(key, labels);
  }
  return { found, notCounted, index };
}

/**
 * The records with every citing paragraph in `sources` (curated sources first, in their order;
 * a citation is new when no source of the record covers its line), every new printed form in
 * `asWritten`, and the records that were missing, built from ADDED. `problems` lists citations
 * that could not be placed and printed years that differ from the record's without a correction.
 */
export function applyCitations(
  records: readonly Resolution[],
  found: readonly Found[],
  index: LineIndex,
): { records: Resolution[]; problems: string[] } {
  const problems: string[] = [];
  const out = records.map((r) => structuredClone(r));
  const idOf = (body: string, kind: string | undefined, number: string) =>
    `${body}|${kind ?? 'resolution'}|${number}`;
  const byNumber = new Map(out.map((r) => [idOf(r.body, r.kind, r.number), r]));
  const covers = (s: Source, c: Found) => {
    if (s.document !== c.source.document) return false;
    const labels = index.get(s.document) ?? new Map<string, ReadonlySet<number>>();
    const label = canonicalParagraph(s.document, s.paragraph, labels);
    return label === bare(c.source.paragraph) || (labels.get(label)?.has(c.line) ?? false);
  };

  for (const c of found) {
    const id = idOf(c.body, c.kind, c.number);
    let r = byNumber.get(id);
    if (!r) {
      const curated = ADDED.find((a) => idOf(a.body, a.kind, a.number) === id);
      const printed = found.find((f) => idOf(f.body, f.kind, f.number) === id && f.year)?.year;
      const year = printed ?? curated?.year;
      if (!curated || year === undefined) {
        problems.push(
          `no record and no curated topic for ${c.body} ${c.number} (${c.text}, ${c.source.document} ${c.source.paragraph})`,
        );
        continue;
      }
      r = {
        key: keyOf(c.body, c.kind, c.number, year),
        kind: c.kind,
        body: c.body,
        number: c.number,
        year,
        topic: curated.topic,
        asWritten: [],
        mandates: [],
        recalls: [],
        sources: [],
        illustrative: false,
        ...(curated.note ? { note: curated.note } : {}),
      };
      out.push(r);
      byNumber.set(id, r);
    }
    if (c.year !== null && c.year !== r.year && !r.correction)
      problems.push(
        `${r.key}: printed year ${c.year} in ${c.source.document} ${c.source.paragraph} has no correction`,
      );
    if (!r.sources.some((s) => covers(s, c))) r.sources.push(c.source);
    const asWritten = (r.asWritten ??= []);
    if (c.text !== r.key && !asWritten.some((a) => a.text === c.text))
      asWritten.push({ text: c.text, source: c.source });
  }

  for (const r of out)
    if (r.note) {
      const note = STALE.reduce((n, [s, by]) => n.replace(s, by), r.note).trim();
      if (note) r.note = note;
      else delete r.note;
    }
  return { records: out.map(ordered), problems };
}

// The key order of resolutions.json, so a rewrite only shows real changes.
function ordered(r: Resolution): Resolution {
  const {
    key,
    kind,
    body,
    number,
    year,
    topic,
    asWritten,
    correction,
    mandates,
    recalls,
    sources,
    illustrative,
    note,
    ...rest
  } = r;
  return {
    key,
    kind,
    body,
    number,
    year,
    topic,
    asWritten,
    ...(correction === undefined ? {} : { correction }),
    mandates,
    recalls,
    sources,
    illustrative,
    ...(note === undefined ? {} : { note }),
    ...rest,
  };
}

function main() {
  const dir = sourcesDir(process.argv.filter((a) => a !== '--check'));
  const check = process.argv.includes('--check');
  const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'resolutions.json');
  const before = readFileSync(target, 'utf8');
  const raw: unknown = JSON.parse(before);
  z.array(ResolutionRecord).parse(raw); // fail before touching an invalid file
  const records = raw as Resolution[];

  const { found, notCounted, index } = findCitations(dir);
  const { records: next, problems } = applyCitations(records, found, index);
  z.array(ResolutionRecord).parse(next);
  for (const p of problems) console.error(`WARN ${p}`);

  // Report for the curator: citations per record, what was not counted.
  const printed = new Map<string, number>();
  for (const c of found) {
    const key = next.find(
      (r) => r.body === c.body && (r.kind ?? 'resolution') === c.kind && r.number === c.number,
    )?.key;
    if (key) printed.set(key, (printed.get(key) ?? 0) + 1);
  }
  const rows = next
    .map((r) => ({ key: r.key, paragraphs: r.sources.length, printed: printed.get(r.key) ?? 0 }))
    .sort(
      (a, b) => b.paragraphs - a.paragraphs || b.printed - a.printed || a.key.localeCompare(b.key),
    );
  for (const row of rows)
    console.log(`${row.key}\t${row.paragraphs} paragraphs\t${row.printed} printed citations`);
  console.log(
    `total: ${next.length} records, ${rows.reduce((n, r) => n + r.paragraphs, 0)} citing paragraphs, ${found.length} printed citations`,
  );
  for (const n of notCounted)
    console.log(
      `not counted\t${n.number}\t${n.reason}\t${n.source.document} ${n.source.paragraph}\t${n.context}`,
    );

  const after = JSON.stringify(next, null, 1);
  if (after === before) console.error('resolutions.json: no change');
  else if (check) {
    console.error('resolutions.json: would change (--check)');
    process.exitCode = 1;
  } else {
    writeFileSync(target, after);
    console.error(`resolutions.json: wrote ${next.length} records`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
