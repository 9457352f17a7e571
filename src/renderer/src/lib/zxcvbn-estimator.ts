/**
 * zxcvbn-ts with its common dictionaries (about 30,000 leaked passwords, diceware words,
 * keyboard layouts). Loaded on demand: only the screens that set a passphrase need it.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** Words anyone would try first against this app's users. */
const APP_WORDS = [
  'tadamun',
  'تضامن',
  'solidarity',
  'passphrase',
  'password',
  'كلمة السر',
  'كلمة المرور',
  'عبارة المرور',
];

export function createEstimator(): (passphrase: string) => ZxcvbnResult {
  const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return (passphrase) => zxcvbn.check(passphrase, APP_WORDS);
}
