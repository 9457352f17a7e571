/**
 * A batch of letters for a campaign's targets, as the UI's Web Worker runs it: pure (no DOM, no
 * storage), progress per letter, cancel through an AbortSignal.
 */
import type { GeneratedLetterRecord } from '../db/repositories/letters';
import {
  REGION_LOCALE,
  regionOfTag,
  resolveArabicDigits,
  type ArabicRegion,
} from '../domain/arabic-region';
import type { Campaign } from '../domain/campaign';
import { LETTER_FONT_PAIRS } from '../domain/letter-fonts';
import { timeSlicer, yieldToQueuedTasks } from '../scheduling/time-slices';
import { settingsSchema, type Settings } from '../domain/settings';
import { recipientBlockLines } from './address';
import { formatLetterDate, type EnglishDateLocale } from './dates';
import { doc, field, paragraph, serializeTemplateDocument } from './document';
import type { LetterImage } from './docx/image';
import type { Letterhead, LetterLayout } from './docx/layout';
import type { LetterPackage } from './docx/package';
import {
  combinedDocxWriter,
  combinedLetterParagraphs,
  combinedPackage,
  letterFileWriter,
  listKinds,
  renderCombinedDocx,
  type CombinedPlan,
  type LetterDocxOptions,
} from './docx/render';
import {
  compileTemplate,
  renderedLetterText,
  type CompiledTemplate,
  type LetterTemplate,
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
  /** The Arabic region for this job's letters, over the workspace's (a template tagged "ar-MA" wins). */
  arabicRegion?: ArabicRegion | undefined;
}

/** A generated letter: what is recorded of it (its fileName: its own DOCX or the combined one). */
export interface GeneratedLetter extends GeneratedLetterRecord {
  recipientId: string;
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

const englishLocale = (job: LetterJob): EnglishDateLocale =>
  job.englishDateLocale ?? (job.settings.letterPaper === 'letter' ? 'en-US' : 'en-GB');

/** The Arabic region of a job's letters: the template's tag, else the job's, else the workspace's. */
export const jobArabicRegion = (job: LetterJob): ArabicRegion =>
  regionOfTag(job.template.language) ?? job.arabicRegion ?? job.settings.arabicRegion;

/** The DOCX options of a job's letters: paper, digits, languages, letterhead, author. */
export function jobDocxOptions(job: LetterJob): LetterDocxOptions {
  const name = job.settings.organizationProfile.name;
  const region = jobArabicRegion(job);
  return {
    fonts: LETTER_FONT_PAIRS[job.settings.letterFonts],
    ...job.docx,
    paper: job.settings.letterPaper,
    arabicDigits: resolveArabicDigits(job.settings.arabicDigits, region),
    languages: { latin: englishLocale(job), arabic: REGION_LOCALE[region] },
    letterhead: letterheadFromSettings(job.settings, job.logo),
    ...(job.signatureImage ? { signatureImage: job.signatureImage } : {}),
    signatoryName: job.settings.organizationProfile.signatoryName,
    author: job.authorIsOrganization && name ? { kind: 'organization', name } : { kind: 'none' },
  };
}

/** The letters' date line, the same for every letter of a job: formatted once per batch. */
function jobDateLine(job: LetterJob, language: LetterLanguage): string {
  return formatLetterDate(job.date, {
    language,
    arabicDigits: job.settings.arabicDigits,
    arabicRegion: jobArabicRegion(job),
    showHijriDate: job.settings.showHijriDate,
    englishLocale: englishLocale(job),
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw signal.reason instanceof Error
      ? signal.reason
      : new DOMException('Cancelled', 'AbortError');
}

/** The worker yields every 25 ms to receive a cancel message, without a timer per letter. */
const LETTER_SLICE_MS = 25;

/** The recipients the job writes to: all but the skipped ones, in order. */
export function jobRecipients(job: LetterJob): LetterRecipient[] {
  const skip = new Set(job.skipRecipientIds ?? []);
  return job.recipients.filter((r) => !skip.has(r.id));
}

/** A slice of a job's letters as separate DOCX files: what one worker of a ZIP job makes. */
export interface LetterFiles {
  letters: GeneratedLetter[];
  /** Each letter's DOCX, in the letters' order. */
  parts: NamedFile[];
}

/** Letters rendered and laid out, not yet written as DOCX. */
interface RenderedBatch {
  letters: GeneratedLetter[];
  layouts: LetterLayout[];
}

function renderBatch(
  job: LetterJob,
  compiled: CompiledTemplate,
  recipients: readonly LetterRecipient[],
  date = jobDateLine(job, compiled.language),
): RenderedBatch {
  const batch: RenderedBatch = { letters: [], layouts: [] };
  for (const recipient of recipients) {
    const rendered = compiled.render({
      recipient,
      campaign: job.campaign,
      settings: job.settings,
      date: job.date,
      englishDateLocale: job.englishDateLocale,
      arabicRegion: job.arabicRegion,
    });
    batch.layouts.push({
      letter: rendered,
      date,
      recipientLines: recipientBlockLines(
        recipient.contact,
        recipient.organizationName,
        rendered.language,
      ),
    });
    batch.letters.push({
      recipientId: recipient.id,
      contactId: recipient.contact.id,
      targetId: recipient.target?.id,
      subject: rendered.subject,
      renderedText: renderedLetterText(rendered),
      fileName: letterFileName(job.date, recipient.contact, rendered.language),
      docxSha256: '',
    });
  }
  return batch;
}

/**
 * Letters written per chunk: one packed document per chunk shares the styles, numbering and
 * footer among its letters, and progress moves chunk by chunk (about ten steps, at most 50
 * letters a step; a few letters go one by one).
 */
const chunkSize = (count: number) => Math.min(50, Math.max(1, Math.ceil(count / 10)));

/**
 * Letters `from` (inclusive) to `to` (exclusive) of `jobRecipients(job)`, each as its own DOCX
 * with its SHA-256. Progress counts this slice's letters; cancel takes effect between chunks.
 */
export async function generateLetterFiles(
  job: LetterJob,
  range: { from: number; to: number },
  control: LetterJobControl = {},
): Promise<LetterFiles> {
  const { signal, onProgress } = control;
  const compiled = compileTemplate(job.template);
  const recipients = jobRecipients(job).slice(range.from, range.to);
  const writer = letterFileWriter(jobDocxOptions(job));
  const result: LetterFiles = { letters: [], parts: [] };
  const pause = timeSlicer(LETTER_SLICE_MS, undefined, yieldToQueuedTasks);
  const chunk = chunkSize(recipients.length);
  for (let at = 0; at < recipients.length; at += chunk) {
    throwIfAborted(signal);
    const batch = renderBatch(job, compiled, recipients.slice(at, at + chunk));
    const files = await writer.write(batch.layouts);
    for (const [i, letter] of batch.letters.entries()) {
      const bytes = files[i] ?? new Uint8Array();
      letter.docxSha256 = await sha256Hex(bytes);
      result.letters.push(letter);
      result.parts.push({ name: letter.fileName, bytes });
    }
    onProgress?.({ done: result.letters.length, total: recipients.length, phase: 'render' });
    await pause.maybeYield();
  }
  throwIfAborted(signal);
  return result;
}

/**
 * The job's result from its slices' files, in order: names made unique across the archive
 * ("… (2).docx") and the ZIP written, or the single letter's DOCX.
 */
export function assembleLetterFiles(
  job: LetterJob,
  slices: readonly LetterFiles[],
): LetterJobResult {
  const letters = slices.flatMap((slice) => slice.letters);
  const parts = slices.flatMap((slice) => slice.parts);
  uniqueNames(parts.map((p) => p.name)).forEach((name, i) => {
    const part = parts[i];
    const letter = letters[i];
    if (part && letter) part.name = letter.fileName = name;
  });
  const [only] = parts;
  const file =
    parts.length === 1 && only
      ? only
      : { name: safeFileName(batchBaseName(job), 'zip'), bytes: zipLetters(parts) };
  return {
    file,
    letters,
    parts: job.output === 'zip' ? parts : [],
    skippedRecipientIds: skippedIds(job),
  };
}

const skippedIds = (job: LetterJob) => {
  const skip = new Set(job.skipRecipientIds ?? []);
  return job.recipients.filter((r) => skip.has(r.id)).map((r) => r.id);
};

const batchBaseName = (job: LetterJob) =>
  `${isoDay(job.date)} ${job.campaign?.name ?? job.template.subject ?? 'Letters'}`;

/** What docx must write for a combined job, from the template alone (see CombinedPlan). */
export function combinedPlan(job: LetterJob): CombinedPlan {
  const compiled = compileTemplate(job.template);
  return {
    count: jobRecipients(job).length,
    language: compiled.language,
    lists: listKinds(compiled.blocks),
  };
}

/** The packed parts of a combined job's file, built before its letters render. */
function combinedJobPackage(job: LetterJob): Promise<LetterPackage> {
  return combinedPackage(combinedPlan(job), jobDocxOptions(job));
}

/**
 * A combined job's file, each letter written into it as soon as it is laid out: neither a
 * thousand letters' paragraphs nor their text is ever held (combinedDocxWriter). Progress in at
 * most a hundred steps; cancel takes effect between letters.
 */
async function writeCombinedJob(
  job: LetterJob,
  control: LetterJobControl,
): Promise<LetterJobResult> {
  const { signal, onProgress } = control;
  const compiled = compileTemplate(job.template);
  const plan = combinedPlan(job);
  const options = jobDocxOptions(job);
  const recipients = jobRecipients(job);
  const total = recipients.length;
  const writer = combinedDocxWriter(await combinedJobPackage(job), total, options);
  const pause = timeSlicer(LETTER_SLICE_MS, undefined, yieldToQueuedTasks);
  const date = jobDateLine(job, compiled.language);
  const progressStep = Math.max(1, Math.floor(total / 100));
  const letters: GeneratedLetter[] = [];
  try {
    for (const [i, recipient] of recipients.entries()) {
      throwIfAborted(signal);
      const batch = renderBatch(job, compiled, [recipient], date);
      const layout = batch.layouts[0];
      const letter = batch.letters[0];
      if (!layout || !letter) continue;
      await writer.add(combinedLetterParagraphs(layout, i, plan, options));
      letters.push(letter);
      // A message per letter costs the page more than the bar gains.
      const done = i + 1;
      if (done % progressStep === 0 || done === total)
        onProgress?.({ done, total, phase: 'render' });
      await pause.maybeYield();
    }
    throwIfAborted(signal);
    onProgress?.({ done: total, total, phase: 'pack' });
    const bytes = await writer.finish();
    const name = safeFileName(batchBaseName(job), 'docx');
    const hash = await sha256Hex(bytes);
    for (const letter of letters) Object.assign(letter, { fileName: name, docxSha256: hash });
    return { file: { name, bytes }, letters, parts: [], skippedRecipientIds: skippedIds(job) };
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/**
 * Renders and packs the letters. Throws LetterTemplateError for a template with problems,
 * LetterRenderError naming the recipient whose letter failed, or the abort reason when cancelled.
 */
export async function generateLetters(
  job: LetterJob,
  control: LetterJobControl = {},
): Promise<LetterJobResult> {
  compileTemplate(job.template);
  const total = jobRecipients(job).length;
  if (total === 0) throw new RangeError('There is no recipient to write to.');
  const range = { from: 0, to: total };
  if (total === 1 || job.output === 'zip') {
    const files = await generateLetterFiles(job, range, control);
    control.onProgress?.({ done: total, total, phase: 'pack' });
    return assembleLetterFiles(job, [files]);
  }
  const result = await writeCombinedJob(job, control);
  throwIfAborted(control.signal);
  return result;
}

/**
 * Writes a small combined file once and throws it away: a worker started before the user asks
 * for letters (when the generate dialog opens) gets docx's first pack, the Liquid engine's and
 * the writers' first runs, which cost far more than any later letter, out of the job's way.
 */
export async function warmUpLetterWriting(): Promise<void> {
  const settings = settingsSchema.parse({ organizationProfile: { name: 'Warm-up' } });
  const template: LetterTemplate = {
    language: 'en',
    direction: 'ltr',
    subject: 'Letter',
    body: serializeTemplateDocument(
      doc(paragraph(field('salutation')), paragraph('Text ', field('sender.organization'))),
    ),
    closing: 'Regards,',
    signature: '{{ sender.name }}',
  };
  const compiled = compileTemplate(template);
  const date = new Date();
  const layouts = [0, 1].map(() => ({
    letter: compiled.render({ settings, date }),
    date: '',
    recipientLines: [],
  }));
  await renderCombinedDocx(layouts, { letterhead: letterheadFromSettings(settings) });
}
