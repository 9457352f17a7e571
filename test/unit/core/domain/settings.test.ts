import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup, serializeBackup } from '@core/backup/backup';
import { LETTER_IMAGE_MAX_BYTES } from '@core/domain/letter-image';
import {
  SETTINGS_ID,
  defaultLetterPaper,
  letterImagesOf,
  settingsRecordSchema,
  settingsSchema,
} from '@core/domain/settings';
import { ValidationError } from '@core/domain/validation';
import { toBase64 } from '@core/crypto/bytes';
import { generateLetters, starterTemplate, type LetterTemplate } from '@core/letters';
import { freshDataCore } from '../../../helpers/fresh-data-core';
import { solidPng } from '../../../helpers/png';
import { HADDAD, LETTER_DATE, recipient } from '../letters/fixtures';
import { JPEG, PNG, stored } from './letter-images';

describe('letter images in the settings record', () => {
  it('keeps settings saved before images existed valid', () => {
    const old = {
      id: SETTINGS_ID,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      organizationProfile: { name: 'Rainbow Aid', addressLines: [] },
      letterPaper: 'a4',
      arabicDigits: 'latin',
      showHijriDate: false,
    };
    const parsed = settingsRecordSchema.parse(old);
    expect(parsed.letterheadLogo).toBeUndefined();
    expect(parsed.signatureImage).toBeUndefined();
    expect(letterImagesOf(parsed)).toEqual({});
  });

  it('refuses data that is not a PNG or JPEG, or a media type that lies, and stores nothing', async () => {
    const { core } = await freshDataCore();
    await core.settings.update({ organizationProfile: { name: 'Rainbow Aid', addressLines: [] } });
    const before = core.settings.get();
    const gif = { mediaType: 'image/png' as const, data: btoa('GIF89a....') };
    await expect(core.settings.update({ letterheadLogo: gif })).rejects.toThrow(
      /letterheadLogo\.data: the image is not a PNG or JPEG file/,
    );
    const lying = { ...stored(JPEG), mediaType: 'image/png' as const };
    await expect(core.settings.update({ signatureImage: lying })).rejects.toThrow(ValidationError);
    const notBase64 = { mediaType: 'image/png' as const, data: '%%%' };
    await expect(core.settings.update({ letterheadLogo: notBase64 })).rejects.toThrow(/not base64/);
    expect(core.settings.get()).toEqual(before);
    core.close();
  });

  it('names the 1 MB limit when a stored image is too large', () => {
    const big = new Uint8Array(LETTER_IMAGE_MAX_BYTES + 1);
    big.set(PNG.subarray(0, 8));
    const result = settingsSchema.safeParse({
      letterheadLogo: { mediaType: 'image/png', data: toBase64(big) },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'the image is 1048577 bytes; the limit is 1048576 bytes (1 MB)',
    );
    const huge = settingsSchema.safeParse({
      letterheadLogo: { mediaType: 'image/png', data: 'A'.repeat(LETTER_IMAGE_MAX_BYTES * 2) },
    });
    expect(huge.success).toBe(false);
  });

  it('saves, survives a reopen and a backup, and is removed again', async () => {
    const fresh = await freshDataCore();
    await fresh.core.settings.update({
      letterheadLogo: stored(PNG),
      signatureImage: stored(JPEG, 'sig.jpg'),
    });
    const reopened = await fresh.reopen();
    const settings = reopened.settings.get();
    expect(letterImagesOf(settings)).toEqual({
      logo: { bytes: PNG },
      signatureImage: { bytes: JPEG },
    });
    const backup = parseBackup(serializeBackup(createBackup(reopened.store)));
    const record = backup.get('settings')?.[0] as { letterheadLogo?: { data: string } };
    expect(record.letterheadLogo?.data).toBe(settings.letterheadLogo?.data);
    await reopened.settings.update({ letterheadLogo: undefined });
    expect(reopened.settings.get().letterheadLogo).toBeUndefined();
    expect(reopened.settings.get().signatureImage?.fileName).toBe('sig.jpg');
    reopened.close();
  });

  it('puts both images into the generated DOCX', async () => {
    const settings = settingsSchema.parse({
      organizationProfile: { name: 'Rainbow Aid', signatoryName: 'Sam Lee' },
      letterheadLogo: stored(PNG),
      signatureImage: stored(solidPng(30, 10, [0, 0, 120]), 'sig.png'),
    });
    const template: LetterTemplate = starterTemplate('support-bill', 'en');
    const result = await generateLetters({
      template,
      recipients: [recipient(HADDAD)],
      settings,
      date: LETTER_DATE,
      output: 'combined',
      ...letterImagesOf(settings),
    });
    const media = Object.keys(unzipSync(result.file.bytes)).filter((n) =>
      n.startsWith('word/media/'),
    );
    expect(media).toHaveLength(2);
  });

  it('defaults the paper to US Letter for en-US users and US recipients, A4 elsewhere', () => {
    expect(settingsSchema.parse({}).letterPaper).toBeUndefined();
    expect(defaultLetterPaper('en-US', [])).toBe('letter');
    expect(defaultLetterPaper('ar', ['United States', 'USA', undefined])).toBe('letter');
    expect(defaultLetterPaper('en-GB', ['United States', 'Lebanon'])).toBe('a4');
    expect(defaultLetterPaper('ar', [])).toBe('a4');
  });
});
