import type { RouteObject } from 'react-router';
import { organizationRoutes } from '@renderer/features/organizations/routes';
import { ContactsPage } from './ContactsPage';
import { ContactDetailPage } from './detail/ContactDetailPage';
import { ContactEditPage, ContactNewPage } from './form/ContactEditPages';

/** The contact book's screens: people below `/contacts`, organizations below `/organizations`. */
export const contactRoutes: RouteObject[] = [
  { path: 'contacts', element: <ContactsPage /> },
  { path: 'contacts/new', element: <ContactNewPage /> },
  { path: 'contacts/:contactId', element: <ContactDetailPage /> },
  { path: 'contacts/:contactId/edit', element: <ContactEditPage /> },
  ...organizationRoutes,
];
