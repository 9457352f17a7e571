import { Button, Group, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CoalitionError } from '@core/db/repositories/coalitions';
import type { CoalitionTransportInput } from '@core/domain/coalition';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { fieldProblem } from '@renderer/lib/reason-of';
import { useAction } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { SubsectionForm } from '@renderer/ui/SubsectionForm';

const EMPTY_SERVER = { url: '', database: '', username: '', password: '' };

/** Name, and a server (URL, database, this member's account) or files only. */
export function CreateCoalitionForm() {
  const { t } = useTranslation();
  const core = useDataCore();
  const creating = useAction();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'server' | 'files'>('server');
  const [server, setServer] = useState(EMPTY_SERVER);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (creating.busy) return;
    setErrors({});
    const transport: CoalitionTransportInput =
      kind === 'server' ? { kind, ...server, url: server.url.trim() } : { kind };
    const created = await creating.run(() => core.coalitions.createCoalition(name, transport), {
      done: (coalition) => t('coalitions.form.created', { name: coalition.name }),
      failed: (reason) => t('coalitions.form.failed', { reason }),
    });
    if (!created.ok) {
      if (created.error instanceof CoalitionError) {
        setErrors(
          Object.fromEntries(created.error.fields.map((f) => [f.field, fieldProblem(f.code)])),
        );
      }
      return;
    }
    setName('');
    setServer(EMPTY_SERVER);
  }

  const serverField = (field: keyof typeof EMPTY_SERVER) => ({
    value: server[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setServer((current) => ({ ...current, [field]: value }));
    },
    error: errors[`transport.${field}`],
    autoComplete: 'off',
    'data-testid': `coalition-${field}`,
  });

  return (
    <SubsectionForm title={t('coalitions.create')} onSubmit={submit} testId="coalition-create">
      <TextInput
        label={t('coalitions.form.name')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={errors['name']}
        autoComplete="off"
        dir="auto"
        data-testid="coalition-name"
      />
      <Radio.Group
        label={t('coalitions.form.transport')}
        value={kind}
        onChange={(value) => setKind(value === 'files' ? 'files' : 'server')}
      >
        <Stack gap={6} mt={4}>
          <Radio
            value="server"
            label={t('coalitions.form.server')}
            data-testid="coalition-kind-server"
          />
          <Radio
            value="files"
            label={t('coalitions.form.files')}
            description={t('coalitions.form.filesHint')}
            data-testid="coalition-kind-files"
          />
        </Stack>
      </Radio.Group>
      {kind === 'server' && (
        <>
          <TextInput
            label={t('coalitions.form.url')}
            description={t('coalitions.form.urlHint')}
            placeholder="https://couch.example.org"
            dir="ltr"
            {...serverField('url')}
          />
          <TextInput
            label={t('coalitions.form.database')}
            description={t('coalitions.form.databaseHint')}
            dir="ltr"
            {...serverField('database')}
          />
          <TextInput label={t('coalitions.form.username')} dir="ltr" {...serverField('username')} />
          <PasswordInput
            label={t('coalitions.form.password')}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
            {...serverField('password')}
          />
        </>
      )}
      <OutcomeNotice outcome={creating.outcome} testId="coalition-create-outcome" />
      <Group>
        <Button type="submit" loading={creating.busy} data-testid="coalition-create-submit">
          {t('coalitions.form.submit')}
        </Button>
      </Group>
    </SubsectionForm>
  );
}
