import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  LetterTemplateError,
  assembleLetterFiles,
  generateLetterFiles,
  generateLetters,
  serializeTemplateDocument,
  sha256Hex,
  starterTemplate,
  templateBuilders as b,
  type LetterJob,
  type LetterJobProgress,
} from '@core/letters';
import { HADDAD, recipient, settings, threeRecipientJob as job } from './fixtures';
import { listJob, parts, people } from './list-job';
import { solidPng } from '../../../helpers/png';

const documentXml = (bytes: Uint8Array) =>
  strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());

const template = () => starterTemplate('support-bill', 'en');

describe('generateLetters', () => {
  it('zips one DOCX per recipient, each with its own hash, and reports progress per letter', async () => {
    const progress: LetterJobProgress[] = [];
    const result = await generateLetters(job(), { onProgress: (p) => progress.push(p) });
    expect(result.file.name).toBe('2026-11-30 Fair housing.zip');
    const zip = unzipSync(result.file.bytes);
    expect(Object.keys(zip).sort()).toEqual([
      '2026-11-30 Letter to Ms. Ortiz.docx',
      '2026-11-30 Letter to Rep. Baker.docx',
      '2026-11-30 Letter to Sen. Haddad.docx',
    ]);
    for (const letter of result.letters) {
      const bytes = zip[letter.fileName];
      expect(bytes).toBeDefined();
      expect(letter.docxSha256).toBe(await sha256Hex(bytes ?? new Uint8Array()));
    }
    expect(result.letters.map((l) => l.renderedText.split('\n')[1])).toEqual([
      'Dear Senator Haddad,',
      'Dear Representative Baker,',
      'Dear Ms. Ortiz,',
    ]);
    expect(progress).toEqual([
      { done: 1, total: 3, phase: 'render' },
      { done: 2, total: 3, phase: 'render' },
      { done: 3, total: 3, phase: 'render' },
      { done: 3, total: 3, phase: 'pack' },
    ]);
  });

  it('gives two letters to people of the same name distinct file names', async () => {
    const result = await generateLetters(
      job({ recipients: [recipient(HADDAD), recipient(HADDAD)] }),
    );
    expect(result.letters.map((l) => l.fileName)).toEqual([
      '2026-11-30 Letter to Sen. Haddad.docx',
      '2026-11-30 Letter to Sen. Haddad (2).docx',
    ]);
    expect(Object.keys(unzipSync(result.file.bytes)).sort()).toEqual(
      result.letters.map((l) => l.fileName).sort(),
    );
  });

  it('skips the recipients the user chose to leave out', async () => {
    const recipients = job().recipients;
    const skipped = recipients[1]?.id ?? '';
    const result = await generateLetters(job({ recipients, skipRecipientIds: [skipped] }));
    expect(result.letters.map((l) => l.recipientId)).toEqual([
      recipients[0]?.id,
      recipients[2]?.id,
    ]);
    expect(result.skippedRecipientIds).toEqual([skipped]);
    const none = job({ recipients, skipRecipientIds: recipients.map((r) => r.id) });
    await expect(generateLetters(none)).rejects.toThrow(RangeError);
  });

  it('stops when cancelled, between letters', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const running = generateLetters(job({ output: 'combined' }), {
      signal: controller.signal,
      onProgress: (p) => {
        done.push(p.done);
        if (p.done === 1) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toEqual([1]);
  });

  it('refuses a broken template before writing anything', async () => {
    const broken = {
      ...template(),
      body: serializeTemplateDocument(b.doc(b.paragraph('{{ target.nope }}'))),
    };
    const progress: unknown[] = [];
    await expect(
      generateLetters(job({ template: broken }), { onProgress: (p) => progress.push(p) }),
    ).rejects.toBeInstanceOf(LetterTemplateError);
    expect(progress).toEqual([]);
  });

  it('restarts page numbers with one section per letter, or uses page breaks in one section without them', async () => {
    const combined = (await generateLetters(job({ output: 'combined' }))).file.bytes;
    const numbered = documentXml(combined);
    expect(numbered.match(/<w:sectPr/g)).toHaveLength(3);
    expect(numbered.match(/<w:pgNumType w:start="1"/g)).toHaveLength(3);
    // One footer part: the later sections show it through Word's "link to previous".
    expect(numbered.match(/<w:footerReference/g)).toHaveLength(1);
    expect(
      Object.keys(unzipSync(combined)).filter((n) => /^word\/footer\d*\.xml$/.test(n)),
    ).toHaveLength(1);
    const plain = documentXml(
      (await generateLetters(job({ output: 'combined', docx: { pageNumbers: false } }))).file.bytes,
    );
    expect(plain.match(/<w:sectPr/g)).toHaveLength(1);
    expect(plain.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    expect(plain).not.toContain('PAGE');
  });

  it('measures: 120 letters combined, sections vs page breaks', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      recipient({ ...HADDAD, familyName: `Haddad ${i}` }),
    );
    const timed = async (pageNumbers: boolean) => {
      const start = performance.now();
      const result = await generateLetters(
        job({ recipients: many, output: 'combined', docx: { pageNumbers } }),
      );
      const xml = documentXml(result.file.bytes);
      return {
        ms: Math.round(performance.now() - start),
        kB: Math.round(result.file.bytes.length / 1024),
        sections: xml.match(/<w:sectPr/g)?.length,
        letters: xml.split('Respectfully,').length - 1,
      };
    };
    const sections = await timed(true);
    const breaks = await timed(false);
    console.info(
      `120 letters: one section per letter ${sections.ms} ms, ${sections.kB} kB; page breaks ${breaks.ms} ms, ${breaks.kB} kB`,
    );
    // A section per letter costs one section-properties element each, no footer part each.
    expect(sections).toMatchObject({ sections: 120, letters: 120 });
    expect(breaks).toMatchObject({ sections: 1, letters: 120 });
    expect(sections.kB).toBeLessThanOrEqual(breaks.kB + 2);
  }, 60_000);
});

describe('generateLetterFiles and assembleLetterFiles', () => {
  it('gives the same letters in slices as in one pass, names unique across slices', async () => {
    const whole = await generateLetters(listJob());
    const slices = [
      await generateLetterFiles(listJob(), { from: 0, to: 2 }),
      await generateLetterFiles(listJob(), { from: 2, to: 5 }),
    ];
    const assembled = assembleLetterFiles(listJob(), slices);
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
    const skipped = listJob({ skipRecipientIds: [people[0]?.id ?? ''] });
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
      generateLetterFiles(listJob(), { from: 0, to: 5 }, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('a combined job', () => {
  it('writes every letter in order, drawings and lists numbered per letter, the file hashed', async () => {
    const combined = listJob({
      output: 'combined',
      logo: { bytes: solidPng(120, 40, [30, 90, 160]) },
      signatureImage: { bytes: solidPng(90, 30, [20, 20, 20]) },
    });
    const progress: LetterJobProgress[] = [];
    const result = await generateLetters(combined, { onProgress: (p) => progress.push(p) });
    const xml = documentXml(result.file.bytes);
    // Two images per letter, each drawing with an id of its own.
    const drawingIds = xml.match(/<wp:docPr id="\d+"/g) ?? [];
    expect(drawingIds).toHaveLength(10);
    expect(new Set(drawingIds).size).toBe(10);
    expect(result.letters.map((l) => l.recipientId)).toEqual(people.map((p) => p.id));
    expect(result.letters[0]?.docxSha256).toBe(await sha256Hex(result.file.bytes));
    // Two lists per letter, each its own numbering instance: ten in all.
    const numIds = new Set(xml.match(/<w:numId w:val="\d+"/g));
    expect(numIds.size).toBe(10);
    expect(progress.at(-1)).toEqual({ done: 5, total: 5, phase: 'pack' });
  });

  it('stops between letters when cancelled, and leaves no file', async () => {
    const controller = new AbortController();
    const progress: LetterJobProgress[] = [];
    const run = generateLetters(listJob({ output: 'combined' }), {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.some((p) => p.phase === 'pack')).toBe(false);
  });
});

describe('the Arabic region chosen for a batch', () => {
  const arabic = (overrides: Partial<LetterJob>): LetterJob =>
    job({
      template: starterTemplate('support-bill', 'ar'),
      settings: settings({
        organizationProfile: { name: 'تضامن' },
        arabicRegion: 'egypt-gulf',
        arabicDigits: 'region',
      }),
      output: 'combined',
      ...overrides,
    });

  it('writes its month names and digits over the workspace’s; a tagged template keeps its own', async () => {
    const levantFile = (await generateLetters(arabic({ arabicRegion: 'levant-iraq' }))).file;
    const levant = documentXml(levantFile.bytes);
    expect(levant).toContain('تشرين الثاني');
    expect(levant).not.toContain('نوفمبر');
    expect(levant).toContain('٢٠٢٦');
    expect(parts(levantFile.bytes)['word/styles.xml']).toContain('w:bidi="ar-LB"');
    const workspace = documentXml((await generateLetters(arabic({}))).file.bytes);
    expect(workspace).toContain('نوفمبر');
    expect(workspace).not.toContain('تشرين الثاني');
    const tagged = documentXml(
      (
        await generateLetters(
          arabic({
            template: { ...starterTemplate('support-bill', 'ar'), language: 'ar-MA' },
            arabicRegion: 'levant-iraq',
          }),
        )
      ).file.bytes,
    );
    expect(tagged).toContain('نونبر');
    expect(tagged).not.toContain('تشرين الثاني');
    expect(tagged).toContain('2026');
  });
});
