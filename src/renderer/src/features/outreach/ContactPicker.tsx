import { Select, type SelectProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactName, type Contact } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';

const SEARCHED = ['contacts', 'organizations'] as const;
const SHOWN = 20;

export interface ContactPickerProps extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'
> {
  value: string | undefined;
  onChange(contactId: string | undefined): void;
  /** Offered before anything is typed, e.g. the campaign's targets. */
  suggestions?: readonly string[];
}

/** Name and title each in Unicode isolates: a select's option is text, where <bdi> cannot go. */
const isolate = (text: string) => `\u2068${text}\u2069`;

function optionLabel(contact: Contact): string {
  const name = isolate(contactName(contact));
  return contact.title ? `${name} · ${isolate(contact.title)}` : name;
}

/** Picks one contact with the Arabic-aware search (spelling variants, typos, prefixes). */
export function ContactPicker({ value, onChange, suggestions, ...props }: ContactPickerProps) {
  const { t } = useTranslation();
  const core = useDataCore();
  const version = useStoreVersion(SEARCHED);
  const [search, setSearch] = useState('');
  const selected = value ? core.contacts.get(value) : undefined;
  const selectedLabel = selected ? optionLabel(selected) : '';

  const data = useMemo(() => {
    const query = search.trim();
    const contacts =
      query && query !== selectedLabel
        ? core.search.search(query, { limit: SHOWN }).map((hit) => hit.contact)
        : (suggestions ?? [])
            .slice(0, SHOWN)
            .map((id) => core.contacts.get(id))
            .filter((contact): contact is Contact => Boolean(contact));
    if (selected && !contacts.some((contact) => contact.id === selected.id)) {
      contacts.unshift(selected);
    }
    return contacts.map((contact) => ({ value: contact.id, label: optionLabel(contact) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
  }, [core, version, search, selected, selectedLabel, suggestions]);

  return (
    <Select
      searchable
      clearable
      leftSection={<IconSearch size={16} aria-hidden />}
      nothingFoundMessage={search.trim() ? t('planner.outreach.noContactFound') : undefined}
      {...props}
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchValue={search}
      onSearchChange={setSearch}
      // The search already ranked and filtered the options.
      filter={({ options }) => options}
      selectFirstOptionOnChange
      dir="auto"
    />
  );
}
