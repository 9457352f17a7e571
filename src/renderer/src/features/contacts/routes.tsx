import type { RouteObject } from 'react-router';
import { ContactsPage } from './ContactsPage';

/** The contact book's screens, below `/contacts`. */
export const contactRoutes: RouteObject[] = [{ path: 'contacts', element: <ContactsPage /> }];
