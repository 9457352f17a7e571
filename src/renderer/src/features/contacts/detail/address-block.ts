import type { PostalAddress } from '@core/domain/contact';

/**
 * The lines of an address as they go on an envelope: the street lines, then the postal code
 * with the locality, the region and the country, each on its own line, blanks left out.
 */
export function addressBlockLines(address: PostalAddress): string[] {
  const place = [address.postalCode, address.locality].filter(Boolean).join(' ');
  return [...address.lines, place, address.region ?? '', address.country ?? ''].filter(
    (line) => line.trim() !== '',
  );
}
