import { useTranslation } from 'react-i18next';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import type { ListFacet } from '@renderer/lib/contact-filters';
import { useOrganizationNames } from './use-contact-rows';

/** How each picked filter value reads: kinds and chambers translated, ids named. */
export function useFilterLabels() {
  const { t } = useTranslation();
  const { names } = useOrganizationNames();
  const campaigns = useStoreQuery(
    ['campaigns'],
    (core) => new Map(core.campaigns.all().map((campaign) => [campaign.id, campaign.name])),
  );
  const facetTitle = (facet: ListFacet): string =>
    ({
      kinds: t('contactBook.filters.kind'),
      tags: t('contactBook.filters.tags'),
      countries: t('contactBook.filters.country'),
      regions: t('contactBook.filters.region'),
      districts: t('contactBook.filters.district'),
      chambers: t('contactBook.filters.chamber'),
      parties: t('contactBook.filters.party'),
      organizationIds: t('contactBook.filters.organization'),
    })[facet];
  const valueLabel = (facet: ListFacet, value: string): string => {
    if (facet === 'kinds') return t(`contactBook.kinds.${value as 'other'}`);
    if (facet === 'chambers') return t(`contactBook.chambers.${value as 'other'}`);
    if (facet === 'organizationIds') return names.get(value) ?? value;
    return value;
  };
  return { facetTitle, valueLabel, campaigns, organizations: names };
}
