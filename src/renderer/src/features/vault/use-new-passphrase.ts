import { useState } from 'react';
import { usePassphraseStrength, type PassphraseStrength } from '@renderer/lib/passphrase-strength';

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
  setPassphrase(value: string): void;
  setConfirm(value: string): void;
  strength: PassphraseStrength;
  /** Set once the user tried to submit: errors show from then on. */
  submitted: boolean;
  /** Marks the form submitted; true when the passphrase is strong enough and confirmed. */
  validate(): boolean;
  reset(): void;
}

/** A new passphrase with its confirmation and strength, as the setup and change forms need. */
export function useNewPassphrase(): NewPassphrase {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { strength, measureNow } = usePassphraseStrength(passphrase);
  return {
    passphrase,
    confirm,
    setPassphrase,
    setConfirm,
    strength,
    submitted,
    validate() {
      setSubmitted(true);
      return measureNow(passphrase).acceptable && passphrase === confirm;
    },
    reset() {
      setPassphrase('');
      setConfirm('');
      setSubmitted(false);
    },
  };
}
