import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { reviseTemplate, type Template } from '@core/domain/template';
import { validateTemplate } from '@core/letters';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreVersion } from '@renderer/app/data/use-store-query';
import { formatNumber } from '@renderer/lib/format-number';
import { useAction } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { PageHeader } from '@renderer/ui/PageHeader';
import { GenerateLettersButton } from '../generate/GenerateLettersButton';
import { LetterPreview } from '../preview/LetterPreview';
import { BodyEditor } from './BodyEditor';
import { FieldPicker } from './FieldPicker';
import { TemplateHistory } from './TemplateHistory';
import { TemplateProblems } from './TemplateProblems';
import { focusBlock, useBodyEditor } from './use-body-editor';
import { draftTemplate, useTemplateDraft } from './use-template-draft';
import classes from './BodyEditor.module.css';

/** `/templates/new` and `/templates/:templateId`. */
export function TemplateEditorPage() {
  const { templateId } = useParams();
  const { t } = useTranslation();
  const core = useDataCore();
  const version = useStoreVersion(['templates']);
  // The same page shows /templates/new and then the saved template: the id is a dependency.
  const template = useMemo(
    () => (templateId ? core.templates.get(templateId) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the records
    [core, templateId, version],
  );
  if (templateId && !template)
    return (
      <Text c="dimmed" data-testid="template-not-found">
        {t('writer.editor.notFound')}
      </Text>
    );
  return <TemplateEditor key={templateId ?? 'new'} template={template} />;
}

function TemplateEditor({ template }: { template: Template | undefined }) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const navigate = useNavigate();
  const { draft, update, dirty, setDirty } = useTemplateDraft(template, i18n.language);
  const saving = useAction();
  const editor = useBodyEditor(draft.body, (body) => update({ body }));
  const letterTemplate = useMemo(() => draftTemplate(draft), [draft]);
  const [checked] = useDebouncedValue(letterTemplate, 300);
  const problems = useMemo(() => validateTemplate(checked), [checked]);
  const rtl = draft.language === 'ar';
  const n = (v: number) => formatNumber(v, i18n.language);

  const save = async () => {
    const { language, direction, subject, body, closing, signature } = draftTemplate(draft);
    const name = draft.name.trim() || t('writer.editor.newTitle');
    const failed = (message: string) => t('writer.editor.saveFailed', { message });
    if (!template) {
      const created = await saving.run(
        () =>
          core.templates.create({
            name,
            kind: 'letter',
            language,
            direction,
            subject,
            body,
            closing,
            signature,
          }),
        { failed },
      );
      if (!created.ok) return;
      setDirty(false);
      void navigate(`/templates/${created.value.id}`, { replace: true });
      return;
    }
    const updated = await saving.run(
      async () => {
        const revision = reviseTemplate(template, { subject, body, closing, signature });
        const saved = await core.templates.update(template.id, {
          name,
          language,
          direction,
          ...revision,
        });
        return { revised: Boolean(revision.version), version: saved.version };
      },
      {
        done: ({ revised, version }) =>
          revised
            ? t('writer.editor.saved', { version: n(version) })
            : t('writer.editor.unchanged'),
        failed,
      },
    );
    if (updated.ok) setDirty(false);
  };

  const textDir = rtl ? 'rtl' : 'ltr';
  const insertInto = (key: 'subject' | 'closing' | 'signature') => (field: string) =>
    update({ [key]: `${draft[key]}{{ ${field} }}` });
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/templates" size="sm">
        {t('writer.editor.back')}
      </Anchor>
      <PageHeader title={template?.name ?? t('writer.editor.newTitle')} />
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          {template ? (
            <Badge variant="light" data-testid="template-version">
              {t('writer.editor.version', { version: n(template.version) })}
            </Badge>
          ) : null}
          {dirty ? (
            <Badge color="orange" variant="light">
              {t('writer.editor.unsaved')}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          {template ? <GenerateLettersButton templateId={template.id} variant="default" /> : null}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            loading={saving.busy}
            onClick={() => void save()}
            data-testid="template-save"
          >
            {t('writer.editor.save')}
          </Button>
        </Group>
      </Group>
      <OutcomeNotice outcome={saving.outcome} testId="template-outcome" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm">
            <Group grow align="end">
              <TextInput
                label={t('writer.editor.name')}
                value={draft.name}
                onChange={(e) => update({ name: e.currentTarget.value })}
                dir="auto"
                data-testid="template-name"
              />
              <Select
                label={t('writer.editor.language')}
                data={(['en', 'ar'] as const).map((value) => ({
                  value,
                  label: t(`writer.editor.languages.${value}`),
                }))}
                value={draft.language}
                allowDeselect={false}
                onChange={(value) => value && update({ language: value as 'en' | 'ar' })}
                data-testid="template-language"
              />
            </Group>
            <Group align="end" gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('writer.editor.subject')}
                value={draft.subject}
                onChange={(e) => update({ subject: e.currentTarget.value })}
                dir={textDir}
                data-testid="template-subject"
              />
              <FieldPicker testId="subject-field-picker" onPick={insertInto('subject')} />
            </Group>
            <Text size="sm" fw={500}>
              {t('writer.editor.body')}
            </Text>
            <BodyEditor editor={editor} rtl={rtl} label={t('writer.editor.body')} />
            <TemplateProblems
              problems={problems}
              onShowBlock={(block) => editor && focusBlock(editor, block)}
            />
            <Group align="end" gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('writer.editor.closing')}
                value={draft.closing}
                onChange={(e) => update({ closing: e.currentTarget.value })}
                dir={textDir}
                data-testid="template-closing"
              />
              <FieldPicker testId="closing-field-picker" onPick={insertInto('closing')} />
            </Group>
            <Textarea
              label={t('writer.editor.signature')}
              description={t('writer.editor.signatureHint')}
              value={draft.signature}
              autosize
              minRows={3}
              onChange={(e) => update({ signature: e.currentTarget.value })}
              dir={textDir}
              classNames={{ input: classes['linesOwnDirection'] }}
              styles={{ input: { textAlign: rtl ? 'right' : 'left' } }}
              data-testid="template-signature"
            />
            {template ? <TemplateHistory template={template} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <LetterPreview template={letterTemplate} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
