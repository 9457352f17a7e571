/** "Add legislators from the bundled directory": filter, pick, add or update as contacts. */
import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import {
  directoryFacets,
  filterLegislators,
  isUsStateCode,
  legislatorExternalId,
  legislatorToContact,
  type Legislator,
  type LegislatorFilter,
} from '@core/directory';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { useAction } from '@renderer/lib/use-action';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { DirectoryFilters } from './DirectoryFilters';
import { LegislatorList } from './LegislatorList';
import { useLegislators } from './use-legislators';
import { useFormatters } from '@renderer/lib/use-formatters';
import { US_CONGRESS_SNAPSHOT } from '@core/directory';

export function DirectoryDialog(props: { opened: boolean; onClose(): void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('directory.directory.dialogTitle')}
      size="xl"
      data-testid="directory-dialog"
    >
      {props.opened && <DirectoryBody onClose={props.onClose} />}
    </Modal>
  );
}

function DirectoryBody({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const state = useLegislators();
  return (
    <Stack gap="md">
      <Alert
        variant="light"
        color="blue"
        icon={<IconInfoCircle aria-hidden />}
        data-testid="directory-snapshot"
      >
        <Text size="sm" fw={600}>
          {t('directory.directory.snapshot', { date: format.day(US_CONGRESS_SNAPSHOT.date) })}
        </Text>
        <Text size="xs" mt={4}>
          {t('directory.directory.snapshotHint')}
        </Text>
      </Alert>
      {state.status === 'loading' && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">{t('directory.directory.loading')}</Text>
        </Group>
      )}
      {state.status === 'failed' && (
        <Notice tone="danger" data-testid="directory-load-failed">
          {t('directory.directory.loadFailed', { reason: state.reason })}
        </Notice>
      )}
      {state.status === 'ready' && (
        <DirectoryPicker legislators={state.legislators} onClose={onClose} />
      )}
    </Stack>
  );
}

function DirectoryPicker({ legislators, onClose }: { legislators: Legislator[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const count = (n: number) => formatNumber(n, i18n.language);
  const facets = useMemo(() => directoryFacets(legislators), [legislators]);
  const [filter, setFilter] = useState<LegislatorFilter>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const saving = useAction();
  const shown = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const stateName = (code: string) =>
      isUsStateCode(code) ? t(`directory.states.${code}`) : code;
    // Chamber, then state by its name in the UI language, then district and family name.
    return filterLegislators(legislators, filter).sort(
      (a, b) =>
        b.chamber.localeCompare(a.chamber) ||
        collator.compare(stateName(a.state), stateName(b.state)) ||
        (a.district ?? 0) - (b.district ?? 0) ||
        collator.compare(a.last, b.last),
    );
  }, [legislators, filter, i18n.language, t]);
  const externalIds = useStoreQuery(
    ['contacts'],
    (c) => new Set(c.contacts.all().map((contact) => contact.externalId)),
  );
  const inContacts = useMemo(
    () =>
      new Set(
        legislators.filter((l) => externalIds.has(legislatorExternalId(l))).map((l) => l.bioguide),
      ),
    [legislators, externalIds],
  );
  const chosen = shown.filter((l) => selected.has(l.bioguide));
  const allChosen = shown.length > 0 && chosen.length === shown.length;
  const shownInContacts = shown.filter((l) => inContacts.has(l.bioguide)).length;

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const toggleAll = () =>
    setSelected(allChosen ? new Set() : new Set(shown.map((l) => l.bioguide)));

  const add = async () => {
    const added = await saving.run(
      () => core.contacts.upsertByExternalId(chosen.map(legislatorToContact)),
      {
        done: (result) =>
          t('directory.directory.added', {
            added: count(result.created),
            updated: count(result.updated),
            unchanged: count(result.unchanged),
          }),
        failed: (reason) => t('directory.directory.addFailed', { reason }),
      },
    );
    if (added.ok) setSelected(new Set());
  };

  return (
    <Stack gap="sm">
      <DirectoryFilters facets={facets} filter={filter} onChange={setFilter} />
      <Group justify="space-between" gap="xs">
        <Checkbox
          label={t('directory.directory.selectAll')}
          checked={allChosen}
          indeterminate={chosen.length > 0 && !allChosen}
          onChange={toggleAll}
          disabled={shown.length === 0}
          data-testid="directory-select-all"
        />
        <Text size="sm" c="dimmed" data-testid="directory-matching">
          {t('directory.directory.matching', { n: count(shown.length) })}
          {shownInContacts > 0 &&
            ` · ${t('directory.directory.inContactsCount', { n: count(shownInContacts) })}`}
        </Text>
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="directory-no-match">
          {t('directory.directory.noMatch')}
        </Text>
      ) : (
        <LegislatorList
          legislators={shown}
          selected={selected}
          inContacts={inContacts}
          onToggle={toggle}
        />
      )}
      <OutcomeNotice outcome={saving.outcome} testId="directory-outcome" />
      <Text size="xs" c="dimmed">
        {t('directory.directory.addHint')}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('directory.directory.close')}
        </Button>
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          onClick={() => void add()}
          disabled={chosen.length === 0}
          loading={saving.busy}
          data-testid="directory-add"
        >
          {t('directory.directory.add', { n: count(chosen.length), count: chosen.length })}
        </Button>
      </Group>
    </Stack>
  );
}
