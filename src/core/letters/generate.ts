/**
 * A batch of letters for a campaign's targets, as the UI's Web Worker runs it: pure (no DOM, no
 * storage), progress per letter, cancel through an AbortSignal.
 */
import type { Campaign } from '../domain/campaign';
import type { Settings } from '../domain/settings';
import { recipientBlockLines } from './address';
import { formatLetterDate, type EnglishDateLocale } from './dates';
import type { LetterImage } from './docx/image';
import type { Letterhead, LetterLayout } from './docx/layout';
import { renderCombinedDocx, renderLetterDocx, type LetterDocxOptions } from './docx/render';
import {
  compileTemplate,
  renderedLetterText,
  type LetterTemplate,
  type RenderedLetter,
} from './engine';
import type { LetterRecipient } from './fields';
import {
  isoDay,
  letterFileName,
  safeFileName,
  sha256Hex,
  uniqueNames,
  zipLetters,
  type NamedFile,
} from './files';
import type { LetterLanguage } from './language';

export type LetterOutput = 'combined' | 'zip';

export interface LetterJob {
  template: LetterTemplate;
  recipients: readonly LetterRecipient[];
  campaign?: Campaign | undefined;
  settings: Settings;
  /** The letters' date. */
  date: Date;
  /** One DOCX with every letter, or a ZIP of one DOCX per recipient. A single recipient gets one DOCX. */
  output: LetterOutput;
  /** Recipients left out (e.g. the ones checkRecipients listed, when the user chose to skip them). */
  skipRecipientIds?: readonly string[];
  logo?: LetterImage | undefined;
  signatureImage?: LetterImage | undefined;
  /** Document properties: nobody (default) or the organisation as author. */
  authorIsOrganization?: boolean;
  docx?: Pick<LetterDocxOptions, 'marginsMm' | 'pageNumbers' | 'fonts'>;
  englishDateLocale?: EnglishDateLocale;
}

export interface GeneratedLetter {
  recipientId: string;
  contactId: string;
  targetId?: string | undefined;
  subject: string;
  renderedText: string;
  /** The DOCX this letter is in (its own, or the combined file). */
  fileName: string;
  docxSha256: string;
}

export interface LetterJobResult {
  /** The file to save: a DOCX (one letter or combined) or a ZIP. */
  file: NamedFile;
  letters: GeneratedLetter[];
  /** For a ZIP: each letter's own DOCX, to check later against its hash. */
  parts: NamedFile[];
  skippedRecipientIds: string[];
}

export interface LetterJobProgress {
  done: number;
  total: number;
  /** 'render' per letter, then 'pack' while the final file is written. */
  phase: 'render' | 'pack';
}

export interface LetterJobControl {
  onProgress?: (progress: LetterJobProgress) => void;
  signal?: AbortSignal;
}

export function letterheadFromSettings(settings: Settings, logo?: LetterImage): Letterhead {
  const p = settings.organizationProfile;
  const contact = [p.phone, p.email, p.website].filter(Boolean).join(' · ');
  return {
    name: p.name,
    addressLines: p.addressLines,
    ...(contact ? { contactLine: contact } : {}),
    ...(logo ? { logo } : {}),
  };
}

function docxOptions(job: LetterJob): LetterDocxOptions {
  const name = job.settings.organizationProfile.name;
  return {
    ...job.docx,
    paper: job.settings.letterPaper,
    arabicDigits: job.settings.arabicDigits,
    letterhead: letterheadFromSettings(job.settings, job.logo),
    ...(job.signatureImage ? { signatureImage: job.signatureImage } : {}),
    author: job.authorIsOrganization && name ? { kind: 'organization', name } : { kind: 'none' },
  };
}

function layoutOf(
  letter: RenderedLetter,
  recipient: LetterRecipient,
  job: LetterJob,
): LetterLayout {
  const language: LetterLanguage = letter.language;
  return {
    letter,
    date: formatLetterDate(job.date, {
      language,
      arabicDigits: job.settings.arabicDigits,
      showHijriDate: job.settings.showHijriDate,
      englishLocale:
        job.englishDateLocale ?? (job.settings.letterPaper === 'letter' ? 'en-US' : 'en-GB'),
    }),
    recipientLines: recipientBlockLines(recipient.contact, recipient.organizationName, language),
  };
}

/** Lets the worker receive a cancel message now and then, without a timer per letter. */
function yielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 25) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw signal.reason instanceof Error
      ? signal.reason
      : new DOMException('Cancelled', 'AbortError');
}

/**
 * Renders and packs the letters. Throws LetterTemplateError for a template with problems,
 * LetterRenderError naming the recipient whose letter failed, or the abort reason when cancelled.
 */
export async function generateLetters(
  job: LetterJob,
  control: LetterJobControl = {},
): Promise<LetterJobResult> {
  const { signal, onProgress } = control;
  const compiled = compileTemplate(job.template);
  const skip = new Set(job.skipRecipientIds ?? []);
  const recipients = job.recipients.filter((r) => !skip.has(r.id));
  if (recipients.length === 0) throw new RangeError('There is no recipient to write to.');
  const options = docxOptions(job);
  const total = recipients.length;
  const single = total === 1 || job.output === 'zip';
  const layouts: LetterLayout[] = [];
  const parts: NamedFile[] = [];
  const letters: GeneratedLetter[] = [];
  const pause = yielder();
  for (const [index, recipient] of recipients.entries()) {
    throwIfAborted(signal);
    const rendered = compiled.render({
      recipient,
      campaign: job.campaign,
      settings: job.settings,
      date: job.date,
      englishDateLocale: job.englishDateLocale,
    });
    const layout = layoutOf(rendered, recipient, job);
    const fileName = letterFileName(job.date, recipient.contact, rendered.language);
    let docxSha256 = '';
    if (single) {
      const bytes = await renderLetterDocx(layout, options);
      docxSha256 = await sha256Hex(bytes);
      parts.push({ name: fileName, bytes });
    } else {
      layouts.push(layout);
    }
    letters.push({
      recipientId: recipient.id,
      contactId: recipient.contact.id,
      targetId: recipient.target?.id,
      subject: rendered.subject,
      renderedText: renderedLetterText(rendered),
      fileName,
      docxSha256,
    });
    onProgress?.({ done: index + 1, total, phase: 'render' });
    await pause();
  }
  throwIfAborted(signal);
  // Two letters to people with the same name: "… (2).docx" in the archive and in the records.
  uniqueNames(parts.map((p) => p.name)).forEach((name, i) => {
    const part = parts[i];
    const letter = letters[i];
    if (part && letter) part.name = letter.fileName = name;
  });
  onProgress?.({ done: total, total, phase: 'pack' });
  const file = await finalFile(job, parts, layouts, options);
  throwIfAborted(signal);
  if (layouts.length) {
    const hash = await sha256Hex(file.bytes);
    for (const letter of letters) Object.assign(letter, { fileName: file.name, docxSha256: hash });
  }
  const skipped = job.recipients.filter((r) => skip.has(r.id)).map((r) => r.id);
  return { file, letters, parts: job.output === 'zip' ? parts : [], skippedRecipientIds: skipped };
}

async function finalFile(
  job: LetterJob,
  parts: readonly NamedFile[],
  layouts: readonly LetterLayout[],
  options: LetterDocxOptions,
): Promise<NamedFile> {
  const label = job.campaign?.name ?? job.template.subject ?? 'Letters';
  const base = `${isoDay(job.date)} ${label}`;
  if (layouts.length)
    return { name: safeFileName(base, 'docx'), bytes: await renderCombinedDocx(layouts, options) };
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  return { name: safeFileName(base, 'zip'), bytes: zipLetters(parts) };
}
