import { tokenize } from '../search/normalize';
import type { Chamber, Legislator } from './legislator';

export interface LegislatorFilter {
  chamber?: Chamber;
  /** USPS code, e.g. "VT". */
  state?: string;
  /** House district; 0 is an at-large seat. */
  district?: number;
  party?: string;
  /** Full committee name, as in the file. */
  committee?: string;
  /** Words of the name (any order, prefixes, accents and case ignored). */
  query?: string;
}

function nameMatches(legislator: Legislator, queryWords: readonly string[]): boolean {
  if (queryWords.length === 0) return true;
  const words = tokenize(`${legislator.name} ${legislator.first} ${legislator.last}`);
  return queryWords.every((q) => words.some((word) => word.startsWith(q)));
}

/** The legislators matching every given criterion, in file order (chamber, state, district). */
export function filterLegislators(
  legislators: readonly Legislator[],
  filter: LegislatorFilter,
): Legislator[] {
  const queryWords = tokenize(filter.query ?? '');
  return legislators.filter(
    (l) =>
      (!filter.chamber || l.chamber === filter.chamber) &&
      (!filter.state || l.state === filter.state) &&
      (filter.district === undefined || l.district === filter.district) &&
      (!filter.party || l.party === filter.party) &&
      (!filter.committee || l.committees.includes(filter.committee)) &&
      nameMatches(l, queryWords),
  );
}

export interface DirectoryFacets {
  states: string[];
  parties: string[];
  committees: string[];
  /** House districts by state, ascending. */
  districts: ReadonlyMap<string, number[]>;
}

/** The values each filter can take, from the file itself. */
export function directoryFacets(legislators: readonly Legislator[]): DirectoryFacets {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const districts = new Map<string, Set<number>>();
  for (const l of legislators) {
    if (l.district === null) continue;
    const set = districts.get(l.state) ?? new Set<number>();
    set.add(l.district);
    districts.set(l.state, set);
  }
  return {
    states: sorted(legislators.map((l) => l.state)),
    parties: sorted(legislators.map((l) => l.party)),
    committees: sorted(legislators.flatMap((l) => l.committees)),
    districts: new Map(
      [...districts].map(([state, set]) => [state, [...set].sort((a, b) => a - b)]),
    ),
  };
}
