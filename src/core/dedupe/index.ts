/** Likely duplicate contacts: scoring, blocking, and what a side-by-side merge shows. */
export {
  findDuplicatePairs,
  findMatchesFor,
  type DuplicateMatch,
  type DuplicateOptions,
  type DuplicatePair,
  type StoredContactLike,
} from './find-duplicates';
export type { DuplicateReason } from './score-pair';
export { normalizeEmail, phoneDigits, samePhone, nameTokens, nameSkeleton } from './contact-keys';
export { nameSimilarity, nameWords, type NameWords } from './name-similarity';
export {
  CHOOSABLE_FIELDS,
  LIST_ENTRY_KEYS,
  chosenFields,
  differingFields,
  unionBy,
  type ChoosableField,
  type FieldChoice,
  type FieldDifference,
} from './merge-fields';
