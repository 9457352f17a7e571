import { copyFile } from 'node:fs/promises';
import { AlignmentType, Document, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../../helpers/artifacts';
import { checkDocx, pdfPages, renderPng } from '../../helpers/docx-check';

const ARABIC_FONT = {
  ascii: 'Noto Naskh Arabic',
  hAnsi: 'Noto Naskh Arabic',
  cs: 'Noto Naskh Arabic',
};

async function trivialLetter(): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Tadamun test',
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('Dear Senator Haddad,')] }),
          new Paragraph({ children: [new TextRun('Please support bill S. 1234.')] }),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({
            bidirectional: true,
            alignment: AlignmentType.START,
            children: [
              new TextRun({
                text: 'سعادة النائبة ليلى حداد المحترمة،',
                rightToLeft: true,
                font: ARABIC_FONT,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('DOCX check with LibreOffice', () => {
  it('converts a docx-made document and finds its text, pages and Arabic in logical order', async () => {
    const checked = await checkDocx(await trivialLetter(), 'trivial.docx');
    expect(checked.pageCount).toBe(2);
    const pages = await pdfPages(checked.pdfPath);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Dear Senator Haddad,');
    expect(pages[0]).toContain('Please support bill S. 1234.');
    expect(pages[1]).toContain('سعادة النائبة ليلى حداد المحترمة');
    await copyFile(checked.pdfPath, artifactPath('docx-check-trivial.pdf'));
    await renderPng(checked.pdfPath, artifactPath('docx-check-trivial'));
  }, 120_000);

  it('fails loudly on a file that is not a document', async () => {
    const garbage = new TextEncoder().encode('PK this is not a zip');
    await expect(checkDocx(garbage, 'broken.docx')).rejects.toThrow(
      /could not open .*broken\.docx/,
    );
  }, 120_000);
});
