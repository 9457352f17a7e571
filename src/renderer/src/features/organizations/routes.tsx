import type { RouteObject } from 'react-router';
import { OrganizationDetailPage } from './OrganizationDetailPage';
import { OrganizationsPage } from './OrganizationsPage';

/** Organizations, reached from the contact book's "People | Organizations" switch. */
export const organizationRoutes: RouteObject[] = [
  { path: 'organizations', element: <OrganizationsPage /> },
  { path: 'organizations/:organizationId', element: <OrganizationDetailPage /> },
];
