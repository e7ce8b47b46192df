import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDoc, paragraphFor, widerParagraphs } from './sources-lib.js';

// The documents are not in the repo. Default: ../shared/seeds beside the repository root.
const ROOT = new URL('../../', import.meta.url);
const SOURCES = process.env.CTKG_SOURCES || fileURLToPath(new URL('../shared/seeds', ROOT));

/** The 1-based number of the first line (from `after`) that starts with `start`. */
function lineOf(lines: string[], start: string, after = 1): number {
  const i = lines.findIndex((l, n) => n + 1 >= after && l.startsWith(start));
  if (i < 0) throw new Error(`no line starts with ${JSON.stringify(start)}`);
  return i + 1;
}

describe('paragraphFor on the source documents', () => {
  let a74677: string[];
  let a72840: string[];

  beforeAll(() => {
    // Fail, never skip, as the provenance verifier's test does.
    if (!statSync(SOURCES, { throwIfNoEntry: false })?.isDirectory())
      throw new Error(`source documents not found at ${SOURCES}: set CTKG_SOURCES`);
    a74677 = loadDoc(SOURCES, '001');
    a72840 = loadDoc(SOURCES, '003');
  });

  describe('A/74/677 annex V', () => {
    const label = (start: string) => {
      const annex = lineOf(a74677, 'Annex V');
      return paragraphFor('001', a74677, lineOf(a74677, start, annex));
    };

    it('numbers the foreword and the background, 1-8', () => {
      expect(label('1. With the territorial collapse')).toBe('annex V, 1');
      expect(label('A. Background')).toBe('annex V, 3');
      expect(label('8. This paper outlines')).toBe('annex V, 8');
    });

    it('cites the unnumbered bullets of B and C by their section, not as paragraph 8', () => {
      expect(label('B. Key Principles')).toBe('annex V, B (key principles)');
      expect(label('- **Member States have primary responsibility')).toBe(
        'annex V, B (key principles)',
      );
      // A sub-heading inside B, and a bullet after a footnote cut it.
      expect(label('Humanitarian and Human Rights Principles')).toBe('annex V, B (key principles)');
      expect(label('- **Torture in all forms is prohibited')).toBe('annex V, B (key principles)');
      expect(label('C. Operational Principles')).toBe('annex V, C (operational principles)');
      expect(label(' - The Coordination Committee')).toBe('annex V, C (operational principles)');
      const from = lineOf(a74677, 'B. Key Principles');
      const labels = a74677.map((_, i) => paragraphFor('001', a74677, i + 1)).slice(from - 1);
      expect(labels).not.toContain('annex V, 8');
    });

    it('keeps footnote labels, and files a footnote under the section it is printed in', () => {
      const footnote = lineOf(a74677, '² The International Covenant');
      expect(paragraphFor('001', a74677, footnote)).toBe('annex V, footnote 2');
      expect(widerParagraphs('001', a74677, footnote)).toEqual(['annex V, B (key principles)']);
      expect(widerParagraphs('001', a74677, lineOf(a74677, '8. This paper outlines'))).toEqual([]);
    });
  });

  describe('A/72/840 annex IV', () => {
    const line = (start: string) => lineOf(a72840, start, lineOf(a72840, 'Annex IV'));
    const label = (start: string) => paragraphFor('003', a72840, line(start));

    it('numbers paragraphs 1-20 and files a sub-heading under the paragraph before it', () => {
      expect(label('1. In its resolution 2395')).toBe('annex IV, 1');
      expect(label('2. Need for strengthened collaboration')).toBe('annex IV, 1');
      expect(label('2. Security Council resolution 2395')).toBe('annex IV, 2');
      expect(label('1. Mandates of UNOCT and CTED')).toBe('annex IV, 4');
      expect(label('5. CTED was established')).toBe('annex IV, 5');
      expect(label('2. The use of CTED')).toBe('annex IV, 7');
      expect(label('8. One of the key functions')).toBe('annex IV, 8');
      expect(label('3. Good practices and steps')).toBe('annex IV, 11');
      expect(label('16. Good progress')).toBe('annex IV, 16');
      expect(label('17. CTED and UNOCT have')).toBe('annex IV, 17');
      expect(label('20. CTED and UNOCT will work')).toBe('annex IV, 20');
    });

    it('labels the practical steps of C and D, not by the sub-heading numbers 1-5', () => {
      expect(label('C. Practical steps')).toBe('annex IV, C');
      expect(label('1. Priority regions')).toBe('annex IV, C.1');
      expect(label('a) CTED and the UNOCT will closely consult')).toBe('annex IV, C.1(a)');
      expect(label('c) UNOCT will ensure')).toBe('annex IV, C.1(c)');
      expect(label('2. Country visits')).toBe('annex IV, C.2');
      expect(label('d) Following a visit')).toBe('annex IV, C.2(d)');
      expect(label('b) UNOCT and CTED will undertake')).toBe('annex IV, C.3(b)');
      expect(label('4. Cooperation on design')).toBe('annex IV, C.4');
      expect(label('5. Sharing of information')).toBe('annex IV, C.5');
      expect(label('d) CTED will, as appropriate')).toBe('annex IV, C.5(d)');
      expect(label('UNOCT will also share with CTED')).toBe('annex IV, C.5');
      expect(label('D. Strategic communication')).toBe('annex IV, D');
      expect(label('a) CTED and UNOCT will deliver a joint presentation to the General')).toBe(
        'annex IV, D(a)',
      );
      expect(label('b) CTED and UNOCT will deliver')).toBe('annex IV, D(b)');
      expect(label('f) Where appropriate, UNOCT will invite')).toBe('annex IV, D(f)');
    });

    it('files a step under its heading too', () => {
      const wider = (start: string) => widerParagraphs('003', a72840, line(start));
      expect(wider('a) CTED and the UNOCT will closely consult')).toEqual(['annex IV, C.1']);
      expect(wider('18. During the development process')).toEqual(['annex IV, C.4']);
      expect(wider('b) CTED and UNOCT will deliver')).toEqual(['annex IV, D']);
      expect(wider('UNOCT will also share with CTED')).toEqual([]);
      expect(wider('5. CTED was established')).toEqual([]);
    });

    it('leaves annex V after it alone', () => {
      expect(paragraphFor('003', a72840, lineOf(a72840, 'Annex V'))).toBe('annex V');
    });
  });
});
