import { Badge, Center, Container, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NAV_ITEMS } from '@renderer/app/navigation';
import { PageHeader } from './PageHeader';

type ComingArea = 'campaigns' | 'contacts' | 'templates' | 'letters';

/** An area whose feature has not landed yet: its title, what it will do, and an honest badge. */
export function ComingSoonPage({ area }: { area: ComingArea }) {
  const { t } = useTranslation();
  const Icon = NAV_ITEMS.find((item) => item.route === area)?.icon;
  return (
    <Container size="lg" px={0}>
      <PageHeader title={t(`pages.${area}.title`)} />
      <Paper withBorder p="xl" radius="lg">
        <Center>
          <Stack align="center" gap="md" maw={520} ta="center">
            {Icon ? (
              <ThemeIcon size={64} radius="xl" variant="light">
                <Icon size={34} stroke={1.5} aria-hidden />
              </ThemeIcon>
            ) : null}
            <Text>{t(`pages.${area}.description`)}</Text>
            <Badge variant="outline">{t('pages.comingSoon')}</Badge>
          </Stack>
        </Center>
      </Paper>
    </Container>
  );
}
