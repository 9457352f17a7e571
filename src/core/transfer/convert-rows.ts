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

  read(field: ImportField, column: number): void {
    // Lists split on the raw cell: a closing line break means "split on line breaks only".
    const raw = unguardFormula(this.source.cells[column] ?? '');
    const cell = raw.trim();
    // A row without a name names the first name column, even an empty one.
    if (NAME_FIELDS.has(field) && this.nameColumn === undefined) this.nameColumn = column;
    if (!cell || field === 'ignore') return;
    if (TEXT_FIELDS.has(field)) {
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
      for (const entry of splitList(raw, { commas: LIST_FIELDS[list] })) {
        const { label, value } = splitLabel(entry);
        this.origin.set(`${list}.${this.draft[list].length}`, column);
        this.draft[list].push(label ? { label, value } : { value });
      }
    } else if (field === 'tags') {
      for (const tag of splitList(raw, { commas: true })) {
        if (!this.draft.tags.includes(tag)) this.draft.tags.push(tag);
      }
      this.origin.set('tags', column);
    } else {
      this.readAddressPart(field, column, cell);
    }
  }

  private readAddressPart(field: ImportField, column: number, cell: string): void {
    const parsed = parseAddressField(field);
    if (!parsed) return;
    const address = this.addresses.get(parsed.slot) ?? {};
    this.addresses.set(parsed.slot, address);
    if (!this.addressOrigin.has(parsed.slot)) this.addressOrigin.set(parsed.slot, column);
    if (parsed.part === 'lines') {
      address.lines = cell
        .split(/\r?\n|\r/)
        .map((line) => line.trim())
        .filter(Boolean);
      this.addressOrigin.set(parsed.slot, column);
    } else {
      address[parsed.part] = cell;
    }
  }

  finish(defaults: ColumnMapping['defaults']): PreviewRow {
    // A label alone ("home" on an empty vCard ADR) is no address; any other part is one.
    const slots = [...this.addresses.keys()]
      .filter((slot) =>
        Object.keys(this.addresses.get(slot) ?? {}).some((part) => part !== 'label'),
      )
      .sort((a, b) => a - b);
    if (slots.length) {
      this.draft.addresses = slots.map((slot) => this.addresses.get(slot));
      slots.forEach((slot, index) =>
        this.origin.set(`addresses.${index}`, this.addressOrigin.get(slot) ?? 0),
      );
    }
    if (this.draft.kind === undefined && defaults.kind) this.draft.kind = defaults.kind;
    if (this.problems.length) return { row: this.source.row, problems: this.problems };
    const parsed = contactInputSchema.safeParse(this.draft);
    if (parsed.success) return { row: this.source.row, input: parsed.data, problems: [] };
    for (const issue of parsed.error.issues) this.reportIssue(issue);
    return { row: this.source.row, problems: this.problems };
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
  mapping.fields.forEach((field, column) => reader.read(field, column));
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
