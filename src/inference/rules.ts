// The rules by which ctkg infers that a project may implement a recommendation: every weight and
// threshold in one place, under one version. Change a number here and bump RULES_VERSION: each
// inferred link and candidate list records the version that made it.

export const RULES_VERSION = 'implementation-rules/1';

export const WEIGHTS = {
  /** The recommendation is addressed to an entity that implements the project (lead or partner); counted once. */
  addressee: 3,
  /** Per thematic area both address, counted for at most `maxThemes` areas. */
  theme: 2,
  maxThemes: 2,
  /** The project benefits a State the recommendation is addressed to, or covers a region holding one; counted once. */
  place: 2,
  /** Per distinctive word both texts use, counted for at most `maxTerms` words. */
  term: 1,
  maxTerms: 3,
} as const;

export const THRESHOLDS = {
  /** A word is distinctive when at most this share of projects use it (and at least one does)… */
  termMaxShare: 0.03,
  /** …or at most this many projects, on a small graph. */
  termMinCount: 3,
  /** Words shorter than this are not compared. */
  termMinLength: 4,
  /** A project is a candidate from this score on. */
  candidateScore: 2,
  /** Candidates kept per recommendation, best first. */
  candidatesKept: 10,
  /**
   * An inferred IMPLEMENTS link needs this score and this many independent kinds of reason
   * (addressee, theme, place, words), one of them a shared thematic area: one kind alone never
   * makes a link, nor do an addressee and a few words without a common subject.
   */
  inferredScore: 6,
  inferredKinds: 2,
  /** Inferred links kept per recommendation, best first. */
  inferredKept: 5,
} as const;

/** Recommendation kinds a project can answer; the others ask for meetings, reports or decisions. */
export const PROJECT_ANSWERABLE = ['project'] as const;

/**
 * Words that say nothing about what a text is about in this corpus: English function words and
 * the vocabulary every counter-terrorism text shares.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after against all also among an and any are as at be because been before
  being between both but by can could do does during each either for from further had has have how
  however if in into is it its more most must no nor not of on once only or other our out over own
  per same shall should so some such than that the their them then there these they this those
  through to under until upon very was were what when where which while who whom why will with
  within without would system systems
  counter counterterrorism terrorism terrorist terrorists united nations nation office support
  supporting strengthen strengthening enhance enhancing build building capacity capacities project
  projects programme programmes program activity activities member states state including related
  relevant work efforts ensure implement implementation implementing develop development new
  international national regional global level levels area areas measures framework`
    .split(/\s+/)
    .filter(Boolean),
);
