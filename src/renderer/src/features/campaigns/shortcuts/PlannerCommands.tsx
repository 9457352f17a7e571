import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { matchesShortcut } from '@renderer/app/session/shortcuts';
import { bridge } from '@renderer/lib/bridge';
import { LogInteractionDialog } from '@renderer/features/outreach/LogInteractionDialog';
import {
  focusScreenSearch,
  LOG_INTERACTION_SHORTCUT,
  NEW_CAMPAIGN_SHORTCUT,
  SEARCH_SHORTCUT,
} from './planner-shortcuts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CAMPAIGN_PATH = new RegExp(`^/campaigns/(${UUID})`, 'i');
const CONTACT_PATH = new RegExp(`^/contacts/(${UUID})`, 'i');

type Command = 'new-campaign' | 'log-interaction' | 'focus-search';

/**
 * New campaign (Ctrl+N), log an interaction (Ctrl+I) and search (Ctrl+F), from the native menu
 * or the keyboard, on any screen of the unlocked app. Logging preselects the campaign or
 * contact whose page is open; search focuses the screen's own search field, else opens the
 * contacts' search.
 */
export function PlannerCommands() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [logging, setLogging] = useState<{ campaignId?: string; contactId?: string } | null>(null);

  useEffect(() => {
    const run = (command: Command) => {
      if (command === 'new-campaign') void navigate('/campaigns/new');
      else if (command === 'log-interaction') {
        setLogging(
          (current) =>
            current ?? {
              campaignId: CAMPAIGN_PATH.exec(pathname)?.[1],
              contactId: CONTACT_PATH.exec(pathname)?.[1],
            },
        );
      } else if (!focusScreenSearch()) {
        void navigate('/contacts');
        // The contacts screen mounts on the next frames; then its search field is there.
        setTimeout(focusScreenSearch, 150);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      const command: Command | undefined = matchesShortcut(event, NEW_CAMPAIGN_SHORTCUT)
        ? 'new-campaign'
        : matchesShortcut(event, LOG_INTERACTION_SHORTCUT)
          ? 'log-interaction'
          : matchesShortcut(event, SEARCH_SHORTCUT)
            ? 'focus-search'
            : undefined;
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = bridge.onMenuCommand((command) => {
      const { type } = command;
      if (type === 'new-campaign' || type === 'log-interaction' || type === 'focus-search')
        run(type);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [navigate, pathname]);

  return (
    <LogInteractionDialog
      opened={logging !== null}
      onClose={() => setLogging(null)}
      campaignId={logging?.campaignId}
      contactId={logging?.contactId}
    />
  );
}
