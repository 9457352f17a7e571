import type { AppRoute } from '@shared/ipc';
import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { PlannerCommands } from '@renderer/features/campaigns/shortcuts/PlannerCommands';
import { Logo } from '@renderer/ui/Logo';
import { PageLoading } from '@renderer/ui/PageLoading';
import { NAV_ITEMS } from './navigation';
import { NetworkBadge } from './network/NetworkBadge';
import { useSession } from './session/session-context';
import { LOCK_SHORTCUT, shortcutLabel } from './session/shortcuts';
import { useMenuNavigation } from './use-menu-navigation';

export function AppLayout() {
  const { t } = useTranslation();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { pathname } = useLocation();
  const { lock } = useSession();
  useMenuNavigation();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Logo />
            <div>
              <Text fw={700} size="lg" lh={1.1}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} visibleFrom="md">
                {t('app.tagline')}
              </Text>
            </div>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NetworkBadge />
            <Tooltip
              label={t('security.lockHint', { shortcut: shortcutLabel(LOCK_SHORTCUT) })}
              withArrow
            >
              <Button
                variant="default"
                size="sm"
                leftSection={<IconLock size={16} aria-hidden />}
                onClick={lock}
                data-testid="lock-button"
              >
                {t('security.lockButton')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {NAV_ITEMS.map(({ route, icon: Icon }) => (
            <NavLink
              key={route}
              component={RouterNavLink}
              to={`/${route}`}
              label={t(`nav.${route}`)}
              leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
              active={isUnder(pathname, route)}
              onClick={closeNav}
              variant="light"
              data-testid={`nav-${route}`}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              mb={4}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
        <PlannerCommands />
      </AppShell.Main>
    </AppShell>
  );
}

/** Whether a path is an area's page or one below it (a contact, a campaign's tab…). */
function isUnder(pathname: string, route: AppRoute): boolean {
  const areas = route === 'contacts' ? ['contacts', 'organizations'] : [route];
  return areas.some((area) => pathname === `/${area}` || pathname.startsWith(`/${area}/`));
}
