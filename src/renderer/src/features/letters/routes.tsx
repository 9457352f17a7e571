import type { RouteObject } from 'react-router';
import { ComingSoonPage } from '@renderer/ui/ComingSoonPage';

/** Templates and letters, below `/templates` and `/letters`. */
export const letterRoutes: RouteObject[] = [
  { path: 'templates', element: <ComingSoonPage area="templates" /> },
  { path: 'letters', element: <ComingSoonPage area="letters" /> },
];
