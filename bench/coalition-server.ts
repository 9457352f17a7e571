/**
 * The coalition benchmark's server in a process of its own (so its work does not count as the
 * client's event-loop blocking): express-pouchdb on 127.0.0.1, its URL sent to the parent.
 */
import { startCouchServer } from '../test/helpers/couch-server';

void startCouchServer().then((server) => {
  process.send?.({ url: server.url });
  process.on('message', (message: { create?: string }) => {
    if (message.create)
      void server
        .createDatabase(message.create)
        .then(() => process.send?.({ created: message.create }));
  });
  process.on('disconnect', () => void server.stop().then(() => process.exit(0)));
});
