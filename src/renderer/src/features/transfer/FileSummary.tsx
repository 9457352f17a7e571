/** The chosen file's name (isolated: it may be Arabic in an English screen) and its size in rows. */
import { Text } from '@mantine/core';

export function FileSummary({ name, summary }: { name: string; summary: string }) {
  return (
    <Text size="sm" data-testid="import-file-summary">
      <Text span fw={600}>
        <bdi>{name}</bdi>
      </Text>
      {' · '}
      {summary}
    </Text>
  );
}
