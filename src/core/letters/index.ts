/** The letters engine: template documents, merge fields, validation, DOCX letters and batches. */
export {
  EMPTY_DOCUMENT,
  MARKS,
  TEXT_ALIGNS,
  TemplateBodyError,
  parseTemplateBody,
  plainTextToDocument,
  serializeTemplateDocument,
  templateDocumentSchema,
  type BlockNode,
  type BulletListNode,
  type Direction,
  type HeadingNode,
  type InlineNode,
  type ListItemNode,
  type MarkName,
  type MergeFieldNode,
  type OrderedListNode,
  type ParagraphNode,
  type TemplateDocument,
  type TextAlign,
  type TextNode,
} from './document';
export * as templateBuilders from './template-builders';
export { letterLanguage, type LetterLanguage } from './language';
export {
  formatGregorianDate,
  formatHijriDate,
  formatLetterDate,
  localizeDigits,
  type DateOptions,
  type EnglishDateLocale,
} from './dates';
export { arabicSalutation, englishSalutation, salutation } from './salutation';
export { addresseeName, postalAddressLines, recipientBlockLines } from './address';
export {
  FIELD_CATALOGUE,
  buildLetterContext,
  findField,
  type FieldDefinition,
  type FieldGroup,
  type FieldValue,
  type LetterData,
  type LetterRecipient,
  type MissingDataCode,
} from './fields';
export {
  LetterRenderError,
  LetterTemplateError,
  compileTemplate,
  renderLetter,
  renderedLetterText,
  type CompiledTemplate,
  type LetterRenderData,
  type LetterTemplate,
  type RenderedLetter,
} from './engine';
export type { ListPosition, RenderedBlock, RenderedRun } from './source';
export {
  checkRecipients,
  fieldsUsed,
  validateTemplate,
  type RecipientCheck,
  type RecipientCheckOptions,
  type RecipientProblem,
  type RecipientProblemCode,
  type TemplatePart,
  type TemplateProblem,
} from './validate';
export { cleanText, xmlSafe } from './sanitize';
export { LetterImageError, imageInfo, type LetterImage } from './docx/image';
export type { Letterhead, LetterLayout } from './docx/layout';
export { DEFAULT_FONTS, type LetterFonts } from './docx/runs';
export {
  renderCombinedDocx,
  renderLetterDocx,
  renderLetterDocxFiles,
  type LetterDocxOptions,
  type LetterPackage,
  type MarginsMm,
} from './docx/render';
export {
  checkLetterFile,
  isoDay,
  letterFileName,
  safeFileName,
  sha256Hex,
  uniqueNames,
  zipLetters,
  type FileCheck,
  type NamedFile,
} from './files';
export {
  assembleLetterFiles,
  generateLetterFiles,
  generateLetters,
  jobDocxOptions,
  jobArabicRegion,
  jobRecipients,
  letterheadFromSettings,
  warmUpLetterWriting,
  type LetterFiles,
  type GeneratedLetter,
  type LetterJob,
  type LetterJobControl,
  type LetterJobProgress,
  type LetterJobResult,
  type LetterOutput,
} from './generate';
export {
  STARTER_TEMPLATES,
  STARTER_TEMPLATE_KEYS,
  starterTemplate,
  type StarterTemplate,
  type StarterTemplateInput,
  type StarterTemplateKey,
} from './starter-templates';
