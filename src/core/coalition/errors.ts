/**
 * What coalition sharing refuses, as typed errors: each carries a code the renderer translates
 * (in English and Arabic) and the place it concerns; the message is for developers only.
 */

/** Why a sealed document was not opened. */
export type RefusalReason =
  /** Not a sealed document of ours: fields missing or not readable. */
  | 'malformed'
  /** Written by a newer version of Tadamun (a format this one does not know). */
  | 'newer-format'
  /** Sealed under a key this coalition does not have: another coalition's, or forged. */
  | 'foreign'
  /** Sealed under a key the coalition had before a rotation (a removed member may hold it). */
  | 'old-key'
  /** Sealed for another document id: copied or moved on the server. */
  | 'moved'
  /** The integrity check failed: the document was altered or damaged. */
  | 'altered'
  /** It opens, but its record is not valid for its kind (a faulty or hostile member). */
  | 'invalid-record';

/** A replicated document that does not open; local data is left as it was. */
export class RefusedDocumentError extends Error {
  constructor(
    readonly documentId: string,
    readonly reason: RefusalReason,
    /** For 'invalid-record': the dotted paths of the fields at fault. */
    readonly fields: readonly string[] = [],
  ) {
    super(
      `Coalition document ${documentId} refused: ${reason}${fields.length ? ` (${fields.join(', ')})` : ''}`,
    );
    this.name = 'RefusedDocumentError';
  }
}

/** Why an invitation was not read or not made. */
export type InvitationProblem =
  /** Neither an invitation file nor an invitation text block. */
  | 'not-an-invitation'
  /** The text block or file ends early (a copy/paste cut it). */
  | 'truncated'
  /** Characters changed in transit: the checksum does not match. */
  | 'damaged'
  /** Made by a newer version of Tadamun. */
  | 'newer-version'
  /** The passphrase does not open it, or someone altered it and fixed up the checksum. */
  | 'wrong-passphrase'
  /** What it holds is not a valid invitation (see `fields`). */
  | 'invalid-content';

/** One field of an invitation that is not valid, and a code for why. */
export interface InvitationFieldProblem {
  /** Dotted path, e.g. "server.url". */
  field: string;
  /** 'https-required', 'credentials-in-url', 'not-a-url', 'bad-key', or zod's issue code. */
  code: string;
}

export class InvitationError extends Error {
  constructor(
    readonly problem: InvitationProblem,
    readonly fields: readonly InvitationFieldProblem[] = [],
  ) {
    super(
      `Invitation refused: ${problem}${fields.length ? ` (${fields.map((f) => `${f.field}: ${f.code}`).join('; ')})` : ''}`,
    );
    this.name = 'InvitationError';
  }
}

/** A clock reading too far ahead of this laptop's clock to be taken in. */
export class ClockDriftError extends Error {
  constructor(
    /** How far ahead of the local clock the remote reading is, in milliseconds. */
    readonly aheadMs: number,
  ) {
    super(`A remote clock is ${aheadMs} ms ahead of this one`);
    this.name = 'ClockDriftError';
  }
}

/** A clock text that is not one (stored or received damaged). */
export class MalformedClockError extends Error {
  constructor(readonly text: string) {
    super(`Not a hybrid logical clock reading: ${JSON.stringify(text.slice(0, 80))}`);
    this.name = 'MalformedClockError';
  }
}
