import { Stack, Text, Title } from '@mantine/core';

export function PageHeader({ title, description }: { title: string; description?: string }) {
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} size="h2" data-testid="page-title">
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" maw={720}>
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}
