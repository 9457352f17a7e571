/**
 * The parts of a letter's DOCX that docx writes: styles, numbering, footer, settings, images,
 * relationships and properties. docx packs a small skeleton document once (per job, or per
 * worker's share); its parts are kept, compressed once, and every letter's file gets only its
 * own `word/document.xml`, written by to-xml.ts. The skeleton's body holds one paragraph per
 * list instance the letters use and one per image, so that docx numbers the lists and relates
 * the images; their `w:numId` values and image runs are read back for the letters.
 */
import {
  Zip,
  ZipDeflate,
  gzipSync,
  strFromU8,
  strToU8,
  unzipSync,
  type ZipInputFile,
} from 'fflate';
import type { XmlParts } from './to-xml';

const DOCUMENT_PART = 'word/document.xml';
/** A gzip member without a file name has a 10-byte header and an 8-byte trailer (CRC-32, size). */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

interface CompressedPart {
  name: string;
  /** Raw DEFLATE data. */
  data: Uint8Array<ArrayBuffer>;
  crc: number;
  size: number;
}

/** A gzip member as a ZIP entry's part: its trailer gives the CRC-32 a ZIP entry needs. */
function gzipPart(name: string, gzip: Uint8Array<ArrayBuffer>, size: number): CompressedPart {
  const trailer = new DataView(gzip.buffer, gzip.byteOffset + gzip.length - GZIP_TRAILER);
  return {
    name,
    data: gzip.subarray(GZIP_HEADER, gzip.length - GZIP_TRAILER),
    crc: trailer.getUint32(0, true),
    size,
  };
}

/** Compresses once (see gzipPart). */
function compressPart(name: string, bytes: Uint8Array, level: 1 | 6 = 6): CompressedPart {
  return gzipPart(name, gzipSync(bytes, { level }), bytes.length);
}

/**
 * The platform's own gzip (CompressionStream, in browsers, workers and Node): several times
 * faster than fflate on a combined file's megabytes of XML. The text goes to it as a Blob of its
 * pieces, which the platform encodes as UTF-8 itself: no joined copy of the text and no byte
 * copy of it. fflate where CompressionStream is missing, or if its member carries optional
 * header fields (FLG ≠ 0) that gzipPart does not skip.
 */
async function compressLargePart(name: string, text: readonly string[]): Promise<CompressedPart> {
  if (typeof CompressionStream !== 'function') return compressPart(name, strToU8(text.join('')), 1);
  const blob = new Blob(text as string[]);
  const stream = blob.stream().pipeThrough(new CompressionStream('gzip'));
  const gzip = new Uint8Array(await new Response(stream).arrayBuffer());
  if (gzip.length < GZIP_HEADER + GZIP_TRAILER || gzip[3] !== 0)
    return compressPart(name, strToU8(text.join('')), 1);
  return gzipPart(name, gzip, blob.size);
}

/** A ZIP entry whose DEFLATE data is already there (fflate's documented custom-input route). */
function addCompressed(zip: Zip, part: CompressedPart, mtime: Date): void {
  const entry: ZipInputFile = {
    filename: part.name,
    size: part.size,
    crc: part.crc,
    compression: 8,
    mtime,
  };
  zip.add(entry);
  entry.ondata?.(null, part.data, true);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export class DocxPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxPackageError';
  }
}

/** The body's top-level paragraphs, in order. */
function bodyParagraphs(xml: string, from: number, to: number): string[] {
  const out: string[] = [];
  const tag = /<w:p[ >/]/g;
  tag.lastIndex = from;
  for (let match = tag.exec(xml); match && match.index < to; match = tag.exec(xml)) {
    const close = xml.indexOf('>', match.index);
    const end = xml[close - 1] === '/' ? close + 1 : xml.indexOf('</w:p>', match.index) + 6;
    out.push(xml.slice(match.index, end));
    tag.lastIndex = end;
  }
  return out;
}

export interface SkeletonLayout {
  /** `${reference}:${instance}` of each list paragraph at the start of the body, in order. */
  listKeys: readonly string[];
  /** Then the image paragraphs. */
  imageRoles: readonly (keyof XmlParts['imageRuns'])[];
}

/**
 * A letter package: the skeleton's parts, ready to take a body (writePackage). Plain data, so a
 * worker can build it and another write with it.
 */
export interface LetterPackage {
  numIds: XmlParts['numIds'];
  imageRuns: XmlParts['imageRuns'];
  /** The skeleton's section properties (page, margins, page numbers, footer). */
  sectPr: string;
  /** The same without the footer: a later section shows the previous one's. */
  sectPrWithoutFooter: string;
  /** document.xml before the body's content, and after the section properties. */
  head: string;
  tail: string;
  /** The other parts, compressed, in the package's order; undefined where document.xml goes. */
  shared: (CompressedPart | undefined)[];
  mtime: Date;
}

/** A DOCX whose body is `bodyXml` followed by `finalSectPr`. */
export function writePackage(
  pkg: LetterPackage,
  bodyXml: string,
  finalSectPr: string,
  level: 1 | 6 = 6,
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const part of pkg.shared) {
    if (part) {
      addCompressed(zip, part, pkg.mtime);
      continue;
    }
    const document = new ZipDeflate(DOCUMENT_PART, { level });
    document.mtime = pkg.mtime;
    zip.add(document);
    document.push(strToU8(pkg.head + bodyXml + finalSectPr + pkg.tail), true);
  }
  zip.end();
  return concat(chunks);
}

/** A DOCX with a large body (a combined file): its document part compressed natively. */
export async function writeLargePackage(
  pkg: LetterPackage,
  bodyXml: string,
  finalSectPr: string,
): Promise<Uint8Array> {
  const document = await compressLargePart(DOCUMENT_PART, [
    pkg.head,
    bodyXml,
    finalSectPr,
    pkg.tail,
  ]);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const part of pkg.shared) addCompressed(zip, part ?? document, pkg.mtime);
  zip.end();
  return concat(chunks);
}

export function letterPackage(skeleton: Uint8Array, layout: SkeletonLayout): LetterPackage {
  const files = unzipSync(skeleton);
  const documentBytes = files[DOCUMENT_PART];
  if (!documentBytes) throw new DocxPackageError('The skeleton has no word/document.xml.');
  const xml = strFromU8(documentBytes);
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  const sectStart = xml.lastIndexOf('<w:sectPr');
  const sectEnd = xml.indexOf('</w:sectPr>', sectStart) + '</w:sectPr>'.length;
  if (bodyStart < '<w:body>'.length || sectStart < bodyStart || sectEnd < sectStart)
    throw new DocxPackageError('The skeleton has no body with section properties.');
  const paragraphs = bodyParagraphs(xml, bodyStart, sectStart);
  const numIds = new Map<string, number>();
  layout.listKeys.forEach((key, i) => {
    const numId = /<w:numId w:val="(\d+)"/.exec(paragraphs[i] ?? '')?.[1];
    if (numId === undefined) throw new DocxPackageError(`No numbering written for list ${key}.`);
    numIds.set(key, Number(numId));
  });
  const imageRuns: XmlParts['imageRuns'] = {};
  layout.imageRoles.forEach((role, i) => {
    const paragraph = paragraphs[layout.listKeys.length + i] ?? '';
    // The image paragraph holds the image run and nothing else.
    const from = paragraph.search(/<w:r[ >]/);
    const run = from < 0 ? '' : paragraph.slice(from, paragraph.lastIndexOf('</w:r>') + 6);
    if (!run.includes('<w:drawing>'))
      throw new DocxPackageError(`No image written for the ${role}.`);
    imageRuns[role] = run;
  });
  const head = xml.slice(0, bodyStart);
  const tail = xml.slice(sectEnd);
  const sectPr = xml.slice(sectStart, sectEnd);
  const shared = Object.entries(files).map(([name, bytes]) =>
    name === DOCUMENT_PART ? undefined : compressPart(name, bytes),
  );
  return {
    numIds,
    imageRuns,
    sectPr,
    sectPrWithoutFooter: sectPr.replace(/<w:footerReference[^>]*\/>/g, ''),
    head,
    tail,
    shared,
    mtime: new Date(),
  };
}
