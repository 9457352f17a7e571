/** A titled form inside a settings section: heading, optional intro, then the fields. */
import { Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

export interface SubsectionFormProps {
  title: string;
  intro?: string;
  onSubmit(event: FormEvent): Promise<void>;
  testId: string;
  children: ReactNode;
}

export function SubsectionForm({ title, intro, onSubmit, testId, children }: SubsectionFormProps) {
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid={testId}>
      <Stack gap="sm" maw={520}>
        <Title order={3} size="h5">
          {title}
        </Title>
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
        {children}
      </Stack>
    </form>
  );
}
