import { z } from 'zod';
import {
  instantSchema,
  languageTagSchema,
  optionalText,
  recordBaseShape,
  requiredText,
  tagsSchema,
} from './common';

export const TEMPLATE_KINDS = ['letter', 'email', 'call-script', 'social-post'] as const;

/** What a letter says; changing any of these raises the template's version. */
const wordingFields = {
  subject: optionalText(500),
  /**
   * The template document: JSON of a TipTap/ProseMirror document (see src/core/letters/document.ts),
   * or, for records written before the letters engine, plain text (one paragraph per line).
   */
  body: z.string().max(200_000).default(''),
  /** The closing line before the signature, e.g. "Respectfully," (may hold merge fields). */
  closing: optionalText(200),
  signature: optionalText(2_000),
};

/** An earlier wording of a template, kept so a letter can show exactly what it was made from. */
export const templateRevisionSchema = z.strictObject({
  version: z.number().int().min(1),
  savedAt: instantSchema,
  ...wordingFields,
});

export const templateFields = {
  name: requiredText(200),
  kind: z.enum(TEMPLATE_KINDS).default('letter'),
  language: languageTagSchema.default('en'),
  direction: z.enum(['ltr', 'rtl']).default('ltr'),
  ...wordingFields,
  tags: tagsSchema,
  /** Raised on every edit of subject/body/closing/signature: letters record the version they used. */
  version: z.number().int().min(1).default(1),
  /** Earlier versions, oldest first (records from before the letters engine have none). */
  history: z.array(templateRevisionSchema).max(1_000).default([]),
};

export const templateInputSchema = z.strictObject(templateFields);
export const templateSchema = z.strictObject({ ...recordBaseShape, ...templateFields });
export type TemplateInput = z.input<typeof templateInputSchema>;
export type Template = z.output<typeof templateSchema>;
export type TemplateRevision = z.output<typeof templateRevisionSchema>;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export type TemplateWording = Pick<Template, 'subject' | 'body' | 'closing' | 'signature'>;

const WORDING_KEYS = ['subject', 'body', 'closing', 'signature'] as const;

/**
 * The patch that saves new wording: the current wording goes to `history` and the version rises.
 * Returns an empty patch when nothing in the wording changed.
 */
export function reviseTemplate(
  template: Template,
  wording: Partial<TemplateWording>,
): Partial<TemplateInput> {
  const changed = WORDING_KEYS.some(
    (key) => key in wording && (wording[key] ?? undefined) !== (template[key] ?? undefined),
  );
  if (!changed) return {};
  const previous: TemplateRevision = {
    version: template.version,
    // The record's last write is when the outgoing wording was saved.
    savedAt: template.updatedAt,
    subject: template.subject,
    body: template.body,
    closing: template.closing,
    signature: template.signature,
  };
  // Above every version kept: a coalition merge may have kept a concurrent wording numbered higher.
  const version = Math.max(template.version, ...template.history.map((r) => r.version)) + 1;
  return { ...wording, version, history: [...template.history, previous] };
}

/** The wording a template had at `version`, or undefined if that version is unknown. */
export function templateWordingAt(
  template: Template,
  version: number,
): TemplateWording | undefined {
  if (version === template.version) {
    const { subject, body, closing, signature } = template;
    return { subject, body, closing, signature };
  }
  const revision = template.history.find((r) => r.version === version);
  if (!revision) return undefined;
  const { subject, body, closing, signature } = revision;
  return { subject, body, closing, signature };
}
