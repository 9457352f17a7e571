/**
 * vCard 3.0 and 4.0 files (one or many cards, as phones and mail programs export them) →
 * the same preview as CSV: each card is a row, each property a column. Parsed by ical.js,
 * one card at a time, so one broken card is named and the others still import.
 */
import ICAL from 'ical.js';
import { convertRow, summarizePreview, type ImportPreview, type PreviewRow } from './convert-rows';
import { addressField, type ColumnMapping, type ImportField } from './import-fields';
import { TransferFileError } from './limits';
import { VCARD_EXTENSIONS } from './vcard-extensions';
import { normalizeCard } from './vcard-legacy';

type JCalProperty = [string, Record<string, unknown>, string, ...unknown[]];

/** Generic TYPE values that say nothing a person would use as a label. */
const GENERIC_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'msg']);

const text = (value: unknown): string =>
  Array.isArray(value)
    ? value.map(text).filter(Boolean).join(', ')
    : value == null
      ? ''
      : String(value);

function labelOf(params: Record<string, unknown>): string | undefined {
  if (typeof params['x-label'] === 'string' && params['x-label']) return params['x-label'];
  const types = ([] as unknown[])
    .concat(params.type ?? [])
    .flatMap((type) => String(type).split(','))
    .map((type) => type.trim());
  return types.find((type) => type && !GENERIC_TYPES.has(type.toLowerCase()));
}

const LIST_FIELDS = new Set<ImportField>(['emails', 'phones', 'websites', 'tags']);

const labelled = (value: string, label: string | undefined) =>
  label ? `${label}: ${value}` : value;

/** One card's cells: a column per property kind (lists joined by line breaks, as CSV cells). */
class CardColumns {
  readonly headers: string[] = [];
  readonly fields: ImportField[] = [];
  readonly cells: string[] = [];

  add(header: string, field: ImportField, cell: string): void {
    if (LIST_FIELDS.has(field)) {
      // One entry per line, and a closing line break: list cells then split on lines only.
      const at = this.fields.indexOf(field);
      if (at >= 0) {
        this.cells[at] = `${this.cells[at] ?? ''}${cell}\n`;
        return;
      }
      cell = `${cell}\n`;
    }
    this.headers.push(header);
    this.fields.push(field);
    this.cells.push(cell);
  }
}

function readProperties(properties: JCalProperty[]): CardColumns {
  const columns = new CardColumns();
  let formatted: string | undefined;
  let addresses = 0;
  for (const [name, params, , ...values] of properties) {
    const first = values[0];
    switch (name) {
      case 'fn':
        formatted = text(first);
        break;
      case 'n': {
        const parts = Array.isArray(first) ? first.map(text) : [text(first)];
        columns.add('N', 'familyName', parts[0] ?? '');
        columns.add('N', 'givenName', parts[1] ?? '');
        columns.add('N', 'middleName', parts[2] ?? '');
        columns.add('N', 'honorific', parts[3] ?? '');
        columns.add('N', 'nameSuffix', parts[4] ?? '');
        break;
      }
      case 'nickname':
        columns.add('NICKNAME', 'nickname', text(first));
        break;
      case 'org': {
        const [organization] = Array.isArray(first) ? first.map(text) : [text(first)];
        columns.add('ORG', 'organizationName', organization ?? '');
        break;
      }
      case 'title':
        columns.add('TITLE', 'title', text(first));
        break;
      case 'email':
        columns.add(
          'EMAIL',
          'emails',
          labelled(text(first).replace(/^mailto:/i, ''), labelOf(params)),
        );
        break;
      case 'tel':
        columns.add('TEL', 'phones', labelled(text(first).replace(/^tel:/i, ''), labelOf(params)));
        break;
      case 'url':
        // iOS escapes the colon of "https\://", which a URI value keeps as written.
        columns.add('URL', 'websites', labelled(text(first).replace(/\\:/g, ':'), labelOf(params)));
        break;
      case 'note':
        columns.add('NOTE', 'notes', text(first));
        break;
      case 'categories':
        columns.add('CATEGORIES', 'tags', values.map(text).join('\n'));
        break;
      case 'gender':
        columns.add('GENDER', 'formOfAddress', Array.isArray(first) ? text(first[0]) : text(first));
        break;
      case 'lang':
        if (!columns.fields.includes('preferredLanguage'))
          columns.add('LANG', 'preferredLanguage', text(first));
        break;
      case 'adr': {
        addresses += 1;
        const parts = (Array.isArray(first) ? first : [first]).map((part) =>
          Array.isArray(part) ? part.map(text).join('\n') : text(part),
        );
        const [
          poBox = '',
          extended = '',
          street = '',
          locality = '',
          region = '',
          code = '',
          country = '',
        ] = parts;
        const header = 'ADR';
        columns.add(
          header,
          addressField(addresses, 'lines'),
          [poBox, extended, street].filter(Boolean).join('\n'),
        );
        columns.add(header, addressField(addresses, 'locality'), locality);
        columns.add(header, addressField(addresses, 'region'), region);
        columns.add(header, addressField(addresses, 'postalCode'), code);
        columns.add(header, addressField(addresses, 'country'), country);
        columns.add(header, addressField(addresses, 'label'), labelOf(params) ?? '');
        break;
      }
      default: {
        const field = VCARD_EXTENSIONS[name.toUpperCase()];
        if (field) columns.add(name.toUpperCase(), field, text(first));
      }
    }
  }
  // The row reader drops a display name that only repeats the name's parts.
  if (formatted) columns.add('FN', 'displayName', formatted);
  return columns;
}

/** Who a card is about, read from its text, for naming a card that cannot be parsed. */
function cardPerson(cardText: string): string | undefined {
  const fn = /^FN[;:](?:[^:\r\n]*:)?(.+)$/im.exec(cardText)?.[1];
  if (fn) return fn.trim();
  const n = /^N[;:](?:[^:\r\n]*:)?(.+)$/im.exec(cardText)?.[1];
  const [family = '', given = ''] = n?.split(';') ?? [];
  return [given, family].filter(Boolean).join(' ').trim() || undefined;
}

function readCard(cardText: string, card: number): PreviewRow {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(normalizeCard(cardText));
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    const person = cardPerson(normalizeCard(cardText));
    return {
      row: card,
      problems: [{ code: 'malformed-card', row: card, detail, ...(person ? { person } : {}) }],
    };
  }
  const component = (
    Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : (parsed as unknown[])[0]
  ) as [string, JCalProperty[], unknown[]] | undefined;
  if (!component || component[0] !== 'vcard') {
    return { row: card, problems: [{ code: 'malformed-card', row: card, detail: 'not a vCard' }] };
  }
  const columns = readProperties(component[1]);
  const mapping: ColumnMapping = { fields: columns.fields, defaults: {} };
  return convertRow(columns.headers, { row: card, cells: columns.cells, problems: [] }, mapping);
}

/** Splits a file into cards: from each BEGIN:VCARD to the next (a card left open is named). */
export function splitCards(source: string): string[] {
  return source
    .replace(/^\uFEFF/, '')
    .split(/^(?=BEGIN:VCARD\s*$)/im)
    .filter((chunk) => /^BEGIN:VCARD/i.test(chunk))
    .map((chunk) => chunk.trim());
}

export function parseVCards(source: string): ImportPreview {
  if (source.trim() === '') throw new TransferFileError('empty');
  const cards = splitCards(source);
  if (cards.length === 0) throw new TransferFileError('no-cards');
  return summarizePreview(cards.map((card, index) => readCard(card, index + 1)));
}
