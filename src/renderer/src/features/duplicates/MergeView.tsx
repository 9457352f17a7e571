/** Two contacts side by side: pick the record to keep and, per differing field, the value. */
import { Button, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsJoin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  chosenFields,
  differingFields,
  LIST_ENTRY_KEYS,
  unionBy,
  type ChoosableField,
  type DuplicatePair,
} from '@core/dedupe';
import { contactName, type Contact } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useAction } from '@renderer/lib/use-action';
import { formatNumber } from '@renderer/lib/format-number';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { fieldLabel, fieldValue } from './field-value';
import { ReasonBadges } from './ReasonBadges';

type Side = 'a' | 'b';

export function MergeView({
  pair,
  a,
  b,
  organizationNames,
  onMerged,
}: {
  pair: DuplicatePair;
  a: Contact;
  b: Contact;
  organizationNames: ReadonlyMap<string, string>;
  onMerged(message: string): void;
}) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const count = (n: number) => formatNumber(n, i18n.language);
  const counted = (n: number) => ({ count: n, n: count(n) });
  const [keepSide, setKeepSide] = useState<Side>('a');
  const [picked, setPicked] = useState<Partial<Record<ChoosableField, Side>>>({});
  const saving = useAction();
  const keep = keepSide === 'a' ? a : b;
  const drop = keepSide === 'a' ? b : a;
  const differences = differingFields(a, b);
  const sideOf = (field: ChoosableField): Side =>
    picked[field] ?? (keep[field] === undefined ? (keepSide === 'a' ? 'b' : 'a') : keepSide);
  const moves = core.contacts.dependentsOf(drop.id);
  const united = {
    emails: count(unionBy([...a.emails, ...b.emails], LIST_ENTRY_KEYS.emails).length),
    phones: count(unionBy([...a.phones, ...b.phones], LIST_ENTRY_KEYS.phones).length),
    addresses: count(unionBy([...a.addresses, ...b.addresses], LIST_ENTRY_KEYS.addresses).length),
    websites: count(unionBy([...a.websites, ...b.websites], LIST_ENTRY_KEYS.websites).length),
    tags: count(unionBy([...a.tags, ...b.tags], (tag) => tag.toLowerCase()).length),
  };

  const merge = async () => {
    const choices = Object.fromEntries(
      differences.map(({ field }) => [field, sideOf(field) === keepSide ? 'keep' : 'drop']),
    );
    const merged = await saving.run(
      () => core.contacts.merge(keep.id, drop.id, chosenFields(keep, drop, choices)),
      { failed: (reason) => t('directory.duplicates.mergeFailed', { reason }) },
    );
    if (merged.ok) onMerged(t('directory.duplicates.merged', { name: contactName(merged.value) }));
  };

  const value = (contact: Contact, field: ChoosableField) =>
    fieldValue(t, field, contact[field], organizationNames);
  const column = (side: Side, contact: Contact) => (
    <Table.Th style={{ width: '40%' }}>
      <Radio
        value={side}
        label={
          <Text fw={700} dir="auto" component="span">
            {contactName(contact)}
          </Text>
        }
        description={
          keepSide === side ? t('directory.duplicates.kept') : t('directory.duplicates.mergedAway')
        }
        data-testid={`merge-keep-${side}`}
      />
    </Table.Th>
  );

  return (
    <Stack gap="md" data-testid="merge-view">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('directory.duplicates.mergeTitle')}
        </Title>
        <ReasonBadges reasons={pair.reasons} />
      </Group>
      <Radio.Group
        value={keepSide}
        onChange={(next) => setKeepSide(next as Side)}
        label={t('directory.duplicates.keepThis')}
      >
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" data-testid="merge-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ width: '20%' }}>{t('directory.duplicates.field')}</Table.Th>
                {column('a', a)}
                {column('b', b)}
              </Table.Tr>
            </Table.Thead>
          </Table>
        </Table.ScrollContainer>
      </Radio.Group>
      <Text fw={600} size="sm">
        {differences.length
          ? t('directory.duplicates.fieldsTitle')
          : t('directory.duplicates.noDifferences')}
      </Text>
      {differences.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" striped data-testid="merge-fields">
            <Table.Tbody>
              {differences.map(({ field }) => (
                <Table.Tr key={field} data-testid="merge-field" data-field={field}>
                  <Table.Td style={{ width: '20%' }}>
                    <Text size="sm" fw={500}>
                      {fieldLabel(t, field)}
                    </Text>
                  </Table.Td>
                  {(['a', 'b'] as const).map((side) => {
                    const shown = value(side === 'a' ? a : b, field);
                    return (
                      <Table.Td key={side} style={{ width: '40%' }}>
                        <Radio
                          name={`merge-${field}`}
                          checked={sideOf(field) === side}
                          onChange={() => setPicked({ ...picked, [field]: side })}
                          label={
                            shown === undefined ? (
                              <Text size="sm" c="dimmed" fs="italic" component="span">
                                {t('directory.duplicates.empty')}
                              </Text>
                            ) : (
                              <Text size="sm" dir="auto" component="span">
                                {shown}
                              </Text>
                            )
                          }
                          data-testid={`merge-pick-${side}`}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('directory.duplicates.combinedTitle')}
        </Text>
        <Text size="sm">{t('directory.duplicates.combined')}</Text>
        <Text size="sm" c="dimmed" data-testid="merge-lists">
          {t('directory.duplicates.lists', united)}
        </Text>
        <Text size="sm" data-testid="merge-moves">
          {t('directory.duplicates.moves', {
            interactions: t('directory.duplicates.moved.interactions', counted(moves.interactions)),
            targets: t('directory.duplicates.moved.targets', counted(moves.targets)),
            letters: t('directory.duplicates.moved.letters', counted(moves.letters)),
            tasks: t('directory.duplicates.moved.tasks', counted(moves.tasks)),
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('directory.duplicates.collapse')}
        </Text>
      </Stack>
      <OutcomeNotice outcome={saving.outcome} testId="merge-outcome" />
      <Group justify="flex-end">
        <Button
          leftSection={<IconArrowsJoin size={16} aria-hidden />}
          onClick={() => void merge()}
          loading={saving.busy}
          data-testid="merge-submit"
        >
          {t('directory.duplicates.merge')}
        </Button>
      </Group>
    </Stack>
  );
}
