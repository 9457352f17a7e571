import { describe, expect, it } from 'vitest';
import { parseTemplateBody, serializeTemplateDocument } from '@core/letters';
import { toTemplateDocument } from '@renderer/features/letters/editor/to-template-document';

describe('toTemplateDocument', () => {
  it('keeps what the engine reads and drops what TipTap adds', () => {
    const json = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { textAlign: 'center', dir: 'rtl', extra: 1 },
          content: [
            { type: 'text', text: 'Dear ', marks: [{ type: 'bold' }, { type: 'strike' }] },
            { type: 'mergeField', attrs: { field: 'target.full_name', fallback: null } },
            { type: 'hardBreak' },
            {
              type: 'text',
              text: 'x',
              marks: [{ type: 'link', attrs: { href: 'https://e.org' } }],
            },
          ],
        },
        { type: 'heading', attrs: { level: 5, textAlign: null, dir: null } },
        {
          type: 'orderedList',
          attrs: { start: 1, type: null },
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', attrs: { textAlign: null, dir: null } }],
            },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph' }] },
      ],
    };
    const doc = toTemplateDocument(json);
    expect(doc).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { textAlign: 'center', dir: 'rtl' },
          content: [
            { type: 'text', text: 'Dear ', marks: [{ type: 'bold' }] },
            { type: 'mergeField', attrs: { field: 'target.full_name' } },
            { type: 'hardBreak' },
            { type: 'text', text: 'x' },
          ],
        },
        { type: 'heading', attrs: { level: 3 } },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      ],
    });
    // The strict engine schema accepts it unchanged.
    expect(parseTemplateBody(serializeTemplateDocument(doc))).toEqual(doc);
  });

  it('keeps a chip fallback and gives an empty editor one empty paragraph', () => {
    expect(
      toTemplateDocument({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'mergeField',
                attrs: { field: 'target.district', fallback: 'your district' },
              },
            ],
          },
        ],
      }).content[0],
    ).toEqual({
      type: 'paragraph',
      content: [
        { type: 'mergeField', attrs: { field: 'target.district', fallback: 'your district' } },
      ],
    });
    expect(toTemplateDocument({ type: 'doc', content: [] })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
  });
});
