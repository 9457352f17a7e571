import { Autocomplete, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';
import { useFilterOptions } from '../list/use-contact-rows';
import { useAction } from '@renderer/lib/use-action';

export interface BulkTagDialogProps {
  mode: 'tag' | 'untag' | null;
  ids: ReadonlySet<string>;
  onClose(): void;
  onDone(message: string): void;
}

/** Adds one tag to, or removes one from, every selected contact (one commit). */
export function BulkTagDialog({ mode, ids, onClose, onDone }: BulkTagDialogProps) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const { tags: allTags } = useFilterOptions();
  const [tag, setTag] = useState('');
  const { run, busy, outcome, clear } = useAction();
  const selectedTags = useMemo(() => {
    if (mode !== 'untag') return [];
    const found = new Set<string>();
    for (const id of ids) for (const value of core.contacts.get(id)?.tags ?? []) found.add(value);
    return [...found].sort();
  }, [mode, ids, core]);

  const close = () => {
    setTag('');
    clear();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = tag.trim();
    if (!value || !mode) return;
    const list = [...ids];
    const changed = await run(
      () =>
        mode === 'tag' ? core.contacts.tagMany(list, value) : core.contacts.untagMany(list, value),
      { failed: (reason) => t('contactBook.bulk.failed', { reason }) },
    );
    if (!changed.ok) return;
    const n = formatNumber(changed.value, i18n.language);
    onDone(
      t(mode === 'tag' ? 'contactBook.bulk.tagged' : 'contactBook.bulk.untagged', {
        tag: value,
        n,
        count: changed.value,
      }),
    );
    close();
  };

  return (
    <Modal
      opened={mode !== null}
      onClose={close}
      title={t(mode === 'untag' ? 'contactBook.bulk.untagTitle' : 'contactBook.bulk.tagTitle')}
    >
      <form onSubmit={submit}>
        <Stack>
          {mode === 'tag' && (
            <Autocomplete
              label={t('contactBook.bulk.tagLabel')}
              placeholder={t('contactBook.bulk.tagPlaceholder')}
              data={allTags.map((option) => option.value)}
              value={tag}
              onChange={setTag}
              maxLength={60}
              data-autofocus
              dir="auto"
              data-testid="bulk-tag-input"
            />
          )}
          {mode === 'untag' &&
            (selectedTags.length ? (
              <Select
                label={t('contactBook.bulk.tagLabel')}
                data={selectedTags}
                value={tag || null}
                onChange={(value) => setTag(value ?? '')}
                searchable
                data-testid="bulk-untag-select"
              />
            ) : (
              <Text c="dimmed">{t('contactBook.bulk.untagNone')}</Text>
            ))}
          {outcome && (
            <Notice tone="danger" data-testid="bulk-error">
              {outcome.message}
            </Notice>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('contactBook.form.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!tag.trim()} data-testid="bulk-apply">
              {t(mode === 'untag' ? 'contactBook.bulk.untagApply' : 'contactBook.bulk.tagApply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
