import { describe, expect, it } from 'vitest';
import { textRuns } from '@core/letters/docx/runs';

const pieces = (text: string, rtl: boolean, arabicIndic = false) =>
  textRuns(text, {}, { rtl, arabicIndic }).map((run) => [run.text, run.complex]);

describe('textRuns', () => {
  it('keeps a number and the Latin words after it as one left-to-right run', () => {
    expect(pieces('331 Hart Senate Office Building', true)).toEqual([
      ['\u202A331 Hart Senate Office Building\u202C', false],
    ]);
    expect(pieces('Washington, DC 20510', true, true)).toEqual([
      ['\u202AWashington, DC 20510\u202C', false],
    ]);
  });

  it('leaves a number before a bracket to the Arabic sentence', () => {
    expect(pieces('المادة 4 (Article 4)', true)).toEqual([
      ['المادة ', true],
      ['4', false],
      [' ', true],
      ['\u202A(Article 4)\u202C', false],
    ]);
  });

  it("writes numbers in the letter's Arabic-Indic digits, and digits of Latin text as written", () => {
    expect(pieces('م.ق 47/2026 و S.1234', true, true)).toEqual([
      ['م.ق ', true],
      ['٤٧/٢٠٢٦', false],
      [' و ', true],
      ['S.1234', false],
    ]);
    // Arabic-Indic digits separated by spaces are overridden left to right (see runs.ts).
    expect(pieces('+20 2 555 0100', true, true)).toEqual([['\u202D+٢٠ ٢ ٥٥٥ ٠١٠٠\u202C', false]]);
  });

  it('marks Arabic pieces of an English paragraph as right-to-left runs', () => {
    expect(pieces('Dear Ms. ريم الحداد, thank you', false)).toEqual([
      ['Dear Ms. ', false],
      ['ريم الحداد', true],
      [', thank you', false],
    ]);
  });
});
