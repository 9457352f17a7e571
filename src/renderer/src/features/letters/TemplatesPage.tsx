import { Anchor, Button, Group, Menu, Paper, Table, Text } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { STARTER_TEMPLATES } from '@core/letters';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { formatNumber } from '@renderer/lib/format-number';
import { PageHeader } from '@renderer/ui/PageHeader';
import { GenerateLettersButton } from './generate/GenerateLettersButton';
import { formattingLocale } from '@shared/i18n/languages';

export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const navigate = useNavigate();
  const templates = useStoreQuery(['templates'], (c) =>
    c.templates.all().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  );
  const date = new Intl.DateTimeFormat(formattingLocale(i18n.language), { dateStyle: 'medium' });
  const language = (tag: string) =>
    t(`writer.editor.languages.${tag.startsWith('ar') ? 'ar' : 'en'}`);
  const fromStarter = async (index: number) => {
    const starter = STARTER_TEMPLATES[index];
    if (!starter) return;
    const created = await core.templates.create(starter.template);
    void navigate(`/templates/${created.id}`);
  };
  return (
    <>
      <PageHeader title={t('writer.templates.title')} description={t('writer.templates.intro')} />
      <Group mb="md" gap="xs">
        <Button
          component={Link}
          to="/templates/new"
          leftSection={<IconPlus size={16} />}
          data-testid="template-new"
        >
          {t('writer.templates.newBlank')}
        </Button>
        <Menu position="bottom-start">
          <Menu.Target>
            <Button
              variant="default"
              rightSection={<IconChevronDown size={14} />}
              data-testid="template-starter"
            >
              {t('writer.templates.newFromStarter')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {STARTER_TEMPLATES.map((s, i) => (
              <Menu.Item
                key={`${s.key}-${s.template.language}`}
                onClick={() => void fromStarter(i)}
                data-testid={`starter-${s.key}-${s.template.language}`}
              >
                {t('writer.templates.starterIn', {
                  name: t(`writer.templates.starters.${s.key}`),
                  language: language(s.template.language),
                })}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <GenerateLettersButton variant="light" />
      </Group>
      {templates.length === 0 ? (
        <Text c="dimmed" data-testid="templates-empty">
          {t('writer.templates.empty')}
        </Text>
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="templates-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('writer.templates.name')}</Table.Th>
                  <Table.Th>{t('writer.templates.language')}</Table.Th>
                  <Table.Th>{t('writer.templates.versionColumn')}</Table.Th>
                  <Table.Th>{t('writer.templates.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.map((tp) => (
                  <Table.Tr key={tp.id}>
                    <Table.Td dir="auto">
                      <Anchor
                        component={Link}
                        to={`/templates/${tp.id}`}
                        data-testid="template-link"
                      >
                        {tp.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{language(tp.language)}</Table.Td>
                    <Table.Td>{formatNumber(tp.version, i18n.language)}</Table.Td>
                    <Table.Td>{date.format(new Date(tp.updatedAt))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
