import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataCore } from '@core/db/data-core';
import type { Template } from '@core/domain/template';
import {
  recordGeneratedLetters,
  type LetterJob,
  type LetterJobProgress,
  type NamedFile,
} from '@core/letters';
import { bridge } from '@renderer/lib/bridge';
import { formatNumber } from '@renderer/lib/format-number';
import type { Outcome } from '@renderer/ui/OutcomeNotice';
import {
  prepareLetterWorkers,
  runLetterJob,
  type RunningLetterJob,
} from '../worker/run-letter-job';
import { IpcFailure, reasonOf } from '@renderer/lib/reason-of';

export type GenerationPhase = 'setup' | 'running' | 'done';

const FILTERS = {
  docx: { name: 'Word document', extensions: ['docx'] },
  zip: { name: 'ZIP archive', extensions: ['zip'] },
};

/**
 * Prepares the workers as the dialog opens (ended when it closes), runs a job in them, records the letters (one transaction, main thread: the worker has
 * no database), then offers the file through the save dialog.
 */
export function useLetterGeneration(core: DataCore) {
  const { t, i18n } = useTranslation();
  const [phase, setPhase] = useState<GenerationPhase>('setup');
  const [progress, setProgress] = useState<LetterJobProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [file, setFile] = useState<NamedFile | null>(null);
  const running = useRef<RunningLetterJob | null>(null);
  const n = (v: number) => formatNumber(v, i18n.language);

  // While the user chooses recipients, the workers load and warm up: the click only writes.
  // The job takes them synchronously in `start`, before the phase change ends this effect.
  useEffect(() => (phase === 'setup' ? prepareLetterWorkers().release : undefined), [phase]);

  const save = async (named: NamedFile, recorded: string) => {
    const zip = named.name.endsWith('.zip');
    const result = await bridge.saveFile({
      suggestedName: named.name,
      bytes: named.bytes,
      filters: [zip ? FILTERS.zip : FILTERS.docx],
    });
    if (!result.ok)
      setOutcome({
        ok: false,
        message: [
          recorded,
          t('writer.generate.saveFailed', { message: reasonOf(new IpcFailure(result.error)) }),
        ]
          .filter(Boolean)
          .join(' '),
      });
    else if (result.value.saved)
      setOutcome({
        ok: true,
        message: [recorded, t('writer.generate.saved', { name: result.value.fileName })]
          .filter(Boolean)
          .join(' '),
      });
    else
      setOutcome({
        ok: false,
        message: [recorded, t('writer.generate.notSaved')].filter(Boolean).join(' '),
      });
  };

  const start = async (job: LetterJob, template: Template) => {
    setPhase('running');
    setOutcome(null);
    setProgress({
      done: 0,
      total: job.recipients.length - (job.skipRecipientIds?.length ?? 0),
      phase: 'render',
    });
    const run = runLetterJob(job, setProgress);
    running.current = run;
    const ended = await run.outcome;
    running.current = null;
    if (ended.status === 'cancelled') {
      setPhase('setup');
      setOutcome({ ok: false, message: t('writer.generate.cancelled') });
      return;
    }
    if (ended.status === 'failed') {
      setPhase('setup');
      const message =
        ended.failure.kind === 'template'
          ? t('writer.generate.templateProblems')
          : ended.failure.message;
      setOutcome({ ok: false, message: t('writer.generate.failed', { message }) });
      return;
    }
    const { result } = ended;
    try {
      await recordGeneratedLetters(core, {
        letters: result.letters,
        campaignId: job.campaign?.id,
        templateId: template.id,
        templateVersion: template.version,
        at: job.date,
      });
    } catch (error) {
      setPhase('setup');
      setOutcome({
        ok: false,
        message: t('writer.generate.failed', { message: (error as Error).message }),
      });
      return;
    }
    setFile(result.file);
    setPhase('done');
    await save(result.file, t('writer.generate.recorded', { n: n(result.letters.length) }));
  };

  return {
    phase,
    progress,
    outcome,
    start,
    cancel: () => running.current?.cancel(),
    saveAgain: () => (file ? save(file, '') : Promise.resolve()),
    reset: () => {
      setPhase('setup');
      setOutcome(null);
      setFile(null);
      setProgress(null);
    },
  };
}
