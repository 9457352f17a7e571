/**
 * docxtemplater + pizzip in a Web Worker of its own: the usual single-threaded mail-merge loop,
 * off the page's thread as a Node process would run it. Times the merge only (the template
 * and data arrive ready).
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { zipSync } from 'fflate';
import type { MergeRecord } from '../fixtures/letters';

export interface DocxtemplaterRequest {
  template: Uint8Array;
  records: MergeRecord[];
  output: 'combined' | 'zip';
}

const merge = (template: Uint8Array, data: object) => {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' }) as Uint8Array;
};

interface WorkerScope {
  onmessage: ((event: MessageEvent<DocxtemplaterRequest>) => void) | null;
  postMessage(message: { bytes: Uint8Array; ms: number }, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: { template, records, output } }) => {
  const start = performance.now();
  let bytes: Uint8Array;
  if (output === 'combined') {
    bytes = merge(template, { letters: records });
  } else {
    // The same 1,000 files, stored in one ZIP as Tadamun stores them.
    const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
    records.forEach((record, i) => {
      entries[`letter ${i + 1}.docx`] = [merge(template, record), { level: 0 }];
    });
    bytes = zipSync(entries);
  }
  const ms = performance.now() - start;
  scope.postMessage({ bytes, ms }, [bytes.buffer as ArrayBuffer]);
};
