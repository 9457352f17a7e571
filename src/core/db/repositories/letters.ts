import type { Interaction } from '../../domain/interaction';
import { letterInputSchema, type Letter, type LetterInput } from '../../domain/letter';
import type { InteractionRepository } from './interactions';
import { Repository, type DataContext } from './repository';

/** One generated letter, as the letter writer made it (see letters/generate.ts). */
export interface GeneratedLetterRecord {
  contactId: string;
  targetId?: string | undefined;
  subject: string;
  renderedText: string;
  fileName: string;
  docxSha256: string;
}

export interface RecordLettersInput {
  letters: readonly GeneratedLetterRecord[];
  campaignId?: string | undefined;
  templateId?: string | undefined;
  templateVersion?: number | undefined;
  /** When the letters were made (the interactions' time). */
  at: Date;
}

export class LetterRepository extends Repository<'letters', LetterInput> {
  constructor(
    context: DataContext,
    private readonly interactions: InteractionRepository,
  ) {
    super(context, 'letters', letterInputSchema);
  }

  /**
   * Keeps what was generated: one Letter record per letter (text snapshot, template and
   * version, target, campaign, SHA-256 of the DOCX) and an outgoing `letter` interaction for
   * each, in one commit: all of them or none.
   */
  async recordGenerated(
    input: RecordLettersInput,
  ): Promise<{ letters: Letter[]; interactions: Interaction[] }> {
    const letters = input.letters.map((generated) =>
      this.prepareCreate({
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
      this.interactions.prepareCreate({
        campaignId: input.campaignId,
        contactId: letter.contactId,
        kind: 'letter',
        direction: 'outgoing',
        occurredAt: input.at.toISOString(),
        letterId: letter.id,
        ...(letter.subject ? { notes: letter.subject } : {}),
      }),
    );
    await this.store.commit([
      ...letters.map((letter) => this.put(letter)),
      ...interactions.map((interaction) => this.interactions.put(interaction)),
    ]);
    return { letters, interactions };
  }
}
