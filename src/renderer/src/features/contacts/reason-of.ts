import { ValidationError } from '@core/domain/validation';

/** A short reason for a failed write, for "… nothing was changed: {{reason}}". */
export function reasonOf(error: unknown): string {
  if (error instanceof ValidationError) {
    return error.fieldErrors
      .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
