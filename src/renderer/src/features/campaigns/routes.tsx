import type { RouteObject } from 'react-router';
import { lazyNamed } from '@renderer/app/lazy-named';

const CampaignsPage = lazyNamed(() => import('./CampaignsPage'), 'CampaignsPage');
const CampaignWorkspace = lazyNamed(() => import('./CampaignWorkspace'), 'CampaignWorkspace');
const NewCampaignPage = lazyNamed(() => import('./NewCampaignPage'), 'NewCampaignPage');

/**
 * The campaign planner's screens, below `/campaigns`. Each workspace tab has its own address
 * (`/campaigns/<id>/targets`), so the Dashboard and the back button land on the right tab.
 */
export const campaignRoutes: RouteObject[] = [
  { path: 'campaigns', element: <CampaignsPage /> },
  { path: 'campaigns/new', element: <NewCampaignPage /> },
  { path: 'campaigns/:campaignId/:tab?', element: <CampaignWorkspace /> },
];
