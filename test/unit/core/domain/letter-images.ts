/** Small PNG and JPEG files, and one that is neither, for the letter image checks. */
import { toStoredLetterImage } from '@core/domain/letter-image';
import { solidPng } from '../../../helpers/png';

export const PNG = solidPng(40, 20, [200, 30, 30]);
// The smallest JPEG start: SOI, then an APP0 marker.
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
export const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');

export function stored(bytes: Uint8Array, name = 'logo.png') {
  const reading = toStoredLetterImage(bytes, name);
  if (!reading.ok) throw new Error(`unexpected problem ${reading.problem.code}`);
  return reading.image;
}
