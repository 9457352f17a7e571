/**
 * ZIP jobs written in slices (what each worker does) and letters split out of one packed
 * document: the files must be the letters renderLetterDocx writes one by one.
 */
import { gzipSync, strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  assembleLetterFiles,
  combinedJobPackage,
  compileTemplate,
  finishCombinedJob,
  renderCombinedShare,
  writeCombinedShare,
  generateLetterFiles,
  generateLetters,
  letterheadFromSettings,
  renderLetterDocx,
  renderLetterDocxFiles,
  serializeTemplateDocument,
  sha256Hex,
  starterTemplate,
  templateBuilders as b,
  type LetterDocxOptions,
  type LetterJob,
  type LetterJobProgress,
  type LetterLayout,
} from '@core/letters';
import { DocxPackageError, letterPackage } from '@core/letters/docx/package';
import { campaign, HADDAD, LETTER_DATE, recipient, REEM, settings } from '../fixtures';
import { solidPng } from '../../../../helpers/png';

const SETTINGS = settings({
  organizationProfile: { name: 'Bay State Pride', signatoryName: 'Sam Rivera' },
});

const listTemplate = () => ({
  ...starterTemplate('support-bill', 'en'),
  body: serializeTemplateDocument(
    b.doc(
      b.paragraph(b.field('salutation')),
      b.orderedList(['First {{ target.family_name }}'], ['Second']),
      b.bulletList(['A point'], ['Another point']),
      b.paragraph('{% if target.district %}In {{ target.district }}.{% endif %}'),
    ),
  ),
});

const people = [
  recipient(HADDAD),
  recipient({ givenName: 'Tom', familyName: 'Baker', chamber: 'lower', district: 'D 2' }),
  recipient({ givenName: 'Layla', familyName: 'Haddad', chamber: 'upper' }),
  recipient({ ...REEM, formOfAddress: 'feminine' }),
  recipient({ givenName: 'Ana', familyName: 'Ortiz', formOfAddress: 'feminine' }),
];

const job = (overrides: Partial<LetterJob> = {}): LetterJob => ({
  template: listTemplate(),
  recipients: people,
  campaign: campaign({ policy: { identifier: 'S.1234' } }),
  settings: SETTINGS,
  date: LETTER_DATE,
  output: 'zip',
  ...overrides,
});

const parts = (bytes: Uint8Array) => {
  const zip = unzipSync(bytes);
  return Object.fromEntries(Object.entries(zip).map(([name, data]) => [name, strFromU8(data)]));
};

/** Drawing ids count on through a document; everything else must match. */
const withoutDrawingIds = (xml: string) => xml.replace(/ id="\d+"/g, ' id=""');
/** Creation times are written when packed. */
const withoutTimes = (xml: string) => xml.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');

function layouts(count: number): LetterLayout[] {
  const compiled = compileTemplate(listTemplate());
  return people.slice(0, count).map((r) => ({
    letter: compiled.render({ recipient: r, settings: SETTINGS, date: LETTER_DATE }),
    date: '30 November 2026',
    recipientLines: [r.contact.givenName ?? '', 'Boston'],
  }));
}

describe('renderLetterDocxFiles', () => {
  it('writes each letter as the same DOCX renderLetterDocx writes alone: body, lists, images, footer', async () => {
    const options: LetterDocxOptions = {
      letterhead: {
        ...letterheadFromSettings(SETTINGS),
        logo: { bytes: solidPng(120, 40, [30, 90, 160]) },
      },
      signatureImage: { bytes: solidPng(90, 30, [20, 20, 20]) },
    };
    const all = layouts(3);
    const files = await renderLetterDocxFiles(all, options);
    expect(files).toHaveLength(3);
    for (const [i, layout] of all.entries()) {
      const alone = parts(await renderLetterDocx(layout, options));
      const split = parts(files[i] ?? new Uint8Array());
      expect(Object.keys(split).sort()).toEqual(Object.keys(alone).sort());
      for (const name of Object.keys(alone)) {
        expect(withoutTimes(withoutDrawingIds(split[name] ?? '')), name).toBe(
          withoutTimes(withoutDrawingIds(alone[name] ?? '')),
        );
      }
    }
    expect(parts(files[1] ?? new Uint8Array())['word/document.xml']).toContain('First Baker');
  });

  it('returns nothing for no letters', async () => {
    expect(await renderLetterDocxFiles([])).toEqual([]);
  });
});

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

describe('generateLetterFiles and assembleLetterFiles', () => {
  it('gives the same letters in slices as in one pass, names unique across slices', async () => {
    const whole = await generateLetters(job());
    const slices = [
      await generateLetterFiles(job(), { from: 0, to: 2 }),
      await generateLetterFiles(job(), { from: 2, to: 5 }),
    ];
    const assembled = assembleLetterFiles(job(), slices);
    expect(assembled.letters.map((l) => [l.recipientId, l.fileName, l.renderedText])).toEqual(
      whole.letters.map((l) => [l.recipientId, l.fileName, l.renderedText]),
    );
    // Haddad twice, once in each slice: the second is "(2)" in the archive and the records.
    expect(assembled.letters[2]?.fileName).toBe('2026-11-30 Letter to Sen. Haddad (2).docx');
    const zip = unzipSync(assembled.file.bytes);
    expect(Object.keys(zip).sort()).toEqual(assembled.letters.map((l) => l.fileName).sort());
    for (const letter of assembled.letters) {
      expect(letter.docxSha256).toBe(await sha256Hex(zip[letter.fileName] ?? new Uint8Array()));
    }
    expect(assembled.parts).toHaveLength(5);
  });

  it('counts progress within its slice and leaves the skipped recipients out of the ranges', async () => {
    const progress: LetterJobProgress[] = [];
    const skipped = job({ skipRecipientIds: [people[0]?.id ?? ''] });
    const slice = await generateLetterFiles(
      skipped,
      { from: 1, to: 4 },
      { onProgress: (p) => progress.push(p) },
    );
    expect(slice.letters.map((l) => l.recipientId)).toEqual(people.slice(2, 5).map((p) => p.id));
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, phase: 'render' });
    expect(assembleLetterFiles(skipped, [slice]).skippedRecipientIds).toEqual([people[0]?.id]);
  });

  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      generateLetterFiles(job(), { from: 0, to: 5 }, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('a large combined file', () => {
  it('compresses its megabytes of body natively into a sound ZIP entry (size and CRC-32)', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      ...(people[i % people.length] ?? recipient(HADDAD)),
      id: `r${i}`,
    }));
    const result = await generateLetters(job({ output: 'combined', recipients: many }));
    const entry = unzipSync(result.file.bytes)['word/document.xml'] ?? new Uint8Array();
    const xml = strFromU8(entry);
    expect(xml.length).toBeGreaterThan(1_000_000);
    expect(xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(250);
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

describe('a combined job in shares', () => {
  it('writes the same letters from shares rendered apart, lists numbered per letter', async () => {
    const combined = job({
      output: 'combined',
      logo: { bytes: solidPng(120, 40, [30, 90, 160]) },
      signatureImage: { bytes: solidPng(90, 30, [20, 20, 20]) },
    });
    const whole = await generateLetters(combined);
    const pkg = await combinedJobPackage(combined);
    const shares = [
      // A helper worker's share arrives written as XML; the assembler's own as paragraphs.
      writeCombinedShare(combined, pkg, await renderCombinedShare(combined, { from: 3, to: 5 })),
      await renderCombinedShare(combined, { from: 0, to: 3 }),
    ];
    const result = await finishCombinedJob(combined, pkg, shares);
    const xml = (bytes: Uint8Array) => parts(bytes)['word/document.xml'] ?? '';
    expect(withoutDrawingIds(xml(result.file.bytes))).toBe(
      withoutDrawingIds(xml(whole.file.bytes)),
    );
    // Two images per letter, each drawing with an id of its own across the shares.
    const drawingIds = xml(result.file.bytes).match(/<wp:docPr id="\d+"/g) ?? [];
    expect(drawingIds).toHaveLength(10);
    expect(new Set(drawingIds).size).toBe(10);
    expect(result.letters.map((l) => l.recipientId)).toEqual(people.map((p) => p.id));
    expect(result.letters[0]?.docxSha256).toBe(await sha256Hex(result.file.bytes));
    // Two lists per letter, each its own numbering instance: ten in all.
    const numIds = new Set(xml(result.file.bytes).match(/<w:numId w:val="\d+"/g));
    expect(numIds.size).toBe(10);
  });
});
