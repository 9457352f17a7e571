import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvitationError } from '@core/coalition/errors';
import { BundleError } from '@core/coalition/sync/bundle';
import { TamperedDataError } from '@core/crypto/errors';
import { CoalitionError } from '@core/db/repositories/coalitions';
import { WorkspaceClosedError } from '@core/db/workspace-closed';
import { ValidationError } from '@core/domain/validation';
import { IpcFailure, reasonOf } from '@renderer/lib/reason-of';
import { catalogues } from '@shared/i18n/catalogues';

beforeAll(async () => {
  await i18next.init({
    lng: 'ar',
    resources: { ar: { translation: catalogues.ar }, en: { translation: catalogues.en } },
  });
});

describe('reasonOf', () => {
  it('names a full disk in the interface language, from IndexedDB or from the main process', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const mainFull = new IpcFailure({ code: 'disk-full', message: 'ENOSPC: no space left' });
    await i18next.changeLanguage('ar');
    expect(reasonOf(quota)).toBe(catalogues.ar.errors.storageFull);
    expect(reasonOf(mainFull)).toBe(catalogues.ar.errors.storageFull);
    await i18next.changeLanguage('en');
    expect(reasonOf(mainFull)).toBe(catalogues.en.errors.storageFull);
  });

  it('says a write was cut short by a lock, in the interface language', async () => {
    await i18next.changeLanguage('ar');
    expect(reasonOf(new WorkspaceClosedError())).toBe(catalogues.ar.errors.workspaceClosed);
    await i18next.changeLanguage('en');
    expect(reasonOf(new WorkspaceClosedError())).toBe(catalogues.en.errors.workspaceClosed);
  });

  it('keeps any other failure’s own message', () => {
    expect(reasonOf(new IpcFailure({ code: 'failed', message: 'EACCES: permission denied' }))).toBe(
      'EACCES: permission denied',
    );
    expect(reasonOf(new Error('Tampered data'))).toBe('Tampered data');
    expect(
      reasonOf(new ValidationError('contact', [{ field: 'emails', message: 'not a valid email' }])),
    ).toBe('emails: not a valid email');
  });

  it('says a workspace altered on disk was altered, naming the place, in the interface language', async () => {
    await i18next.changeLanguage('ar');
    const reason = reasonOf(new TamperedDataError('pending/contacts/42'));
    expect(reason).toContain('pending/contacts/42');
    expect(reason).toContain('عدّل');
    await i18next.changeLanguage('en');
    expect(reasonOf(new TamperedDataError('meta/x'))).toMatch(
      /^this workspace was altered.*meta\/x/,
    );
  });

  it('says why an invitation or a coalition was refused, field by field, in the interface language', async () => {
    await i18next.changeLanguage('ar');
    expect(reasonOf(new InvitationError('wrong-passphrase'))).toBe(
      catalogues.ar.coalitions.invitationProblems['wrong-passphrase'],
    );
    expect(reasonOf(new BundleError('another-coalition'))).toBe(
      catalogues.ar.coalitions.bundleProblems['another-coalition'],
    );
    const invalid = new CoalitionError('invalid', [
      { field: 'transport.url', code: 'https-required' },
      { field: 'name', code: 'too_small' },
    ]);
    expect(reasonOf(invalid)).toBe(
      catalogues.ar.coalitions.problems.invalid.replace(
        '{{fields}}',
        `عنوان الخادم: ${catalogues.ar.coalitions.fieldProblems['https-required']}; الاسم: مطلوب`,
      ),
    );
    await i18next.changeLanguage('en');
    expect(reasonOf(new CoalitionError('already-joined'))).toBe(
      'this workspace already belongs to this coalition',
    );
  });
});
