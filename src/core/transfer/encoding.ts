/**
 * Text encodings of imported files. A byte-order mark decides; otherwise bytes with many
 * zero bytes in one lane are UTF-16 without a mark, bytes that are valid UTF-8 are UTF-8,
 * and anything else is taken as Windows-1256 (Arabic Excel's "CSV" on Windows).
 */
import { assertImportSize } from './limits';

export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1256',
  'iso-8859-6',
  'windows-1252',
] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the encoding was found in the bytes (false: chosen by the user). */
  detected: boolean;
  hadByteOrderMark: boolean;
}

function byteOrderMark(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 text of mostly Latin or Arabic letters has a zero (or 0x06) byte in every other place. */
function utf16WithoutMark(bytes: Uint8Array): TextEncodingName | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return (
    byteOrderMark(bytes) ??
    // Before UTF-8: UTF-16 Latin text is valid UTF-8 too, full of zero bytes.
    utf16WithoutMark(bytes) ??
    (isValidUtf8(bytes) ? 'utf-8' : undefined) ??
    'windows-1256'
  );
}

/** Decodes a file's bytes, detecting the encoding unless `override` names one. */
export function decodeText(bytes: Uint8Array, override?: TextEncodingName): DecodedText {
  assertImportSize(bytes.byteLength);
  const mark = byteOrderMark(bytes);
  const encoding = override ?? detectEncoding(bytes);
  // TextDecoder drops a mark that matches its encoding; a UTF-8 mark read as another
  // encoding would show as three stray letters, so it is cut off here.
  const body = mark === 'utf-8' && encoding !== 'utf-8' ? bytes.subarray(3) : bytes;
  const text = new TextDecoder(encoding).decode(body);
  return { text, encoding, detected: override === undefined, hadByteOrderMark: mark !== undefined };
}
