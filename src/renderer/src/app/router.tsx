import { createHashRouter, Navigate } from 'react-router';
import { campaignRoutes } from '@renderer/features/campaigns/routes';
import { contactRoutes } from '@renderer/features/contacts/routes';
import { DashboardPage } from '@renderer/features/dashboard/DashboardPage';
import { letterRoutes } from '@renderer/features/letters/routes';
import { SettingsPage } from '@renderer/features/settings/SettingsPage';
import { AppLayout } from './AppLayout';

// Hash routing: works the same from app://, file:// and the e2e test server.
// Each feature declares its own routes (features/<name>/routes.tsx).
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
