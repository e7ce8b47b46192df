// The records area: the seed format's schemas, how records become graph rows, and the writer.
// The seed loader and the reporting area both write through it, so a reported project is checked
// and stored exactly as a curated one.
export * from './schema.js';
export {
  emptyDataset,
  recordLabel,
  SeedValidationError,
  validateRecords,
  type LoadedDataset,
  type RecordOrigin,
  type SeedIssue,
} from './dataset.js';
export {
  buildGraph,
  OWNED,
  REL_TYPES,
  type ExistingKeys,
  type Graph,
  type NodeRow,
  type Props,
  type RelRow,
  type RelType,
} from './graph.js';
export {
  refreshDerived,
  storeMissingDerived,
  writeGraph,
  writeGraphIn,
  type WriteOptions,
} from './write.js';
