/**
 * A chosen file → what the import wizard shows next: a spreadsheet's sheet, delimited text
 * split into a table (with its encoding and delimiter, detected unless given) or the contacts
 * of a vCard file. Anything else (a PDF, a picture, a Word file) is refused at once.
 */
import {
  parseDelimited,
  streamDelimited,
  type Delimiter,
  type DelimitedTable,
  type StreamedTable,
} from './delimited';
import { decodeText, detectEncoding, type TextEncodingName } from './encoding';
import { assertImportSize, TransferFileError } from './limits';
import { parseVCards } from './vcard-import';
import { looksLikeWorkbook, readWorkbook, type WorkbookTable } from './workbook';
import type { ImportPreview } from './convert-rows';

export interface ReadImportFile<Table = DelimitedTable | WorkbookTable> {
  format: 'delimited' | 'vcard' | 'workbook';
  /** The encoding used, and the one detection found (they differ after a manual override). */
  encoding: TextEncodingName;
  detectedEncoding: TextEncodingName;
  /** Delimited files and workbooks (a workbook's table has no delimiter). */
  table?: Table;
  /** vCard files: each card already converted. */
  cards?: ImportPreview;
}

export const looksLikeVCard = (name: string, text: string): boolean =>
  /\.(vcf|vcard)$/i.test(name) || /^\s*BEGIN:VCARD/i.test(text.slice(0, 200));

/** Formats that are surely not a contact list, by their first bytes. */
const NOT_TABLES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
];

/** Binary content that no text encoding reads as text: magic numbers, or control bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  if (NOT_TABLES.some((magic) => magic.every((byte, index) => bytes[index] === byte))) return true;
  if (detectEncoding(bytes).startsWith('utf-16')) return false;
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  return control > sample.length * 0.01;
}

export function readImportFile(
  name: string,
  bytes: Uint8Array,
  encoding?: TextEncodingName,
  delimiter?: Delimiter,
  sheet?: string,
): ReadImportFile {
  return read(name, bytes, { encoding, delimiter, sheet }, parseDelimited);
}

/** `readImportFile` that keeps a delimited file's text, not its rows (see `streamDelimited`). */
export function streamImportFile(
  name: string,
  bytes: Uint8Array,
  encoding?: TextEncodingName,
  delimiter?: Delimiter,
  sheet?: string,
): ReadImportFile<StreamedTable | WorkbookTable> {
  return read(name, bytes, { encoding, delimiter, sheet }, streamDelimited);
}

function read<Table>(
  name: string,
  bytes: Uint8Array,
  {
    encoding,
    delimiter,
    sheet,
  }: { encoding?: TextEncodingName; delimiter?: Delimiter; sheet?: string },
  readDelimited: (text: string, delimiter?: Delimiter) => Table,
): ReadImportFile<Table | WorkbookTable> {
  assertImportSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw new TransferFileError('empty');
  if (looksLikeWorkbook(name, bytes)) {
    const table = readWorkbook(bytes, sheet);
    return { format: 'workbook', encoding: 'utf-8', detectedEncoding: 'utf-8', table };
  }
  if (looksBinary(bytes)) throw new TransferFileError('unsupported-format');
  const decoded = decodeText(bytes, encoding);
  const detectedEncoding = encoding ? detectEncoding(bytes) : decoded.encoding;
  const common = { encoding: decoded.encoding, detectedEncoding };
  if (looksLikeVCard(name, decoded.text)) {
    return { ...common, format: 'vcard', cards: parseVCards(decoded.text) };
  }
  return { ...common, format: 'delimited', table: readDelimited(decoded.text, delimiter) };
}
