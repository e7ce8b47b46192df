// Turns user text into Lucene queries for the two full-text indexes (ctkgSearch, ctkgSearchZh).

/** Characters the Lucene classic query parser treats as syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

// Han, kana and Hangul: what the `cjk` analyzer of ctkgSearchZh splits into bigrams.
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const WORD = /[\p{L}\p{N}]/u;

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

/**
 * Builds the Lucene queries for `text`.
 * - Non-CJK text: each whitespace-separated term becomes a quoted (escaped) phrase, so
 *   `S/RES/2396` matches its tokens in order and no character acts as syntax; every term is
 *   required (AND), and the whole text as one phrase is added with a boost so exact wording ranks
 *   first. Terms are exact: no fuzzy or prefix matching. Terms without a letter or digit are dropped.
 * - CJK runs: each run is a phrase (the cjk analyzer makes bigrams; the phrase keeps them in order),
 *   all runs required.
 * @example buildSearchQueries('G5 Sahel') // { query: '("g5" AND "sahel") OR "g5 sahel"^2', queryZh: null }
 */
export function buildSearchQueries(text: string): SearchQueries {
  const runs = [...text.matchAll(CJK_RUN)].map((m) => m[0]).slice(0, MAX_TERMS);
  const terms = [
    ...new Set(
      text
        .replace(CJK_RUN, ' ')
        .toLowerCase() // also keeps AND/OR/NOT from acting as operators
        .split(/\s+/)
        .filter((term) => WORD.test(term)),
    ),
  ].slice(0, MAX_TERMS);

  let query: string | null = null;
  if (terms.length === 1) {
    query = phrase(terms[0]!);
  } else if (terms.length > 1) {
    query = `(${terms.map(phrase).join(' AND ')}) OR ${phrase(terms.join(' '))}^2`;
  }
  const queryZh = runs.length === 0 ? null : runs.map(phrase).join(' AND ');
  return { query, queryZh };
}
