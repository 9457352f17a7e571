import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { templateExtensions } from '@renderer/features/letters/editor/template-extensions';
import { liquidTagRanges } from '@renderer/features/letters/editor/liquid-tag-isolation';

const schema = getSchema(templateExtensions((field) => field));

describe('liquidTagRanges', () => {
  it('finds each literal tag, also after a chip, with positions that cover exactly the tag', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'حضرة ' },
            { type: 'mergeField', attrs: { field: 'target.full_name' } },
            { type: 'text', text: ' {{ target.last_name | default: "السيدة" }} ' },
            { type: 'text', text: '{% if x %}', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'نعم{% endif %}' },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'no tag {{ here' }] },
      ],
    });
    const texts = liquidTagRanges(doc).map(({ from, to }) => doc.textBetween(from, to));
    expect(texts).toEqual([
      '{{ target.last_name | default: "السيدة" }}',
      '{% if x %}',
      '{% endif %}',
    ]);
  });
});
