/**
 * The letterhead logo and the signature image, kept inside the (encrypted) settings record as
 * base64: PNG or JPEG only, recognised by their first bytes, and at most LETTER_IMAGE_MAX_BYTES.
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from '../crypto/bytes';
import { optionalText } from './common';

export const LETTER_IMAGE_MAX_BYTES = 1024 * 1024;

export const LETTER_IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export type LetterImageMediaType = (typeof LETTER_IMAGE_MEDIA_TYPES)[number];

export type LetterImageProblem =
  | { code: 'image-empty' }
  | { code: 'image-not-png-or-jpeg' }
  | { code: 'image-too-large'; size: number; limit: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** The image type its magic bytes say, whatever the file name claims. */
export function sniffLetterImage(bytes: Uint8Array): LetterImageMediaType | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  return undefined;
}

export function checkLetterImage(bytes: Uint8Array): LetterImageProblem | undefined {
  if (bytes.length === 0) return { code: 'image-empty' };
  if (bytes.length > LETTER_IMAGE_MAX_BYTES)
    return { code: 'image-too-large', size: bytes.length, limit: LETTER_IMAGE_MAX_BYTES };
  if (!sniffLetterImage(bytes)) return { code: 'image-not-png-or-jpeg' };
  return undefined;
}

const problemMessage = (problem: LetterImageProblem): string =>
  problem.code === 'image-too-large'
    ? `the image is ${problem.size} bytes; the limit is ${problem.limit} bytes (1 MB)`
    : problem.code === 'image-empty'
      ? 'the image is empty'
      : 'the image is not a PNG or JPEG file';

export const storedLetterImageSchema = z
  .strictObject({
    mediaType: z.enum(LETTER_IMAGE_MEDIA_TYPES),
    /** The file's bytes, base64. */
    data: z.string().max(Math.ceil(LETTER_IMAGE_MAX_BYTES / 3) * 4),
    fileName: optionalText(255),
  })
  .superRefine((image, ctx) => {
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(image.data);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'the image data is not base64' });
      return;
    }
    const problem = checkLetterImage(bytes);
    if (problem) ctx.addIssue({ code: 'custom', path: ['data'], message: problemMessage(problem) });
    else if (sniffLetterImage(bytes) !== image.mediaType)
      ctx.addIssue({
        code: 'custom',
        path: ['mediaType'],
        message: 'the media type does not match the image data',
      });
  });

export type StoredLetterImage = z.output<typeof storedLetterImageSchema>;

export type LetterImageReading =
  { ok: true; image: StoredLetterImage } | { ok: false; problem: LetterImageProblem };

/** Checks a chosen file's bytes and, when they are a usable image, returns what settings store. */
export function toStoredLetterImage(bytes: Uint8Array, fileName?: string): LetterImageReading {
  const problem = checkLetterImage(bytes);
  const mediaType = sniffLetterImage(bytes);
  if (problem || !mediaType) return { ok: false, problem: problem ?? { code: 'image-empty' } };
  const name = fileName?.trim().slice(0, 255) || undefined;
  return { ok: true, image: { mediaType, data: toBase64(bytes), fileName: name } };
}

export function storedLetterImageBytes(image: StoredLetterImage): Uint8Array {
  return fromBase64(image.data);
}

/** A data: URL to show the stored image (the CSP allows data: images). */
export function letterImageDataUrl(image: StoredLetterImage): string {
  return `data:${image.mediaType};base64,${image.data}`;
}
