import { describe, expect, it } from 'vitest';
import {
  LETTER_IMAGE_MAX_BYTES,
  checkLetterImage,
  sniffLetterImage,
  storedLetterImageBytes,
  toStoredLetterImage,
} from '@core/domain/letter-image';
import { GIF, JPEG, PNG, stored } from './letter-images';

describe('letter images: checked by their bytes', () => {
  it('recognises PNG and JPEG by their magic bytes, not their name', () => {
    expect(sniffLetterImage(PNG)).toBe('image/png');
    expect(sniffLetterImage(JPEG)).toBe('image/jpeg');
    expect(sniffLetterImage(GIF)).toBeUndefined();
    expect(toStoredLetterImage(GIF, 'logo.png')).toEqual({
      ok: false,
      problem: { code: 'image-not-png-or-jpeg' },
    });
  });

  it('refuses an empty file and one over the limit, naming the size and the limit', () => {
    expect(checkLetterImage(new Uint8Array())).toEqual({ code: 'image-empty' });
    const big = new Uint8Array(LETTER_IMAGE_MAX_BYTES + 1);
    big.set(PNG.subarray(0, 8));
    expect(checkLetterImage(big)).toEqual({
      code: 'image-too-large',
      size: LETTER_IMAGE_MAX_BYTES + 1,
      limit: 1024 * 1024,
    });
    const exactly = new Uint8Array(LETTER_IMAGE_MAX_BYTES);
    exactly.set(PNG.subarray(0, 8));
    expect(checkLetterImage(exactly)).toBeUndefined();
  });

  it('stores base64 with the sniffed media type, and gives the same bytes back', () => {
    const image = stored(JPEG, '  signature.jpg ');
    expect(image.mediaType).toBe('image/jpeg');
    expect(image.fileName).toBe('signature.jpg');
    expect(storedLetterImageBytes(image)).toEqual(JPEG);
  });
});
