import i18next from 'i18next';
import { isStorageFull } from '@core/db/storage-full';
import { ValidationError } from '@core/domain/validation';

/**
 * A short reason for a failed write, for "… nothing was changed: {{reason}}". A full disk is
 * named in the interface language; other errors keep their own message.
 */
export function reasonOf(error: unknown): string {
  if (isStorageFull(error)) return i18next.t('errors.storageFull');
  if (error instanceof ValidationError) {
    return error.fieldErrors
      .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
