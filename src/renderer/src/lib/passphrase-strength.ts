/**
 * How strong a new passphrase is, and whether it is strong enough. The workspace is protected
 * by Argon2id: each guess costs 64 MiB of memory and a fraction of a second, which graphics
 * cards speed up far less than they did PBKDF2. Still, a passphrase must be long and, in
 * zxcvbn's estimate, need at least 10^10 guesses (its top score, 4).
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { en } from '@shared/i18n/en';

export const MIN_PASSPHRASE_LENGTH = 12;
export const REQUIRED_SCORE = 4;

export type StrengthWarning = keyof typeof en.passphrase.warnings;
type Estimate = (passphrase: string) => { score: number; feedback: { warning: string | null } };

export interface PassphraseStrength {
  /** 0 (guessable in moments) to 4 (very hard to guess); null while the estimator loads. */
  score: number | null;
  tooShort: boolean;
  acceptable: boolean;
  warning: StrengthWarning | null;
}

let loading: Promise<Estimate> | undefined;

function loadEstimator(): Promise<Estimate> {
  loading ??= import('./zxcvbn-estimator').then(({ createEstimator }) => createEstimator());
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

function isWarning(key: string | null): key is StrengthWarning {
  return key !== null && key in WARNING_KEYS;
}
const WARNING_KEYS: Record<StrengthWarning, true> = {
  straightRow: true,
  keyPattern: true,
  simpleRepeat: true,
  extendedRepeat: true,
  sequences: true,
  recentYears: true,
  dates: true,
  topTen: true,
  topHundred: true,
  common: true,
  similarToCommon: true,
  wordByItself: true,
  namesByThemselves: true,
  commonNames: true,
  userInputs: true,
  pwned: true,
};

export function measure(estimate: Estimate | null, passphrase: string): PassphraseStrength {
  const tooShort = [...passphrase].length < MIN_PASSPHRASE_LENGTH;
  if (!estimate || passphrase === '') {
    return { score: passphrase === '' ? 0 : null, tooShort, acceptable: false, warning: null };
  }
  const result = estimate(passphrase);
  const warning = result.feedback.warning;
  return {
    score: result.score,
    tooShort,
    acceptable: !tooShort && result.score >= REQUIRED_SCORE,
    warning: isWarning(warning) ? warning : null,
  };
}

/**
 * The estimator, once loaded, and the strength of `passphrase` (measured a moment after
 * typing, so fast typing never waits on it). Check `measure(estimator, value)` again on submit.
 */
export function usePassphraseStrength(passphrase: string): {
  strength: PassphraseStrength;
  measureNow: (value: string) => PassphraseStrength;
} {
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  // Loaded with the first letter typed: building its dictionaries would slow the first screen.
  const wanted = passphrase !== '';
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadEstimator().then(
      (loaded) => live && setEstimate(() => loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  const deferred = useDeferredValue(passphrase);
  const strength = useMemo(() => measure(estimate, deferred), [estimate, deferred]);
  return { strength, measureNow: (value) => measure(estimate, value) };
}
