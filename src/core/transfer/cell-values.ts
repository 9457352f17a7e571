/** Reads one cell into a field's value: enumerations in either language, lists, yes/no. */
import { CHAMBERS, CONTACT_KINDS, FORMS_OF_ADDRESS } from '../domain/contact';
import { languageTagSchema } from '../domain/common';
import { normalizeForSearch } from '../search/normalize';
import {
  CHAMBER_WORDS,
  FORM_OF_ADDRESS_WORDS,
  KIND_WORDS,
  LANGUAGE_WORDS,
  NO_WORDS,
  YES_WORDS,
} from './value-words';

function lookup<T extends string>(
  codes: readonly T[],
  words: Readonly<Record<T, readonly string[]>>,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(normalizeForSearch(code), code);
    for (const word of words[code]) map.set(normalizeForSearch(word), code);
  }
  return map;
}

const KINDS = lookup(CONTACT_KINDS, KIND_WORDS);
const CHAMBER_CODES = lookup(CHAMBERS, CHAMBER_WORDS);
const FORMS = lookup(FORMS_OF_ADDRESS, FORM_OF_ADDRESS_WORDS);
const BOOLEANS = new Map<string, boolean>([
  ...YES_WORDS.map((word) => [normalizeForSearch(word) || word, true] as const),
  ...NO_WORDS.map((word) => [normalizeForSearch(word), false] as const),
]);
const LANGUAGES = new Map<string, string>(
  Object.entries(LANGUAGE_WORDS).flatMap(([tag, names]) =>
    names.map((name) => [normalizeForSearch(name), tag] as const),
  ),
);

export const readKind = (cell: string) => KINDS.get(normalizeForSearch(cell));
export const readChamber = (cell: string) => CHAMBER_CODES.get(normalizeForSearch(cell));
export const readFormOfAddress = (cell: string) => FORMS.get(normalizeForSearch(cell));
export const readYesNo = (cell: string) => BOOLEANS.get(normalizeForSearch(cell) || cell.trim());

export function readLanguage(cell: string): string | undefined {
  const trimmed = cell.trim();
  if (languageTagSchema.safeParse(trimmed).success) return trimmed;
  const lower = trimmed.toLowerCase();
  if (languageTagSchema.safeParse(lower).success) return lower;
  return LANGUAGES.get(normalizeForSearch(trimmed));
}

/**
 * Entries of a list cell. A cell with line breaks is split on them only (that is how Tadamun
 * exports lists); otherwise on semicolons, and on commas too where values cannot hold one.
 */
export function splitList(cell: string, { commas }: { commas: boolean }): string[] {
  // Google Contacts joins several values of one column with " ::: ".
  const separator = /[\r\n]/.test(cell)
    ? /\r?\n|\r/
    : cell.includes(' ::: ')
      ? / ::: /
      : commas
        ? /[;,،؛]/
        : /[;؛]/;
  return cell
    .split(separator)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** "Work: +961 1 234" → label "Work"; a bare value has none. URLs keep their "https:". */
export function splitLabel(entry: string): { label?: string; value: string } {
  const match = /^([^:\s/][^:/]{0,59}):\s+(\S.*)$/s.exec(entry);
  if (!match?.[1] || !match[2]) return { value: entry };
  return { label: match[1].trim(), value: match[2].trim() };
}

/** The mark Tadamun's CSV export puts before cells a spreadsheet would run as formulas. */
const FORMULA_GUARD = /^'(?=['=+\-@\t\r])/;
export const unguardFormula = (cell: string) => cell.replace(FORMULA_GUARD, '');
