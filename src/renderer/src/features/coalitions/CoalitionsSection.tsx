import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconLogin2, IconPlus } from '@tabler/icons-react';
import { memo, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coalition } from '@core/domain/coalition';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { SettingsSection } from '@renderer/ui/SettingsSection';
import { CoalitionCard } from './CoalitionCard';
import { CreateCoalitionForm } from './CreateCoalitionForm';
import { JoinCoalitionForm } from './JoinCoalitionForm';

/** The cards, rendered again only for a new list of coalitions. */
const CoalitionCards = memo(function CoalitionCards({
  coalitions,
}: {
  coalitions: readonly Coalition[];
}) {
  return coalitions.map((coalition) => <CoalitionCard key={coalition.id} coalition={coalition} />);
});

/** Settings → Coalitions: each coalition with its status; create one, or join with an invitation. */
export function CoalitionsSection() {
  const { t } = useTranslation();
  const stored = useStoreQuery(['coalitions'], (core) => core.coalitions.listCoalitions());
  // The cards follow in a transition (rendered in slices): a joined coalition's card and its
  // dialogs took one task of 30-40 ms, in the first moments of the receive it starts.
  const coalitions = useDeferredValue(stored);
  const [open, setOpen] = useState<'create' | 'join' | null>(null);

  return (
    <SettingsSection
      title={t('coalitions.title')}
      description={t('coalitions.intro')}
      testId="coalitions-section"
    >
      <Stack gap="md">
        {coalitions.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="coalitions-none">
            {t('coalitions.none')}
          </Text>
        ) : (
          <CoalitionCards coalitions={coalitions} />
        )}
        <Group>
          <Button
            variant={open === 'create' ? 'filled' : 'light'}
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setOpen(open === 'create' ? null : 'create')}
            data-testid="coalition-create-open"
          >
            {t('coalitions.create')}
          </Button>
          <Button
            variant={open === 'join' ? 'filled' : 'light'}
            leftSection={<IconLogin2 size={16} aria-hidden />}
            onClick={() => setOpen(open === 'join' ? null : 'join')}
            data-testid="coalition-join-open"
          >
            {t('coalitions.join')}
          </Button>
        </Group>
        {open && <Divider />}
        {open === 'create' && <CreateCoalitionForm />}
        {open === 'join' && <JoinCoalitionForm />}
      </Stack>
    </SettingsSection>
  );
}
