/**
 * The parts of a letter's DOCX that docx writes: styles, numbering, footer, settings, images,
 * relationships and properties. docx packs a small skeleton document once (per job, or per
 * batch of letters); its parts are kept, compressed once, and every letter's file gets only its
 * own `word/document.xml`, written by to-xml.ts. The skeleton's body holds one paragraph per
 * list instance the letters use and one per image, so that docx numbers the lists and relates
 * the images; their `w:numId` values and image runs are read back for the letters.
 */
import {
  Gzip,
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
/** A gzip member's fixed header and trailer (CRC-32, size); FLG says which optional fields follow. */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

export interface CompressedPart {
  name: string;
  /** Raw DEFLATE data. */
  data: Uint8Array<ArrayBuffer>;
  crc: number;
  size: number;
}

/** Where a gzip member's DEFLATE data starts, past the optional fields its flags announce. */
function gzipDataStart(gzip: Uint8Array): number {
  const flags = gzip[3] ?? 0;
  let at = GZIP_HEADER;
  if (flags & FEXTRA) at += 2 + (gzip[at] ?? 0) + ((gzip[at + 1] ?? 0) << 8);
  for (const field of [FNAME, FCOMMENT])
    if (flags & field) {
      while (at < gzip.length && gzip[at] !== 0) at += 1;
      at += 1;
    }
  if (flags & FHCRC) at += 2;
  if (at > gzip.length - GZIP_TRAILER)
    throw new DocxPackageError('A compressed part is cut short.');
  return at;
}

/** A gzip member as a ZIP entry's part: its trailer gives the CRC-32 a ZIP entry needs. */
export function gzipPart(
  name: string,
  gzip: Uint8Array<ArrayBuffer>,
  size: number,
): CompressedPart {
  const trailer = new DataView(gzip.buffer, gzip.byteOffset + gzip.length - GZIP_TRAILER);
  return {
    name,
    data: gzip.subarray(gzipDataStart(gzip), gzip.length - GZIP_TRAILER),
    crc: trailer.getUint32(0, true),
    size,
  };
}

/** Compresses once (see gzipPart). */
function compressPart(name: string, bytes: Uint8Array, level: 1 | 6 = 6): CompressedPart {
  return gzipPart(name, gzipSync(bytes, { level }), bytes.length);
}

/**
 * A part written piece by piece and compressed as it comes, so that a combined file's megabytes
 * of XML never exist whole, neither as text nor as bytes: each piece is encoded, compressed and
 * dropped. `write` may keep a piece's bytes until the next; `abort` ends the part unfinished.
 */
export interface PartSink {
  write(text: string): Promise<void>;
  close(): Promise<CompressedPart>;
  abort(): void;
}

/** Encoded text gathered before it goes to the compressor. */
const SINK_BUFFER = 256 * 1024;

/**
 * The platform's own gzip (CompressionStream): several times faster than fflate on megabytes.
 * Pieces (a letter each) are encoded into one reused buffer, which goes to the compressor when
 * full: each piece's text dies young, and no buffer per piece waits for a collection.
 */
function nativeSink(name: string): PartSink {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const gzip = new Response(stream.readable).arrayBuffer();
  // An aborted part is never read; its rejection is expected.
  gzip.catch(() => {});
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(SINK_BUFFER);
  let used = 0;
  let size = 0;
  // The compressor is done with the buffer when its write settles.
  const flush = async () => {
    if (used > 0) await writer.write(buffer.subarray(0, used));
    used = 0;
  };
  return {
    async write(text) {
      // UTF-8 takes at most three bytes per UTF-16 code unit.
      const most = text.length * 3;
      if (used + most > buffer.length) await flush();
      if (most > buffer.length) buffer = new Uint8Array(most);
      const { written } = encoder.encodeInto(text, buffer.subarray(used));
      used += written;
      size += written;
    },
    async close() {
      await flush();
      await writer.close();
      return gzipPart(name, new Uint8Array(await gzip), size);
    },
    abort: () => void writer.abort().catch(() => {}),
  };
}

/** fflate's streaming gzip, where CompressionStream is missing. */
function fflateSink(name: string): PartSink {
  const chunks: Uint8Array[] = [];
  const gzip = new Gzip({ level: 1 }, (chunk) => chunks.push(chunk));
  let size = 0;
  return {
    write(text) {
      const bytes = strToU8(text);
      size += bytes.length;
      gzip.push(bytes);
      return Promise.resolve();
    },
    close() {
      gzip.push(new Uint8Array(), true);
      return Promise.resolve(gzipPart(name, concat(chunks) as Uint8Array<ArrayBuffer>, size));
    },
    abort: () => chunks.splice(0),
  };
}

export const documentSink = (): PartSink =>
  typeof CompressionStream === 'function' ? nativeSink(DOCUMENT_PART) : fflateSink(DOCUMENT_PART);

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

/** A DOCX whose document part was written through a sink (documentSink). */
export function packageWith(pkg: LetterPackage, document: CompressedPart): Uint8Array {
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
