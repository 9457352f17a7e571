/**
 * The template document: the JSON subset of TipTap/ProseMirror that the editor loads and saves
 * unchanged. `Template.body` holds it as JSON text; older bodies are plain text.
 */
import { z } from 'zod';

export const MARKS = ['bold', 'italic', 'underline'] as const;
export type MarkName = (typeof MARKS)[number];
export const TEXT_ALIGNS = ['start', 'center', 'end', 'justify'] as const;
export type TextAlign = (typeof TEXT_ALIGNS)[number];
/** TipTap's TextAlign extension stores 'left'/'right' unless configured otherwise: read as well. */
const STORED_ALIGNS = [...TEXT_ALIGNS, 'left', 'right'] as const;
export type StoredAlign = (typeof STORED_ALIGNS)[number];
export type Direction = 'ltr' | 'rtl';

const markSchema = z.strictObject({ type: z.enum(MARKS) });
const blockAttrs = z
  .strictObject({
    textAlign: z.enum(STORED_ALIGNS).nullable().optional(),
    /** null: the template's direction. */
    dir: z.enum(['ltr', 'rtl']).nullable().optional(),
  })
  .optional();

export const textNodeSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1).max(100_000),
  marks: z.array(markSchema).max(3).optional(),
});

/** An inline chip standing for `{{ field | default: fallback }}`. */
export const mergeFieldNodeSchema = z.strictObject({
  type: z.literal('mergeField'),
  attrs: z.strictObject({
    field: z
      .string()
      .regex(/^[a-z_]+(\.[a-z_0-9]+)*$/, 'expected a field such as target.family_name'),
    fallback: z.string().max(500).nullable().optional(),
  }),
  marks: z.array(markSchema).max(3).optional(),
});

/** A line break inside a paragraph (Shift+Enter in the editor). */
export const hardBreakNodeSchema = z.strictObject({
  type: z.literal('hardBreak'),
  marks: z.array(markSchema).max(3).optional(),
});

const inlineSchema = z.discriminatedUnion('type', [
  textNodeSchema,
  mergeFieldNodeSchema,
  hardBreakNodeSchema,
]);

export const paragraphSchema = z.strictObject({
  type: z.literal('paragraph'),
  attrs: blockAttrs,
  content: z.array(inlineSchema).max(10_000).optional(),
});

export const headingSchema = z.strictObject({
  type: z.literal('heading'),
  attrs: z
    .strictObject({
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      textAlign: z.enum(STORED_ALIGNS).nullable().optional(),
      dir: z.enum(['ltr', 'rtl']).nullable().optional(),
    })
    .optional(),
  content: z.array(inlineSchema).max(10_000).optional(),
});

export type TextNode = z.infer<typeof textNodeSchema>;
export type MergeFieldNode = z.infer<typeof mergeFieldNodeSchema>;
export type HardBreakNode = z.infer<typeof hardBreakNodeSchema>;
export type InlineNode = TextNode | MergeFieldNode | HardBreakNode;
export type ParagraphNode = z.infer<typeof paragraphSchema>;
export type HeadingNode = z.infer<typeof headingSchema>;
export interface ListItemNode {
  type: 'listItem';
  content: (ParagraphNode | BulletListNode | OrderedListNode)[];
}
export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}
export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number | null } | undefined;
  content: ListItemNode[];
}
export type BlockNode = ParagraphNode | HeadingNode | BulletListNode | OrderedListNode;
export interface TemplateDocument {
  type: 'doc';
  content: BlockNode[];
}

// Discriminated by `type`, so an error names the node that is wrong rather than "invalid input".
const listItemSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.strictObject({
    type: z.literal('listItem'),
    content: z
      .array(z.discriminatedUnion('type', [paragraphSchema, bulletListSchema, orderedListSchema]))
      .min(1)
      .max(1_000),
  }),
);
const bulletListSchema = z.strictObject({
  type: z.literal('bulletList'),
  content: z.array(listItemSchema).min(1),
});
const orderedListSchema = z.strictObject({
  type: z.literal('orderedList'),
  attrs: z.strictObject({ start: z.number().int().min(0).nullable().optional() }).optional(),
  content: z.array(listItemSchema).min(1),
});

export const templateDocumentSchema: z.ZodType<TemplateDocument> = z.strictObject({
  type: z.literal('doc'),
  content: z
    .array(
      z.discriminatedUnion('type', [
        paragraphSchema,
        headingSchema,
        bulletListSchema,
        orderedListSchema,
      ]),
    )
    .max(10_000),
});

export const EMPTY_DOCUMENT: TemplateDocument = { type: 'doc', content: [{ type: 'paragraph' }] };

/** One paragraph per line; `{{x}}` and `{% … %}` text stays text (the engine reads it as Liquid). */
export function plainTextToDocument(text: string): TemplateDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return {
    type: 'doc',
    content: lines.map((line): ParagraphNode =>
      line === ''
        ? { type: 'paragraph' }
        : { type: 'paragraph', content: [{ type: 'text', text: line }] },
    ),
  };
}

export class TemplateBodyError extends Error {
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(
      `The template document is not valid: ${issues.map((i) => `${i.path || 'document'}: ${i.message}`).join('; ')}`,
    );
    this.name = 'TemplateBodyError';
  }
}

/**
 * Reads `Template.body`: a JSON document (checked; a broken one throws TemplateBodyError) or,
 * when the text is not a JSON object, a plain-text body.
 */
export function parseTemplateBody(body: string): TemplateDocument {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith('{')) return plainTextToDocument(body);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return plainTextToDocument(body);
  }
  const result = templateDocumentSchema.safeParse(json);
  if (!result.success) {
    throw new TemplateBodyError(
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data;
}

export function serializeTemplateDocument(doc: TemplateDocument): string {
  return JSON.stringify(templateDocumentSchema.parse(doc));
}

// Builders, for starter templates and tests.
export const text = (value: string, ...marks: MarkName[]): TextNode =>
  marks.length
    ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) }
    : { type: 'text', text: value };
export const field = (name: string, fallback?: string): MergeFieldNode => ({
  type: 'mergeField',
  attrs: fallback === undefined ? { field: name } : { field: name, fallback },
});
export const paragraph = (...content: (InlineNode | string)[]): ParagraphNode => {
  const nodes = content.flatMap((c) => (typeof c === 'string' ? (c ? [text(c)] : []) : [c]));
  return nodes.length ? { type: 'paragraph', content: nodes } : { type: 'paragraph' };
};
export const heading = (level: 1 | 2 | 3, ...content: (InlineNode | string)[]): HeadingNode => ({
  type: 'heading',
  attrs: { level },
  content: content.map((c) => (typeof c === 'string' ? text(c) : c)),
});
export const bulletList = (...items: (InlineNode | string)[][]): BulletListNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(...item)] })),
});
export const orderedList = (...items: (InlineNode | string)[][]): OrderedListNode => ({
  type: 'orderedList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(...item)] })),
});
export const doc = (...content: BlockNode[]): TemplateDocument => ({ type: 'doc', content });
