/** Arabic-aware in-memory search over contacts (and any documents with text fields). */
export { normalizeForSearch, tokenize } from './normalize';
export {
  SearchIndex,
  type SearchDocument,
  type SearchHit,
  type SearchIndexOptions,
  type SearchOptions,
} from './search-index';
export type { SerializedSearchIndex } from './serialized-index';
export { CONTACT_SEARCH_FIELDS, contactDocument } from './contact-document';
export { ContactSearch, type ContactHit, type ContactSearchSnapshot } from './contact-search';
