/** A message box in one of three tones, each with its own colour and icon. */
import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';

export type NoticeTone = 'danger' | 'warning' | 'success';

const TONES = {
  danger: { color: 'red', Icon: IconAlertTriangle },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  success: { color: 'teal', Icon: IconCheck },
} as const;

export interface NoticeProps extends Omit<AlertProps, 'color' | 'icon'> {
  tone: NoticeTone;
  [dataAttribute: `data-${string}`]: string | number | boolean | undefined;
}

export function Notice({ tone, ...props }: NoticeProps) {
  const { color, Icon } = TONES[tone];
  return <Alert color={color} icon={<Icon aria-hidden />} {...props} />;
}
