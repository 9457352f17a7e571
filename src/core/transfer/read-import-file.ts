/**
 * A chosen file → what the import wizard shows next: delimited text split into a table (with
 * its encoding and delimiter, detected unless given) or the contacts of a vCard file.
 */
import { parseDelimited, type Delimiter, type DelimitedTable } from './delimited';
import { decodeText, detectEncoding, type TextEncodingName } from './encoding';
import { assertImportSize } from './limits';
import { parseVCards } from './vcard-import';
import type { ImportPreview } from './convert-rows';

export interface ReadImportFile {
  format: 'delimited' | 'vcard';
  /** The encoding used, and the one detection found (they differ after a manual override). */
  encoding: TextEncodingName;
  detectedEncoding: TextEncodingName;
  /** Delimited files. */
  table?: DelimitedTable;
  /** vCard files: each card already converted. */
  cards?: ImportPreview;
}

export const looksLikeVCard = (name: string, text: string): boolean =>
  /\.(vcf|vcard)$/i.test(name) || /^\s*BEGIN:VCARD/i.test(text.slice(0, 200));

export function readImportFile(
  name: string,
  bytes: Uint8Array,
  encoding?: TextEncodingName,
  delimiter?: Delimiter,
): ReadImportFile {
  assertImportSize(bytes.byteLength);
  const decoded = decodeText(bytes, encoding);
  const detectedEncoding = encoding ? detectEncoding(bytes) : decoded.encoding;
  const common = { encoding: decoded.encoding, detectedEncoding };
  if (looksLikeVCard(name, decoded.text)) {
    return { ...common, format: 'vcard', cards: parseVCards(decoded.text) };
  }
  return { ...common, format: 'delimited', table: parseDelimited(decoded.text, delimiter) };
}
