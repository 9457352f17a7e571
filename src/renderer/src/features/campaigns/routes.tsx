import type { RouteObject } from 'react-router';
import { ComingSoonPage } from '@renderer/ui/ComingSoonPage';

/** The campaign planner's screens, below `/campaigns`. */
export const campaignRoutes: RouteObject[] = [
  { path: 'campaigns', element: <ComingSoonPage area="campaigns" /> },
];
