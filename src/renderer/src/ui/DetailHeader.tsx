/**
 * The top of a contact's or an organization's page: the way back, the name (in its own
 * direction, lined up with the page), a line of badges under it, and the page's actions,
 * among them the edit and delete buttons both pages share.
 */
import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { BackLink } from './BackLink';
import bidi from './bidi.module.css';

export function DetailHeader({
  back,
  title,
  under,
  actions,
}: {
  back: { to: string; label: string };
  title: string;
  under: ReactNode;
  actions: ReactNode;
}) {
  return (
    <>
      <BackLink to={back.to} label={back.label} />
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} size="h2" dir="auto" className={bidi.pageStart} data-testid="page-title">
            {title}
          </Title>
          {under}
        </Stack>
        <Group gap="xs">{actions}</Group>
      </Group>
    </>
  );
}

export function EditButton(props: { label: string; onClick(): void; testId: string }) {
  return (
    <Button
      variant="default"
      leftSection={<IconPencil size={16} aria-hidden />}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.label}
    </Button>
  );
}

export function DeleteButton(props: { label: string; onClick(): void; testId: string }) {
  return (
    <Button
      variant="light"
      color="red"
      leftSection={<IconTrash size={16} aria-hidden />}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.label}
    </Button>
  );
}

/** Tags as quiet outlined badges, each in its own direction. */
export function TagBadges({ tags, gap = 6 }: { tags: readonly string[]; gap?: number }) {
  return (
    <Group gap={gap}>
      {tags.map((tag) => (
        <Badge key={tag} variant="outline" color="gray" tt="none">
          <span dir="auto">{tag}</span>
        </Badge>
      ))}
    </Group>
  );
}
