/** What the letters worker and the page say to each other (structured-clone data only). */
import type { LetterJob, LetterJobProgress, LetterJobResult, TemplateProblem } from '@core/letters';

export type LettersWorkerRequest = { type: 'start'; job: LetterJob } | { type: 'cancel' };

export type LettersWorkerFailure =
  | { kind: 'template'; problems: TemplateProblem[] }
  | { kind: 'render'; recipientId?: string | undefined; message: string }
  | { kind: 'other'; message: string };

export type LettersWorkerResponse =
  | { type: 'progress'; progress: LetterJobProgress }
  | { type: 'done'; result: LetterJobResult }
  | { type: 'cancelled' }
  | { type: 'failed'; failure: LettersWorkerFailure };
