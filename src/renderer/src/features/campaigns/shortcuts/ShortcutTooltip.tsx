import { Group, Kbd, Tooltip } from '@mantine/core';
import type { ReactElement } from 'react';

/** A tooltip naming an action and its key, e.g. "New campaign  Ctrl+N". */
export function ShortcutTooltip({
  label,
  keys,
  children,
}: {
  label: string;
  keys: string;
  children: ReactElement;
}) {
  return (
    <Tooltip
      withArrow
      label={
        <Group gap={8} wrap="nowrap">
          <span>{label}</span>
          <Kbd size="xs" dir="ltr">
            {keys}
          </Kbd>
        </Group>
      }
    >
      {children}
    </Tooltip>
  );
}
