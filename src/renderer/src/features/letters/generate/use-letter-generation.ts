import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataCore } from '@core/db/data-core';
import type { Template } from '@core/domain/template';
import type { LetterJob, LetterJobProgress, NamedFile } from '@core/letters';
import { bridge } from '@renderer/lib/bridge';
import { formatNumber } from '@renderer/lib/format-number';
import {
  prepareLetterWorkers,
  runLetterJob,
  type RunningLetterJob,
} from '../worker/letters-worker-client';
import { unwrap } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';

export type GenerationPhase = 'setup' | 'running' | 'done';

/**
 * Prepares the workers as the dialog opens (ended when it closes), runs a job in them, records the letters (one transaction, main thread: the worker has
 * no database), then offers the file through the save dialog.
 */
export function useLetterGeneration(core: DataCore) {
  const { t, i18n } = useTranslation();
  const [phase, setPhase] = useState<GenerationPhase>('setup');
  const [progress, setProgress] = useState<LetterJobProgress | null>(null);
  const { run, outcome, show } = useAction();
  const [file, setFile] = useState<NamedFile | null>(null);
  const running = useRef<RunningLetterJob | null>(null);
  const n = (v: number) => formatNumber(v, i18n.language);

  // While the user chooses recipients, the workers load and warm up: the click only writes.
  // The job takes them synchronously in `start`, before the phase change ends this effect.
  useEffect(() => (phase === 'setup' ? prepareLetterWorkers().release : undefined), [phase]);

  const save = async (named: NamedFile, recorded: string) => {
    const type = named.name.endsWith('.zip') ? 'zip' : 'docx';
    const after = (message: string) => [recorded, message].filter(Boolean).join(' ');
    await run(
      async () =>
        unwrap(
          await bridge.saveFile({
            suggestedName: named.name,
            bytes: named.bytes,
            filters: [{ name: t(`common.fileTypes.${type}`), extensions: [type] }],
          }),
        ),
      {
        done: (saved) =>
          saved.saved
            ? { ok: true, message: after(t('writer.generate.saved', { name: saved.fileName })) }
            : { ok: false, message: after(t('writer.generate.notSaved')) },
        failed: (reason) => after(t('writer.generate.saveFailed', { message: reason })),
      },
    );
  };

  const start = async (job: LetterJob, template: Template) => {
    setPhase('running');
    show(null);
    setProgress({
      done: 0,
      total: job.recipients.length - (job.skipRecipientIds?.length ?? 0),
      phase: 'render',
    });
    const letterJob = runLetterJob(job, setProgress);
    running.current = letterJob;
    const ended = await letterJob.outcome;
    running.current = null;
    if (ended.status === 'cancelled') {
      setPhase('setup');
      show({ ok: false, message: t('writer.generate.cancelled') });
      return;
    }
    if (ended.status === 'failed') {
      setPhase('setup');
      const message =
        ended.failure.kind === 'template'
          ? t('writer.generate.templateProblems')
          : ended.failure.message;
      show({ ok: false, message: t('writer.generate.failed', { message }) });
      return;
    }
    const { result } = ended;
    const recorded = await run(
      () =>
        core.letters.recordGenerated({
          letters: result.letters,
          campaignId: job.campaign?.id,
          templateId: template.id,
          templateVersion: template.version,
          at: job.date,
        }),
      { failed: (reason) => t('writer.generate.failed', { message: reason }) },
    );
    if (!recorded.ok) {
      setPhase('setup');
      return;
    }
    setFile(result.file);
    setPhase('done');
    await save(
      result.file,
      t('writer.generate.recorded', {
        count: result.letters.length,
        n: n(result.letters.length),
      }),
    );
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
      show(null);
      setFile(null);
      setProgress(null);
    },
  };
}
