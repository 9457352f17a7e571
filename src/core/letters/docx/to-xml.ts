/**
 * Paragraph specs as WordprocessingML text, written directly: the same elements docx writes for
 * them (to-docx.ts), without an object per run. What docx must write — numbering instances,
 * image runs with their relationships, section properties — comes from a package docx wrote
 * (package.ts) through `XmlParts`.
 */
import type { LetterFonts, LetterLanguages } from './runs';
import type { ImageRole, ParagraphSpec, RunSpec } from './spec';

export interface XmlParts {
  fonts: LetterFonts;
  /** `w:lang` of every run: Latin text's language and complex-script (Arabic) text's. */
  languages: LetterLanguages;
  /** `w:numId` of each list instance, by `${reference}:${instance}`. */
  numIds: ReadonlyMap<string, number>;
  /** The run holding each image, as docx wrote it (its drawing id is renumbered per use). */
  imageRuns: Partial<Record<ImageRole, string>>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

/**
 * What the document's defaults (docDefaults, render.ts) already say, so runs and paragraphs
 * write only what differs: the fonts, languages and sizes of text and the spacing of a line.
 * A combined file has tens of thousands of runs; repeating these made it twice as large.
 */
export const DEFAULT_RUN_SIZE = 22;
export const DEFAULT_SPACING = { after: 0, line: 276 } as const;

/** Run properties repeat a lot within a letter: built once per distinct style. */
function runPropertiesCache() {
  const cache = new Map<string, string>();
  return (run: RunSpec): string => {
    const key = `${run.bold ? 1 : 0}${run.italic ? 1 : 0}${run.underline ? 1 : 0}${run.complex ? 1 : 0}${run.size}:${run.color ?? ''}`;
    let xml = cache.get(key);
    if (xml === undefined) {
      const props =
        (run.complex ? '<w:rFonts w:hint="cs"/>' : '') +
        (run.bold ? '<w:b/><w:bCs/>' : '') +
        (run.italic ? '<w:i/><w:iCs/>' : '') +
        (run.color ? `<w:color w:val="${escapeXml(run.color)}"/>` : '') +
        (run.size === DEFAULT_RUN_SIZE
          ? ''
          : `<w:sz w:val="${run.size}"/><w:szCs w:val="${run.size + 2}"/>`) +
        (run.underline ? '<w:u w:val="single"/>' : '') +
        (run.complex ? '<w:rtl/>' : '');
      xml = props ? `<w:rPr>${props}</w:rPr>` : '';
      cache.set(key, xml);
    }
    return xml;
  };
}

/** `w:t`, keeping spaces at its ends only where it has some (the attribute costs bytes). */
const textElement = (text: string) =>
  /^\s|\s$/.test(text)
    ? `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`
    : `<w:t>${escapeXml(text)}</w:t>`;

function spacingElement({ before, after, line, lineRule }: ParagraphSpec['spacing']): string {
  if (!before && after === DEFAULT_SPACING.after && line === DEFAULT_SPACING.line && !lineRule)
    return '';
  return `<w:spacing${before ? ` w:before="${before}"` : ''} w:after="${after}" w:line="${line}"${lineRule ? ` w:lineRule="${lineRule}"` : ''}/>`;
}

function paragraphProperties(p: ParagraphSpec, parts: XmlParts, sectPr: string): string {
  let numPr = '';
  if (p.numbering) {
    const numId = parts.numIds.get(`${p.numbering.reference}:${p.numbering.instance}`);
    if (numId === undefined) throw new Error(`No numbering for list ${p.numbering.instance}.`);
    numPr = `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${numId}"/></w:numPr>`;
  }
  return (
    '<w:pPr>' +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    numPr +
    (p.bidi ? '<w:bidi/>' : '') +
    spacingElement(p.spacing) +
    (p.indentLeft === undefined ? '' : `<w:ind w:left="${p.indentLeft}"/>`) +
    (p.align ? `<w:jc w:val="${p.align}"/>` : '') +
    sectPr +
    '</w:pPr>'
  );
}

/** Writes paragraphs of one document; drawing ids count on through it from 1. */
export function paragraphWriter(parts: XmlParts) {
  const runProperties = runPropertiesCache();
  let drawingId = 0;
  const image = (role: ImageRole) =>
    (parts.imageRuns[role] ?? '').replace(/(<wp:docPr id=")\d+/, `$1${++drawingId}`);
  return (p: ParagraphSpec, sectPr = ''): string => {
    let runs = '';
    if (p.image) runs = image(p.image);
    else
      for (const run of p.runs)
        runs +=
          '<w:r>' +
          runProperties(run) +
          (run.breakBefore ? '<w:br/>' : '') +
          textElement(run.text) +
          '</w:r>';
    return `<w:p>${paragraphProperties(p, parts, sectPr)}${runs}</w:p>`;
  };
}
