import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DuplicateReason } from '@core/dedupe';

const AGAINST: readonly DuplicateReason[] = ['different-organization', 'different-jurisdiction'];

/** Why a pair looks like one person (teal), and what speaks against it (orange). */
export function ReasonBadges({ reasons }: { reasons: readonly DuplicateReason[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {reasons.map((reason) => (
        <Badge
          key={reason}
          variant="light"
          color={AGAINST.includes(reason) ? 'orange' : 'teal'}
          data-testid="duplicate-reason"
          data-reason={reason}
        >
          {t(`directory.duplicates.reasons.${reason}`)}
        </Badge>
      ))}
    </Group>
  );
}
