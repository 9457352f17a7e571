/**
 * The independent check of our DOCX files: LibreOffice (headless) opens and converts them to
 * PDF, poppler's pdftotext/pdfinfo/pdftoppm read the result. If LibreOffice cannot render a
 * file, neither can our users' word processors.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LIBREOFFICE = process.env['LIBREOFFICE_PATH'] ?? 'libreoffice';
/** Maps the Arabic fonts Word ships to Noto Naskh Arabic (see the file). */
const WORD_FONTS_CONF = path.resolve(import.meta.dirname, 'word-fonts.conf');

/** Converts DOCX files to PDF in one LibreOffice call (it costs seconds to start). */
export async function convertToPdf(
  docxPaths: readonly string[],
  outDir: string,
): Promise<string[]> {
  // A private profile: no clash with a running LibreOffice, nothing left in the user's home.
  const profile = await mkdtemp(path.join(tmpdir(), 'tadamun-lo-profile-'));
  const { stderr } = await run(
    LIBREOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      // Without a fixed import filter LibreOffice opens any unreadable file as plain text.
      '--infilter=MS Word 2007 XML',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...docxPaths,
    ],
    {
      timeout: 180_000,
      env: { ...process.env, HOME: profile, FONTCONFIG_FILE: WORD_FONTS_CONF },
    },
  );
  const produced = new Set(await readdir(outDir));
  return docxPaths.map((docx) => {
    const pdf = `${path.basename(docx, path.extname(docx))}.pdf`;
    if (!produced.has(pdf)) {
      throw new Error(`LibreOffice could not open ${docx} as DOCX: ${stderr.trim()}`);
    }
    return path.join(outDir, pdf);
  });
}

export async function pdfText(pdfPath: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Text of each page, in order. */
export async function pdfPages(pdfPath: string): Promise<string[]> {
  const pages = (await pdfText(pdfPath)).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface PdfWord {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word poppler finds, with its box in points (`pdftotext -bbox`) and its page (from 1). */
export async function pdfWords(pdfPath: string): Promise<{ words: PdfWord[]; pageWidth: number }> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfPath, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const words: PdfWord[] = [];
  let page = 0;
  let pageWidth = 0;
  const unescape = (text: string) =>
    text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) =>
      name === 'amp'
        ? '&'
        : name === 'lt'
          ? '<'
          : name === 'gt'
            ? '>'
            : name === 'quot'
              ? '"'
              : "'",
    );
  for (const line of stdout.split('\n')) {
    const pageMatch = /<page width="([\d.]+)"/.exec(line);
    if (pageMatch) {
      page += 1;
      pageWidth = Number(pageMatch[1]);
      continue;
    }
    const word =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
    if (word)
      words.push({
        page,
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
        text: unescape(word[5] ?? ''),
      });
  }
  return { words, pageWidth };
}

export async function pdfPageCount(pdfPath: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdfPath]);
  const match = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!match?.[1]) throw new Error(`pdfinfo found no page count in ${pdfPath}`);
  return Number(match[1]);
}

/** Renders PDF pages to PNG files (prefix-1.png, ...) to look at. */
export async function renderPng(pdfPath: string, outPrefix: string, dpi = 100): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdfPath, outPrefix]);
}

export interface CheckedDocx {
  pdfPath: string;
  text: string;
  pageCount: number;
}

/** Writes DOCX bytes to a temporary folder, converts with LibreOffice, extracts the text. */
export async function checkDocx(bytes: Uint8Array, name = 'document.docx'): Promise<CheckedDocx> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tadamun-docx-'));
  const docxPath = path.join(dir, name);
  await writeFile(docxPath, bytes);
  const [pdfPath] = await convertToPdf([docxPath], dir);
  if (!pdfPath) throw new Error('no PDF produced');
  return { pdfPath, text: await pdfText(pdfPath), pageCount: await pdfPageCount(pdfPath) };
}
