/** What can be wrong with one imported row; the UI turns each code into a sentence. */

export const PROBLEM_CODES = [
  'missing-name',
  'invalid-email',
  'invalid-phone',
  'unknown-kind',
  'unknown-chamber',
  'unknown-form-of-address',
  'invalid-language',
  'invalid-yes-no',
  'too-long',
  'too-many',
  'invalid-value',
  'malformed-quotes',
  'too-many-cells',
  'malformed-card',
  'stored-as-number',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ImportProblem {
  code: ProblemCode;
  /** The row as a spreadsheet numbers it (header = 1), or the card's number in a vCard file. */
  row: number;
  /** The column header (CSV) or property name (vCard) the problem is in, when there is one. */
  column?: string;
  columnIndex?: number;
  /** The offending value, as read. */
  value?: string;
  /** Who the row or card is about, when it names someone. */
  person?: string;
  /** Parser detail, e.g. the vCard syntax error. */
  detail?: string;
}
