/**
 * The import wizard's state: the file's bytes, how they are decoded and split, the column
 * mapping, the checked preview, and the outcome. Nothing is written before `commit`, which
 * stores the chosen rows in one transaction.
 */
import { useCallback, useState } from 'react';
import type { DataCore } from '@core/db/data-core';
import type { ContactInput } from '@core/domain/contact';
import {
  assertImportSize,
  convertRowsInSlices,
  decodeText,
  guessMapping,
  importContacts,
  parseDelimited,
  parseVCards,
  type ColumnMapping,
  type DelimitedTable,
  type Delimiter,
  type ImportField,
  type ImportOutcome,
  type ImportPreview,
  type MappingPreset,
  type TextEncodingName,
} from '@core/transfer';

export type WizardStep = 'file' | 'columns' | 'review' | 'done';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
  format: 'delimited' | 'vcard';
  encoding: TextEncodingName;
  detectedEncoding: TextEncodingName;
  /** Delimited files only. */
  table?: DelimitedTable;
}

export interface WizardState {
  step: WizardStep;
  busy: { what: 'reading' | 'checking' | 'importing'; done?: number; total?: number } | null;
  source: SourceFile | null;
  mapping: ColumnMapping | null;
  preset: MappingPreset;
  preview: ImportPreview | null;
  /** A whole-file error (too large, empty, unreadable…), as thrown by the core. */
  fileError: unknown;
  outcome:
    { ok: true; value: ImportOutcome; skipped: number } | { ok: false; error: unknown } | null;
}

const INITIAL: WizardState = {
  step: 'file',
  busy: null,
  source: null,
  mapping: null,
  preset: 'contacts',
  preview: null,
  fileError: null,
  outcome: null,
};

/** Lets the browser paint (a spinner, a progress bar) before a long synchronous step. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 30));

const looksLikeVCard = (name: string, text: string) =>
  /\.(vcf|vcard)$/i.test(name) || /^\s*BEGIN:VCARD/i.test(text.slice(0, 200));

function readSource(
  name: string,
  bytes: Uint8Array,
  encoding?: TextEncodingName,
  delimiter?: Delimiter,
): { source: SourceFile; text: string } {
  const decoded = decodeText(bytes, encoding);
  const detectedEncoding = encoding ? decodeText(bytes).encoding : decoded.encoding;
  const format = looksLikeVCard(name, decoded.text) ? 'vcard' : 'delimited';
  const table = format === 'delimited' ? parseDelimited(decoded.text, delimiter) : undefined;
  return {
    source: { name, bytes, format, encoding: decoded.encoding, detectedEncoding, table },
    text: decoded.text,
  };
}

export function useImportWizard(core: DataCore) {
  const [state, setState] = useState<WizardState>(INITIAL);
  const patch = useCallback(
    (next: Partial<WizardState>) => setState((s) => ({ ...s, ...next })),
    [],
  );

  const reset = useCallback(() => setState(INITIAL), []);

  const load = useCallback(
    async (
      name: string,
      readBytes: () => Promise<Uint8Array>,
      size: number,
      encoding?: TextEncodingName,
      delimiter?: Delimiter,
    ) => {
      patch({ busy: { what: 'reading' }, fileError: null });
      await nextFrame();
      try {
        assertImportSize(size);
        const { source, text } = readSource(name, await readBytes(), encoding, delimiter);
        if (source.format === 'vcard') {
          patch({ source, mapping: null, preview: parseVCards(text), step: 'review', busy: null });
          return;
        }
        const headers = source.table?.headers ?? [];
        setState((s) => {
          const sameHeaders =
            s.mapping && s.source?.table?.headers.join('\u0000') === headers.join('\u0000');
          return {
            ...s,
            source,
            mapping: sameHeaders ? s.mapping : guessMapping(headers, s.preset),
            preview: null,
            step: 'columns',
            busy: null,
          };
        });
      } catch (error) {
        patch({ fileError: error, busy: null });
      }
    },
    [patch],
  );

  const chooseFile = useCallback(
    (file: File) => {
      setState({ ...INITIAL });
      void load(file.name, async () => new Uint8Array(await file.arrayBuffer()), file.size);
    },
    [load],
  );

  const redecode = useCallback(
    (encoding: TextEncodingName | undefined, delimiter: Delimiter | undefined) => {
      const source = state.source;
      if (!source) return;
      void load(
        source.name,
        () => Promise.resolve(source.bytes),
        source.bytes.byteLength,
        encoding,
        delimiter,
      );
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
      mapping: s.source?.table ? guessMapping(s.source.table.headers, preset) : s.mapping,
    }));
  }, []);

  const review = useCallback(async () => {
    const { source, mapping } = state;
    if (!source?.table || !mapping) return;
    const total = source.table.rows.length;
    patch({ busy: { what: 'checking', done: 0, total } });
    await nextFrame();
    const preview = await convertRowsInSlices(source.table, mapping, (done) =>
      patch({ busy: { what: 'checking', done, total } }),
    );
    patch({ preview, step: 'review', busy: null });
  }, [patch, state]);

  const commit = useCallback(
    async (inputs: readonly ContactInput[], skipped: number) => {
      patch({ busy: { what: 'importing' } });
      await nextFrame();
      try {
        const value = await importContacts(core, inputs);
        patch({ outcome: { ok: true, value, skipped }, step: 'done', busy: null });
      } catch (error) {
        patch({ outcome: { ok: false, error }, step: 'done', busy: null });
      }
    },
    [core, patch],
  );

  const back = useCallback(() => {
    setState((s) => ({
      ...s,
      step: s.step === 'review' && s.source?.format === 'delimited' ? 'columns' : 'file',
      preview: s.step === 'review' && s.source?.format === 'delimited' ? s.preview : null,
    }));
  }, []);

  return { state, chooseFile, redecode, setField, applyPreset, review, commit, back, reset };
}
