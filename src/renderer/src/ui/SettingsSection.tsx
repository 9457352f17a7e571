import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SettingsSection({
  title,
  description,
  danger = false,
  testId,
  children,
}: {
  title: string;
  description?: string;
  /** A red frame for actions that destroy data. */
  danger?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      component="section"
      data-testid={testId}
      style={danger ? { borderColor: 'var(--mantine-color-red-filled)' } : undefined}
    >
      <Title order={2} size="h4" mb={description ? 4 : 'md'} c={danger ? 'red' : undefined}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md" maw={720}>
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}
