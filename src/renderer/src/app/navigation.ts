import {
  IconAddressBook,
  IconLayoutDashboard,
  IconMail,
  IconSettings,
  IconSpeakerphone,
  IconTemplate,
  type Icon,
} from '@tabler/icons-react';
import type { AppRoute } from '@shared/ipc';

export interface NavItem {
  route: AppRoute;
  icon: Icon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'dashboard', icon: IconLayoutDashboard },
  { route: 'campaigns', icon: IconSpeakerphone },
  { route: 'contacts', icon: IconAddressBook },
  { route: 'templates', icon: IconTemplate },
  { route: 'letters', icon: IconMail },
  { route: 'settings', icon: IconSettings },
];
