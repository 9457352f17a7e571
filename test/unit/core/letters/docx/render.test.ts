/**
 * Generated DOCX files, checked independently: LibreOffice opens them (one call for all files),
 * poppler reads the PDF text and page count, and PNGs of the first pages go to the artifacts
 * folder to look at.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateLetters,
  letterheadFromSettings,
  renderLetterDocx,
  renderLetterDocxFiles,
  type LetterDocxOptions,
  starterTemplate,
  serializeTemplateDocument,
  templateBuilders as b,
  type LetterJob,
  type LetterJobResult,
  type LetterTemplate,
} from '@core/letters';
import { artifactPath } from '../../../../helpers/artifacts';
import {
  convertToPdf,
  pdfPageCount,
  pdfPages,
  pdfWords,
  renderPng,
  type PdfWord,
} from '../../../../helpers/docx-check';
import { validateDocxFiles } from '../../../../helpers/ooxml-validate';
import {
  campaign,
  HADDAD,
  PADILLA,
  LETTER_DATE,
  recipient,
  REEM,
  settings,
  withoutBidiControls,
} from '../fixtures';
import { solidPng } from '../../../../helpers/png';
import { layouts, parts, SETTINGS, withoutDrawingIds, withoutTimes } from '../list-job';

const EN_SETTINGS = settings({
  organizationProfile: {
    name: 'Bay State Pride Coalition',
    addressLines: ['14 Tremont Street', 'Boston, MA 02108'],
    phone: '+1 617 555 0100',
    email: 'office@example.org',
    signatoryName: 'Sam Rivera',
    signatoryTitle: 'Policy Director',
  },
});
const AR_SETTINGS = settings({
  organizationProfile: {
    name: 'جمعية صحة للجميع',
    addressLines: ['12 شارع النيل', 'القاهرة'],
    phone: '+20 2 555 0100',
    email: 'info@example.org',
    signatoryName: 'سلمى عادل',
    signatoryTitle: 'المديرة التنفيذية',
  },
  arabicDigits: 'arabic-indic',
  showHijriDate: true,
});
const EN_CAMPAIGN = campaign({
  ask: 'Vote YES on S.1234 in the Judiciary Committee and on the Senate floor.',
  policy: { identifier: 'S.1234', title: 'An Act relative to fair housing' },
});
const AR_CAMPAIGN = campaign({
  name: 'الفحص حق للجميع',
  language: 'ar',
  ask: 'التصويت لصالح المادتين 4 و7 كما قُدّمتا.',
  policy: { identifier: 'م.ق 47/2026', title: 'الفحص الطوعي والسري' },
});

const LONG = 'Long';
/** One letter that runs to two pages: page numbering must restart after it. */
const combinedTemplate: LetterTemplate = {
  ...starterTemplate('support-bill', 'en'),
  body: serializeTemplateDocument(
    b.doc(
      b.paragraph(b.field('salutation')),
      b.paragraph('We write about {{ campaign.bill_id }}.'),
      b.paragraph(`{% if target.district == "${LONG}" %}{% for i in (1..45) %}`),
      b.paragraph(
        'Paragraph {{ i }} of a long letter that needs a second page to say everything it has to say.',
      ),
      b.paragraph('{% endfor %}{% endif %}'),
    ),
  ),
};

/** Each Arabic region's month names and digits (settings "as the region writes them"). */
const REGIONS = [
  { region: 'levant-iraq', date: '٣٠ تشرين الثاني ٢٠٢٦', bill: 'م.ق ٤٧/٢٠٢٦' },
  { region: 'egypt-gulf', date: '٣٠ نوفمبر ٢٠٢٦', bill: 'م.ق ٤٧/٢٠٢٦' },
  { region: 'tunisia-algeria', date: '30 نوفمبر 2026', bill: 'م.ق 47/2026' },
  { region: 'morocco', date: '30 نونبر 2026', bill: 'م.ق 47/2026' },
] as const;

const job = (overrides: Partial<LetterJob>): LetterJob => ({
  template: starterTemplate('support-bill', 'en'),
  recipients: [recipient(HADDAD)],
  campaign: EN_CAMPAIGN,
  settings: EN_SETTINGS,
  date: LETTER_DATE,
  output: 'combined',
  ...overrides,
});

const files: Record<string, LetterJobResult> = {};
const pdfs: Record<string, string> = {};
const familyOf = (i: number) => `Family${String(i + 1).padStart(2, '0')}`;
const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    recipient({ givenName: i % 2 ? 'Amal' : 'رنا', familyName: familyOf(i), kind: 'official' }),
  );
/** Each file of a ZIP job, converted on its own. */
let zipParts: { name: string; pdf: string }[] = [];

beforeAll(async () => {
  files['english'] = await generateLetters(
    job({
      logo: { bytes: solidPng(120, 40, [30, 90, 160]) },
      signatureImage: { bytes: solidPng(90, 30, [20, 20, 20]) },
    }),
  );
  files['arabic'] = await generateLetters(
    job({
      template: starterTemplate('support-bill', 'ar'),
      recipients: [recipient({ ...REEM, district: 'دائرة وسط القاهرة' })],
      campaign: AR_CAMPAIGN,
      settings: AR_SETTINGS,
    }),
  );
  files['combined'] = await generateLetters(
    job({
      template: combinedTemplate,
      recipients: [
        recipient(HADDAD),
        recipient({ givenName: 'Tom', familyName: 'Baker', chamber: 'lower', district: LONG }),
        recipient({ givenName: 'Ana', familyName: 'Ortiz', formOfAddress: 'feminine' }),
      ],
    }),
  );
  files['arabicLists'] = await generateLetters(
    job({
      template: {
        ...starterTemplate('support-bill', 'ar'),
        body: serializeTemplateDocument(
          b.doc(
            b.paragraph(b.field('salutation')),
            b.heading(2, 'مطالبنا بشأن ', b.field('campaign.bill_id')),
            b.orderedList(['إقرار المادة 4 (Article 4) كما قُدّمت.'], ['رفض التعديل رقم 12.']),
            b.bulletList(['السرية التامة لنتائج الفحص.'], ['مجانية الفحص في كل المحافظات.']),
            {
              type: 'paragraph',
              attrs: { dir: 'ltr', textAlign: 'start' },
              content: [b.text('Reference: WHO testing guidelines, 2024.', 'italic')],
            },
          ),
        ),
      },
      recipients: [
        recipient({
          givenName: 'سامر',
          familyName: 'خليل',
          chamber: 'unicameral',
          formOfAddress: 'masculine',
          addresses: REEM.addresses,
        }),
      ],
      campaign: AR_CAMPAIGN,
      settings: AR_SETTINGS,
    }),
  );
  files['hostile'] = await generateLetters(
    job({
      template: {
        ...starterTemplate('support-bill', 'en'),
        body: serializeTemplateDocument(
          b.doc(
            b.paragraph('Bell\u0007 and\u0000 nul, ', b.field('target.title')),
            b.paragraph('x'.repeat(5000)),
          ),
        ),
      },
      recipients: [
        recipient({
          ...HADDAD,
          familyName: 'Had\u0001dad\u001F',
          title: 'Vertical\u000Btab\uFFFE',
        }),
      ],
    }),
  );
  files['arabicToSenate'] = await generateLetters(
    job({
      template: {
        ...starterTemplate('support-bill', 'ar'),
        body: serializeTemplateDocument(
          b.doc(
            b.paragraph(b.field('salutation')),
            b.paragraph('نطلب دعمكم لمشروع القانون ', b.field('campaign.bill_id'), '.'),
            {
              type: 'paragraph',
              attrs: { textAlign: 'left' },
              content: [b.text('فقرة محاذاة إلى اليسار')],
            },
            b.orderedList(['البند الأول'], ['البند الثاني']),
          ),
        ),
      },
      recipients: [recipient(PADILLA), recipient({ ...REEM, givenName: 'سارة' })],
      campaign: AR_CAMPAIGN,
      settings: AR_SETTINGS,
      logo: { bytes: solidPng(120, 40, [30, 90, 160]) },
      signatureImage: { bytes: solidPng(90, 30, [20, 20, 20]) },
    }),
  );
  files['englishArabicAddress'] = await generateLetters(
    job({
      recipients: [
        recipient({
          ...HADDAD,
          addresses: [{ lines: ['شارع مجلس الشعب'], locality: 'القاهرة', country: 'مصر' }],
        }),
      ],
    }),
  );
  for (const { region } of REGIONS)
    files[`region-${region}`] = await generateLetters(
      job({
        template: starterTemplate('support-bill', 'ar'),
        recipients: [recipient(REEM)],
        campaign: AR_CAMPAIGN,
        settings: settings({
          ...AR_SETTINGS,
          arabicRegion: region,
          arabicDigits: 'region',
          showHijriDate: false,
        }),
      }),
    );
  files['batch50'] = await generateLetters(job({ recipients: many(50) }));
  const zip = await generateLetters(job({ recipients: many(5), output: 'zip' }));
  const dir = await mkdtemp(path.join(tmpdir(), 'tadamun-letters-'));
  const paths = await Promise.all(
    Object.entries(files).map(async ([name, result]) => {
      const file = path.join(dir, `${name}.docx`);
      await writeFile(file, result.file.bytes);
      return file;
    }),
  );
  const partPaths = await Promise.all(
    zip.parts.map(async (part, i) => {
      const file = path.join(dir, `zip-part-${i}.docx`);
      await writeFile(file, part.bytes);
      return file;
    }),
  );
  const converted = await convertToPdf([...paths, ...partPaths], dir);
  Object.keys(files).forEach((name, i) => {
    pdfs[name] = converted[i] ?? '';
  });
  zipParts = zip.parts.map((part, i) => ({
    name: part.name,
    pdf: converted[paths.length + i] ?? '',
  }));
  await renderPng(pdfs['english'] ?? '', artifactPath('letter-en'), 80);
  await renderPng(pdfs['arabic'] ?? '', artifactPath('letter-ar'), 80);
  await renderPng(pdfs['combined'] ?? '', artifactPath('letters-combined'), 50);
  await renderPng(pdfs['arabicLists'] ?? '', artifactPath('letter-ar-lists'), 80);
  await renderPng(pdfs['arabicToSenate'] ?? '', artifactPath('letter-ar-senate'), 80);
  for (const { region } of REGIONS)
    await renderPng(pdfs[`region-${region}`] ?? '', artifactPath(`letter-ar-${region}`), 80);
}, 180_000);

/** The file's PDF words on page `page` and the page's width. */
const wordsOf = async (name: string, page = 1) => {
  const { words, pageWidth } = await pdfWords(pdfs[name] ?? '');
  return { words: words.filter((w) => w.page === page), pageWidth };
};
/** pdftotext gives Arabic words in visual order, their letters reversed. */
const reversed = (text: string) => [...text].reverse().join('');
/** Words on the same line as the first word holding `text`, left to right. */
const lineOf = (words: readonly PdfWord[], text: string) => {
  const at = words.find((w) => {
    const seen = withoutBidiControls(w.text);
    return seen === text || seen.includes(reversed(text));
  });
  if (!at) throw new Error(`No word "${text}" in the PDF`);
  return words
    .filter((w) => Math.abs(w.yMin - at.yMin) < 2)
    .sort((x, y) => x.xMin - y.xMin)
    .map((w) => ({ ...w, text: withoutBidiControls(w.text) }));
};
/** 25 mm, the letters' side margins, in points. */
const MARGIN = (25 / 25.4) * 72;

const pagesOf = async (name: string) => (await pdfPages(pdfs[name] ?? '')).map(withoutBidiControls);

describe('DOCX letters opened by LibreOffice', () => {
  it('lays out an English letter: letterhead, date, address, subject, body, closing, signature, page x of y', async () => {
    const [page, ...rest] = await pagesOf('english');
    expect(rest).toEqual([]);
    const text = (page ?? '').replace(/\s+/g, ' ');
    const order = [
      'Bay State Pride Coalition',
      '14 Tremont Street',
      '+1 617 555 0100 · office@example.org',
      '30 November 2026',
      'Layla Haddad',
      'State Senator',
      'Boston, MA 02133',
      'USA',
      'Subject: Please support S.1234',
      'Dear Senator Haddad,',
      'to ask for your support for S.1234, An Act relative to fair housing.',
      'Many of the people we serve live and work in District 7.',
      'Our request: Vote YES on S.1234',
      'Respectfully,',
      'Sam Rivera',
      'Policy Director',
      'Page 1 of 1',
    ].map((part) => text.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(files['english']?.file.name).toBe('2026-11-30 Letter to Sen. Haddad.docx');
  });

  it('writes an Arabic letter as right-to-left text in logical order, with Arabic-Indic dates', async () => {
    const pages = await pagesOf('arabic');
    expect(pages).toHaveLength(1);
    // pdftotext moves spaces next to embedded numbers and splits diacritics from their letters.
    const squash = (value: string) => value.replace(/[\s\u064B-\u0652]+/g, '');
    const text = squash(pages[0] ?? '');
    const order = [
      'جمعية صحة للجميع',
      '+٢٠ ٢ ٥٥٥ ٠١٠٠ · info@example.org',
      '٣٠ نوفمبر ٢٠٢٦ م، الموافق ٢٠ جمادى الآخرة ١٤٤٨ هـ',
      'الدكتورة ريم الحداد',
      'مصر',
      'الموضوع: طلب دعم مشروع القانون م.ق ٤٧/٢٠٢٦',
      'سعادة النائبة الدكتورة ريم الحداد المحترمة،',
      'يقيم كثير ممن نعمل معهم في دائرة وسط القاهرة، ونسمع منهم كل أسبوع',
      'مطلبنا: التصويت لصالح المادتين ٤ و٧ كما قدمتا.',
      'وتفضلوا بقبول فائق الاحترام والتقدير،',
      'سلمى عادل',
    ].map((part) => text.indexOf(squash(part)));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    // Word prints NUMPAGES in Latin digits whatever the section's format: the footer leaves it out.
    // LibreOffice prints page fields in its own digits (Word honours the section's format).
    expect(text).toMatch(/صفحة(1|١)$/);
    expect(text.replace(/صفحة(1|١)$/, '')).not.toMatch(/[0-9]/);
    expect(files['arabic']?.file.name).toBe('2026-11-30 رسالة إلى النائبة ريم الحداد.docx');
  });

  it('writes Arabic headings and numbered and bulleted lists, and a left-to-right paragraph', async () => {
    const [page] = await pagesOf('arabicLists');
    const lines = (page ?? '').split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    const squash = (value: string) => value.replace(/[\s\u064B-\u0652]+/g, '');
    const find = (part: string) => lines.findIndex((line) => squash(line).includes(squash(part)));
    // pdftotext does not reorder mixed-direction lines faithfully (the PNG shows them right):
    // look for each piece, and for the Latin one on the same line as its Arabic sentence.
    const order = [
      'سعادة النائب سامر خليل المحترم،',
      'مطالبنا بشأن م.ق',
      'إقرار المادة',
      'رفض التعديل رقم',
      'السرية التامة لنتائج الفحص.',
      'مجانية الفحص في كل المحافظات.',
      'Reference: WHO testing guidelines, 2024.',
    ].map(find);
    expect(find('(Article 4)')).toBe(find('إقرار المادة'));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    // List labels come out of the PDF as separate lines: two numbers and two bullets.
    expect(lines.filter((line) => /^(1|2|١|٢)\.$|^\.(1|2|١|٢)$/.test(line))).toHaveLength(2);
    expect(lines.filter((line) => line === '•')).toHaveLength(2);
  });

  it('starts each letter of a combined file on a new page and restarts the page numbers', async () => {
    expect(await pdfPageCount(pdfs['combined'] ?? '')).toBe(4);
    const pages = await pagesOf('combined');
    expect(pages.map((page) => /Page (\d+)/.exec(page)?.[1])).toEqual(['1', '1', '2', '1']);
    expect(pages[0]).toContain('Dear Senator Haddad,');
    expect(pages[1]).toContain('Dear Representative Baker,');
    expect(pages[2]).toContain('Paragraph 45 of a long letter');
    expect(pages[3]).toContain('Dear Ms. Ortiz,');
    const hashes = new Set(files['combined']?.letters.map((l) => l.docxSha256));
    expect(hashes.size).toBe(1);
  });

  it('writes a batch of 50 as one file with one letter per page, numbered from 1 each', async () => {
    const pages = await pagesOf('batch50');
    expect(pages).toHaveLength(50);
    pages.forEach((page, i) => {
      expect(page).toContain(familyOf(i));
      expect(/Page (\d+)/.exec(page)?.[1]).toBe('1');
    });
  });

  it('writes a ZIP whose every file opens, one letter each', async () => {
    expect(zipParts).toHaveLength(5);
    for (const [i, part] of zipParts.entries()) {
      expect(part.name).toMatch(/\.docx$/);
      const pages = (await pdfPages(part.pdf)).map(withoutBidiControls);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain(familyOf(i));
    }
  });

  it('opens a file whose data held control characters and a 5,000-letter word', async () => {
    const text = (await pagesOf('hostile')).join('');
    expect(text).toContain('Layla Haddad');
    expect(text).toContain('Bell and nul, Verticaltab');
    // The word wraps over lines and onto the second page: join it back without the footers.
    const joined = text.replace(/Page \d+ of \d+/g, '').replace(/\s+/g, '');
    expect(joined.includes('x'.repeat(5000))).toBe(true);
    expect(joined.includes('x'.repeat(5001))).toBe(false);
  });
});

describe('DOCX letters laid out as the user meant, measured on the rendered page', () => {
  it("puts an Arabic letter's date at the left margin and its recipient at the right", async () => {
    const { words, pageWidth } = await wordsOf('arabic');
    const date = lineOf(words, 'نوفمبر');
    expect(date[0]?.xMin).toBeCloseTo(MARGIN, -1);
    const name = lineOf(words, 'ريم');
    expect(pageWidth - (name.at(-1)?.xMax ?? 0)).toBeCloseTo(MARGIN, -1);
  });

  it('keeps "331 Hart Senate Office Building" and "Washington, DC 20510" in order in an Arabic letter', async () => {
    const { words, pageWidth } = await wordsOf('arabicToSenate');
    const street = lineOf(words, 'Hart').map((w) => w.text);
    expect(street.join(' ')).toBe('331 Hart Senate Office Building');
    const place = lineOf(words, 'DC').map((w) => w.text);
    expect(place.join(' ')).toBe('Washington, DC 20510');
    // The recipient block keeps to the right margin, Latin lines too.
    const building = lineOf(words, 'Building').at(-1);
    expect(pageWidth - (building?.xMax ?? 0)).toBeCloseTo(MARGIN, -1);
  });

  it('aligns an Arabic paragraph the editor aligned left to the left margin', async () => {
    const { words } = await wordsOf('arabicToSenate');
    const aligned = lineOf(words, 'اليسار');
    expect(aligned[0]?.xMin).toBeCloseTo(MARGIN, -1);
  });

  it('writes an Arabic address line of an English letter as a right-to-left paragraph on the left', async () => {
    const { words } = await wordsOf('englishArabicAddress');
    const street = lineOf(words, 'مجلس');
    expect(street[0]?.xMin).toBeCloseTo(MARGIN, -1);
    const xml = parts(files['englishArabicAddress']?.file.bytes ?? new Uint8Array())[
      'word/document.xml'
    ];
    const paragraph = /<w:p>(?:(?!<\/w:p>).)*مجلس الشعب.*?<\/w:p>/.exec(xml ?? '')?.[0] ?? '';
    expect(paragraph).toContain('<w:bidi/>');
    expect(paragraph).toContain('<w:rtl/>');
    expect(paragraph).toContain('<w:jc w:val="end"/>');
  });
});

describe.each(REGIONS)('an Arabic letter for $region', ({ region, date, bill }) => {
  it("prints the region's month names and digits, in the date and the body", async () => {
    const [page] = await pagesOf(`region-${region}`);
    const squash = (value: string) => value.replace(/[\s\u064B-\u0652]+/g, '');
    const text = squash(page ?? '');
    expect(text).toContain(squash(date));
    expect(text).toContain(squash(bill));
    const styles = parts(files[`region-${region}`]?.file.bytes ?? new Uint8Array())[
      'word/styles.xml'
    ];
    const lang = {
      'levant-iraq': 'ar-LB',
      'egypt-gulf': 'ar-EG',
      'tunisia-algeria': 'ar-TN',
      morocco: 'ar-MA',
    }[region];
    expect(styles).toContain(`w:bidi="${lang}"`);
  });
});

/** Characters of a Windows code page: what fonts made for it (Simplified Arabic: 1256) cover. */
const codePage = (name: string) =>
  new Set(new TextDecoder(name).decode(Uint8Array.from({ length: 256 }, (_, i) => i)));
/** Bidi embedding controls: never drawn. */
const CONTROLS = new Set('\u202A\u202B\u202C\u202D\u202E');

describe('DOCX letters name fonts Word ships', () => {
  it('names Times New Roman and Simplified Arabic, and no character needs a third font', () => {
    // Windows draws Arabic-Indic digits (U+0660–0669) with these fonts' own digit glyphs.
    const arabicFont = new Set([...codePage('windows-1256'), ...'٠١٢٣٤٥٦٧٨٩']);
    const latinFont = new Set([...codePage('windows-1252'), ...arabicFont]);
    for (const name of ['english', 'arabic', 'arabicToSenate', 'englishArabicAddress']) {
      const xml = parts(files[name]?.file.bytes ?? new Uint8Array())['word/document.xml'] ?? '';
      const styles = parts(files[name]?.file.bytes ?? new Uint8Array())['word/styles.xml'] ?? '';
      // The fonts and languages are the document's defaults; runs name neither.
      expect(styles).toMatch(
        /<w:docDefaults>.*w:ascii="Times New Roman".*w:cs="Simplified Arabic"/,
      );
      expect(styles + xml).not.toContain('Noto');
      expect(xml).not.toMatch(/w:ascii=|<w:lang/);
      for (const [, props, text] of xml.matchAll(
        /<w:r>(<w:rPr>.*?<\/w:rPr>)(?:<w:br\/>)?<w:t xml:space="preserve">([^<]*)<\/w:t>/g,
      )) {
        const font = props?.includes('<w:rtl/>') ? arabicFont : latinFont;
        const missing = [...(text ?? '')].filter((c) => !font.has(c) && !CONTROLS.has(c));
        expect(missing, `${name}: "${text}"`).toEqual([]);
      }
    }
  });
});

describe('DOCX letters checked by the strict OOXML validator', () => {
  it('passes every kind of letter file: single, combined, each ZIP entry, images, lists, English and Arabic', async () => {
    const all = [...Object.values(pdfs), ...zipParts.map((part) => part.pdf)].map((pdf) =>
      pdf.replace(/\.pdf$/, '.docx'),
    );
    expect(all.length).toBeGreaterThanOrEqual(13);
    const result = await validateDocxFiles(all);
    expect(result.report).not.toContain(': FAIL');
    expect(result.ok, result.report).toBe(true);
  }, 120_000);
});

describe('DOCX metadata', () => {
  const properties = (bytes: Uint8Array) => {
    const zip = unzipSync(bytes);
    const read = (name: string) => strFromU8(zip[name] ?? new Uint8Array());
    return {
      core: read('docProps/core.xml'),
      app: read('docProps/app.xml'),
      custom: read('docProps/custom.xml'),
    };
  };

  it('names no author by default: no library default, no OS user name', () => {
    const { core, app, custom } = properties(files['english']?.file.bytes ?? new Uint8Array());
    const all = core + app + custom;
    expect(core).toContain('<cp:coreProperties');
    expect(all).not.toMatch(/Un-named|docx|creator>[^<]|lastModifiedBy>[^<]|<Company>/i);
    const user = userInfo().username;
    if (user.length > 2) expect(all).not.toContain(user);
  });

  it("gives the logo and signature alternative text in the letter's language", () => {
    const doc = (name: string) =>
      parts(files[name]?.file.bytes ?? new Uint8Array())['word/document.xml'] ?? '';
    expect(doc('english')).toContain('descr="Logo of Bay State Pride Coalition"');
    expect(doc('english')).toContain('descr="Signature of Sam Rivera"');
    expect(doc('arabicToSenate')).toContain('descr="شعار جمعية صحة للجميع"');
    expect(doc('arabicToSenate')).toContain('descr="توقيع سلمى عادل"');
  });

  it('names the organisation when the user chooses it', async () => {
    const result = await generateLetters(job({ authorIsOrganization: true }));
    const { core } = properties(result.file.bytes);
    expect(core).toContain('<dc:creator>Bay State Pride Coalition</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Bay State Pride Coalition</cp:lastModifiedBy>');
  });
});

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
