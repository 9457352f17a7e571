/** Likely duplicate contacts, and a side-by-side merge of a pair. */
import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconArrowBack } from '@tabler/icons-react';
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair } from '@core/dedupe';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { Notice } from '@renderer/ui/Notice';
import { MergeView } from './MergeView';
import { PairList } from './PairList';
import { dismissPair, useDuplicatePairs } from './use-duplicate-pairs';

export function DuplicatesDialog(props: { opened: boolean; onClose(): void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('directory.duplicates.dialogTitle')}
      size="xl"
      data-testid="duplicates-dialog"
    >
      {props.opened && <DuplicatesBody />}
    </Modal>
  );
}

function DuplicatesBody() {
  const { t } = useTranslation();
  const pairs = useDuplicatePairs();
  const { contacts, organizationNames } = useStoreQuery(['contacts', 'organizations'], (core) => ({
    contacts: new Map(core.contacts.all().map((c) => [c.id, c])),
    organizationNames: new Map(core.organizations.all().map((o) => [o.id, o.name])),
  }));
  const [comparing, setComparing] = useState<DuplicatePair | null>(null);
  const [merged, setMerged] = useState<string | null>(null);

  if (comparing) {
    const a = contacts.get(comparing.a);
    const b = contacts.get(comparing.b);
    return (
      <Stack gap="md">
        <div>
          <Button
            variant="subtle"
            leftSection={<IconArrowBack size={16} aria-hidden />}
            onClick={() => setComparing(null)}
            data-testid="merge-back"
          >
            {t('directory.duplicates.back')}
          </Button>
        </div>
        {a && b ? (
          <MergeView
            pair={comparing}
            a={a}
            b={b}
            organizationNames={organizationNames}
            onMerged={(message) => {
              setMerged(message);
              setComparing(null);
            }}
          />
        ) : (
          <Notice tone="warning">{t('directory.duplicates.gone')}</Notice>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('directory.duplicates.intro')}</Text>
      {merged && (
        <Notice
          tone="success"
          data-testid="duplicates-outcome"
          withCloseButton
          onClose={() => setMerged(null)}
        >
          {merged}
        </Notice>
      )}
      {pairs === null ? (
        <Group gap="xs" data-testid="duplicates-scanning">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('transfer.duplicatesScan.scanning')}
          </Text>
        </Group>
      ) : (
        <PairList
          pairs={pairs}
          contacts={contacts}
          organizationNames={organizationNames}
          onCompare={(pair) => {
            setMerged(null);
            setComparing(pair);
          }}
          onDismiss={dismissPair}
        />
      )}
    </Stack>
  );
}
