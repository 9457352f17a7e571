import { IconBan, IconEyeOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { Contact } from '@core/domain/contact';
import classes from './ContactTable.module.css';

/**
 * The do-not-contact and sensitive markers in a list row: the same words, icons and colours
 * as ContactFlags, as plain elements (a row is redrawn on every query) with the hint as title.
 */
export function ListFlags({
  contact,
  t,
}: {
  contact: Pick<Contact, 'doNotContact' | 'sensitive'>;
  t: TFunction;
}) {
  if (!contact.doNotContact && !contact.sensitive) return null;
  return (
    <span className={classes.chips}>
      {contact.doNotContact && (
        <span
          className={`${classes.flag} ${classes.flagStop}`}
          title={t('contactBook.flags.doNotContactHint')}
          data-testid="flag-do-not-contact"
        >
          <IconBan size={12} aria-hidden />
          {t('contactBook.flags.doNotContact')}
        </span>
      )}
      {contact.sensitive && (
        <span
          className={`${classes.flag} ${classes.flagSensitive}`}
          title={t('contactBook.flags.sensitiveHint')}
          data-testid="flag-sensitive"
        >
          <IconEyeOff size={12} aria-hidden />
          {t('contactBook.flags.sensitive')}
        </span>
      )}
    </span>
  );
}
