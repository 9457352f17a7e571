/** What the letters worker and the page say to each other (structured-clone data only). */
import type {
  LetterFiles,
  LetterJob,
  LetterJobProgress,
  LetterJobResult,
  TemplateProblem,
} from '@core/letters';

type Range = { from: number; to: number };

export type LettersWorkerRequest =
  /** Started ahead of a job: write a throw-away letter to get first-run costs out of the way. */
  | { type: 'warm' }
  /** The whole job in this worker (a combined DOCX, or a few letters). */
  | { type: 'start'; job: LetterJob }
  /** Letters `from` to `to` (exclusive) of the job as separate DOCX files: one worker's share. */
  | { type: 'start-files'; job: LetterJob; range: Range }
  | { type: 'cancel' };

export type LettersWorkerFailure =
  | { kind: 'template'; problems: TemplateProblem[] }
  | { kind: 'render'; recipientId?: string | undefined; message: string }
  | { kind: 'other'; message: string };

export type LettersWorkerResponse =
  /** The answer to 'warm'. */
  | { type: 'warm' }
  | { type: 'progress'; progress: LetterJobProgress }
  | { type: 'done'; result: LetterJobResult }
  | { type: 'files-done'; files: LetterFiles }
  | { type: 'cancelled' }
  | { type: 'failed'; failure: LettersWorkerFailure };
