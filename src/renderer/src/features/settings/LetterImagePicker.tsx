import { Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  LETTER_IMAGE_MAX_BYTES,
  letterImageDataUrl,
  toStoredLetterImage,
  type LetterImageProblem,
} from '@core/domain/letter-image';
import { imageInfo } from '@core/letters';
import { useDataCore } from '@renderer/app/data/data-core-context';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { useAction } from '@renderer/lib/use-action';
import { OutcomeNotice } from '@renderer/ui/OutcomeNotice';
import { formattingLocale } from '@shared/i18n/languages';

export type LetterImageSetting = 'letterheadLogo' | 'signatureImage';

const LABEL = { letterheadLogo: 'logo', signatureImage: 'signature' } as const;
const TEST_ID = {
  letterheadLogo: 'letterhead-logo',
  signatureImage: 'letterhead-signature',
} as const;

function formatBytes(bytes: number, language: string): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(formattingLocale(language), {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes / (mb ? 1024 * 1024 : 1024));
}

/** Reads the file, checks it (type by its bytes, size, a readable header) and stores it at once. */
export function LetterImagePicker({ setting }: { setting: LetterImageSetting }) {
  const { t, i18n } = useTranslation();
  const core = useDataCore();
  const image = useStoreQuery(['settings'], (c) => c.settings.get()[setting]);
  const { run, outcome, show } = useAction();
  const what = t(`writer.letterhead.images.${LABEL[setting]}`);
  const testId = TEST_ID[setting];

  const problemText = (problem: LetterImageProblem, name: string) =>
    problem.code === 'image-too-large'
      ? t('writer.letterhead.images.tooLarge', {
          name,
          size: formatBytes(problem.size, i18n.language),
          limit: formatBytes(problem.limit, i18n.language),
        })
      : problem.code === 'image-empty'
        ? t('writer.letterhead.images.empty', { name })
        : t('writer.letterhead.images.notImage', { name });

  const choose = async (file: File | null) => {
    if (!file) return;
    show(null);
    // Do not read a huge file into memory just to refuse it.
    if (file.size > LETTER_IMAGE_MAX_BYTES) {
      const problem = { code: 'image-too-large', size: file.size, limit: LETTER_IMAGE_MAX_BYTES };
      show({ ok: false, message: problemText(problem as LetterImageProblem, file.name) });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reading = toStoredLetterImage(bytes, file.name);
    if (!reading.ok) {
      show({ ok: false, message: problemText(reading.problem, file.name) });
      return;
    }
    try {
      imageInfo(bytes, setting === 'letterheadLogo' ? 'logo' : 'signature');
    } catch {
      show({ ok: false, message: problemText({ code: 'image-not-png-or-jpeg' }, file.name) });
      return;
    }
    await run(() => core.settings.update({ [setting]: reading.image }), {
      done: t('writer.letterhead.images.saved', { what }),
      failed: (message) => t('writer.letterhead.images.failed', { message }),
    });
  };

  const remove = () =>
    run(() => core.settings.update({ [setting]: undefined }), {
      done: t('writer.letterhead.images.removed', { what }),
      failed: (message) => t('writer.letterhead.images.failed', { message }),
    });

  return (
    <Stack gap={6} data-testid={testId}>
      <Text size="sm" fw={500}>
        {what}
      </Text>
      <Group gap="sm" align="center" wrap="nowrap">
        <Paper
          withBorder
          w={160}
          h={64}
          p={4}
          bg="white"
          style={{ display: 'grid', placeItems: 'center', flexShrink: 0 }}
        >
          {image ? (
            <Image
              src={letterImageDataUrl(image)}
              alt={t('writer.letterhead.images.preview', { what })}
              fit="contain"
              h={54}
              w="auto"
              maw={150}
              data-testid={`${testId}-thumbnail`}
            />
          ) : (
            <Text size="xs" c="gray.6">
              {t('writer.letterhead.images.none')}
            </Text>
          )}
        </Paper>
        <Stack gap={6}>
          <Group gap="xs">
            <FileButton onChange={(f) => void choose(f)} accept="image/png,image/jpeg">
              {(props) => (
                <Button
                  {...props}
                  size="xs"
                  variant="default"
                  leftSection={<IconPhoto size={14} />}
                  data-testid={`${testId}-choose`}
                >
                  {t(
                    image ? 'writer.letterhead.images.replace' : 'writer.letterhead.images.choose',
                  )}
                </Button>
              )}
            </FileButton>
            {image ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => void remove()}
                data-testid={`${testId}-remove`}
              >
                {t('writer.letterhead.images.remove')}
              </Button>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {t('writer.letterhead.images.hint')}
          </Text>
        </Stack>
      </Group>
      <OutcomeNotice outcome={outcome} testId={`${testId}-outcome`} />
    </Stack>
  );
}
