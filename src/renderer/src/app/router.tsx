import { createHashRouter, Navigate } from 'react-router';
import type { AppRoute } from '@shared/ipc';
import { ContactsPage } from '@renderer/features/contacts/ContactsPage';
import { DashboardPage } from '@renderer/features/dashboard/DashboardPage';
import { SettingsPage } from '@renderer/features/settings/SettingsPage';
import { ComingSoonPage } from '@renderer/ui/ComingSoonPage';
import { AppLayout } from './AppLayout';

const pages: Record<AppRoute, React.ReactNode> = {
  dashboard: <DashboardPage />,
  campaigns: <ComingSoonPage area="campaigns" />,
  contacts: <ContactsPage />,
  templates: <ComingSoonPage area="templates" />,
  letters: <ComingSoonPage area="letters" />,
  settings: <SettingsPage />,
};

// Hash routing: works the same from app://, file:// and the e2e test server.
export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      ...Object.entries(pages).map(([path, element]) => ({ path, element })),
      { path: '*', element: <Navigate to="/dashboard" replace /> },
    ],
  },
]);
