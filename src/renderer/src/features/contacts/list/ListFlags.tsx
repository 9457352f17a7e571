import { IconBan, IconEyeOff } from '@tabler/icons-react';
import type { Contact } from '@core/domain/contact';
import type { RowText } from './row-text';
import classes from './ContactTable.module.css';

/**
 * The do-not-contact and sensitive markers in a list row: the same words, icons and colours
 * as ContactFlags, as plain elements (a row is redrawn on every query) with the hint as title.
 */
export function ListFlags({
  contact,
  text,
}: {
  contact: Pick<Contact, 'doNotContact' | 'sensitive'>;
  text: Pick<RowText, 'doNotContact' | 'doNotContactHint' | 'sensitive' | 'sensitiveHint'>;
}) {
  if (!contact.doNotContact && !contact.sensitive) return null;
  return (
    <span className={classes.chips}>
      {contact.doNotContact && (
        <span
          className={`${classes.flag} ${classes.flagStop}`}
          title={text.doNotContactHint}
          data-testid="flag-do-not-contact"
        >
          <IconBan size={12} aria-hidden />
          {text.doNotContact}
        </span>
      )}
      {contact.sensitive && (
        <span
          className={`${classes.flag} ${classes.flagSensitive}`}
          title={text.sensitiveHint}
          data-testid="flag-sensitive"
        >
          <IconEyeOff size={12} aria-hidden />
          {text.sensitive}
        </span>
      )}
    </span>
  );
}
