/**
 * The import wizard's state: the file, how it is decoded and split, the column mapping, the
 * checked rows, and the outcome. Reading, checking and the duplicate scan run in a worker (a
 * file near 50 MB would freeze the window otherwise); Cancel stops them. Nothing is written
 * before `commit`, which builds the records in slices and stores them in one transaction.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DataCore } from '@core/db/data-core';
import {
  assertImportSize,
  guessMapping,
  ImportCancelledError,
  importContactsInSlices,
  type ColumnMapping,
  type Delimiter,
  type ImportField,
  type ImportOutcome,
  type MappingPreset,
  type TextEncodingName,
} from '@core/transfer';
import { ImportWorkerClient } from './worker/import-worker-client';
import type { FileOverview, WorkerCheck } from './worker/messages';

export type WizardStep = 'file' | 'columns' | 'review' | 'done';

export interface SourceFile extends FileOverview {
  name: string;
  bytes: Uint8Array;
}

export interface WizardBusy {
  /** 'saving' is the one transaction: it cannot be cancelled (it is all or nothing anyway). */
  what: 'reading' | 'checking' | 'preparing' | 'saving';
  done?: number;
  total?: number;
}

export interface WizardState {
  step: WizardStep;
  busy: WizardBusy | null;
  source: SourceFile | null;
  mapping: ColumnMapping | null;
  preset: MappingPreset;
  check: WorkerCheck | null;
  /** A whole-file error (too large, empty, unreadable…), as thrown by the core. */
  fileError: unknown;
  /** The last long step was cancelled by the user. */
  cancelled: boolean;
  outcome:
    { ok: true; value: ImportOutcome; skipped: number } | { ok: false; error: unknown } | null;
}

const INITIAL: WizardState = {
  step: 'file',
  busy: null,
  source: null,
  mapping: null,
  preset: 'contacts',
  check: null,
  fileError: null,
  cancelled: false,
  outcome: null,
};

const sameHeaders = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.join('\u0000') === b.join('\u0000');

export function useImportWizard(core: DataCore) {
  const [state, setState] = useState<WizardState>(INITIAL);
  const client = useRef<ImportWorkerClient | null>(null);
  const abort = useRef<AbortController | null>(null);
  const patch = useCallback(
    (next: Partial<WizardState>) => setState((s) => ({ ...s, ...next })),
    [],
  );
  const worker = () => (client.current ??= new ImportWorkerClient());

  useEffect(() => () => client.current?.dispose(), []);

  const reset = useCallback(() => {
    client.current?.dispose();
    setState(INITIAL);
  }, []);

  const load = useCallback(
    async (
      name: string,
      bytes: Uint8Array,
      encoding?: TextEncodingName,
      delimiter?: Delimiter,
      sheet?: string,
    ) => {
      patch({ busy: { what: 'reading' }, fileError: null, cancelled: false });
      try {
        const overview = await worker().read({
          name,
          bytes,
          ...(encoding && { encoding }),
          ...(delimiter && { delimiter }),
          ...(sheet !== undefined && { sheet }),
        });
        const source: SourceFile = { ...overview, name, bytes };
        setState((s) => ({
          ...s,
          source,
          mapping:
            overview.format === 'vcard'
              ? null
              : s.mapping && sameHeaders(s.source?.headers, overview.headers)
                ? s.mapping
                : guessMapping(overview.headers, s.preset),
          check: null,
          step: overview.format === 'vcard' ? 'review' : 'columns',
          busy: overview.format === 'vcard' ? { what: 'checking' } : null,
        }));
        if (overview.format === 'vcard') await runCheck(null);
      } catch (error) {
        // A cancelled vCard check has no columns step to go back to: back to the file.
        if (error instanceof ImportCancelledError)
          setState((s) => ({
            ...s,
            busy: null,
            cancelled: true,
            step: s.step === 'review' && !s.check ? 'file' : s.step,
          }));
        else patch({ fileError: error, busy: null, step: 'file' });
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runCheck only reads refs and `core`
    [patch, core],
  );

  const chooseFile = useCallback(
    (file: File) => {
      setState({ ...INITIAL, busy: { what: 'reading' } });
      void (async () => {
        try {
          assertImportSize(file.size);
          await load(file.name, new Uint8Array(await file.arrayBuffer()));
        } catch (error) {
          patch({ fileError: error, busy: null });
        }
      })();
    },
    [load, patch],
  );

  const redecode = useCallback(
    (encoding: TextEncodingName | undefined, delimiter: Delimiter | undefined) => {
      const source = state.source;
      if (source) void load(source.name, source.bytes, encoding, delimiter);
    },
    [load, state.source],
  );

  /** Reads another sheet of the workbook. */
  const chooseSheet = useCallback(
    (sheet: string) => {
      const source = state.source;
      if (source) void load(source.name, source.bytes, undefined, undefined, sheet);
    },
    [load, state.source],
  );

  const setField = useCallback((column: number, field: ImportField) => {
    setState((s) => {
      if (!s.mapping) return s;
      const fields = [...s.mapping.fields];
      fields[column] = field;
      return { ...s, mapping: { ...s.mapping, fields } };
    });
  }, []);

  const applyPreset = useCallback((preset: MappingPreset) => {
    setState((s) => ({
      ...s,
      preset,
      mapping:
        s.source && s.source.format !== 'vcard'
          ? guessMapping(s.source.headers, preset)
          : s.mapping,
    }));
  }, []);

  /** Checks every row in the worker, against the contacts stored now. */
  async function runCheck(mapping: ColumnMapping | null): Promise<void> {
    const check = await worker().check({
      mapping,
      existing: core.contacts.all(),
      organizationNames: new Map(core.organizations.all().map((o) => [o.id, o.name])),
      onProgress: (done, total) => patch({ busy: { what: 'checking', done, total } }),
    });
    patch({ check, step: 'review', busy: null });
  }

  const review = useCallback(async () => {
    const { source, mapping } = state;
    if (!source || !mapping) return;
    patch({ busy: { what: 'checking', done: 0, total: source.rowCount }, cancelled: false });
    try {
      await runCheck(mapping);
    } catch (error) {
      if (error instanceof ImportCancelledError) patch({ busy: null, cancelled: true });
      else patch({ busy: null, outcome: { ok: false, error }, step: 'done' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runCheck only reads refs and `core`
  }, [patch, state, core]);

  /**
   * Writes the checked contacts but those at the `skip` positions (likely duplicates); those in
   * `update` (position → stored contact) refresh the contact they match, in the same commit.
   */
  const commit = useCallback(
    async (
      skip: ReadonlySet<number>,
      skipped: number,
      update: ReadonlyMap<number, string> = new Map(),
    ) => {
      const controller = new AbortController();
      abort.current = controller;
      try {
        const positions = [...update.keys()];
        const matched = positions.length ? await worker().inputsAt(positions) : [];
        const updates = matched.map((input, index) => ({
          id: update.get(positions[index] ?? -1) ?? '',
          input,
        }));
        // The worker holds the checked contacts (unless it failed meanwhile: that throws).
        const inputs = worker().validRecords(new Set([...skip, ...positions]));
        const total = inputs.count;
        patch({ busy: { what: 'preparing', done: 0, total }, cancelled: false });
        const value = await importContactsInSlices(core, inputs, {
          signal: controller.signal,
          onProgress: (done) => patch({ busy: { what: 'preparing', done, total } }),
          onWriting: () => patch({ busy: { what: 'saving', total } }),
          updates,
        });
        patch({ outcome: { ok: true, value, skipped }, step: 'done', busy: null });
      } catch (error) {
        if (error instanceof ImportCancelledError) patch({ busy: null, cancelled: true });
        else patch({ outcome: { ok: false, error }, step: 'done', busy: null });
      } finally {
        abort.current = null;
      }
    },
    [core, patch],
  );

  /**
   * Stops reading, checking or preparing; the wizard stays on the step it was on. Preparing
   * stops at its next slice, and the worker keeps the checked contacts for another try.
   */
  const cancel = useCallback(() => {
    if (abort.current) abort.current.abort();
    else client.current?.cancel();
  }, []);

  const back = useCallback(() => {
    setState((s) => ({
      ...s,
      cancelled: false,
      step: s.step === 'review' && s.source && s.source.format !== 'vcard' ? 'columns' : 'file',
      check: null,
    }));
  }, []);

  return {
    state,
    chooseFile,
    redecode,
    chooseSheet,
    setField,
    applyPreset,
    review,
    commit,
    cancel,
    back,
    reset,
  };
}
