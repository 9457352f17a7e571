import { Code, Group, Stack, Text } from '@mantine/core';
import { CopyButton } from '@renderer/ui/CopyValue';
import { Notice } from '@renderer/ui/Notice';

interface OneTimePassphraseProps {
  title: string;
  value: string;
  /** Why to pass it on another way than the file or text it opens. */
  warning: string;
  testId: string;
}

/** A generated one-time passphrase (invitation, bundle), shown once, left to right in any UI. */
export function OneTimePassphrase({ title, value, warning, testId }: OneTimePassphraseProps) {
  return (
    <Notice tone="warning" title={title}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Code
            fz="lg"
            dir="ltr"
            style={{ unicodeBidi: 'isolate', letterSpacing: 1 }}
            data-testid={testId}
          >
            {value}
          </Code>
          <CopyButton value={value} name={title} />
        </Group>
        <Text size="sm">{warning}</Text>
      </Stack>
    </Notice>
  );
}
