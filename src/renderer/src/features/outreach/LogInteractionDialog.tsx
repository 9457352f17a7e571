import {
  Button,
  Group,
  Kbd,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, DateTimePicker } from '@mantine/dates';
import { IconCalendarEvent } from '@tabler/icons-react';
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type JSX,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, INTERACTION_KINDS, type Interaction } from '@core/domain/interaction';
import { ValidationError } from '@core/domain/validation';
import { addDays } from '@core/planner';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { Notice } from '@renderer/ui/Notice';
import { ContactPicker } from './ContactPicker';
import { announceLogged, dismissLogged, useLastLogged } from './last-logged';
import { LoggedNotice } from './LoggedNotice';
import { instantFromLocal, localDateTime, today } from '@renderer/lib/local-time';
import { PlannerDates } from './PlannerDates';
import { digitIndex, isTextEntry } from '@renderer/lib/keyboard';
import { useAction } from '@renderer/lib/use-action';

export interface LogInteractionDialogProps {
  opened: boolean;
  onClose(): void;
  /** Preselects the contact (e.g. from a contact's page or a target's row). */
  contactId?: string;
  /** Preselects the campaign; its targets are offered first in the contact picker. */
  campaignId?: string;
}

/**
 * Logs a call, meeting, email, letter, event or social post, outgoing or a response; once
 * saved, the dialog closes and a notice says what was logged, for whom, and the follow-up.
 */
export function LogInteractionDialog(props: LogInteractionDialogProps): JSX.Element {
  const { t } = useTranslation();
  const dialogId = useId();
  const lastLogged = useLastLogged();
  useEffect(() => {
    if (props.opened) dismissLogged();
  }, [props.opened]);
  return (
    <>
      <Modal
        opened={props.opened}
        onClose={props.onClose}
        title={t('planner.outreach.dialogTitle')}
        size="xl"
      >
        {props.opened ? (
          <PlannerDates>
            <LogInteractionForm
              {...props}
              onLogged={(interaction) => announceLogged(dialogId, interaction)}
            />
          </PlannerDates>
        ) : null}
      </Modal>
      {lastLogged?.by === dialogId ? (
        <LoggedNotice interaction={lastLogged.interaction} onClose={dismissLogged} />
      ) : null}
    </>
  );
}

type Kind = (typeof INTERACTION_KINDS)[number];
type Direction = (typeof DIRECTIONS)[number];
type Field = 'contactId' | 'occurredAt' | 'outcome' | 'notes' | 'followUpDate';

function LogInteractionForm({
  onClose,
  onLogged,
  contactId: presetContact,
  campaignId,
}: LogInteractionDialogProps & { onLogged(interaction: Interaction): void }) {
  const { t } = useTranslation();
  const core = useDataCore();
  const campaigns = useStoreQuery(['campaigns'], (c) =>
    c.campaigns
      .all()
      .filter((campaign) => campaign.status !== 'archived' || campaign.id === campaignId)
      .map((campaign) => ({ value: campaign.id, label: campaign.name })),
  );
  const [kind, setKind] = useState<Kind>('call');
  const [direction, setDirection] = useState<Direction>('outgoing');
  const [contactId, setContactId] = useState(presetContact);
  const [campaign, setCampaign] = useState(campaignId);
  const [occurredAt, setOccurredAt] = useState(() => localDateTime());
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const [followUpDate, setFollowUpDate] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const saving = useAction();
  const formRef = useRef<HTMLFormElement>(null);

  const targetContacts = useStoreQuery(['targets'], (c) =>
    campaign ? c.targets.forCampaign(campaign).map((target) => target.contactId) : [],
  );
  const contact = contactId ? core.contacts.get(contactId) : undefined;
  const day = today();
  const quickPicks = useMemo(
    () => [
      { label: t('planner.outreach.tomorrow'), value: addDays(day, 1), key: 'tomorrow' },
      { label: t('planner.outreach.inThreeDays'), value: addDays(day, 3), key: 'in-3-days' },
      { label: t('planner.outreach.nextWeek'), value: addDays(day, 7), key: 'next-week' },
    ],
    [t, day],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const index = digitIndex(event.nativeEvent.code);
    if (index !== undefined && !event.ctrlKey && !event.metaKey) {
      const chosen = INTERACTION_KINDS[index];
      if (chosen && (event.altKey || !isTextEntry(event.target))) {
        event.preventDefault();
        setKind(chosen);
      }
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!contactId) found.contactId = t('planner.outreach.contactRequired');
    const instant = instantFromLocal(occurredAt);
    if (!instant) found.occurredAt = t('planner.outreach.occurredAtRequired');
    setErrors(found);
    if (!contactId || !instant) return;
    const created = await saving.run(
      () =>
        core.interactions.create({
          contactId,
          campaignId: campaign,
          kind,
          direction,
          occurredAt: instant,
          outcome,
          notes,
          followUpDate: followUpDate ?? undefined,
        }),
      {
        failed: (reason, error) => {
          if (!(error instanceof ValidationError)) {
            return t('planner.outreach.saveFailed', { reason });
          }
          const byField: Partial<Record<Field, string>> = {};
          for (const problem of error.fieldErrors) {
            const field = problem.field.split('.')[0] as Field;
            byField[field] = problem.message;
          }
          setErrors(byField);
          return t('planner.plan.invalid');
        },
      },
    );
    if (!created.ok) return;
    onLogged(created.value);
    onClose();
  };

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
      noValidate
      data-testid="log-interaction-form"
    >
      <Stack gap="sm">
        <div>
          <SegmentedControl
            fullWidth
            size="sm"
            value={kind}
            onChange={(value) => setKind(value as Kind)}
            aria-label={t('planner.outreach.kind')}
            data-testid="log-kind"
            data={INTERACTION_KINDS.map((value, index) => ({
              value,
              label: (
                <Group gap={6} justify="center" wrap="nowrap" data-testid={`log-kind-${value}`}>
                  <Kbd size="xs">{index + 1}</Kbd>
                  <span>{t(`planner.interactionKinds.${value}`)}</span>
                </Group>
              ),
            }))}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('planner.outreach.kindHint')}
          </Text>
        </div>
        <Group grow align="flex-start">
          <ContactPicker
            label={t('planner.outreach.contact')}
            placeholder={t('planner.outreach.contactPlaceholder')}
            value={contactId}
            onChange={(id) => {
              setContactId(id);
              setErrors((current) => ({ ...current, contactId: undefined }));
            }}
            suggestions={targetContacts}
            error={errors.contactId}
            withAsterisk
            data-autofocus={presetContact ? undefined : true}
            data-testid="log-contact"
          />
          <Select
            label={t('planner.outreach.campaign')}
            placeholder={t('planner.outreach.noCampaign')}
            data={campaigns}
            value={campaign ?? null}
            onChange={(value) => setCampaign(value ?? undefined)}
            clearable
            searchable
            data-testid="log-campaign"
          />
        </Group>
        {contact?.doNotContact ? (
          <Notice tone="warning">{t('planner.outreach.doNotContact')}</Notice>
        ) : null}
        <Group grow align="flex-start">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('planner.outreach.direction')}
            </Text>
            <SegmentedControl
              fullWidth
              value={direction}
              onChange={(value) => setDirection(value as Direction)}
              aria-label={t('planner.outreach.direction')}
              data-testid="log-direction"
              data={DIRECTIONS.map((value) => ({
                value,
                label: t(`planner.outreach.directions.${value}`),
              }))}
            />
          </div>
          <DateTimePicker
            label={t('planner.outreach.occurredAt')}
            value={occurredAt}
            onChange={(value) => setOccurredAt(value ?? '')}
            valueFormat="D MMMM YYYY, HH:mm"
            leftSection={<IconCalendarEvent size={16} aria-hidden />}
            error={errors.occurredAt}
            withAsterisk
            data-testid="log-occurred-at"
          />
        </Group>
        <TextInput
          label={t('planner.outreach.outcome')}
          placeholder={t('planner.outreach.outcomePlaceholder')}
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value)}
          error={errors.outcome}
          dir="auto"
          data-autofocus={presetContact ? true : undefined}
          data-testid="log-outcome"
        />
        <Textarea
          label={t('planner.outreach.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errors.notes}
          autosize
          minRows={2}
          maxRows={8}
          dir="auto"
          data-testid="log-notes"
        />
        <div>
          <DatePickerInput
            label={t('planner.outreach.followUpOn')}
            value={followUpDate}
            onChange={setFollowUpDate}
            clearable
            minDate={day}
            valueFormat="D MMMM YYYY"
            leftSection={<IconCalendarEvent size={16} aria-hidden />}
            error={errors.followUpDate}
            data-testid="log-follow-up"
          />
          <Group gap={6} mt={6}>
            {quickPicks.map((pick) => (
              <Button
                key={pick.key}
                size="compact-sm"
                variant={followUpDate === pick.value ? 'filled' : 'light'}
                onClick={() => setFollowUpDate(pick.value)}
                data-testid={`log-follow-up-${pick.key}`}
              >
                {pick.label}
              </Button>
            ))}
          </Group>
        </div>
        {saving.outcome ? (
          <Notice tone="danger" data-testid="log-failed">
            {saving.outcome.message}
          </Notice>
        ) : null}
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            {t('planner.outreach.saveHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving.busy} data-testid="log-save">
              {t('planner.outreach.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
