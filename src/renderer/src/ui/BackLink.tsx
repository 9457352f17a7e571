import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useDirection } from '@mantine/core';
import { Link } from 'react-router';

/** "← All contacts": the arrow points back in the reading direction. */
export function BackLink({ to, label }: { to: string; label: string }) {
  const { dir } = useDirection();
  const Arrow = dir === 'rtl' ? IconArrowRight : IconArrowLeft;
  return (
    <Anchor
      component={Link}
      to={to}
      size="sm"
      mb="sm"
      display="inline-block"
      data-testid="back-link"
    >
      <Group gap={4} wrap="nowrap">
        <Arrow size={14} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}
