import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';
import type { FieldProblem } from './contact-form-values';

/** A field problem in the UI language. */
export function useProblemText(): (problem: FieldProblem | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  return (problem) => {
    if (!problem) return undefined;
    switch (problem.code) {
      case 'name-required':
        return t('contactBook.errors.nameRequired');
      case 'invalid-email':
        return t('contactBook.errors.invalidEmail');
      case 'invalid-phone':
        return t('contactBook.errors.invalidPhone');
      case 'invalid-language':
        return t('contactBook.errors.invalidLanguage');
      case 'address-part-required':
        return t('contactBook.errors.addressPartRequired');
      case 'required':
        return t('contactBook.errors.required');
      case 'too-long':
        return t('contactBook.errors.tooLong', {
          count: problem.max,
          max: formatNumber(problem.max, i18n.language),
        });
      case 'too-many':
        return t('contactBook.errors.tooMany', { max: problem.max });
      case 'invalid':
        return t('contactBook.errors.invalid');
    }
  };
}
