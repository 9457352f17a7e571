import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCoalitionServers } from './coalition-servers';

/** "Makes no network connections", or which coalition servers it does connect to. */
export function useNetworkHint(): { hint: string; servers: string[] } {
  const { t, i18n } = useTranslation();
  const servers = useCoalitionServers();
  if (servers.length === 0) return { hint: t('app.offlineHint'), servers };
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    servers.map((origin) => `\u2068${origin}\u2069`),
  );
  return { hint: t('app.serverHint', { count: servers.length, servers: list }), servers };
}

export function NetworkHint(props: TextProps) {
  const { hint } = useNetworkHint();
  return (
    <Text {...props} data-testid="network-hint">
      {hint}
    </Text>
  );
}
