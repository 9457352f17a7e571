/** Letters split out of one packed document, and a large combined file's ZIP entry. */
import { gzipSync, inflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateLetters, renderLetterDocx, type LetterLayout } from '@core/letters';
import { DocxPackageError, gzipPart, letterPackage } from '@core/letters/docx/package';
import { HADDAD, recipient } from '../fixtures';
import { layouts, listJob as job, people } from '../list-job';

describe('letterPackage', () => {
  it('refuses a skeleton that lacks the lists or images it should hold', async () => {
    const skeleton = await renderLetterDocx(layouts(1)[0] as LetterLayout);
    expect(letterPackage(skeleton, { listKeys: [], imageRoles: [] }).sectPr).toMatch(/^<w:sectPr/);
    expect(() => letterPackage(skeleton, { listKeys: [], imageRoles: ['logo'] })).toThrow(
      DocxPackageError,
    );
    const plain = await renderLetterDocx({
      ...(layouts(1)[0] as LetterLayout),
      letter: { ...(layouts(1)[0] as LetterLayout).letter, body: [] },
    });
    expect(() => letterPackage(plain, { listKeys: ['x:1'], imageRoles: [] })).toThrow(
      /No numbering written for list x:1/,
    );
  });

  it('refuses a ZIP that is not a document', () => {
    const zip = zipSync({ 'a.txt': new Uint8Array([65]) });
    expect(() => letterPackage(zip, { listKeys: [], imageRoles: [] })).toThrow(
      /no word\/document.xml/,
    );
  });
});

describe('a large combined file', () => {
  it('compresses its megabytes of body natively into a sound ZIP entry (size and CRC-32)', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      ...(people[i % people.length] ?? recipient(HADDAD)),
      id: `r${i}`,
    }));
    const result = await generateLetters(job({ output: 'combined', recipients: many }));
    const entry = unzipSync(result.file.bytes)['word/document.xml'] ?? new Uint8Array();
    const xml = strFromU8(entry);
    expect(xml.length).toBeGreaterThan(1_000_000);
    expect(xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(500);
    // The central directory's CRC-32 and size are those of the entry's bytes.
    const bytes = result.file.bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at -= 1;
    let entryAt = view.getUint32(at + 16, true);
    for (;;) {
      const nameLength = view.getUint16(entryAt + 28, true);
      const entryName = bytes.subarray(entryAt + 46, entryAt + 46 + nameLength);
      if (entryName.every((b, i) => b === name[i]) && nameLength === name.length) break;
      entryAt +=
        46 + nameLength + view.getUint16(entryAt + 30, true) + view.getUint16(entryAt + 32, true);
    }
    const gzip = gzipSync(entry);
    expect(view.getUint32(entryAt + 16, true)).toBe(
      new DataView(gzip.buffer).getUint32(gzip.length - 8, true),
    );
    expect(view.getUint32(entryAt + 24, true)).toBe(entry.length);
  });
});

describe('gzipPart', () => {
  it('reads past a gzip header’s optional fields to the DEFLATE data, and refuses a cut one', () => {
    const text = strToU8('<w:p>نص</w:p>'.repeat(50));
    const plain = gzipSync(text);
    // A file name and a comment (FNAME, FCOMMENT) before the data, as some compressors write.
    const named = new Uint8Array([
      ...plain.subarray(0, 3),
      8 | 16,
      ...plain.subarray(4, 10),
      ...strToU8('document.xml\0a comment\0'),
      ...plain.subarray(10),
    ]);
    for (const gzip of [plain, named]) {
      const part = gzipPart('word/document.xml', gzip, text.length);
      expect(inflateSync(part.data)).toEqual(text);
      expect(part.crc).toBe(new DataView(plain.buffer).getUint32(plain.length - 8, true));
    }
    expect(() => gzipPart('x', named.slice(0, 20), 1)).toThrow(DocxPackageError);
  });
});
