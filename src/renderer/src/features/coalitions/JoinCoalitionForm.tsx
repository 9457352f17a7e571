import { Button, FileInput, Group, PasswordInput, Textarea } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITATION_EXTENSION } from '@core/coalition/invitation';
import { appArgon2id } from '@renderer/app/session/argon2id';
import { useCoalitionSyncClient } from '@renderer/app/coalition-sync/use-coalition-sync';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useAction } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { SubsectionForm } from '@renderer/ui/SubsectionForm';

/** Paste an invitation's text or open its file, type its one-time passphrase, join. */
export function JoinCoalitionForm() {
  const { t } = useTranslation();
  const core = useDataCore();
  const joining = useAction();
  const sync = useCoalitionSyncClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (joining.busy) return;
    if ((!text.trim() && !file) || !passphrase.trim()) {
      joining.show({ ok: false, message: t('coalitions.joinForm.missing') });
      return;
    }
    // An invitation made after a member was removed updates the coalition it replaces.
    const known = new Set(core.coalitions.listCoalitions().map((coalition) => coalition.id));
    sync?.prepare();
    const joined = await joining.run(
      async () => {
        const invitation = text.trim() ? text : await (file as File).text();
        return core.coalitions.joinCoalition(invitation, passphrase, appArgon2id);
      },
      {
        done: (coalition) =>
          t(
            known.has(coalition.id) ? 'coalitions.joinForm.updated' : 'coalitions.joinForm.joined',
            {
              name: coalition.name,
            },
          ),
        failed: (reason) => t('coalitions.joinForm.failed', { reason }),
      },
    );
    if (!joined.ok) {
      sync?.unprepare();
      return;
    }
    setText('');
    setFile(null);
    setPassphrase('');
  }

  return (
    <SubsectionForm
      title={t('coalitions.joinForm.title')}
      onSubmit={submit}
      testId="coalition-join"
    >
      <Textarea
        label={t('coalitions.joinForm.text')}
        placeholder={t('coalitions.joinForm.textPlaceholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        // Fixed rows: autosize measures the text again (a forced layout) on every render,
        // and the join's render, with the new coalition's card, fell in the receive's first task.
        rows={6}
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        data-testid="coalition-join-text"
      />
      <FileInput
        label={t('coalitions.joinForm.file')}
        value={file}
        onChange={setFile}
        accept={`.${INVITATION_EXTENSION},application/json,text/plain`}
        leftSection={<IconFileUpload size={16} aria-hidden />}
        clearable
        data-testid="coalition-join-file"
      />
      <PasswordInput
        label={t('coalitions.joinForm.passphrase')}
        value={passphrase}
        onChange={(event) => setPassphrase(event.currentTarget.value)}
        autoComplete="off"
        dir="ltr"
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
        data-testid="coalition-join-passphrase"
      />
      <OutcomeNotice outcome={joining.outcome} testId="coalition-join-outcome" />
      <Group>
        <Button type="submit" loading={joining.busy} data-testid="coalition-join-submit">
          {t('coalitions.joinForm.submit')}
        </Button>
      </Group>
    </SubsectionForm>
  );
}
