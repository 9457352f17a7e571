import type { TFunction } from 'i18next';
import type { RecipientProblem } from '@core/letters';
import { fieldLabel } from './field-labels';

/** One recipient problem in words, e.g. "Missing: District (a fallback will be printed)". */
export function recipientProblemText(t: TFunction, problem: RecipientProblem): string {
  const text =
    problem.code === 'missing-field'
      ? t('writer.recipientProblems.missing-field', { field: fieldLabel(t, problem.field ?? '') })
      : t(`writer.recipientProblems.${problem.code}`);
  return problem.hasFallback && problem.code !== 'form-of-address-unknown'
    ? `${text} (${t('writer.recipientProblems.fallback')})`
    : text;
}
