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

/** Run properties repeat a lot within a letter: built once per distinct style. */
function runPropertiesCache(fonts: LetterFonts, languages: LetterLanguages) {
  const cache = new Map<string, string>();
  const latin = escapeXml(fonts.latin);
  const arabic = escapeXml(fonts.arabic);
  const lang = `<w:lang w:val="${escapeXml(languages.latin)}" w:bidi="${escapeXml(languages.arabic)}"/>`;
  return (run: RunSpec): string => {
    const key = `${run.bold ? 1 : 0}${run.italic ? 1 : 0}${run.underline ? 1 : 0}${run.complex ? 1 : 0}${run.size}:${run.color ?? ''}`;
    let xml = cache.get(key);
    if (xml === undefined) {
      xml =
        '<w:rPr>' +
        `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:cs="${arabic}"${run.complex ? ' w:hint="cs"' : ''}/>` +
        (run.bold ? '<w:b/><w:bCs/>' : '') +
        (run.italic ? '<w:i/><w:iCs/>' : '') +
        (run.color ? `<w:color w:val="${escapeXml(run.color)}"/>` : '') +
        `<w:sz w:val="${run.size}"/><w:szCs w:val="${run.size + 2}"/>` +
        (run.underline ? '<w:u w:val="single"/>' : '') +
        (run.complex ? '<w:rtl/>' : '') +
        lang +
        '</w:rPr>';
      cache.set(key, xml);
    }
    return xml;
  };
}

function paragraphProperties(p: ParagraphSpec, parts: XmlParts, sectPr: string): string {
  let numPr = '';
  if (p.numbering) {
    const numId = parts.numIds.get(`${p.numbering.reference}:${p.numbering.instance}`);
    if (numId === undefined) throw new Error(`No numbering for list ${p.numbering.instance}.`);
    numPr = `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${numId}"/></w:numPr>`;
  }
  const { before, after, line, lineRule } = p.spacing;
  return (
    '<w:pPr>' +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    numPr +
    (p.bidi ? '<w:bidi/>' : '') +
    `<w:spacing${before === undefined ? '' : ` w:before="${before}"`} w:after="${after}" w:line="${line}"${lineRule ? ` w:lineRule="${lineRule}"` : ''}/>` +
    (p.indentLeft === undefined ? '' : `<w:ind w:left="${p.indentLeft}"/>`) +
    (p.align ? `<w:jc w:val="${p.align}"/>` : '') +
    sectPr +
    '</w:pPr>'
  );
}

/**
 * Writes paragraphs of one document; drawing ids count on through it from `firstDrawingId` + 1
 * (a part of a document written apart starts where its ids cannot meet the others').
 */
export function paragraphWriter(parts: XmlParts, firstDrawingId = 0) {
  const runProperties = runPropertiesCache(parts.fonts, parts.languages);
  let drawingId = firstDrawingId;
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
          `<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`;
    return `<w:p>${paragraphProperties(p, parts, sectPr)}${runs}</w:p>`;
  };
}
