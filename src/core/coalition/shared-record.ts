/** The kinds of record a coalition shares, each one document (see docs/coalition.md). */

export const SHARED_KINDS = [
  'campaign',
  'target',
  'contact',
  'organization',
  'interaction',
  'template',
  'letter',
] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

/** A shared record as it travels: any JSON object with its id. */
export type SharedRecord = { readonly id: string } & Readonly<Record<string, unknown>>;

/**
 * JSON with object keys sorted and undefined properties left out: two values are equal exactly
 * when their canonical texts are, and the text orders them the same on every laptop.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value)) ?? '';
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => sortedKeys(item) ?? null);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortedKeys(item)]));
}
