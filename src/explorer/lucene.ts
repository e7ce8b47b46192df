// Turns user text into Lucene queries for the two full-text indexes (ctkgSearch, ctkgSearchZh).

/** Characters the Lucene classic query parser treats as syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

// Han, kana and Hangul: what the `cjk` analyzer of ctkgSearchZh splits into bigrams.
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const WORD = /[\p{L}\p{N}]/u;
// A term that is a valid Lucene prefix as it stands: letters and digits only, nothing to escape.
// One letter would match a large part of the vocabulary, so it takes two.
const PREFIXABLE = /^[\p{L}\p{N}]{2,}$/u;

/** At most this many terms take part in a query (the text is at most 200 characters anyway). */
export const MAX_TERMS = 24;

/** Escapes every Lucene syntax character with a backslash, so the text is matched as words. */
export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** A quoted phrase: the analyzer splits it into tokens that must all occur, in order. */
const phrase = (text: string) => `"${escapeLucene(text)}"`;

export interface SearchQueries {
  /** Query of `ctkgSearch` (searchText, standard analyzer), or null when the text has no such terms. */
  readonly query: string | null;
  /** Query of `ctkgSearchZh` (nameZh, cjk analyzer), or null when the text has no CJK characters. */
  readonly queryZh: string | null;
}

export interface SearchOptions {
  /**
   * Type-ahead: the last (non-CJK) term also matches words it begins (`cte` finds `CTED`), when it
   * is letters and digits only and at least two long; any other term stays an exact phrase.
   */
  readonly prefix?: boolean;
}

/**
 * Builds the Lucene queries for `text`.
 * - Non-CJK text: each whitespace-separated term becomes a quoted (escaped) phrase, so
 *   `S/RES/2396` matches its tokens in order and no character acts as syntax; every term is
 *   required (AND), and the whole text as one phrase is added with a boost so exact wording ranks
 *   first. Terms are exact (no fuzzy matching), except the last one with `prefix`, which becomes
 *   `("term" OR term*)`: the exact word still scores above the words it begins, whose Lucene
 *   prefix query scores them all alike. Terms without a letter or digit are dropped.
 * - CJK runs: each run is a phrase (the cjk analyzer makes bigrams; the phrase keeps them in order),
 *   all runs required.
 * @example buildSearchQueries('G5 Sahel') // { query: '("g5" AND "sahel") OR "g5 sahel"^2', queryZh: null }
 * @example buildSearchQueries('G5 Sah', { prefix: true }).query // '("g5" AND ("sah" OR sah*)) OR "g5 sah"^2'
 */
export function buildSearchQueries(text: string, options: SearchOptions = {}): SearchQueries {
  const runs = [...text.matchAll(CJK_RUN)].map((m) => m[0]).slice(0, MAX_TERMS);
  const words = text
    .replace(CJK_RUN, ' ')
    .toLowerCase() // also keeps AND/OR/NOT from acting as operators
    .split(/\s+/)
    .filter((term) => WORD.test(term));
  const terms = [...new Set(words)].slice(0, MAX_TERMS);
  // The word being typed is the last one, wherever de-duplication put it.
  const last = words.at(-1);
  const partial =
    options.prefix === true && last !== undefined && PREFIXABLE.test(last) && terms.includes(last)
      ? last
      : null;
  const match = (term: string) =>
    term === partial ? `(${phrase(term)} OR ${term}*)` : phrase(term);

  let query: string | null = null;
  if (terms.length === 1) {
    query = match(terms[0]!);
  } else if (terms.length > 1) {
    query = `(${terms.map(match).join(' AND ')}) OR ${phrase(terms.join(' '))}^2`;
  }
  const queryZh = runs.length === 0 ? null : runs.map(phrase).join(' AND ');
  return { query, queryZh };
}
