/**
 * Proposes which contact field each source column fills, from its header: English or Arabic,
 * any case or spelling variant, "Email 2" and "Work phone" included. The user adjusts it.
 */
import { tokenize } from '../search/normalize';
import { headerKey, vendorFormat, vendorMapping } from './vendor-headers';
import { ADDRESS_SYNONYMS, FIELD_SYNONYMS, OFFICIAL_SYNONYMS } from './header-synonyms';
import {
  ADDRESS_PARTS,
  MAX_ADDRESS_SLOTS,
  MULTI_COLUMN_FIELDS,
  SIMPLE_FIELDS,
  addressField,
  parseAddressField,
  type AddressPart,
  type ColumnMapping,
  type ImportField,
  type SimpleField,
} from './import-fields';

export type MappingPreset = 'contacts' | 'officials';

/** What a list of officials is read into: name, title, chamber, district, party, address, email, phone. */
export const OFFICIALS_FIELDS: ReadonlySet<SimpleField | AddressPart> = new Set([
  'displayName',
  'givenName',
  'familyName',
  'honorific',
  'title',
  'chamber',
  'district',
  'party',
  'region',
  'country',
  'emails',
  'phones',
  'websites',
  'lines',
  'locality',
  'postalCode',
]);

type Target = { field: SimpleField } | { part: AddressPart };
interface Synonym {
  words: string[];
  target: Target;
}

/** Words that make a header describe a value rather than hold it ("Email 1 - Type"). */
const QUALIFIERS = new Set(['type', 'label', 'kind', 'نوع', 'تسميه']);

function buildSynonyms(preset: MappingPreset): Synonym[] {
  const synonyms: Synonym[] = [];
  const add = (phrases: readonly string[] | undefined, target: Target) => {
    for (const phrase of phrases ?? []) synonyms.push({ words: tokenize(phrase), target });
  };
  for (const field of SIMPLE_FIELDS) {
    if (preset === 'officials') add(OFFICIAL_SYNONYMS[field], { field });
    add(FIELD_SYNONYMS[field], { field });
  }
  for (const part of ADDRESS_PARTS) add(ADDRESS_SYNONYMS[part], { part });
  return synonyms;
}

const SYNONYMS: Record<MappingPreset, Synonym[]> = {
  contacts: buildSynonyms('contacts'),
  officials: buildSynonyms('officials'),
};

function containsRun(words: readonly string[], run: readonly string[]): number {
  outer: for (let start = 0; start + run.length <= words.length; start += 1) {
    for (let i = 0; i < run.length; i += 1) if (words[start + i] !== run[i]) continue outer;
    return start;
  }
  return -1;
}

function findTarget(words: readonly string[], synonyms: readonly Synonym[]): Target | undefined {
  const phrase = words.join(' ');
  const exact = synonyms.find((synonym) => synonym.words.join(' ') === phrase);
  if (exact) return exact.target;
  if (words.some((word) => QUALIFIERS.has(word))) return undefined;
  let best: { synonym: Synonym; end: number } | undefined;
  for (const synonym of synonyms) {
    if (synonym.words.length === 0 || synonym.words.join('').length < 3) continue;
    const start = containsRun(words, synonym.words);
    if (start < 0) continue;
    const end = start + synonym.words.length;
    if (
      !best ||
      synonym.words.length > best.synonym.words.length ||
      (synonym.words.length === best.synonym.words.length && end > best.end)
    ) {
      best = { synonym, end };
    }
  }
  return best?.synonym.target;
}

/** The field a header names, if we recognize it (address parts get their slot number). */
export function guessField(header: string, preset: MappingPreset = 'contacts'): ImportField {
  const tokens = tokenize(header);
  const numbers = tokens.filter((token) => /^\d+$/.test(token)).map(Number);
  const words = tokens.filter((token) => !/^\d+$/.test(token));
  const target = findTarget(words, SYNONYMS[preset]);
  if (!target) return 'ignore';
  if ('field' in target) {
    if (preset === 'officials' && !OFFICIALS_FIELDS.has(target.field)) return 'ignore';
    return target.field;
  }
  if (preset === 'officials' && !OFFICIALS_FIELDS.has(target.part)) return 'ignore';
  const slot = numbers[0] ?? 1;
  return slot >= 1 && slot <= MAX_ADDRESS_SLOTS ? addressField(slot, target.part) : 'ignore';
}

/**
 * A mapping for all columns: each recognized header gets its field; a field that takes one
 * column goes to the first column naming it, later ones are left out.
 */
export function guessMapping(
  headers: readonly string[],
  preset: MappingPreset = 'contacts',
): ColumnMapping {
  const vendor = preset === 'contacts' ? vendorFormat(headers) : undefined;
  if (vendor) {
    const columns = vendorMapping(headers);
    return {
      fields: onePerField(columns.map((column) => column.field)),
      labels: columns.map((column) => column.label),
      defaults: {},
    };
  }
  const keys = headers.map(headerKey);
  // Beside a "Job Title" column, "Title" is Mr./Dr. (as in Outlook's export).
  const honorificTitle = keys.includes('job title');
  return {
    fields: onePerField(
      headers.map((header, column) =>
        honorificTitle && keys[column] === 'title' ? 'honorific' : guessField(header, preset),
      ),
    ),
    defaults: preset === 'officials' ? { kind: 'official' } : {},
  };
}

/** A field that takes one column keeps the first column naming it; street lines add up. */
function onePerField(guesses: readonly ImportField[]): ImportField[] {
  const taken = new Set<ImportField>();
  return guesses.map((field) => {
    if (field === 'ignore') return field;
    const lines = parseAddressField(field)?.part === 'lines';
    if (taken.has(field) && !MULTI_COLUMN_FIELDS.has(field) && !lines) return 'ignore';
    taken.add(field);
    return field;
  });
}
