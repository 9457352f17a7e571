import { SegmentedControl } from '@mantine/core';
import { IconBuildingCommunity, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** "People | Organizations": the two halves of the contact book. */
export function ContactBookTabs({ active }: { active: 'people' | 'organizations' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const item = (value: 'people' | 'organizations', Icon: typeof IconUsers) => ({
    value,
    label: (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <Icon size={16} aria-hidden />
        {t(`contactBook.tabs.${value}`)}
      </span>
    ),
  });
  return (
    <SegmentedControl
      aria-label={t('contactBook.tabs.label')}
      value={active}
      onChange={(value) => navigate(value === 'people' ? '/contacts' : '/organizations')}
      data={[item('people', IconUsers), item('organizations', IconBuildingCommunity)]}
      mb="md"
      data-testid="contact-book-tabs"
    />
  );
}
