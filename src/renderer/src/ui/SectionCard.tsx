import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card: one section of a contact's or an organization's page. */
export function SectionCard({
  title,
  children,
  testId,
  action,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  action?: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Card.Section withBorder inheritPadding py="xs" mb="sm">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Title order={2} size="h5">
            {title}
          </Title>
          {action}
        </div>
      </Card.Section>
      {children}
    </Card>
  );
}
