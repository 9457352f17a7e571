import {
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARABIC_REGIONS } from '@core/domain/arabic-region';
import { LETTER_FONT_CHOICES } from '@core/domain/letter-fonts';
import type { Settings, SettingsInput } from '@core/domain/settings';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { useAction } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { SettingsSection } from '@renderer/ui/SettingsSection';
import { LetterImagePicker } from './LetterImagePicker';
import { defaultLetterPaper } from '@core/domain/settings';

type Profile = NonNullable<SettingsInput['organizationProfile']>;
type TextKey = 'name' | 'email' | 'phone' | 'website' | 'signatoryName' | 'signatoryTitle';
const TEXT_FIELDS: TextKey[] = [
  'name',
  'email',
  'phone',
  'website',
  'signatoryName',
  'signatoryTitle',
];
const LABELS = {
  name: 'organization',
  email: 'email',
  phone: 'phone',
  website: 'website',
  signatoryName: 'signatoryName',
  signatoryTitle: 'signatoryTitle',
} as const;

function formOf(settings: Settings) {
  const p = settings.organizationProfile;
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, p[k] ?? ''])),
    addressLines: p.addressLines.join('\n'),
    letterPaper: settings.letterPaper,
    arabicDigits: settings.arabicDigits,
    arabicRegion: settings.arabicRegion,
    letterFonts: settings.letterFonts,
    showHijriDate: settings.showHijriDate,
    letterAuthor: settings.letterAuthor ?? 'none',
  } as Record<TextKey, string> & {
    addressLines: string;
    letterPaper: Settings['letterPaper'];
    arabicDigits: Settings['arabicDigits'];
    arabicRegion: Settings['arabicRegion'];
    letterFonts: Settings['letterFonts'];
    showHijriDate: boolean;
    letterAuthor: Settings['letterAuthor'];
  };
}

/** Settings → Letterhead and letters: what generated letters print, and how. */
export function LetterheadSection() {
  const { t } = useTranslation();
  const core = useDataCore();
  const settings = useStoreQuery(['settings'], (c) => c.settings.get());
  const [form, setForm] = useState(() => formOf(settings));
  const { run, outcome, show } = useAction();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const save = async () => {
    const addressLines = form.addressLines
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (addressLines.length > 6) {
      show({
        ok: false,
        message: t('writer.letterhead.invalid', { message: t('writer.letterhead.tooManyLines') }),
      });
      return;
    }
    const profile: Profile = { addressLines };
    for (const key of TEXT_FIELDS) {
      const value = form[key].trim();
      if (value) profile[key] = value;
    }
    await run(
      () =>
        core.settings.update({
          organizationProfile: profile,
          letterPaper: form.letterPaper,
          arabicDigits: form.arabicDigits,
          arabicRegion: form.arabicRegion,
          letterFonts: form.letterFonts,
          showHijriDate: form.showHijriDate,
          letterAuthor: form.letterAuthor,
        }),
      {
        done: t('writer.letterhead.saved'),
        failed: (message) => t('writer.letterhead.invalid', { message }),
      },
    );
  };

  return (
    <SettingsSection
      title={t('writer.letterhead.title')}
      description={t('writer.letterhead.description')}
      testId="letterhead-section"
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {TEXT_FIELDS.map((key) => (
            <TextInput
              key={key}
              label={t(`writer.letterhead.${LABELS[key]}`)}
              value={form[key]}
              dir="auto"
              onChange={(e) => set({ [key]: e.currentTarget.value })}
              data-testid={`letterhead-${key}`}
            />
          ))}
        </SimpleGrid>
        <Textarea
          label={t('writer.letterhead.addressLines')}
          value={form.addressLines}
          autosize
          minRows={2}
          dir="auto"
          onChange={(e) => set({ addressLines: e.currentTarget.value })}
          data-testid="letterhead-address"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LetterImagePicker setting="letterheadLogo" />
          <LetterImagePicker setting="signatureImage" />
        </SimpleGrid>
        <Group gap="xl" align="end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('writer.letterhead.paper')}
            </Text>
            <SegmentedControl
              value={form.letterPaper ?? defaultLetterPaper(navigator.language, [])}
              onChange={(v) => set({ letterPaper: v as Settings['letterPaper'] })}
              data={(['a4', 'letter'] as const).map((value) => ({
                value,
                label: t(`writer.generate.papers.${value}`),
              }))}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('writer.letterhead.arabicDigits')}
            </Text>
            <SegmentedControl
              value={form.arabicDigits}
              onChange={(v) => set({ arabicDigits: v as Settings['arabicDigits'] })}
              data={(['region', 'latin', 'arabic-indic'] as const).map((value) => ({
                value,
                label: t(`writer.letterhead.digits.${value}`),
              }))}
            />
          </Stack>
          <Select
            label={t('writer.letterhead.arabicRegion')}
            description={t('writer.letterhead.arabicRegionHint')}
            value={form.arabicRegion}
            allowDeselect={false}
            onChange={(v) => v && set({ arabicRegion: v as Settings['arabicRegion'] })}
            data={ARABIC_REGIONS.map((value) => ({
              value,
              label: t(`writer.letterhead.regions.${value}`),
            }))}
            data-testid="letterhead-arabic-region"
          />
          <Select
            label={t('writer.letterhead.fonts')}
            description={t('writer.letterhead.fontsHint')}
            value={form.letterFonts}
            allowDeselect={false}
            onChange={(v) => v && set({ letterFonts: v as Settings['letterFonts'] })}
            data={LETTER_FONT_CHOICES.map((value) => ({
              value,
              label: t(`writer.letterhead.fontChoices.${value}`),
            }))}
            data-testid="letterhead-fonts"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('writer.letterhead.author')}
            </Text>
            <SegmentedControl
              value={form.letterAuthor}
              onChange={(v) => set({ letterAuthor: v as Settings['letterAuthor'] })}
              data={(['none', 'organization'] as const).map((value) => ({
                value,
                label: t(`writer.letterhead.authors.${value}`),
              }))}
            />
          </Stack>
        </Group>
        <Checkbox
          label={t('writer.letterhead.showHijriDate')}
          checked={form.showHijriDate}
          onChange={(e) => set({ showHijriDate: e.currentTarget.checked })}
        />
        <OutcomeNotice outcome={outcome} testId="letterhead-outcome" />
        <Group>
          <Button onClick={() => void save()} data-testid="letterhead-save">
            {t('writer.letterhead.save')}
          </Button>
        </Group>
      </Stack>
    </SettingsSection>
  );
}
