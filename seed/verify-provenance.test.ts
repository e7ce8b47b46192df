import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from './dataset.js';
import {
  citedLinks,
  mentions,
  paragraphIndex,
  SEED_DATA,
  verifyProvenance,
  type CitedLink,
  type ParagraphIndex,
} from './verify-provenance.js';

// The documents are not in the repo. Default: ../shared/seeds beside the repository root.
const ROOT = new URL('../', import.meta.url);
const SOURCES = process.env.CTKG_SOURCES || fileURLToPath(new URL('../shared/seeds', ROOT));

describe('mentions', () => {
  it('matches whole words, acronyms only in capitals, Chinese as substrings', () => {
    expect(mentions('Mali and Niger', 'mali')).toBe(true);
    expect(mentions('Somalia', 'Mali')).toBe(false);
    expect(mentions('those who can', 'WHO')).toBe(false);
    expect(mentions('第2396(2017)号决议', '2396')).toBe(true);
    expect(mentions('UN **Women**', 'UN Women')).toBe(true);
  });
});

describe('verifyProvenance against the source documents', () => {
  let index: ParagraphIndex;
  let links: CitedLink[];

  beforeAll(async () => {
    // Fail, never skip: a missing folder would otherwise let the list grow unnoticed.
    if (!statSync(SOURCES, { throwIfNoEntry: false })?.isDirectory())
      throw new Error(`source documents not found at ${SOURCES}: set CTKG_SOURCES`);
    index = paragraphIndex(SOURCES);
    links = citedLinks((await readDataset([SEED_DATA])).data);
  });

  const find = (from: string, type: string, to: string) => {
    const link = links.find((l) => l.from === from && l.type === type && l.to === to);
    if (!link) throw new Error(`no link ${from} ${type} ${to} in the seed data`);
    return link;
  };

  it('confirms links checked by hand', () => {
    const good = [
      find('UNCCT-2017-74', 'IMPLEMENTED_BY', 'UNOWAS'), // UNCCT report, Output 4.1 section
      find('A72840-MX-II-029', 'IMPLEMENTED_BY', 'IMO'), // matrix row: "… IMO, UNODC, INTERPOL"
      find('SAU', 'CONTRIBUTES_TO', 'UNOCT'), // A/74/677 annex IV, item 1
      find('A72840-77', 'REFERS_TO', 'S/RES/2396 (2017)'), // Chinese body, para 77
      find('A72840-IV-C1-a', 'ADDRESSED_TO', 'CTED'), // annex IV lettered step C.1(a)
    ];
    expect(verifyProvenance(good, index)).toEqual([]);
  });

  it('reports a link whose paragraph does not name the node, or does not exist', () => {
    const mali = { from: 'A72840-MX-II-029', type: 'BENEFITS', to: 'MLI', names: ['Mali'] };
    const source = { document: 'A/72/840', paragraph: 'annex II matrix, pillar II, serial 29' };
    const missing = { document: 'A/72/840', paragraph: 'annex IX, 1' };
    expect(
      verifyProvenance(
        [
          { ...mali, source },
          { ...mali, source: missing },
        ],
        index,
      ),
    ).toEqual([
      { ...source, from: mali.from, type: 'BENEFITS', to: 'MLI', reason: 'name not in paragraph' },
      { ...missing, from: mali.from, type: 'BENEFITS', to: 'MLI', reason: 'paragraph not found' },
    ]);
  });

  it('confirms a State only by its whole name, never inside a longer State name', () => {
    const gin = find('A72840-MX-I-110', 'BENEFITS', 'GIN');
    expect(gin.notInside).toEqual(expect.arrayContaining(['Guinea-Bissau', 'Papua New Guinea']));
    const only = new Map([
      ['A/72/840', new Map([['x', 'Guinea-Bissau, Papua New Guinea, Nigeria and South Sudan']])],
    ]);
    const source = { document: 'A/72/840', paragraph: 'x' };
    const check = (to: string, names: string[], notInside: string[]) =>
      verifyProvenance([{ from: 'P', type: 'BENEFITS', to, source, names, notInside }], only);
    expect(check('GIN', ['Guinea'], [...gin.notInside!])).toHaveLength(1);
    expect(check('NER', ['Niger'], ['Nigeria'])).toHaveLength(1);
    expect(check('SDN', ['Sudan'], ['South Sudan'])).toHaveLength(1);
    expect(check('NGA', ['Nigeria'], [])).toEqual([]);
  });

  it('names the annex paragraph when a body paragraph number is cited for annex text', () => {
    // A/74/677 body paragraph 38 is on women, peace and security; annex II, 38 is I-ACT in Burkina Faso.
    const link = find('A74677-NP-i-act', 'BENEFITS', 'BFA');
    const source = { document: 'A/74/677', paragraph: '38' };
    expect(verifyProvenance([{ ...link, source }], index)).toEqual([
      {
        ...source,
        from: link.from,
        type: 'BENEFITS',
        to: 'BFA',
        reason: 'name only in an annex paragraph of that number',
        foundIn: ['annex II, 38'],
      },
    ]);
  });

  it('leaves as many unconfirmed links as seed/README.md records', () => {
    // The README states the count so the list can only change knowingly.
    const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');
    const stated = /Unconfirmed today: \*\*(\d+)\*\*/.exec(readme)?.[1];
    expect(stated, 'seed/README.md must state "Unconfirmed today: **N**"').toBeDefined();
    expect(verifyProvenance(links, index)).toHaveLength(Number(stated));
  });
});
