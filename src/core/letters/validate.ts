/**
 * Checks before generating: the template itself (document shape, Liquid syntax with line and
 * column, unknown field names), then each recipient's data (no postal address, no family name…).
 * Problems are codes with data; the UI words them and offers "skip these" or "use fallbacks".
 */
import { isCompletePostalAddress } from '../domain/contact';
import type { Template } from '../domain/template';
import { parseTemplateBody, TemplateBodyError } from './document';
import {
  findField,
  FIELD_CATALOGUE,
  type LetterData,
  type LetterRecipient,
  type MissingDataCode,
} from './fields';
import { letterLanguage } from './language';
import { createLiquid } from './liquid';
import { cleanText } from './sanitize';
import { flattenDocument, plainSource } from './source';

export type TemplatePart = 'subject' | 'body' | 'closing' | 'signature';

export type TemplateProblem =
  | { code: 'invalid-document'; part: 'body'; message: string }
  | {
      code: 'syntax-error';
      part: TemplatePart;
      /** 1-based, as LiquidJS counts: in the body, line N is block N (paragraph, heading or list item). */
      line: number;
      column: number;
      /** 0-based index of the body block (see flattenDocument). */
      block?: number;
      message: string;
    }
  | { code: 'unknown-field'; part: TemplatePart; field: string; block?: number };

type Wording = Pick<Template, 'subject' | 'body' | 'closing' | 'signature'>;

/** String members of a field that Liquid can read (`target.family_name.size`). */
const STRING_MEMBERS = new Set(['size', 'first', 'last']);

function knownVariable(path: string): boolean {
  if (findField(path)) return true;
  const parts = path.split('.');
  const member = parts.pop();
  return (
    member !== undefined && STRING_MEMBERS.has(member) && findField(parts.join('.')) !== undefined
  );
}

const POSITION = /,?\s*line:(\d+), col:(\d+)/;

function partSources(
  wording: Wording,
): { part: TemplatePart; source: string; blocks?: string[] }[] | TemplateProblem {
  let blocks: string[];
  try {
    blocks = flattenDocument(parseTemplateBody(wording.body)).map((b) => b.text);
  } catch (error) {
    if (error instanceof TemplateBodyError)
      return { code: 'invalid-document', part: 'body', message: error.message };
    throw error;
  }
  return [
    { part: 'subject', source: cleanText(wording.subject ?? '') },
    { part: 'body', source: plainSource(blocks.map((text) => ({ text }))), blocks },
    { part: 'closing', source: cleanText(wording.closing ?? '') },
    { part: 'signature', source: cleanText(wording.signature ?? '') },
  ];
}

/** Everything wrong with a template's wording, in reading order; empty when it can be used. */
export function validateTemplate(wording: Wording): TemplateProblem[] {
  const parts = partSources(wording);
  if (!Array.isArray(parts)) return [parts];
  const liquid = createLiquid();
  const problems: TemplateProblem[] = [];
  for (const { part, source, blocks } of parts) {
    let variables: string[];
    try {
      variables = liquid.globalFullVariablesSync(liquid.parse(source));
    } catch (error) {
      const message = (error as Error).message;
      const position = POSITION.exec(message);
      const line = Number(position?.[1] ?? 1);
      const column = Number(position?.[2] ?? 1);
      problems.push({
        code: 'syntax-error',
        part,
        line,
        column,
        ...(blocks ? { block: line - 1 } : {}),
        message: message.replace(POSITION, ''),
      });
      continue;
    }
    for (const field of new Set(variables)) {
      if (knownVariable(field)) continue;
      const block = blocks?.findIndex((text) => text.includes(field));
      problems.push({
        code: 'unknown-field',
        part,
        field,
        ...(block !== undefined && block >= 0 ? { block } : {}),
      });
    }
  }
  return problems;
}

const CONDITION = /\{%-?\s*(?:if|elsif|unless)\b([\s\S]*?)-?%\}/g;
const mentions = (text: string, name: string) =>
  new RegExp(`(^|[^\\w.])${name.replace(/\./g, '\\.')}(?![\\w.])`).test(text);

/**
 * The catalogue fields a template uses, and whether the template copes when one is empty: every
 * output of it has a `| default:` (a chip's fallback is one), or the template tests it in an
 * `{% if %}`, `{% elsif %}` or `{% unless %}`.
 */
export function fieldsUsed(wording: Wording): Map<string, { hasFallback: boolean }> {
  const parts = partSources(wording);
  const used = new Map<string, { hasFallback: boolean }>();
  if (!Array.isArray(parts)) return used;
  const liquid = createLiquid();
  const conditions = parts.flatMap(({ source }) =>
    [...source.matchAll(CONDITION)].map((m) => m[1] ?? ''),
  );
  for (const { source } of parts) {
    let variables: string[];
    try {
      variables = liquid.globalFullVariablesSync(liquid.parse(source));
    } catch {
      continue;
    }
    for (const name of variables) {
      if (!findField(name)) continue;
      const escaped = name.replace(/\./g, '\\.');
      const uses = source.match(new RegExp(`\\{\\{-?\\s*${escaped}(?![\\w.])[^}]*`, 'g')) ?? [];
      const defaulted = uses.every((use) => /\|\s*default\s*:/.test(use));
      const tested = conditions.some((condition) => mentions(condition, name));
      const previous = used.get(name);
      used.set(name, { hasFallback: (previous?.hasFallback ?? true) && (defaulted || tested) });
    }
  }
  return used;
}

export type RecipientProblemCode =
  MissingDataCode | 'incomplete-postal-address' | 'do-not-contact' | 'form-of-address-unknown';

export interface RecipientProblem {
  code: RecipientProblemCode;
  /** The field whose data is missing. */
  field?: string;
  /** True when generating anyway prints a fallback rather than a gap. */
  hasFallback: boolean;
}

export interface RecipientCheck {
  recipientId: string;
  contactId: string;
  problems: RecipientProblem[];
}

export type RecipientCheckOptions = Omit<LetterData, 'recipient' | 'language'> & {
  /** Letters print the recipient block from the first postal address. */
  printsAddressBlock?: boolean;
};

/**
 * Per recipient, the data the template needs and the record lacks. Only recipients with problems
 * are listed. `printsAddressBlock` (default true for letters) reports a missing postal address
 * even when the body does not use it.
 */
export function checkRecipients(
  template: Wording & Pick<Template, 'language'> & Partial<Pick<Template, 'kind'>>,
  recipients: readonly LetterRecipient[],
  options: RecipientCheckOptions,
): RecipientCheck[] {
  const used = fieldsUsed(template);
  const language = letterLanguage(template.language);
  const printsAddress = options.printsAddressBlock ?? (template.kind ?? 'letter') === 'letter';
  const checks: RecipientCheck[] = [];
  for (const recipient of recipients) {
    const data: LetterData = { ...options, recipient, language };
    const problems: RecipientProblem[] = [];
    if (recipient.contact.doNotContact)
      problems.push({ code: 'do-not-contact', hasFallback: false });
    for (const definition of FIELD_CATALOGUE) {
      const use = used.get(definition.id);
      if (!use || !definition.missingCode) continue;
      const value = definition.value(data);
      if (value === null || value === '') {
        problems.push({
          code: definition.missingCode,
          field: definition.id,
          hasFallback: use.hasFallback,
        });
      }
    }
    if (
      printsAddress &&
      !recipient.contact.addresses[0] &&
      !problems.some((p) => p.code === 'no-postal-address')
    ) {
      problems.push({ code: 'no-postal-address', hasFallback: false });
    }
    const address = recipient.contact.addresses[0];
    // Imports keep partial addresses (a city alone); a letter needs a street and a city.
    if (printsAddress && address && !isCompletePostalAddress(address)) {
      problems.push({ code: 'incomplete-postal-address', hasFallback: false });
    }
    if (
      language === 'ar' &&
      used.has('salutation') &&
      recipient.contact.formOfAddress === 'unknown'
    ) {
      problems.push({ code: 'form-of-address-unknown', field: 'salutation', hasFallback: true });
    }
    if (problems.length)
      checks.push({ recipientId: recipient.id, contactId: recipient.contact.id, problems });
  }
  return checks;
}
