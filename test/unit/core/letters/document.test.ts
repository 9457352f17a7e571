import { describe, expect, it } from 'vitest';
import {
  EMPTY_DOCUMENT,
  TemplateBodyError,
  parseTemplateBody,
  plainTextToDocument,
  serializeTemplateDocument,
  templateBuilders as b,
} from '@core/letters';

describe('the template document format', () => {
  it('round-trips TipTap JSON unchanged', () => {
    const tiptap = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, textAlign: 'center', dir: null },
          content: [{ type: 'text', text: 'Title' }],
        },
        {
          type: 'paragraph',
          attrs: { textAlign: 'justify', dir: 'rtl' },
          content: [
            { type: 'text', text: 'Dear ', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'mergeField', attrs: { field: 'target.family_name', fallback: 'friend' } },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: 'One', marks: [{ type: 'underline' }] }],
                },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const body = JSON.stringify(tiptap);
    expect(parseTemplateBody(body)).toEqual(tiptap);
    expect(JSON.parse(serializeTemplateDocument(parseTemplateBody(body)))).toEqual(tiptap);
  });

  it('reads plain text, and text that only looks like JSON, as paragraphs', () => {
    expect(parseTemplateBody('Dear {{ target.family_name }},\n\nThanks')).toEqual(
      b.doc(b.paragraph('Dear {{ target.family_name }},'), b.paragraph(), b.paragraph('Thanks')),
    );
    expect(parseTemplateBody('{not json} at all')).toEqual(
      plainTextToDocument('{not json} at all'),
    );
    expect(parseTemplateBody('')).toEqual(EMPTY_DOCUMENT);
  });

  it('refuses a JSON document with nodes outside the format, naming the path', () => {
    const body = JSON.stringify({
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 5 }, content: [] }],
    });
    expect(() => parseTemplateBody(body)).toThrow(TemplateBodyError);
    expect(() => parseTemplateBody(body)).toThrow(/content\.0\.attrs\.level/);
  });
});
