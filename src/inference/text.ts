// Words of a title or summary as comparable stems, each with the first form the text printed, so
// a reason can name the word a reader will find ("officials", not the stem "offici").
import { stemmer } from 'stemmer';
import { STOPWORDS, THRESHOLDS } from './rules.js';

/** Stem → the word as first printed in the text. */
export function terms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  // Acronyms (UNOCT, CTED) name organisations, which the addressee rule already weighs.
  const words = (text.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) ?? [])
    .filter((w) => w !== w.toUpperCase())
    .map((w) => w.toLowerCase());
  for (const word of words) {
    for (const part of word.split(/[-']/)) {
      if (part.length < THRESHOLDS.termMinLength || STOPWORDS.has(part)) continue;
      const stem = stemmer(part);
      if (!out.has(stem)) out.set(stem, part);
    }
  }
  return out;
}
