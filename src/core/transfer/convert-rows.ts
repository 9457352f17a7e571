/**
 * Source rows → contact inputs checked against the contact schema. Each row either becomes a
 * valid ContactInput or lists its problems, each naming the row and the column it came from.
 */
import type { z } from 'zod';
import { contactInputSchema, type ValidContactInput } from '../domain/contact';
import {
  readChamber,
  readFormOfAddress,
  readKind,
  readLanguage,
  readYesNo,
  splitLabel,
  splitList,
  unguardFormula,
} from './cell-values';
import { parseAddressField, type ColumnMapping, type ImportField } from './import-fields';
import type { ImportProblem, ProblemCode } from './problems';
import type { StreamedTable } from './delimited';
import { columnLabel, type SourceRow, type SourceTable } from './source-table';

export interface PreviewRow {
  row: number;
  /** The contact as it will be stored, when the row has no problem. */
  input?: ValidContactInput;
  problems: ImportProblem[];
}

export interface ImportPreview {
  rows: PreviewRow[];
  valid: ValidContactInput[];
  /** Row numbers of `valid`, in the same order. */
  validRows: number[];
  problems: ImportProblem[];
  invalidCount: number;
}

type Draft = Record<string, unknown> & {
  emails: { label?: string; value: string }[];
  phones: { label?: string; value: string }[];
  websites: { label?: string; value: string }[];
  tags: string[];
};
type Address = Record<string, unknown>;

const TEXT_FIELDS = new Set<ImportField>([
  'displayName',
  'honorific',
  'givenName',
  'familyName',
  'title',
  'organizationName',
  'country',
  'region',
  'district',
  'party',
  'externalId',
  'codeName',
]);
const NAME_FIELDS = new Set<ImportField>(['displayName', 'givenName', 'familyName']);

const ENUM_READERS = {
  kind: [readKind, 'unknown-kind'],
  chamber: [readChamber, 'unknown-chamber'],
  formOfAddress: [readFormOfAddress, 'unknown-form-of-address'],
  preferredLanguage: [readLanguage, 'invalid-language'],
  doNotContact: [readYesNo, 'invalid-yes-no'],
  sensitive: [readYesNo, 'invalid-yes-no'],
} as const satisfies Partial<
  Record<ImportField, readonly [(cell: string) => unknown, ProblemCode]>
>;

const LIST_FIELDS = { emails: true, phones: true, websites: false } as const;
const LABEL_FIELDS = {
  emailLabel: 'emails',
  phoneLabel: 'phones',
  websiteLabel: 'websites',
} as const;
/** Columns kept in the notes after their header: the contact has no field of its own for them. */
const NOTE_FIELDS = new Set<ImportField>(['nickname', 'department']);
/** Google's groups every contact is in, and its star: not tags anyone chose. */
const SYSTEM_GROUPS = new Set(['* mycontacts', '* starred']);
/** Fields whose digits a spreadsheet number cell may have cut (a leading 0 or +). */
const STORED_AS_TEXT = new Set<ImportField>(['phones', 'externalId']);
/** Google marks a system group or type with "* " ("* Work"). */
const unstar = (text: string) => text.replace(/^\*\s+/, '');

function codeFor(issue: z.core.$ZodIssue): ProblemCode {
  const [field] = issue.path;
  if (issue.code === 'custom' && field === 'displayName') return 'missing-name';
  if (field === 'emails' && issue.code !== 'too_big') return 'invalid-email';
  if (field === 'phones' && issue.code !== 'too_big') return 'invalid-phone';
  if (field === 'preferredLanguage') return 'invalid-language';
  if (issue.code === 'too_big') return issue.origin === 'array' ? 'too-many' : 'too-long';
  return 'invalid-value';
}

class RowReader {
  readonly draft: Draft = { emails: [], phones: [], websites: [], tags: [] };
  readonly problems: ImportProblem[];
  /** Which column each field (or list entry, "emails.1") came from. */
  private readonly origin = new Map<string, number>();
  private readonly addresses = new Map<number, Address>();
  private readonly addressOrigin = new Map<number, number>();
  private nameColumn: number | undefined;
  private readonly pendingLabel: Partial<Record<keyof typeof LIST_FIELDS, string | undefined>> = {};
  private middleName: string | undefined;
  private nameSuffix: string | undefined;

  constructor(
    private readonly headers: readonly string[],
    private readonly source: SourceRow,
  ) {
    this.problems = [...source.problems];
  }

  private problem(code: ProblemCode, column: number | undefined, value?: string): void {
    this.problems.push({
      code,
      row: this.source.row,
      ...(column === undefined
        ? {}
        : { column: columnLabel(this.headers, column), columnIndex: column }),
      ...(value === undefined ? {} : { value }),
    });
  }

  read(field: ImportField, column: number, label?: string): void {
    // Lists split on the raw cell: a closing line break means "split on line breaks only".
    const raw = unguardFormula(this.source.cells[column] ?? '');
    const cell = raw.trim();
    // A row without a name names the first name column, even an empty one.
    if (NAME_FIELDS.has(field) && this.nameColumn === undefined) this.nameColumn = column;
    if (field in LABEL_FIELDS) {
      // Set even when empty: "E-mail 2 - Type" must not label E-mail 2 with E-mail 1's type.
      this.pendingLabel[LABEL_FIELDS[field as keyof typeof LABEL_FIELDS]] = unstar(cell);
      return;
    }
    if (!cell || field === 'ignore') {
      if (field in LIST_FIELDS) this.pendingLabel[field as keyof typeof LIST_FIELDS] = undefined;
      return;
    }
    if (this.source.numeric?.includes(column) && STORED_AS_TEXT.has(field)) {
      // 0791234567 typed into a number cell is stored as 791234567: flagged, never stored.
      this.problem('stored-as-number', column, cell);
      return;
    }
    if (field === 'middleName') {
      this.middleName = this.middleName ? `${this.middleName} ${cell}` : cell;
      this.origin.set('givenName', this.origin.get('givenName') ?? column);
    } else if (field === 'nameSuffix') {
      this.nameSuffix = cell;
      this.origin.set('familyName', this.origin.get('familyName') ?? column);
    } else if (NOTE_FIELDS.has(field)) {
      const note = `${columnLabel(this.headers, column)}: ${cell}`;
      this.draft.notes = this.draft.notes ? `${String(this.draft.notes)}\n${note}` : note;
      this.origin.set('notes', column);
    } else if (TEXT_FIELDS.has(field)) {
      (this.draft as Record<string, unknown>)[field] = cell;
      this.origin.set(field, column);
    } else if (field === 'notes') {
      this.draft.notes = this.draft.notes ? `${String(this.draft.notes)}\n\n${cell}` : cell;
      this.origin.set(field, column);
    } else if (field in ENUM_READERS) {
      const [reader, code] = ENUM_READERS[field as keyof typeof ENUM_READERS];
      const value = reader(cell);
      if (value === undefined) this.problem(code, column, cell);
      else (this.draft as Record<string, unknown>)[field] = value;
      this.origin.set(field, column);
    } else if (field in LIST_FIELDS) {
      const list = field as keyof typeof LIST_FIELDS;
      const typed = this.pendingLabel[list] || label;
      this.pendingLabel[list] = undefined;
      for (const entry of splitList(raw, { commas: LIST_FIELDS[list] })) {
        const split = splitLabel(entry);
        const entryLabel = split.label ?? typed;
        this.origin.set(`${list}.${this.draft[list].length}`, column);
        this.draft[list].push(
          entryLabel ? { label: entryLabel, value: split.value } : { value: split.value },
        );
      }
    } else if (field === 'tags') {
      for (const tag of splitList(raw, { commas: true })) {
        if (SYSTEM_GROUPS.has(tag.toLowerCase())) continue;
        const named = unstar(tag);
        if (!this.draft.tags.includes(named)) this.draft.tags.push(named);
      }
      this.origin.set('tags', column);
    } else {
      this.readAddressPart(field, column, cell, label);
    }
  }

  private readAddressPart(field: ImportField, column: number, cell: string, label?: string): void {
    const parsed = parseAddressField(field);
    if (!parsed) return;
    const address = this.addresses.get(parsed.slot) ?? {};
    this.addresses.set(parsed.slot, address);
    if (!this.addressOrigin.has(parsed.slot)) this.addressOrigin.set(parsed.slot, column);
    if (label && address.label === undefined) address.label = label;
    if (parsed.part === 'lines' || parsed.part === 'formatted') {
      const key = parsed.part;
      const lines = cell
        .split(/\r?\n|\r/)
        .map((line) => line.trim())
        .filter(Boolean);
      // Street, Street 2, PO box: each column adds its lines.
      address[key] = [...((address[key] as string[] | undefined) ?? []), ...lines];
      if (key === 'lines') this.addressOrigin.set(parsed.slot, column);
    } else {
      address[parsed.part] = parsed.part === 'label' ? unstar(cell) : cell;
    }
  }

  /** A whole-address cell counts only where the parts are empty, so nothing is there twice. */
  private addressOf(slot: number): Address | undefined {
    const { formatted, ...address } = this.addresses.get(slot) ?? {};
    const hasParts = Object.keys(address).some((part) => part !== 'label');
    if (!hasParts && Array.isArray(formatted) && formatted.length) address.lines = formatted;
    return Object.keys(address).some((part) => part !== 'label') ? address : undefined;
  }

  private joinNameParts(): void {
    const given = this.draft.givenName as string | undefined;
    const family = this.draft.familyName as string | undefined;
    if (this.middleName) {
      this.draft.givenName = given ? `${given} ${this.middleName}` : this.middleName;
    }
    if (this.nameSuffix) {
      if (family) this.draft.familyName = `${family} ${this.nameSuffix}`;
      else if (this.draft.givenName)
        this.draft.givenName = `${String(this.draft.givenName)} ${this.nameSuffix}`;
      else this.draft.displayName ??= this.nameSuffix;
    }
    // Google's "Name" repeats the parts: kept only where it says something else.
    const display = this.draft.displayName as string | undefined;
    const parts = [this.draft.givenName, this.draft.familyName].filter(Boolean).join(' ');
    if (display && display === parts) delete this.draft.displayName;
  }

  finish(defaults: ColumnMapping['defaults']): PreviewRow {
    this.joinNameParts();
    // A label alone ("home" on an empty vCard ADR) is no address; any other part is one.
    const slots = [...this.addresses.keys()]
      .filter((slot) => this.addressOf(slot))
      .sort((a, b) => a - b);
    if (slots.length) {
      this.draft.addresses = slots.map((slot) => this.addressOf(slot));
      slots.forEach((slot, index) =>
        this.origin.set(`addresses.${index}`, this.addressOrigin.get(slot) ?? 0),
      );
    }
    if (this.draft.kind === undefined && defaults.kind) this.draft.kind = defaults.kind;
    if (this.problems.length) return { row: this.source.row, problems: this.named(this.problems) };
    const parsed = contactInputSchema.safeParse(this.draft);
    if (parsed.success) return { row: this.source.row, input: parsed.data, problems: [] };
    for (const issue of parsed.error.issues) this.reportIssue(issue);
    return { row: this.source.row, problems: this.named(this.problems) };
  }

  /** Each problem names the person the row is about, so a long file's refusals can be found. */
  private named(problems: ImportProblem[]): ImportProblem[] {
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const person =
      text(this.draft.displayName) ||
      [text(this.draft.givenName), text(this.draft.familyName)].filter(Boolean).join(' ');
    if (!person) return problems;
    return problems.map((problem) => ({
      ...problem,
      person: problem.person ?? person.slice(0, 120),
    }));
  }

  private reportIssue(issue: z.core.$ZodIssue): void {
    const [field, index] = issue.path;
    const code = codeFor(issue);
    if (code === 'missing-name') {
      this.problem(code, this.nameColumn);
      return;
    }
    const key = typeof index === 'number' ? `${String(field)}.${index}` : String(field);
    const column = this.origin.get(key) ?? this.origin.get(String(field));
    const entry =
      typeof index === 'number'
        ? (this.draft[String(field)] as unknown[])[index]
        : this.draft[String(field)];
    const value =
      typeof entry === 'string'
        ? entry
        : entry && typeof entry === 'object' && 'value' in entry
          ? String(entry.value)
          : undefined;
    this.problem(
      code,
      column,
      value ?? (column === undefined ? undefined : this.source.cells[column]),
    );
  }
}

/** Converts one row with a mapping; see `convertRows`. */
export function convertRow(
  headers: readonly string[],
  source: SourceRow,
  mapping: ColumnMapping,
): PreviewRow {
  const reader = new RowReader(headers, source);
  mapping.fields.forEach((field, column) => reader.read(field, column, mapping.labels?.[column]));
  return reader.finish(mapping.defaults);
}

export function summarizePreview(rows: PreviewRow[]): ImportPreview {
  const valid: ValidContactInput[] = [];
  const validRows: number[] = [];
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    if (row.input) {
      valid.push(row.input);
      validRows.push(row.row);
    }
    problems.push(...row.problems);
  }
  return { rows, valid, validRows, problems, invalidCount: rows.length - valid.length };
}

export function convertRows(table: SourceTable, mapping: ColumnMapping): ImportPreview {
  return summarizePreview(table.rows.map((row) => convertRow(table.headers, row, mapping)));
}

/** The same, a slice at a time with a pause between slices, so a page stays responsive. */
export async function convertRowsInSlices(
  table: SourceTable,
  mapping: ColumnMapping,
  onProgress: (done: number, total: number) => void = () => undefined,
  sliceSize = 1000,
): Promise<ImportPreview> {
  const rows: PreviewRow[] = [];
  for (let start = 0; start < table.rows.length; start += sliceSize) {
    for (const row of table.rows.slice(start, start + sliceSize)) {
      rows.push(convertRow(table.headers, row, mapping));
    }
    onProgress(rows.length, table.rows.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return summarizePreview(rows);
}

/**
 * A streamed table's rows converted as they are read again (in a worker: no pause between
 * rows), so the rows themselves are never all held at once.
 */
export function convertStreamedRows(
  table: StreamedTable,
  mapping: ColumnMapping,
  onProgress: (done: number, total: number) => void = () => undefined,
): ImportPreview {
  const rows: PreviewRow[] = [];
  table.eachRow((row) => {
    rows.push(convertRow(table.headers, row, mapping));
    if (rows.length % 1000 === 0) onProgress(rows.length, table.rowCount);
  });
  onProgress(rows.length, table.rowCount);
  return summarizePreview(rows);
}
