import { Badge, Tooltip } from '@mantine/core';
import { IconCloudLock, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNetworkHint } from './NetworkHint';

/** The header's statement of what the app connects to: nothing, or the coalition servers. */
export function NetworkBadge() {
  const { t } = useTranslation();
  const { hint, servers } = useNetworkHint();
  const online = servers.length > 0;
  const Icon = online ? IconCloudLock : IconWifiOff;
  return (
    <Tooltip label={hint} multiline w={280} withArrow>
      <Badge
        variant="light"
        color={online ? 'blue' : 'teal'}
        leftSection={<Icon size={14} aria-hidden />}
        data-testid="network-badge"
        data-servers={servers.length}
      >
        {online ? t('app.serverBadge') : t('app.offlineBadge')}
      </Badge>
    </Tooltip>
  );
}
