import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCoalitionServers } from './coalition-servers';

/** "Makes no network connections", or which coalition servers it does connect to. */
export function useNetworkHint(): { hint: string; servers: string[] } {
  const { t, i18n } = useTranslation();
  const servers = useCoalitionServers();
  if (servers.length === 0) return { hint: t('app.offlineHint'), servers };
  const list = serverList(i18n.language, servers);
  return { hint: t('app.serverHint', { count: servers.length, servers: list }), servers };
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * "a, b and c" in the UI language, each origin isolated. One server needs no list: the first
 * Intl.ListFormat of a page costs tens of milliseconds, and a join would pay it in its render.
 */
export function serverList(language: string, servers: readonly string[]): string {
  const isolated = servers.map((origin) => `\u2068${origin}\u2069`);
  if (isolated.length === 1) return isolated[0] ?? '';
  let format = listFormats.get(language);
  if (!format)
    listFormats.set(language, (format = new Intl.ListFormat(language, { type: 'conjunction' })));
  return format.format(isolated);
}

export function NetworkHint(props: TextProps) {
  const { hint } = useNetworkHint();
  return (
    <Text {...props} data-testid="network-hint">
      {hint}
    </Text>
  );
}
