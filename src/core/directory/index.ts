/** The bundled officials directory (US Congress): records, filters, contacts from them. */
export {
  legislatorSchema,
  parseLegislators,
  parseLegislatorsJson,
  type Chamber,
  type DirectoryParse,
  type DirectoryProblem,
  type Legislator,
} from './legislator';
export {
  directoryFacets,
  filterLegislators,
  type DirectoryFacets,
  type LegislatorFilter,
} from './filters';
export {
  committeeTag,
  legislatorExternalId,
  legislatorRole,
  legislatorTitle,
  legislatorToContact,
  parseOfficeAddress,
} from './to-contact';
export { US_CONGRESS_SNAPSHOT } from './snapshot';
export {
  DELEGATE_TERRITORIES,
  US_STATE_CODES,
  US_STATE_NAMES,
  isUsStateCode,
  type UsStateCode,
} from './us-states';
