import {
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactName } from '@core/domain/contact';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { useAction } from '@renderer/lib/use-action';
import { useFormatters } from '@renderer/lib/use-formatters';
import { Notice } from '@renderer/ui/Notice';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { hasCodeNamed, hasNotes, shareCounts } from './share-summary';

interface ShareCampaignDialogProps {
  campaignId: string;
  campaignName: string;
  opened: boolean;
  onClose(): void;
}

/** "Share with coalition…": which coalitions, which templates besides, and what that sends. */
export function ShareCampaignDialog(props: ShareCampaignDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('coalitions.share.title', { name: props.campaignName })}
      size="lg"
    >
      {props.opened && <ShareForm {...props} />}
    </Modal>
  );
}

function ShareForm({ campaignId, onClose }: ShareCampaignDialogProps) {
  const { t } = useTranslation();
  const core = useDataCore();
  const format = useFormatters();
  const saving = useAction();
  const coalitions = useStoreQuery(['coalitions'], (open) => open.coalitions.listCoalitions());
  const templates = useStoreQuery(['templates'], (open) =>
    open.templates.all().map((template) => ({ value: template.id, label: template.name })),
  );
  const sharedNow = coalitions.filter((c) =>
    c.sharedCampaigns.some((s) => s.campaignId === campaignId),
  );
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(sharedNow.map((c) => c.id)));
  const [templateIds, setTemplateIds] = useState<string[]>(
    () => sharedNow[0]?.sharedCampaigns.find((s) => s.campaignId === campaignId)?.templateIds ?? [],
  );
  const share = useStoreQuery(
    ['campaigns', 'contacts', 'organizations', 'targets', 'interactions', 'templates', 'letters'],
    (open) => (open.campaigns.get(campaignId) ? open.coalitions.shareOf(campaignId) : null),
  );
  const withTemplates = useMemo(
    () => share && core.coalitions.shareOf(campaignId, { templateIds }),
    [share, core, campaignId, templateIds],
  );
  const missing = useStoreQuery(['contacts'], (open) =>
    (share?.missingCodeNames ?? []).flatMap((id) => {
      const contact = open.contacts.get(id);
      return contact ? [{ id, name: contactName(contact) }] : [];
    }),
  );

  if (coalitions.length === 0) {
    return (
      <Stack gap="sm" data-testid="share-no-coalitions">
        <Text size="sm">{t('coalitions.share.noCoalitions')}</Text>
        <Anchor component={Link} to="/settings" size="sm" onClick={onClose}>
          {t('coalitions.share.goToSettings')}
        </Anchor>
      </Stack>
    );
  }
  if (!withTemplates) return null;

  const blocked = missing.length > 0 && chosen.size > 0;
  const save = () =>
    void saving.run(
      async () => {
        for (const coalition of coalitions) {
          const want = chosen.has(coalition.id);
          const has = sharedNow.some((c) => c.id === coalition.id);
          if (want || has)
            await core.coalitions.setCampaignShared(coalition.id, campaignId, want, templateIds);
        }
      },
      {
        done: () => t('coalitions.share.saved'),
        failed: (reason) => t('coalitions.share.failed', { reason }),
      },
    );

  return (
    <Stack gap="md" data-testid="share-campaign">
      <Checkbox.Group
        label={t('coalitions.share.sharedWith')}
        value={[...chosen]}
        onChange={(values) => setChosen(new Set(values))}
      >
        <Stack gap={6} mt={6}>
          {coalitions.map((coalition) => (
            <Checkbox
              key={coalition.id}
              value={coalition.id}
              label={coalition.name}
              data-testid="share-coalition"
              data-name={coalition.name}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {templates.length > 0 && (
        <MultiSelect
          label={t('coalitions.share.templates')}
          data={templates}
          value={templateIds}
          onChange={setTemplateIds}
          searchable
          clearable
          autoComplete="off"
          data-testid="share-templates"
        />
      )}
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('coalitions.share.whatTitle')}
        </Title>
        <Table withRowBorders={false} verticalSpacing={2} w="auto" data-testid="share-counts">
          <Table.Tbody>
            {shareCounts(withTemplates).map(({ kind, count }) => (
              <Table.Tr key={kind} data-kind={kind}>
                <Table.Td>
                  <Text size="sm">{t(`coalitions.share.kinds.${kind}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} data-testid={`share-count-${kind}`}>
                    {format.number(count)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {hasCodeNamed(withTemplates) && (
          <Text size="sm" c="dimmed">
            {t('coalitions.share.codeNamed')}
          </Text>
        )}
        {withTemplates.withheldSensitive > 0 && (
          <Text size="sm" data-testid="share-withheld">
            {t('coalitions.share.withheld', {
              number: format.number(withTemplates.withheldSensitive),
            })}
          </Text>
        )}
      </Stack>
      {hasNotes(withTemplates) && (
        <Notice tone="warning" data-testid="share-notes-warning">
          {t('coalitions.share.notesWarning')}
        </Notice>
      )}
      {missing.length > 0 && (
        <Notice tone="danger" data-testid="share-missing-code-names">
          <Text size="sm">{t('coalitions.share.missingTitle')}</Text>
          <List size="sm" mt={4}>
            {missing.map((contact) => (
              <List.Item key={contact.id}>
                <Group gap="xs">
                  <Text size="sm" dir="auto">
                    {contact.name}
                  </Text>
                  <Anchor
                    component={Link}
                    to={`/contacts/${contact.id}/edit`}
                    size="sm"
                    onClick={onClose}
                    data-testid="share-set-code-name"
                  >
                    {t('coalitions.share.setCodeName')}
                  </Anchor>
                </Group>
              </List.Item>
            ))}
          </List>
        </Notice>
      )}
      <OutcomeNotice outcome={saving.outcome} testId="share-outcome" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('coalitions.share.close')}
        </Button>
        <Button onClick={save} loading={saving.busy} disabled={blocked} data-testid="share-submit">
          {t('coalitions.share.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
