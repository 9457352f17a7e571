/** Why removing a member failed, at which step and where (the page words it with reasonOf). */
import type { RotationProblem, RotationStage } from './messages';

export class RotationError extends Error {
  override name = 'RotationError';
  constructor(
    readonly stage: RotationStage,
    readonly problem: RotationProblem,
    message: string,
    /** The new database, for a server coalition. */
    readonly where?: { url: string; database: string },
  ) {
    super(message);
  }
}
