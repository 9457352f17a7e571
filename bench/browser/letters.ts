/**
 * Page side of the letters scenario: 1,000 personalized letters as one combined DOCX and as a
 * ZIP of one DOCX per letter, by Tadamun and by docxtemplater + pizzip from an equivalent
 * template, in the same page.
 *
 * Tadamun runs exactly as the app does: `prepare` is what the generate dialog does when it
 * opens (`prepareLetterWorkers`: the app's Web Workers load their code and write a throw-away
 * letter while the user chooses recipients), then `run` is the click: `runLetterJob` from the
 * letters feature, which takes the prepared workers (two on a two-core machine) and assembles
 * the result. Its time runs from the call to the finished file: Liquid rendering, DOCX
 * writing, the hand-off between workers, SHA-256 of every file and the ZIP included; loading
 * the workers is not (`prepare` settles first), as the docxtemplater worker's start-up is not. docxtemplater runs the usual Node
 * mail-merge loop in a Web Worker of its own (on the page's thread it slowed down the longer it
 * ran, docs/benchmarks.md): per letter a PizZip of the template,
 * `render(data)`, `generate({ compression: 'DEFLATE' })`; the ZIP then stores the 1,000 files as
 * ours does (fflate, level 0). Only its merge is timed: the template is built and the data (the
 * values our fields resolve to) computed before. Its worker is started, and has merged two
 * letters, in `prepare`, as ours are: neither side's start-up is in a run's time or memory.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { jobDocxOptions, renderLetterDocx, type LetterJob, type LetterOutput } from '@core/letters';
import {
  letterWorkerCount,
  prepareLetterWorkers,
  runLetterJob,
  type PreparedLetterWorkers,
} from '@renderer/features/letters/worker/letters-worker-client';
import { benchJob, mergeRecords, taggedLayout, type MergeRecord } from '../fixtures/letters';
import type { DocxtemplaterRequest } from './letters-docxtemplater.worker';

export type LetterEngine = 'tadamun' | 'docxtemplater';

export interface LetterRun {
  ms: number;
  bytes: number;
  /** Letters found in the output: DOCX files in the ZIP, or letters in the combined file. */
  letters: number;
  /** Distinct files in the ZIP (0 for a combined file). */
  distinctFiles: number;
  /** Whether the spot-checked recipients' names are in their letters. */
  spotCheck: boolean;
  workers: number;
}

const DOCUMENT = 'word/document.xml';
const SPOT = [0, 1, 499, 998];

const docxOptions = (job: LetterJob) => jobDocxOptions(job);

/** Text of a document.xml with tags and XML escapes removed: what a reader would find. */
const plainText = (xml: string) =>
  xml
    .replace(/<[^>]+>/g, '')
    .replaceAll('&amp;', '&')
    .replaceAll('&apos;', "'")
    .replaceAll('&quot;', '"');

function documentText(docx: Uint8Array): string {
  const part = unzipSync(docx, { filter: (file) => file.name === DOCUMENT })[DOCUMENT];
  return part ? plainText(strFromU8(part)) : '';
}

/** Counts and spot-checks the output, so that a fast but incomplete result cannot win. */
function check(output: LetterOutput, bytes: Uint8Array, records: MergeRecord[]) {
  const names = SPOT.filter((i) => i < records.length).map((i) => records[i]?.['full_name']);
  if (output === 'combined') {
    const text = documentText(bytes);
    const letters = text.split('Respectfully,').length - 1;
    return { letters, distinctFiles: 0, spotCheck: names.every((n) => text.includes(String(n))) };
  }
  const files = Object.values(unzipSync(bytes));
  const texts = SPOT.filter((i) => i < files.length).map((i) => documentText(files[i] ?? bytes));
  const distinct = new Set(files.map((f) => f.length + ':' + documentText(f).slice(-400)));
  return {
    letters: files.length,
    distinctFiles: distinct.size,
    spotCheck: names.every((n, i) => texts[i]?.includes(String(n))),
  };
}

interface Timed {
  bytes: Uint8Array;
  ms: number;
}

async function runTadamun(job: LetterJob): Promise<Timed> {
  const start = performance.now();
  const outcome = await runLetterJob(job, () => {}).outcome;
  const ms = performance.now() - start;
  if (outcome.status !== 'done') throw new Error(`letters job ${outcome.status}`);
  return { bytes: outcome.result.file.bytes, ms };
}

/** Our tagged letter with `{#letters}` … `{/letters}` around the body, each letter on a new page. */
function combinedTemplate(single: Uint8Array): Uint8Array {
  const files = unzipSync(single);
  const xml = strFromU8(files[DOCUMENT] ?? new Uint8Array());
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  const sectPr = xml.lastIndexOf('<w:sectPr');
  const firstPPr = xml.indexOf('<w:pPr>', bodyStart) + '<w:pPr>'.length;
  const loop = (tag: string) => `<w:p><w:r><w:t>${tag}</w:t></w:r></w:p>`;
  files[DOCUMENT] = strToU8(
    xml.slice(0, bodyStart) +
      loop('{#letters}') +
      xml.slice(bodyStart, firstPPr) +
      '<w:pageBreakBefore/>' +
      xml.slice(firstPPr, sectPr) +
      loop('{/letters}') +
      xml.slice(sectPr),
  );
  return zipSync(files);
}

/** The docxtemplater side's worker and template, made ready before a run, as ours are. */
interface ReadyDocxtemplater {
  worker: Worker;
  template: Uint8Array;
  output: LetterOutput;
}

function mergeIn(worker: Worker, request: DocxtemplaterRequest): Promise<Timed> {
  return new Promise<Timed>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Timed>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(request);
  });
}

/**
 * Builds the template and starts its worker, which merges two letters to load its code: the
 * counterpart of our prepared, warmed workers, so that neither side's start-up falls in the
 * measured run (its time or its memory).
 */
async function prepareDocxtemplater(output: LetterOutput): Promise<ReadyDocxtemplater> {
  const job = benchJob(2, output);
  const single = await renderLetterDocx(taggedLayout(job), docxOptions(job));
  const template = output === 'combined' ? combinedTemplate(single) : single;
  const worker = new Worker(new URL('./letters-docxtemplater.worker.ts', import.meta.url), {
    type: 'module',
  });
  await mergeIn(worker, { template, records: mergeRecords(job), output });
  return { worker, template, output };
}

async function runDocxtemplater(job: LetterJob, records: MergeRecord[]): Promise<Timed> {
  const ready =
    docxtemplater?.output === job.output ? docxtemplater : await prepareDocxtemplater(job.output);
  docxtemplater = undefined;
  try {
    return await mergeIn(ready.worker, { template: ready.template, records, output: job.output });
  } finally {
    ready.worker.terminate();
  }
}

let prepared: PreparedLetterWorkers | undefined;
let docxtemplater: ReadyDocxtemplater | undefined;

export const lettersBench = {
  /** What the generate dialog does when it opens; settles when the workers are warm. */
  async prepare(engine: LetterEngine, output: LetterOutput): Promise<void> {
    prepared?.release();
    docxtemplater?.worker.terminate();
    docxtemplater = undefined;
    prepared = engine === 'tadamun' ? prepareLetterWorkers() : undefined;
    await prepared?.ready;
    if (engine === 'docxtemplater') docxtemplater = await prepareDocxtemplater(output);
  },
  async run(engine: LetterEngine, output: LetterOutput, count: number): Promise<LetterRun> {
    const job = benchJob(count, output);
    const records = mergeRecords(job);
    const { bytes, ms } =
      engine === 'tadamun' ? await runTadamun(job) : await runDocxtemplater(job, records);
    const workers = engine === 'tadamun' ? letterWorkerCount(job) : 1;
    return { ms, bytes: bytes.length, workers, ...check(output, bytes, records) };
  },
};
