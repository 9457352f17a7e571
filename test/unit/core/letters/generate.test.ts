import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  LetterTemplateError,
  checkLetterFile,
  generateLetters,
  letterFileName,
  recordGeneratedLetters,
  safeFileName,
  serializeTemplateDocument,
  sha256Hex,
  starterTemplate,
  templateBuilders as b,
  type LetterJob,
  type LetterJobProgress,
} from '@core/letters';
import { freshDataCore } from '../../../helpers/fresh-data-core';
import { campaign, contact, HADDAD, LETTER_DATE, recipient, REEM, settings } from './fixtures';

const template = () => starterTemplate('support-bill', 'en');

const job = (overrides: Partial<LetterJob> = {}): LetterJob => ({
  template: template(),
  recipients: [
    recipient(HADDAD),
    recipient({ givenName: 'Tom', familyName: 'Baker', chamber: 'lower' }),
    recipient({ givenName: 'Ana', familyName: 'Ortiz', formOfAddress: 'feminine' }),
  ],
  campaign: campaign({ policy: { identifier: 'S.1234' } }),
  settings: settings({ organizationProfile: { name: 'Bay State Pride' } }),
  date: LETTER_DATE,
  output: 'zip',
  ...overrides,
});

const documentXml = (bytes: Uint8Array) =>
  strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());

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

describe('file names', () => {
  it("names letters by date and addressee, in the letter's language", () => {
    expect(letterFileName(LETTER_DATE, contact(HADDAD), 'en')).toBe(
      '2026-11-30 Letter to Sen. Haddad.docx',
    );
    expect(
      letterFileName(
        LETTER_DATE,
        contact({ honorific: 'Council Member', familyName: 'Ortiz' }),
        'en',
      ),
    ).toBe('2026-11-30 Letter to Council Member Ortiz.docx');
    expect(
      letterFileName(LETTER_DATE, contact({ givenName: 'Sam', familyName: 'Rivera' }), 'en'),
    ).toBe('2026-11-30 Letter to Sam Rivera.docx');
    expect(letterFileName(LETTER_DATE, contact(REEM), 'ar')).toBe(
      '2026-11-30 رسالة إلى النائبة ريم الحداد.docx',
    );
    expect(
      letterFileName(
        LETTER_DATE,
        contact({ givenName: 'كريم', familyName: 'سعيد', formOfAddress: 'masculine' }),
        'ar',
      ),
    ).toBe('2026-11-30 رسالة إلى السيد كريم سعيد.docx');
  });

  it('removes characters Windows and macOS refuse, and trailing dots', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j\u0001k\u202El. ', 'docx')).toBe('abcdefghijkl.docx');
    expect(safeFileName('...', 'zip')).toBe('letter.zip');
    expect(letterFileName(LETTER_DATE, contact({ displayName: 'Office: A/B "C"' }), 'en')).toBe(
      '2026-11-30 Letter to Office AB C.docx',
    );
  });
});

describe('records of generated letters', () => {
  it('stores each letter and an outgoing letter interaction in one transaction', async () => {
    const { core, reopen } = await freshDataCore();
    const person = await core.contacts.create(HADDAD);
    const cause = await core.campaigns.create({ name: 'Fair housing' });
    const target = await core.targets.create({ campaignId: cause.id, contactId: person.id });
    const stored = await core.templates.create({
      ...starterTemplate('support-bill', 'en'),
      name: 'Support',
    });
    const result = await generateLetters(
      job({
        template: stored,
        recipients: [{ id: target.id, contact: person, target }],
        campaign: cause,
        output: 'combined',
      }),
    );
    await recordGeneratedLetters(core, {
      letters: result.letters,
      campaignId: cause.id,
      templateId: stored.id,
      templateVersion: stored.version,
      at: LETTER_DATE,
    });
    const again = await reopen();
    const [letter] = again.letters.all();
    expect(letter).toMatchObject({
      campaignId: cause.id,
      templateId: stored.id,
      templateVersion: 1,
      contactId: person.id,
      targetId: target.id,
      status: 'draft',
      fileName: result.file.name,
      docxSha256: await sha256Hex(result.file.bytes),
    });
    expect(letter?.renderedText).toContain('Dear Senator Haddad,');
    expect(again.interactions.all()).toEqual([
      expect.objectContaining({
        kind: 'letter',
        direction: 'outgoing',
        contactId: person.id,
        letterId: letter?.id,
        campaignId: cause.id,
      }),
    ]);
    expect(await checkLetterFile(letter ?? {}, result.file.bytes)).toBe('matches');
    const changed = result.file.bytes.slice();
    changed[changed.length - 10] = (changed[changed.length - 10] ?? 0) ^ 1;
    expect(await checkLetterFile(letter ?? {}, changed)).toBe('differs');
    expect(await checkLetterFile({}, changed)).toBe('no-hash');
  });

  it('writes nothing when one record is refused', async () => {
    const { core } = await freshDataCore();
    const person = await core.contacts.create(HADDAD);
    const good = {
      recipientId: person.id,
      contactId: person.id,
      subject: 'S',
      renderedText: 'T',
      fileName: 'a.docx',
      docxSha256: 'a'.repeat(64),
    };
    const bad = { ...good, docxSha256: 'not a hash' };
    await expect(
      recordGeneratedLetters(core, { letters: [good, bad], at: LETTER_DATE }),
    ).rejects.toThrow(/docxSha256/);
    expect(core.letters.count()).toBe(0);
    expect(core.interactions.count()).toBe(0);
  });
});
