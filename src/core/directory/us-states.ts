import { US_STATE_NAMES } from '../vocabulary/us-state-names';

export { US_STATE_NAMES };

export type UsStateCode = keyof typeof US_STATE_NAMES;
export const US_STATE_CODES = Object.keys(US_STATE_NAMES) as UsStateCode[];

/** Send a non-voting delegate (or, Puerto Rico, a resident commissioner) to the House. */
export const DELEGATE_TERRITORIES: readonly UsStateCode[] = ['AS', 'DC', 'GU', 'MP', 'PR', 'VI'];

export function isUsStateCode(code: string): code is UsStateCode {
  return Object.hasOwn(US_STATE_NAMES, code);
}
