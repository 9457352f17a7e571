import i18next from 'i18next';
import { InvitationError } from '@core/coalition/errors';
import { BundleError } from '@core/coalition/sync/bundle';
import { TamperedDataError } from '@core/crypto/errors';
import { CoalitionError, type CoalitionFieldProblem } from '@core/db/repositories/coalitions';
import { isStorageFull } from '@core/db/storage-full';
import { WorkspaceClosedError } from '@core/db/workspace-closed';
import { RotationError } from '@renderer/app/coalition-sync/rotation-error';
import { ValidationError } from '@core/domain/validation';
import type { IpcError, IpcResult } from '@shared/ipc';
import { errorText } from './error-text';

/** A failure the main process reported over IPC (writing a file), thrown on this side. */
export class IpcFailure extends Error {
  constructor(readonly failure: IpcError) {
    super(failure.message);
    this.name = 'IpcFailure';
  }
}

/** The value of a bridge call, or its failure thrown as an IpcFailure. */
export function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new IpcFailure(result.error);
  return result.value;
}

const noRoom = (error: unknown) =>
  isStorageFull(error) || (error instanceof IpcFailure && error.failure.code === 'disk-full');

/**
 * A short reason for a failed write, for "… nothing was changed: {{reason}}". A full disk
 * (IndexedDB's, or the main process's when it writes a file) is named in the interface
 * language; other errors keep their own message.
 */
export function reasonOf(error: unknown): string {
  if (noRoom(error)) return i18next.t('errors.storageFull');
  if (error instanceof WorkspaceClosedError) return i18next.t('errors.workspaceClosed');
  if (error instanceof TamperedDataError) {
    // Plain text that React escapes; i18next must not turn "/" into an entity.
    return i18next.t('errors.altered', {
      where: error.where,
      interpolation: { escapeValue: false },
    });
  }
  if (error instanceof InvitationError) {
    return i18next.t(`coalitions.invitationProblems.${error.problem}`, {
      fields: fieldProblemsText(error.fields),
      interpolation: { escapeValue: false },
    });
  }
  if (error instanceof BundleError) return i18next.t(`coalitions.bundleProblems.${error.problem}`);
  if (error instanceof CoalitionError) {
    return i18next.t(`coalitions.problems.${error.problem}`, {
      fields: fieldProblemsText(error.fields),
      interpolation: { escapeValue: false },
    });
  }
  if (error instanceof RotationError) {
    // Isolated, so that a Latin name and address keep their order inside Arabic text.
    const isolate = (text = '') => `\u2068${text}\u2069`;
    const where = {
      url: isolate(error.where?.url),
      database: isolate(error.where?.database),
      interpolation: { escapeValue: false },
    };
    return `${i18next.t(`coalitions.remove.stages.${error.stage}`, where)}: ${i18next.t(`coalitions.remove.problems.${error.problem}`)}`;
  }
  if (error instanceof ValidationError) {
    return error.fieldErrors
      .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))
      .join('; ');
  }
  return errorText(error);
}

/** A coalition's or an invitation's fields at fault, named and explained in the UI language. */
export function fieldProblemsText(fields: readonly CoalitionFieldProblem[]): string {
  return fields.map((f) => `${fieldLabel(f.field)}: ${fieldProblem(f.code)}`).join('; ');
}

function fieldLabel(field: string): string {
  const key = `coalitions.fields.${field}`;
  return i18next.exists(key) ? String(i18next.t(key as 'coalitions.fields.name')) : field;
}

/** A field problem's code (the core's, or zod's issue code) as words. */
export function fieldProblem(code: string): string {
  const key = `coalitions.fieldProblems.${code}`;
  if (i18next.exists(key)) return String(i18next.t(key as 'coalitions.fieldProblems.invalid'));
  return i18next.t(
    code === 'too_small' ? 'coalitions.fieldProblems.required' : 'coalitions.fieldProblems.invalid',
  );
}
