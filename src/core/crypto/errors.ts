/** The passphrase (or recovery key) does not open this keyring or file. */
export class WrongPassphraseError extends Error {
  constructor(message = 'The passphrase is not correct.') {
    super(message);
    this.name = 'WrongPassphraseError';
  }
}

/** Stored or imported ciphertext failed its integrity check: it was altered or damaged. */
export class TamperedDataError extends Error {
  constructor(readonly where: string) {
    super(`Encrypted data failed its integrity check (${where}): it was altered or damaged.`);
    this.name = 'TamperedDataError';
  }
}
