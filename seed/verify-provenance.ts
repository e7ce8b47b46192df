// Provenance verifier: for every stated link that cites a paragraph of one of the five source
// documents, open that paragraph and check that the linked node's name is printed there.
// Library (verifyProvenance, paragraphIndex, citedLinks) and CLI:
//   CTKG_SOURCES=../shared/seeds npx tsx seed/verify-provenance.ts
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DOCS,
  findWholeNames,
  loadDoc,
  matrixIndex,
  paragraphFor,
  sourcesDir,
  STATE_FALSE_FRIENDS,
  widerParagraphs,
} from './curation/sources-lib.js';
import { readDataset } from './dataset.js';
import type { Dataset, Source } from '../src/records/index.js';

/** A link whose `to` (or, for contributions, `from`) node must be named in the cited paragraph. */
export interface CitedLink {
  readonly from: string;
  readonly type: string;
  readonly to: string;
  readonly source: Source;
  /** Names the checked node goes by: any one printed in the paragraph confirms the link. */
  readonly names: readonly string[];
  /**
   * Longer names that contain one of `names` but name something else (another State, a false
   * friend): blanked before matching, so "Guinea" is not confirmed by "Guinea-Bissau".
   */
  readonly notInside?: readonly string[];
}

/** A link the verifier could not confirm, and why. */
export interface Unconfirmed {
  readonly document: string;
  readonly paragraph: string;
  readonly from: string;
  readonly type: string;
  readonly to: string;
  readonly reason:
    | 'paragraph not found'
    | 'name not in paragraph'
    | 'name only in an annex paragraph of that number';
  /** For the annex reason: the labels whose text names the node (`annex II, 38`). */
  readonly foundIn?: readonly string[];
}

/** Document key → citation label (lower case) → the text of every line under that label. */
export type ParagraphIndex = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Reads the five documents and files every line under the labels a citation may use. The main
 * label comes from `paragraphFor` (the same mapping the curation scripts cite with; it gives the
 * lettered practical steps of A/72/840 annex IV, `C.1(a)`, and A/74/677 annex V's sections,
 * `annex V, B (key principles)`), with the labels that contain it (`widerParagraphs`: `C.1`);
 * other labels are added where curators cite differently: UNCCT project sections of the UNCCT
 * report (`Output 4.1, UNCCT-2017-74`) and A/74/677 annex V's foreword (`annex V, foreword 1`).
 */
export function paragraphIndex(dir: string): ParagraphIndex {
  const index = new Map<string, Map<string, string>>();
  for (const { id, key } of DOCS) {
    const lines = loadDoc(dir, id);
    const mx = id === '003' ? matrixIndex(lines) : undefined;
    const labels = new Map<string, string[]>();
    // Filed as citedText reads a citation: lower case, a remark in parentheses dropped
    // ("annex V, B (key principles)" is found as "annex v, b").
    const file = (label: string, line: string) => {
      const k = label
        .replace(/\s+\([^)]*\)$/, '')
        .trim()
        .toLowerCase();
      labels.set(k, [...(labels.get(k) ?? []), line]);
    };
    let output = '';
    let project = 'introduction';
    lines.forEach((line, i) => {
      const n = i + 1;
      const main = paragraphFor(id, lines, n, mx);
      // "annex IV, C.1" also holds its lettered items; "annex V, B" its footnotes.
      for (const label of [main, ...widerParagraphs(id, lines, n, mx)]) file(label, line);
      if (id === '004') {
        if (main !== output) [output, project] = [main, 'introduction'];
        // A project section opens with its code and a colon (Exhibit V rows have no colon).
        const code = /^[#*<>b\s]*(UNCCT-[\dA-Za-z-]+?)(?:<\/b>)?:/.exec(line)?.[1];
        if (code) project = code;
        file(`${output}, ${project}`, line);
      }
      // A/74/677 annex V: the Secretary-General's foreword (paragraphs 1-3) is also cited as
      // "annex V, foreword 1".
      const fw = /^annex V, ([123])$/.exec(main)?.[1];
      if (id === '001' && fw && n < 614) file(`annex V, foreword ${fw}`, line);
    });
    index.set(key, new Map([...labels].map(([k, v]) => [k, v.join('\n')])));
  }
  return index;
}

/**
 * The paragraph text a citation points to, or undefined. Curators' remarks in parentheses are
 * dropped; A/72/840's annex II narrative is indexed per pillar, so a sub-heading citation reads
 * the pillar's narrative; a citation finer than any label (`annex V, item 3`) reads the longest
 * label it starts with.
 */
export function citedText(index: ParagraphIndex, source: Source): string | undefined {
  const labels = index.get(source.document);
  if (!labels) return undefined;
  let p = source.paragraph
    .replace(/\s+\([^)]*\)$/, '')
    .trim()
    .toLowerCase();
  const pillar = /^annex ii, pillar (1|i|ii|iii|iv)\b/.exec(p)?.[1];
  if (source.document === 'A/72/840' && pillar)
    p = `annex ii, pillar ${pillar === '1' ? 'i' : pillar} narrative`;
  const exact = labels.get(p);
  if (exact !== undefined) return exact;
  const wider = [...labels.keys()]
    .filter((l) => p.startsWith(`${l},`) || p.startsWith(`${l} `))
    .sort((a, b) => b.length - a.length)[0];
  return wider === undefined ? undefined : labels.get(wider);
}

// Print artefacts that would hide a name: markdown escapes, bold markers, HTML tags, curly quotes.
function normalise(text: string): string {
  return text
    .replace(/<[^>]+>|\*\*|\\/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * Whether `name` is printed in `text` as a whole word. Case-insensitive, except names without a
 * lower-case letter (acronyms): "WHO" or "ODA" must not be confirmed by "who" or "oda". Chinese
 * names are matched as substrings (Chinese has no word boundaries).
 */
export function mentions(text: string, name: string): boolean {
  const n = normalise(name).trim();
  if (!n) return false;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const flags = /\p{Ll}/u.test(n) ? 'iu' : 'u';
  // Boundaries only against Latin letters and digits, so "第2396号" still names 2396.
  return new RegExp(`(?<![\\p{Script=Latin}\\d])${escaped}(?![\\p{Script=Latin}\\d])`, flags).test(
    normalise(text),
  );
}

/**
 * Every link of the data set that is checked, with the names that confirm it. Checked: project
 * implementers, beneficiaries, regions and resolutions; recommendation addressees and resolutions
 * referred to; resolution mandates and recalls; region members read from a document; trust-fund
 * contributors. Not checked (names are paraphrased or not printed): themes, issuers, legal
 * instruments, IMPLEMENTS links.
 */
export function citedLinks(data: Dataset): CitedLink[] {
  const byKey = <T extends { key: string }>(rs: readonly T[]) => new Map(rs.map((r) => [r.key, r]));
  const entities = byKey(data.entities);
  const states = byKey(data['member-states']);
  const regions = byKey(data.regions);
  const resolutions = byKey(data.resolutions);
  const names = {
    entity: (k: string) => {
      const e = entities.get(k);
      return [k, ...(e ? [e.name, ...e.aliases, e.nameZh ?? ''] : [])];
    },
    // Not the ISO key: "CAN" or "AND" are never how a document names a State.
    state: (k: string) => {
      const s = states.get(k);
      return s ? [s.name, ...s.aliases, s.nameZh ?? ''] : [];
    },
    region: (k: string) => {
      const r = regions.get(k);
      return r ? [r.name, ...r.aliases, r.nameZh ?? ''] : [];
    },
    // The number ("2396", "72/284") as documents print it; asWritten keeps odd forms.
    resolution: (k: string) => {
      const r = resolutions.get(k);
      return [k, ...(r ? [r.number, ...r.asWritten.map((a) => a.text)] : [])];
    },
  };
  // Every State name (and the false friends) that contains a shorter State name.
  const allStateNames = [
    ...data['member-states'].flatMap((s) => [s.name, ...s.aliases, s.nameZh ?? '']),
    ...STATE_FALSE_FRIENDS,
  ].filter(Boolean);
  const longerThan = (ns: readonly string[]) =>
    allStateNames.filter(
      (l) => !ns.includes(l) && ns.some((n) => n && l.toLowerCase().includes(n.toLowerCase())),
    );
  const out: CitedLink[] = [];
  const add = (from: string, type: string, to: string, source: Source, n: string[]) =>
    out.push({ from, type, to, source, names: n.filter(Boolean) });
  const addState = (from: string, type: string, to: string, source: Source, n: string[]) => {
    const ns = n.filter(Boolean);
    const notInside = longerThan(ns);
    out.push({ from, type, to, source, names: ns, ...(notInside.length ? { notInside } : {}) });
  };
  for (const p of data.projects) {
    for (const l of p.implementers)
      add(p.key, 'IMPLEMENTED_BY', l.entity, l.source, names.entity(l.entity));
    for (const l of p.beneficiaries)
      addState(p.key, 'BENEFITS', l.state, l.source, names.state(l.state));
    for (const l of p.regions) add(p.key, 'COVERS', l.region, l.source, names.region(l.region));
    for (const l of p.resolutions)
      add(p.key, 'SUPPORTS', l.resolution, l.source, names.resolution(l.resolution));
  }
  for (const r of data.recommendations) {
    for (const l of r.addressedTo) {
      if ('entity' in l) add(r.key, 'ADDRESSED_TO', l.entity, l.source, names.entity(l.entity));
      else addState(r.key, 'ADDRESSED_TO', l.state, l.source, names.state(l.state));
    }
    for (const l of r.refersTo)
      if ('resolution' in l)
        add(r.key, 'REFERS_TO', l.resolution, l.source, names.resolution(l.resolution));
  }
  for (const r of data.resolutions) {
    for (const l of r.mandates) add(r.key, 'MANDATES', l.entity, l.source, names.entity(l.entity));
    for (const l of r.recalls)
      add(r.key, 'RECALLS', l.resolution, l.source, names.resolution(l.resolution));
  }
  for (const r of data.regions)
    for (const m of r.members)
      if (m.basis === 'document' && m.source)
        addState(m.state, 'MEMBER_OF', r.key, m.source, names.state(m.state));
  // A contributor list does not name the fund's owner: the contributor is what is checked.
  for (const c of data.contributions) {
    const from = c.state ?? c.contributorEntity ?? '';
    if (c.state) addState(from, 'CONTRIBUTES_TO', c.entity, c.source, names.state(c.state));
    else add(from, 'CONTRIBUTES_TO', c.entity, c.source, names.entity(from));
  }
  return out;
}

// Blanks the longer names first, so a name is only found as a whole name.
function withoutLonger(text: string, longer: readonly string[] | undefined): string {
  if (!longer?.length) return text;
  let t = normalise(text);
  for (const { asPrinted } of findWholeNames(
    t,
    longer.map((n) => [normalise(n), n] as const),
    { ignoreCase: true },
  ))
    t = t.split(asPrinted).join(' ');
  return t;
}

const DOCS_WITH_ANNEXES = new Set(['A/74/677', 'A/72/840']);

/**
 * The links whose cited paragraph is missing or does not print any of the node's names. A citation
 * of a body paragraph by bare number (`38`) whose node is named only in an annex paragraph of the
 * same number (`annex II, 38`) gets its own reason: the annex's numbering restarts, and this is the
 * mistake that number invites.
 */
export function verifyProvenance(
  links: readonly CitedLink[],
  index: ParagraphIndex,
): Unconfirmed[] {
  const out: Unconfirmed[] = [];
  for (const { from, type, to, source, names, notInside } of links) {
    const named = (text: string) => names.some((n) => mentions(withoutLonger(text, notInside), n));
    const text = citedText(index, source);
    if (text === undefined) {
      out.push({ ...source, from, type, to, reason: 'paragraph not found' });
      continue;
    }
    if (named(text)) continue;
    const num = /^\d+$/.exec(source.paragraph.trim())?.[0];
    const foundIn =
      num && DOCS_WITH_ANNEXES.has(source.document)
        ? ['I', 'II', 'III', 'IV', 'V']
            .map((a) => `annex ${a}, ${num}`)
            .filter((label) => {
              const t = index.get(source.document)?.get(label.toLowerCase());
              return t !== undefined && named(t);
            })
        : [];
    out.push(
      foundIn.length
        ? {
            ...source,
            from,
            type,
            to,
            reason: 'name only in an annex paragraph of that number',
            foundIn,
          }
        : { ...source, from, type, to, reason: 'name not in paragraph' },
    );
  }
  return out;
}

/** The curated data next to this file (load.ts would also pull in the database driver). */
export const SEED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), 'data');

// CLI: prints the unconfirmed links as JSON lines and a count per link type on stderr.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = paragraphIndex(sourcesDir());
  const links = citedLinks((await readDataset([SEED_DATA])).data);
  const unconfirmed = verifyProvenance(links, index);
  for (const u of unconfirmed) console.log(JSON.stringify(u));
  const count = new Map<string, [number, number]>();
  for (const l of links) {
    const c = count.get(l.type) ?? [0, 0];
    count.set(l.type, [c[0] + 1, c[1]]);
  }
  for (const u of unconfirmed) {
    const c = count.get(u.type) ?? [0, 0];
    count.set(u.type, [c[0], c[1] + 1]);
  }
  for (const [type, [n, bad]] of count) console.error(`${type}: ${n} checked, ${bad} unconfirmed`);
  console.error(`total: ${links.length} checked, ${unconfirmed.length} unconfirmed`);
}
