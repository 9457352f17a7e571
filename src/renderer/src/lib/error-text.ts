/**
 * Any thrown value as plain text: an Error's message, anything else as it prints. For messages
 * that cross a worker's boundary; what the user reads goes through reasonOf.
 */
export function errorText(error: unknown): string {
  // eslint-disable-next-line no-restricted-syntax -- the one place a thrown value becomes text
  return error instanceof Error ? error.message : String(error);
}
