/**
 * File names the user is offered when saving: accepted by Windows, macOS and Linux, and unable
 * to disguise themselves (a right-to-left override can make "txt.exe" read as "exe.txt").
 */

// Forbidden on Windows or macOS, controls, bidi controls and marks, and lone surrogates.
const ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[<>:"/\\|?*\u0000-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Most file systems (ext4, APFS, NTFS through UTF-8 tools) cap a name at 255 bytes. */
export const MAX_FILE_NAME_BYTES = 255;

const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;

/** `text` cut to at most `maxBytes` of UTF-8, between user-perceived characters. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let kept = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
    text,
  )) {
    const size = byteLength(segment);
    if (used + size > maxBytes) break;
    kept += segment;
    used += size;
  }
  return kept;
}

/**
 * `name.extension`, with illegal characters removed, white space folded, no trailing dot or
 * space, and at most 255 UTF-8 bytes in all; `fallback` when nothing of the name is left.
 */
export function safeFileName(name: string, extension: string, fallback = 'letter'): string {
  const suffix = `.${extension}`;
  const clean = (text: string) =>
    text
      .replace(ILLEGAL, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '');
  const base = clean(cutToBytes(clean(name), MAX_FILE_NAME_BYTES - byteLength(suffix)));
  return `${base || fallback}${suffix}`;
}
