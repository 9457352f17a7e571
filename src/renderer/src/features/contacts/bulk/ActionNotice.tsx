import { Affix, Button, Notification, useDirection } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** How long a notice (and its Undo) stays. */
export const NOTICE_MS = 10_000;

export interface ActionNoticeState {
  message: string;
  ok: boolean;
  /** Offered for ~10 s after a delete. */
  undo?: () => void;
}

/** A passing message at the bottom corner, with Undo when the action can be undone. */
export function ActionNotice({
  notice,
  onDismiss,
}: {
  notice: ActionNoticeState | null;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const { dir } = useDirection();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(onDismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  if (!notice) return null;
  const side = dir === 'rtl' ? { left: 24 } : { right: 24 };
  return (
    <Affix position={{ bottom: 24, ...side }} zIndex={300}>
      <Notification
        color={notice.ok ? 'teal' : 'red'}
        icon={notice.ok ? <IconCheck size={18} /> : <IconAlertTriangle size={18} />}
        onClose={onDismiss}
        closeButtonProps={{ 'aria-label': t('contactBook.form.cancel') }}
        withBorder
        w={420}
        role="status"
        data-testid="action-notice"
      >
        {notice.message}
        {notice.undo && (
          <Button
            variant="light"
            size="compact-sm"
            ms="sm"
            onClick={() => {
              onDismiss();
              notice.undo?.();
            }}
            data-testid="action-undo"
          >
            {t('contactBook.bulk.undo')}
          </Button>
        )}
      </Notification>
    </Affix>
  );
}
