import type { RouteObject } from 'react-router';
import { organizationRoutes } from '@renderer/features/organizations/routes';
import { lazyNamed } from '@renderer/app/lazy-named';

const ContactsPage = lazyNamed(() => import('./ContactsPage'), 'ContactsPage');
const ContactDetailPage = lazyNamed(
  () => import('./detail/ContactDetailPage'),
  'ContactDetailPage',
);
const ContactEditPage = lazyNamed(() => import('./form/ContactEditPages'), 'ContactEditPage');
const ContactNewPage = lazyNamed(() => import('./form/ContactEditPages'), 'ContactNewPage');

/** The contact book's screens: people below `/contacts`, organizations below `/organizations`. */
export const contactRoutes: RouteObject[] = [
  { path: 'contacts', element: <ContactsPage /> },
  { path: 'contacts/new', element: <ContactNewPage /> },
  { path: 'contacts/:contactId', element: <ContactDetailPage /> },
  { path: 'contacts/:contactId/edit', element: <ContactEditPage /> },
  ...organizationRoutes,
];
