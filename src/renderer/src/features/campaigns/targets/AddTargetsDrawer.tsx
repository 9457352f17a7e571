import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconBookmark, IconSearch, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAMBERS, CONTACT_KINDS, contactName, type Contact } from '@core/domain/contact';
import type { ContactFilter, SavedFilter } from '@core/domain/saved-filter';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { useAction } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { SEARCH_TARGET_ATTRIBUTE } from '../shortcuts/planner-shortcuts';
import { useFormatters } from '@renderer/lib/use-formatters';
import { filterValues, filterPredicate, isEmptyFilter, TEXT_FILTERS } from './contact-filter';

/** The matching contacts listed one by one; "Add all" takes them all. */
const LISTED = 100;
/** Enough for any real search: the index ranks, the filter narrows. */
const SEARCH_LIMIT = 100_000;

export interface AddTargetsDrawerProps {
  campaignId: string;
  opened: boolean;
  onClose(): void;
}

/** Adds contacts to a campaign as targets: search, filters, saved filters, all at once. */
export function AddTargetsDrawer({ campaignId, opened, onClose }: AddTargetsDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('planner.targets.drawerTitle')}
      data-testid="add-targets-drawer"
    >
      {opened ? <AddTargetsForm campaignId={campaignId} /> : null}
    </Drawer>
  );
}

function AddTargetsForm({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const format = useFormatters();
  const counted = (count: number) => ({ count, n: format.number(count) });
  const [filter, setFilter] = useState<ContactFilter>({});
  const query = useDeferredValue(filter.query ?? '');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const adding = useAction();

  const contacts = useStoreQuery(['contacts'], (c) => c.contacts.all());
  const organizations = useStoreQuery(['organizations'], (c) =>
    c.organizations
      .all()
      .map((organization) => ({ value: organization.id, label: organization.name })),
  );
  const values = useMemo(() => filterValues(contacts, i18n.language), [contacts, i18n.language]);
  const targeted = useStoreQuery(
    ['targets'],
    (c) => new Set(c.targets.forCampaign(campaignId).map((target) => target.contactId)),
  );

  const matching = useMemo(() => {
    const pool: Contact[] = query.trim()
      ? core.search.search(query, { limit: SEARCH_LIMIT }).map((hit) => hit.contact)
      : contacts;
    return isEmptyFilter({ ...filter, query: undefined }) && !query.trim()
      ? pool
      : pool.filter(filterPredicate(filter));
  }, [core, contacts, filter, query]);
  const already = useMemo(
    () => matching.filter((contact) => targeted.has(contact.id)).length,
    [matching, targeted],
  );
  const addable = matching.filter((contact) => !targeted.has(contact.id));

  const set = (patch: Partial<ContactFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    adding.clear();
  };
  const add = async (ids: string[]) => {
    const added = await adding.run(() => core.targets.addContacts(campaignId, ids), {
      done: (result) =>
        t('planner.targets.addedLine', {
          added: t('planner.targets.added', counted(result.added)),
          already: t('planner.targets.addedAlready', counted(result.alreadyTargets)),
        }),
      failed: (reason) => t('planner.targets.addFailed', { reason }),
    });
    if (added.ok) setSelected(new Set());
  };
  const option = (value: string) => ({ value, label: value });

  return (
    <Stack gap="sm">
      <TextInput
        label={t('planner.targets.search')}
        placeholder={t('planner.targets.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filter.query ?? ''}
        onChange={(event) => set({ query: event.currentTarget.value })}
        dir="auto"
        data-autofocus
        data-testid="add-targets-search"
        {...{ [SEARCH_TARGET_ATTRIBUTE]: '' }}
      />
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        <Select
          label={t('planner.targets.kind')}
          placeholder={t('planner.targets.any')}
          data={CONTACT_KINDS.map((value) => ({ value, label: t(`contactBook.kinds.${value}`) }))}
          value={filter.kind ?? null}
          onChange={(value) => set({ kind: (value ?? undefined) as ContactFilter['kind'] })}
          clearable
          data-testid="filter-kind"
        />
        <Select
          label={t('planner.targets.chamber')}
          placeholder={t('planner.targets.any')}
          data={CHAMBERS.map((value) => ({ value, label: t(`contactBook.chambers.${value}`) }))}
          value={filter.chamber ?? null}
          onChange={(value) => set({ chamber: (value ?? undefined) as ContactFilter['chamber'] })}
          clearable
          data-testid="filter-chamber"
        />
        {TEXT_FILTERS.map((field) => (
          <Select
            key={field}
            label={t(`planner.targets.${field}`)}
            placeholder={t('planner.targets.any')}
            data={values[field].map(option)}
            value={filter[field] ?? null}
            onChange={(value) => set({ [field]: value ?? undefined })}
            clearable
            searchable
            data-testid={`filter-${field}`}
          />
        ))}
        <Select
          label={t('planner.targets.organization')}
          placeholder={t('planner.targets.any')}
          data={organizations}
          value={filter.organizationId ?? null}
          onChange={(value) => set({ organizationId: value ?? undefined })}
          clearable
          searchable
          data-testid="filter-organization"
        />
      </SimpleGrid>
      <FilterPresets filter={filter} onApply={(next) => setFilter(next)} />
      <Divider />
      <Group justify="space-between" align="center">
        <Text
          size="sm"
          data-testid="add-targets-matching"
          data-count={matching.length}
          data-addable={addable.length}
        >
          {matching.length === 0
            ? t('planner.targets.noneMatching')
            : t('planner.targets.matchingLine', {
                matching: t('planner.targets.matching', counted(matching.length)),
                already: t('planner.targets.matchingAlready', counted(already)),
              })}
        </Text>
        {!isEmptyFilter(filter) ? (
          <Button variant="subtle" size="xs" onClick={() => setFilter({})}>
            {t('planner.targets.clearFilters')}
          </Button>
        ) : null}
      </Group>
      <Group gap="sm">
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          disabled={addable.length === 0}
          loading={adding.busy}
          onClick={() => void add(addable.map((contact) => contact.id))}
          data-testid="add-all-matching"
        >
          {t('planner.targets.addAll', {
            count: addable.length,
            n: format.number(addable.length),
          })}
        </Button>
        <Button
          variant="light"
          disabled={selected.size === 0}
          loading={adding.busy}
          onClick={() => void add([...selected])}
          data-testid="add-selected"
        >
          {t('planner.targets.addSelected', {
            count: selected.size,
            n: format.number(selected.size),
          })}
        </Button>
      </Group>
      <OutcomeNotice outcome={adding.outcome} testId="add-targets-outcome" />
      <ScrollArea.Autosize mah="45vh" type="auto">
        <Stack gap={4}>
          {matching.slice(0, LISTED).map((contact) => {
            const isTarget = targeted.has(contact.id);
            return (
              <Paper
                key={contact.id}
                withBorder
                radius="md"
                px="sm"
                py={6}
                data-testid="add-targets-row"
              >
                <Group justify="space-between" wrap="nowrap">
                  <Checkbox
                    disabled={isTarget}
                    checked={isTarget || selected.has(contact.id)}
                    onChange={(event) => {
                      const next = new Set(selected);
                      if (event.currentTarget.checked) next.add(contact.id);
                      else next.delete(contact.id);
                      setSelected(next);
                    }}
                    label={
                      <span>
                        {/* Each part isolated: a Latin name in an Arabic row keeps its place. */}
                        <Text span size="sm" fw={500}>
                          <bdi data-testid="add-targets-name">{contactName(contact)}</bdi>
                        </Text>
                        {contact.title ? (
                          <Text span size="xs" c="dimmed">
                            {' · '}
                            <bdi>{contact.title}</bdi>
                          </Text>
                        ) : null}
                      </span>
                    }
                  />
                  {isTarget ? (
                    <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                      {t('planner.targets.alreadyTarget')}
                    </Badge>
                  ) : null}
                </Group>
              </Paper>
            );
          })}
          {matching.length > LISTED ? (
            <Text size="xs" c="dimmed">
              {t('planner.targets.showingFirst', {
                shown: format.number(LISTED),
                total: format.number(matching.length),
              })}
            </Text>
          ) : null}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function FilterPresets({
  filter,
  onApply,
}: {
  filter: ContactFilter;
  onApply(filter: ContactFilter): void;
}) {
  const { t } = useTranslation();
  const core = useDataCore();
  const [presets, setPresets] = useState<SavedFilter[]>([]);
  const [name, setName] = useState('');
  const storing = useAction();

  useEffect(() => {
    let live = true;
    void core.savedFilters.all().then((stored) => {
      if (live) setPresets(stored);
    });
    return () => {
      live = false;
    };
  }, [core]);

  const store = async (change: () => Promise<SavedFilter[]>) => {
    const stored = await storing.run(change, {
      failed: (reason) => t('planner.plan.itemFailed', { reason }),
    });
    if (stored.ok) setPresets(stored.value);
    return stored.ok;
  };

  return (
    <Paper withBorder radius="md" p="sm" data-testid="filter-presets">
      <Text size="sm" fw={600}>
        {t('planner.targets.presets')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('planner.targets.presetsHint')}
      </Text>
      {presets.length === 0 ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t('planner.targets.noPresets')}
        </Text>
      ) : (
        <Group gap={6} mb="xs">
          {presets.map((preset) => (
            <Group key={preset.id} gap={0} wrap="nowrap">
              <Tooltip label={t('planner.targets.applyPreset', { name: preset.name })} withArrow>
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconBookmark size={14} aria-hidden />}
                  onClick={() => onApply(preset.filter)}
                  data-testid="filter-preset"
                >
                  {preset.name}
                </Button>
              </Tooltip>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('planner.targets.deletePreset', { name: preset.name })}
                onClick={() => void store(() => core.savedFilters.remove(preset.id))}
              >
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Group>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim() || isEmptyFilter(filter)) return;
          void store(() => core.savedFilters.add(name, filter)).then(
            (saved) => saved && setName(''),
          );
        }}
      >
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            aria-label={t('planner.targets.presetName')}
            placeholder={t('planner.targets.presetName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            dir="auto"
            data-testid="filter-preset-name"
          />
          <Button
            type="submit"
            size="xs"
            variant="default"
            disabled={!name.trim() || isEmptyFilter(filter)}
            data-testid="filter-preset-save"
          >
            {t('planner.targets.savePreset')}
          </Button>
        </Group>
      </form>
      {storing.outcome ? (
        <Text size="xs" c="red" mt={4}>
          {storing.outcome.message}
        </Text>
      ) : null}
    </Paper>
  );
}
