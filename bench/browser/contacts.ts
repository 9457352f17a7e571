/**
 * Page side of the contacts scenario (a): a CSV of N synthetic contacts imported end to end
 * through the code the app's import wizard runs (the import worker reads, checks and dedupes;
 * the page writes in slices and commits once into an encrypted workspace, which updates the
 * search index), while a PerformanceObserver records every main-thread long task. Beside it,
 * in the same page, the same stored objects `put()` one row each into a plain object store of
 * a raw IndexedDB database in one transaction.
 */
import type { Contact } from '@core/domain/contact';
import { guessMapping, importContactsInSlices, TransferFileError } from '@core/transfer';
import { Vault } from '@core/vault/vault';
import { ImportWorkerClient } from '@renderer/features/transfer/worker/import-worker-client';
import { localStorageKeyFile } from '@renderer/lib/local-key-file';
import { generateContactInputs } from '../fixtures/bench-contacts';

export const CONTACTS_IMPORT_DATABASE = 'bench-contacts-import';
const RAW_DATABASE = 'bench-contacts-raw';
const PASSPHRASE = 'a bench passphrase, long enough';
/** After the import, long tasks are still recorded this long (the search copy is saved then). */
const SETTLE_MS = 2000;

export interface ImportBenchResult {
  rows: number;
  csvBytes: number;
  imported: number;
  /** read + check + dedupe (worker) + write + index, until a search finds the last row. */
  importMs: number;
  phases: { readMs: number; checkMs: number; writeMs: number };
  /** The longest main-thread task from the file's bytes to SETTLE_MS after the import. */
  longestTaskMs: number;
  longTasks: number;
  /**
   * The longest tasks and the phase each started in ('search': the bench's own search for the
   * last row, which ends the import's time; 'after': the search copy being saved).
   */
  worstTasks: { phase: string; ms: number }[];
  rawPutMs: number;
}

/**
 * The CSV's bytes, made in a worker: as a file the user picks, the page holds only its bytes
 * (made here, its text and source objects left garbage on the page that the import then paid
 * for in full collections no real import has).
 */
function csvOf(count: number): Promise<Uint8Array<ArrayBuffer>> {
  const worker = new Worker(new URL('./csv-fixture.worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Uint8Array<ArrayBuffer>>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the CSV fixture worker failed'));
    };
    worker.postMessage(count);
  });
}

function longTaskRecorder() {
  const tasks: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, ms: entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      for (const entry of observer.takeRecords())
        tasks.push({ start: entry.startTime, ms: entry.duration });
      observer.disconnect();
      return { longest: Math.max(0, ...tasks.map((t) => t.ms)), count: tasks.length, tasks };
    },
  };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
  });
}

async function rawPut(records: readonly Contact[]): Promise<number> {
  await deleteDatabase(RAW_DATABASE);
  const open = indexedDB.open(RAW_DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('contacts', { keyPath: 'id' });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('raw open failed'));
  });
  const started = performance.now();
  const tx = db.transaction('contacts', 'readwrite');
  const store = tx.objectStore('contacts');
  for (const record of records) store.put(record);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw put failed'));
  });
  const ms = performance.now() - started;
  db.close();
  await deleteDatabase(RAW_DATABASE);
  return ms;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An empty encrypted workspace for an import, its database and key file removed first. */
async function freshImportVault() {
  await deleteDatabase(CONTACTS_IMPORT_DATABASE);
  const keyFile = localStorageKeyFile(`tadamun.keyFile.${CONTACTS_IMPORT_DATABASE}`);
  await keyFile.erase();
  return new Vault({ name: CONTACTS_IMPORT_DATABASE, keyFile }).setUp(PASSPHRASE);
}

async function importCsv(rows: number): Promise<ImportBenchResult> {
  const { core } = await freshImportVault();
  const bytes = await csvOf(rows);
  await settle(200);
  const tasks = longTaskRecorder();
  const client = new ImportWorkerClient();
  // Marks for a Chrome trace of the import (blink.user_timing).
  performance.mark('bench-start');
  const started = performance.now();
  const file = await client.read({ name: 'contacts.csv', bytes });
  const read = performance.now();
  performance.mark('bench-read');
  await client.check({
    mapping: guessMapping(file.headers, 'contacts'),
    existing: core.contacts.all(),
    organizationNames: new Map(core.organizations.all().map((o) => [o.id, o.name])),
  });
  const checked = performance.now();
  performance.mark('bench-checked');
  const outcome = await importContactsInSlices(core, client.validRecords());
  const last = outcome.created.at(-1);
  const searched = performance.now();
  if (!last || core.search.search(last.emails[0]?.value ?? '', { limit: 5 }).length === 0)
    throw new Error('the imported contacts are not searchable');
  const done = performance.now();
  performance.mark('bench-done');
  await settle(SETTLE_MS);
  const longTasks = tasks.stop();
  const phaseAt = (start: number) =>
    start < read
      ? 'read'
      : start < checked
        ? 'check'
        : start < searched
          ? 'write'
          : start < done
            ? 'search'
            : 'after';
  const worstTasks = [...longTasks.tasks]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6)
    .map((task) => ({ phase: phaseAt(task.start), ms: Math.round(task.ms) }));
  client.dispose();
  await core.close();
  await deleteDatabase(CONTACTS_IMPORT_DATABASE);
  const rawPutMs = await rawPut(outcome.created);
  return {
    rows,
    csvBytes: bytes.byteLength,
    imported: outcome.created.length,
    importMs: done - started,
    phases: { readMs: read - started, checkMs: checked - read, writeMs: done - checked },
    longestTaskMs: longTasks.longest,
    longTasks: longTasks.count,
    worstTasks,
    rawPutMs,
  };
}

export interface LargeImportResult {
  csvBytes: number;
  /** Contacts stored, or the code the file was refused with. */
  outcome: { imported: number } | { refused: string };
  ms: number;
  /** Date.now() when the file was read and when it was checked (the write followed). */
  readAt?: number;
  checkedAt?: number;
  /** Date.now() when every record had reached the page and the one commit started. */
  writingAt?: number;
  /** Date.now() when the import resolved (then the workspace closes: the search copy is saved). */
  importedAt?: number;
  /** Date.now() when the commit's rows were stored (memory and the search index follow). */
  storedAt?: number;
  /** Date.now() when the workspace was closed (its search copy saved). */
  closedAt?: number;
}

let largeFile: Uint8Array<ArrayBuffer> | undefined;

/**
 * Fetches the file of the memory case (written by the scenario beside the page) and keeps its
 * bytes on the page, as a picked file's are; nothing else of its making is on the page.
 */
async function prepareLargeCsv(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  largeFile = new Uint8Array(await response.arrayBuffer());
  return largeFile.byteLength;
}

/** Imports the prepared file end to end as `importCsv` does (its memory is measured outside). */
async function importLargeCsv(): Promise<LargeImportResult> {
  const bytes = largeFile;
  if (!bytes) throw new Error('no file prepared');
  largeFile = undefined;
  const { core } = await freshImportVault();
  const client = new ImportWorkerClient();
  const started = performance.now();
  let outcome: LargeImportResult['outcome'];
  const at: Omit<LargeImportResult, 'csvBytes' | 'outcome' | 'ms'> = {};
  performance.clearMarks('tadamun:chunks-stored');
  try {
    const file = await client.read({ name: 'contacts.csv', bytes });
    at.readAt = Date.now();
    await client.check({
      mapping: guessMapping(file.headers, 'contacts'),
      existing: core.contacts.all(),
      organizationNames: new Map(core.organizations.all().map((o) => [o.id, o.name])),
    });
    at.checkedAt = Date.now();
    const { created } = await importContactsInSlices(core, client.validRecords(), {
      onWriting: () => (at.writingAt = Date.now()),
    });
    at.importedAt = Date.now();
    const stored = performance.getEntriesByName('tadamun:chunks-stored').at(-1);
    if (stored) at.storedAt = Math.round(performance.timeOrigin + stored.startTime);
    outcome = { imported: created.length };
  } catch (error) {
    if (!(error instanceof TransferFileError)) throw error;
    outcome = { refused: error.code };
  }
  const ms = performance.now() - started;
  client.dispose();
  await core.close();
  at.closedAt = Date.now();
  await deleteDatabase(CONTACTS_IMPORT_DATABASE);
  return { csvBytes: bytes.byteLength, outcome, ms, ...at };
}

/** The app's own database (default name), set up with `passphrase` and `count` contacts. */
async function seedAppWorkspace(count: number, passphrase: string): Promise<number> {
  const { core } = await new Vault({ keyFile: localStorageKeyFile() }).setUp(passphrase);
  const inputs = generateContactInputs(count);
  for (let start = 0; start < inputs.length; start += 10_000) {
    await core.contacts.createMany(inputs.slice(start, start + 10_000));
  }
  const stored = core.contacts.count();
  await core.close();
  return stored;
}

export const contactsBench = { importCsv, seedAppWorkspace, prepareLargeCsv, importLargeCsv };
