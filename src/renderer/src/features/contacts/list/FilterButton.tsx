import { Badge, Button } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/format-number';

/** Opens the filter drawer; shows how many filters are on. Memoized: a query skips it. */
export const FilterButton = memo(function FilterButton({
  active,
  onOpen,
}: {
  active: number;
  onOpen(): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      variant={active ? 'light' : 'default'}
      leftSection={<IconFilter size={16} aria-hidden />}
      rightSection={
        active ? (
          <Badge size="sm" circle>
            {formatNumber(active, i18n.language)}
          </Badge>
        ) : undefined
      }
      onClick={onOpen}
      data-testid="filter-open"
    >
      {t('contactBook.filters.button')}
    </Button>
  );
});
