export { recomputeInferences, type InferenceSummary } from './recompute.js';
export { REASON_SEPARATOR } from './inference.cypher.js';
export { RULES_VERSION, WEIGHTS, THRESHOLDS, PROJECT_ANSWERABLE } from './rules.js';
