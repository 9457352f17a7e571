/**
 * setCoalitionOrigins, coalitionFetch: the replication engine's HTTP requests, made here with
 * Node's fetch so the page itself never reaches the network (its CSP and the session's request
 * filter still refuse every host). Main holds no key: everything it carries is sealed.
 * Why here and not in the page: docs/coalition.md, "Where replication will run, and why".
 */
import type { WebContents } from 'electron';
import { IpcChannel } from '@shared/ipc';
import { coalitionFetchRequestSchema, coalitionRemotesSchema } from '@shared/ipc-schemas';
import { allowedRemote } from '../coalition-remotes';
import { CoalitionFetcher } from '../coalition-fetcher';
import { handleValidated, type SenderCheck } from './handle-validated';

/**
 * Registers both calls. Main forgets the allowed databases when the page that set them
 * navigates (a lock reloads it) or goes away, as well as when it sends `[]`.
 */
export function registerCoalitionFetch(
  isTrustedSender: SenderCheck,
  fetcher = new CoalitionFetcher(),
): CoalitionFetcher {
  const watched = new WeakSet<WebContents>();
  const forget = () => fetcher.setRemotes([]);
  handleValidated(
    IpcChannel.setCoalitionOrigins,
    coalitionRemotesSchema,
    isTrustedSender,
    (remotes, event) => {
      const allowed = remotes.map(allowedRemote);
      const contents = event.sender;
      if (!watched.has(contents)) {
        watched.add(contents);
        contents.on('did-start-navigation', (details) => {
          if (details.isMainFrame && !details.isSameDocument) forget();
        });
        contents.once('destroyed', forget);
      }
      fetcher.setRemotes(allowed);
      return null;
    },
  );
  handleValidated(
    IpcChannel.coalitionFetch,
    coalitionFetchRequestSchema,
    isTrustedSender,
    (request) => fetcher.fetch(request),
  );
  return fetcher;
}
