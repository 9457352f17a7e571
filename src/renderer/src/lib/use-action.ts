import { useCallback, useState } from 'react';
import { reasonOf } from './reason-of';

/** What became of an action: done, or failed with a message and optional details. */
export type Outcome =
  { ok: true; message: string } | { ok: false; message: string; detail?: string };

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A message to show, a whole outcome, or null for nothing to show. */
type Said = string | Outcome | null | undefined;

export interface ActionMessages<T> {
  /** What to say when the work is done; nothing when left out. */
  done?: Said | ((value: T) => Said);
  /**
   * What to say when it fails, given the reason in the interface language (a full disk is
   * named as such). Null when the caller shows this failure itself, e.g. beside a field.
   */
  failed(reason: string, error: unknown): Said;
}

export type RunAction = <T>(
  work: () => Promise<T> | T,
  messages: ActionMessages<T>,
) => Promise<ActionResult<T>>;

export interface Action {
  /** Runs the work: busy until it settles, then the outcome its messages give. */
  run: RunAction;
  /** True while any run has not settled. */
  busy: boolean;
  /** The last settled run's outcome (cleared as a run starts), or one shown with `show`. */
  outcome: Outcome | null;
  /** Shows an outcome no run produced, e.g. "the form has mistakes". */
  show(outcome: Outcome | null): void;
  clear(): void;
}

const outcomeOf = (ok: boolean, said: Said): Outcome | null =>
  said === null || said === undefined
    ? null
    : typeof said === 'string'
      ? ok
        ? { ok: true, message: said }
        : { ok: false, message: said }
      : said;

/**
 * One way to run something the user asked for and say how it went: a button's busy state, and
 * a success or failure message whose reason is always in the interface language.
 */
export function useAction(): Action {
  const [running, setRunning] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run: RunAction = useCallback(
    async <T>(
      work: () => Promise<T> | T,
      messages: ActionMessages<T>,
    ): Promise<ActionResult<T>> => {
      setRunning((n) => n + 1);
      setOutcome(null);
      let result: ActionResult<T>;
      try {
        result = { ok: true, value: await work() };
      } catch (error) {
        result = { ok: false, error };
      }
      setRunning((n) => n - 1);
      if (result.ok) {
        const { done } = messages;
        setOutcome(outcomeOf(true, typeof done === 'function' ? done(result.value) : done));
      } else {
        setOutcome(outcomeOf(false, messages.failed(reasonOf(result.error), result.error)));
      }
      return result;
    },
    [],
  );
  const clear = useCallback(() => setOutcome(null), []);

  return { run, busy: running > 0, outcome, show: setOutcome, clear };
}
