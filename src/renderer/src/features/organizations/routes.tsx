import type { RouteObject } from 'react-router';
import { lazyNamed } from '@renderer/app/lazy-named';

const OrganizationDetailPage = lazyNamed(
  () => import('./OrganizationDetailPage'),
  'OrganizationDetailPage',
);
const OrganizationsPage = lazyNamed(() => import('./OrganizationsPage'), 'OrganizationsPage');

/** Organizations, reached from the contact book's "People | Organizations" switch. */
export const organizationRoutes: RouteObject[] = [
  { path: 'organizations', element: <OrganizationsPage /> },
  { path: 'organizations/:organizationId', element: <OrganizationDetailPage /> },
];
