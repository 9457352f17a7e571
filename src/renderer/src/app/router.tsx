import { createHashRouter, Navigate } from 'react-router';
import { campaignRoutes } from '@renderer/features/campaigns/routes';
import { contactRoutes } from '@renderer/features/contacts/routes';
import { letterRoutes } from '@renderer/features/letters/routes';
import { AppLayout } from './AppLayout';
import { lazyNamed } from './lazy-named';

const DashboardPage = lazyNamed(
  () => import('@renderer/features/dashboard/DashboardPage'),
  'DashboardPage',
);
const SettingsPage = lazyNamed(
  () => import('@renderer/features/settings/SettingsPage'),
  'SettingsPage',
);

// Hash routing: works the same from app://, file:// and the e2e test server.
// Each feature declares its own routes (features/<name>/routes.tsx), each screen loaded when
// first opened; AppLayout shows PageLoading meanwhile.
export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      { path: 'dashboard', element: <DashboardPage /> },
      ...campaignRoutes,
      ...contactRoutes,
      ...letterRoutes,
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/dashboard" replace /> },
    ],
  },
]);
