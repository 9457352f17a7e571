/**
 * DOCX files from laid-out letters. docx writes a skeleton once per file or batch (styles,
 * numbering, footer, images: package.ts) and the letters' paragraphs are written as XML into it
 * (to-xml.ts). One letter is one section. A combined file with page numbers has one section per
 * letter, because only a new section restarts the numbering; the sections share one footer part,
 * so that costs a few hundred bytes per letter. Without page numbers: one section, page breaks.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LevelFormat,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type ISectionOptions,
} from 'docx';
import type { Settings } from '../../domain/settings';
import {
  letterParagraphs,
  BULLET_REFERENCE,
  ORDERED_REFERENCE,
  type LayoutContext,
  type Letterhead,
  type LetterLayout,
} from './layout';
import type { LetterImage } from './image';
import {
  documentSink,
  letterPackage,
  packageWith,
  writePackage,
  type LetterPackage,
} from './package';

export type { LetterPackage } from './package';
import type { ArabicDigits } from '../../domain/arabic-region';
import { DEFAULT_FONTS, DEFAULT_LANGUAGES, type LetterFonts, type LetterLanguages } from './runs';
import type { ImageRole, ParagraphSpec } from './spec';
import { docxParagraph, type LetterImages } from './to-docx';
import { DEFAULT_RUN_SIZE, DEFAULT_SPACING, paragraphWriter, type XmlParts } from './to-xml';
import { xmlSafe } from '../sanitize';
import { documentBase } from './document-base';
import type { LetterLanguage } from '../language';

export interface MarginsMm {
  top: number;
  bottom: number;
  /** Left in a left-to-right letter, right in a right-to-left one. */
  start: number;
  end: number;
}

export interface LetterDocxOptions {
  paper?: Settings['letterPaper'];
  marginsMm?: Partial<MarginsMm>;
  letterhead?: Letterhead;
  signatureImage?: LetterImage;
  /** "Page 1 of 2" in the footer (default true). */
  pageNumbers?: boolean;
  /** Page and list numbers in Arabic letters: Arabic-Indic or Latin digits. */
  arabicDigits?: ArabicDigits;
  /** `w:lang` of styles and runs (default en-GB and ar-EG). */
  languages?: LetterLanguages;
  /**
   * Who the file says wrote it (core.xml creator and last modified by): nobody (default) or the
   * organisation's name. Never the computer's user name or a library default.
   */
  author?: { kind: 'none' } | { kind: 'organization'; name: string };
  fonts?: LetterFonts;
  /** Named in the signature image's alternative text. */
  signatoryName?: string | undefined;
}

const PAPER = {
  a4: { width: 11_906, height: 16_838 },
  letter: { width: 12_240, height: 15_840 },
} as const;
const twips = (mm: number) => Math.round((mm / 25.4) * 1440);
const DEFAULT_MARGINS: MarginsMm = { top: 25, bottom: 22, start: 25, end: 25 };

function listLevels(kind: 'bullet' | 'ordered', arabicIndic: boolean): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format:
      kind === 'bullet'
        ? LevelFormat.BULLET
        : arabicIndic
          ? LevelFormat.HINDI_NUMBERS
          : LevelFormat.DECIMAL,
    text: kind === 'bullet' ? ['•', '◦', '▪'][level % 3] : `%${level + 1}.`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

const PAGE_WORDS = { en: ['Page ', ' of '], ar: ['صفحة ', ' من '] } as const;

/**
 * "Page 1 of 2" for a single letter. A combined file says "Page 1" (restarting per letter): the
 * per-section total (SECTIONPAGES) stays blank in LibreOffice, and the document total (NUMPAGES)
 * would count every letter (LibreOffice even counts the blank pages it imagines between sections).
 * With Arabic-Indic digits the footer is «صفحة ١» alone: Word prints PAGE in the section's
 * Arabic-Indic format but NUMPAGES always in Latin digits, which would mix both in one line.
 */
function footer(
  language: LetterLanguage,
  restartPerSection: boolean,
  options: LetterDocxOptions,
): Footer {
  const rtl = language === 'ar';
  const [page, of] = PAGE_WORDS[language];
  const arabicIndic = rtl && options.arabicDigits === 'arabic-indic';
  const numbers =
    restartPerSection || arabicIndic
      ? [PageNumber.CURRENT]
      : [PageNumber.CURRENT, of, PageNumber.TOTAL_PAGES];
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  const font = options.fonts ?? DEFAULT_FONTS;
  const runOptions = {
    size: 18,
    sizeComplexScript: 20,
    color: '555555',
    language: { value: languages.latin, bidirectional: languages.arabic },
    font: {
      ascii: font.latin,
      hAnsi: font.latin,
      cs: font.arabic,
      ...(rtl ? { hint: 'cs' as const } : {}),
    },
    ...(rtl ? { rightToLeft: true } : {}),
  };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        bidirectional: rtl,
        children: [new TextRun({ ...runOptions, children: [page, ...numbers] })],
      }),
    ],
  });
}

/** Page, margins and page numbers of a letter's section (its paragraphs are written apart). */
function sectionFor(
  language: LetterLanguage,
  options: LetterDocxOptions,
  restart: boolean,
  children: Paragraph[],
): ISectionOptions {
  const rtl = language === 'ar';
  const paper = PAPER[options.paper ?? 'a4'];
  const m = { ...DEFAULT_MARGINS, ...options.marginsMm };
  const arabicIndic = language === 'ar' && options.arabicDigits === 'arabic-indic';
  return {
    properties: {
      page: {
        size: paper,
        margin: {
          top: twips(m.top),
          bottom: twips(m.bottom),
          left: twips(rtl ? m.end : m.start),
          right: twips(rtl ? m.start : m.end),
          footer: twips(10),
        },
        ...(options.pageNumbers === false
          ? {}
          : {
              pageNumbers: {
                ...(restart ? { start: 1 } : {}),
                ...(arabicIndic ? { formatType: NumberFormat.HINDI_NUMBERS } : {}),
              },
            }),
      },
    },
    ...(options.pageNumbers === false
      ? {}
      : { footers: { default: footer(language, restart, options) } }),
    children,
  };
}

function documentOf(
  sections: ISectionOptions[],
  options: LetterDocxOptions,
  arabicIndic: boolean,
): Document {
  const author = options.author?.kind === 'organization' ? options.author.name : '';
  return new Document({
    ...documentBase({
      author,
      fonts: options.fonts ?? DEFAULT_FONTS,
      languages: options.languages ?? DEFAULT_LANGUAGES,
      size: DEFAULT_RUN_SIZE,
      sizeComplexScript: DEFAULT_RUN_SIZE + 2,
      paragraph: { spacing: { ...DEFAULT_SPACING } },
    }),
    numbering: {
      config: [
        { reference: BULLET_REFERENCE, levels: listLevels('bullet', false) },
        { reference: ORDERED_REFERENCE, levels: listLevels('ordered', arabicIndic) },
      ],
    },
    sections,
  });
}

function layoutContext(options: LetterDocxOptions): LayoutContext {
  let instance = 0;
  return {
    fonts: options.fonts ?? DEFAULT_FONTS,
    letterhead: options.letterhead,
    signatureImage: options.signatureImage,
    nextListInstance: () => ++instance,
  };
}

const listKey = (n: NonNullable<ParagraphSpec['numbering']>) => `${n.reference}:${n.instance}`;

const ALT_TEXT = {
  en: {
    logo: 'Logo of {name}',
    signature: 'Signature of {name}',
    anonymous: ['Logo', 'Signature'],
  },
  ar: { logo: 'شعار {name}', signature: 'توقيع {name}', anonymous: ['الشعار', 'التوقيع'] },
} as const;

/** The letterhead logo and signature with alternative text in the letter's language. */
function imagesWithAltText(language: LetterLanguage, options: LetterDocxOptions): LetterImages {
  const words = ALT_TEXT[language];
  const alt = (template: string, name: string | undefined, anonymous: string) =>
    name ? template.replace('{name}', xmlSafe(name)) : anonymous;
  const images: LetterImages = {};
  const logo = options.letterhead?.logo;
  if (logo)
    images.logo = { ...logo, alt: alt(words.logo, options.letterhead?.name, words.anonymous[0]) };
  if (options.signatureImage)
    images.signature = {
      ...options.signatureImage,
      alt: alt(words.signature, options.signatoryName, words.anonymous[1]),
    };
  return images;
}

/**
 * Packs the skeleton for these letters' paragraphs with docx: one paragraph per list instance
 * they use and one per image, in the letters' section (footer, page numbers).
 */
async function packageFor(
  paragraphs: readonly ParagraphSpec[],
  language: LetterLanguage,
  options: LetterDocxOptions,
  restart: boolean,
): Promise<LetterPackage> {
  const lists = new Map<string, ParagraphSpec>();
  const images = new Map<ImageRole, ParagraphSpec>();
  for (const p of paragraphs) {
    if (p.numbering && !lists.has(listKey(p.numbering))) lists.set(listKey(p.numbering), p);
    if (p.image && !images.has(p.image)) images.set(p.image, p);
  }
  const fonts = options.fonts ?? DEFAULT_FONTS;
  const pictures = imagesWithAltText(language, options);
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  const children = [...lists.values(), ...images.values()].map((p) =>
    docxParagraph({ ...p, pageBreakBefore: false }, fonts, languages, pictures),
  );
  const arabicIndic = language === 'ar' && options.arabicDigits === 'arabic-indic';
  const skeleton = await pack(
    documentOf([sectionFor(language, options, restart, children)], options, arabicIndic),
  );
  return letterPackage(skeleton, { listKeys: [...lists.keys()], imageRoles: [...images.keys()] });
}

async function pack(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

const xmlParts = (pkg: LetterPackage, options: LetterDocxOptions): XmlParts => ({
  fonts: options.fonts ?? DEFAULT_FONTS,
  languages: options.languages ?? DEFAULT_LANGUAGES,
  numIds: pkg.numIds,
  imageRuns: pkg.imageRuns,
});

const languageOf = (layouts: readonly LetterLayout[]) => layouts[0]?.letter.language ?? 'en';

/** Writes letters as DOCX files of their own, reusing the packed parts from batch to batch. */
export interface LetterFileWriter {
  write(layouts: readonly LetterLayout[]): Promise<Uint8Array[]>;
}

/**
 * Each letter as its own DOCX ("Page 1 of 2" in the footer). The parts docx writes are packed
 * once, and again only when a batch needs a list instance or image the package lacks; each
 * file differs only in its body.
 */
export function letterFileWriter(options: LetterDocxOptions = {}): LetterFileWriter {
  let pkg: { value: LetterPackage; key: string } | undefined;
  return {
    async write(layouts) {
      if (layouts.length === 0) return [];
      // A context per letter: its lists are numbered from instance 1, as in a file of its own.
      const perLetter = layouts.map((layout) => letterParagraphs(layout, layoutContext(options)));
      const all = perLetter.flat();
      const language = languageOf(layouts);
      const needs = [
        language,
        ...new Set(all.flatMap((p) => (p.numbering ? [listKey(p.numbering)] : (p.image ?? [])))),
      ];
      const covered =
        pkg && needs.every((need) => pkg?.key.split('|').includes(need)) ? pkg.value : undefined;
      const value = covered ?? (await packageFor(all, language, options, false));
      if (!covered) pkg = { value, key: needs.join('|') };
      const parts = xmlParts(value, options);
      return perLetter.map((paragraphs) => {
        const write = paragraphWriter(parts);
        return writePackage(value, paragraphs.map((p) => write(p)).join(''), value.sectPr);
      });
    },
  };
}

/** Each letter as its own DOCX: see letterFileWriter. */
export function renderLetterDocxFiles(
  layouts: readonly LetterLayout[],
  options: LetterDocxOptions = {},
): Promise<Uint8Array[]> {
  return letterFileWriter(options).write(layouts);
}

/** One letter as a DOCX file. */
export async function renderLetterDocx(
  layout: LetterLayout,
  options: LetterDocxOptions = {},
): Promise<Uint8Array> {
  const [file] = await renderLetterDocxFiles([layout], options);
  if (!file) throw new RangeError('No letter was written.');
  return file;
}

/**
 * What the letters of a combined file need from docx, known before any is rendered: how many
 * there are, their language, and the kind of each list in the template (by its index). Each
 * letter's lists get instances of their own (letter index × lists + list index), so letters
 * rendered in different workers fit the same numbering.
 */
export interface CombinedPlan {
  count: number;
  language: LetterLanguage;
  lists: readonly ListKind[];
}
export type ListKind = 'bullet' | 'ordered';

const listReference = (kind: ListKind) =>
  kind === 'bullet' ? BULLET_REFERENCE : ORDERED_REFERENCE;

/** The packed parts of a combined file: every list instance of the plan, the images, the footer. */
export function combinedPackage(
  plan: CombinedPlan,
  options: LetterDocxOptions = {},
): Promise<LetterPackage> {
  const placeholders: ParagraphSpec[] = [];
  const blank = { runs: [], bidi: false, spacing: { after: 0, line: 276 } };
  for (let letter = 0; letter < plan.count; letter += 1)
    plan.lists.forEach((kind, list) =>
      placeholders.push({
        ...blank,
        numbering: {
          reference: listReference(kind),
          instance: letter * plan.lists.length + list + 1,
          level: 0,
        },
      }),
    );
  if (options.letterhead?.logo) placeholders.push({ ...blank, image: 'logo' });
  if (options.signatureImage) placeholders.push({ ...blank, image: 'signature' });
  return packageFor(placeholders, plan.language, options, options.pageNumbers !== false);
}

/** The paragraphs of letter `index` of a combined file. */
export function combinedLetterParagraphs(
  layout: LetterLayout,
  index: number,
  plan: CombinedPlan,
  options: LetterDocxOptions = {},
): ParagraphSpec[] {
  const ctx: LayoutContext = {
    ...layoutContext(options),
    listInstance: (list) => index * plan.lists.length + list + 1,
    // Without page numbers one section holds every letter: each after the first on a new page.
    pendingPageBreak: index > 0 && options.pageNumbers === false,
  };
  return letterParagraphs(layout, ctx);
}

/** A combined file written letter by letter (combinedDocxWriter). */
export interface CombinedDocxWriter {
  /** The next letter's paragraphs (combinedLetterParagraphs), in the letters' order. */
  add(paragraphs: readonly ParagraphSpec[]): Promise<void>;
  /** The finished file, once every one of the `total` letters is added. */
  finish(): Promise<Uint8Array>;
  /** Ends an unfinished file (a cancelled or failed job). */
  abort(): void;
}

/**
 * A combined file of `total` letters, written as they come: each starts on a new page; page
 * numbers restart per letter, which takes a section per letter (only the first has a footer
 * part: the others show it, as Word's "link to previous" does). Without page numbers, one
 * section with page breaks. The last letter leaves its section to the body. Each letter's XML
 * goes to the compressor as it is written, never the whole body at once (package.ts).
 */
export function combinedDocxWriter(
  pkg: LetterPackage,
  total: number,
  options: LetterDocxOptions = {},
): CombinedDocxWriter {
  if (total === 0) throw new RangeError('A combined file needs at least one letter.');
  const sections = options.pageNumbers !== false;
  const write = paragraphWriter(xmlParts(pkg, options));
  const sink = documentSink();
  let index = 0;
  return {
    async add(paragraphs) {
      if (index >= total) throw new RangeError(`A combined file of ${total} letters is full.`);
      const end = paragraphs.length - 1;
      let xml = index === 0 ? pkg.head : '';
      paragraphs.forEach((p, j) => {
        const sectPr =
          sections && index < total - 1 && j === end
            ? index === 0
              ? pkg.sectPr
              : pkg.sectPrWithoutFooter
            : '';
        xml += write(p, sectPr);
      });
      index += 1;
      await sink.write(xml);
    },
    async finish() {
      if (index < total) throw new RangeError(`${index} of ${total} letters were written.`);
      await sink.write(
        (!sections || total === 1 ? pkg.sectPr : pkg.sectPrWithoutFooter) + pkg.tail,
      );
      return packageWith(pkg, await sink.close());
    },
    abort: sink.abort,
  };
}

/** The kind of each list of a template or letter, by list index. */
export function listKinds(
  blocks: readonly { list?: { listIndex: number; kind: ListKind } | undefined }[],
): ListKind[] {
  const kinds: ListKind[] = [];
  for (const block of blocks) if (block.list) kinds[block.list.listIndex] = block.list.kind;
  return Array.from(kinds, (kind) => kind ?? 'bullet');
}

/** Many letters in one DOCX (see combinedDocxWriter). */
export async function renderCombinedDocx(
  layouts: readonly LetterLayout[],
  options: LetterDocxOptions = {},
): Promise<Uint8Array> {
  if (layouts.length === 0) throw new RangeError('A combined file needs at least one letter.');
  const plan: CombinedPlan = {
    count: layouts.length,
    language: languageOf(layouts),
    lists: listKinds(layouts.flatMap((l) => l.letter.body)),
  };
  const pkg = await combinedPackage(plan, options);
  const writer = combinedDocxWriter(pkg, layouts.length, options);
  for (const [i, layout] of layouts.entries())
    await writer.add(combinedLetterParagraphs(layout, i, plan, options));
  return writer.finish();
}
