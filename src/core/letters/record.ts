/**
 * Keeping what was generated: one Letter record per letter (text snapshot, template and version,
 * target, campaign, SHA-256 of the DOCX) and an outgoing `letter` interaction for each, written
 * in one transaction: all of them or none.
 */
import type { DataCore } from '../db/data-core';
import type { Letter } from '../domain/letter';
import type { Interaction } from '../domain/interaction';
import type { GeneratedLetter } from './generate';
import { sha256Hex } from './files';

export interface RecordLettersInput {
  letters: readonly GeneratedLetter[];
  campaignId?: string | undefined;
  templateId?: string | undefined;
  templateVersion?: number | undefined;
  /** When the letters were made (the interactions' time). */
  at: Date;
}

export async function recordGeneratedLetters(
  core: Pick<DataCore, 'store' | 'letters' | 'interactions'>,
  input: RecordLettersInput,
): Promise<{ letters: Letter[]; interactions: Interaction[] }> {
  const letters = input.letters.map((generated) =>
    core.letters.prepareCreate({
      campaignId: input.campaignId,
      templateId: input.templateId,
      templateVersion: input.templateVersion,
      contactId: generated.contactId,
      targetId: generated.targetId,
      subject: generated.subject,
      renderedText: generated.renderedText,
      status: 'draft',
      docxSha256: generated.docxSha256,
      fileName: generated.fileName,
    }),
  );
  const interactions = letters.map((letter) =>
    core.interactions.prepareCreate({
      campaignId: input.campaignId,
      contactId: letter.contactId,
      kind: 'letter',
      direction: 'outgoing',
      occurredAt: input.at.toISOString(),
      letterId: letter.id,
      ...(letter.subject ? { notes: letter.subject } : {}),
    }),
  );
  await core.store.commit([
    ...letters.map((l) => core.letters.put(l)),
    ...interactions.map((i) => core.interactions.put(i)),
  ]);
  return { letters, interactions };
}

export type FileCheck = 'matches' | 'differs' | 'no-hash';

/** Whether a DOCX file is byte for byte the one recorded for a letter. */
export async function checkLetterFile(
  letter: Pick<Letter, 'docxSha256'>,
  bytes: Uint8Array,
): Promise<FileCheck> {
  if (!letter.docxSha256) return 'no-hash';
  return (await sha256Hex(bytes)) === letter.docxSha256 ? 'matches' : 'differs';
}
