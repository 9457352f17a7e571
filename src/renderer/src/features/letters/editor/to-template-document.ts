/**
 * The editor's JSON, cut down to the template document the engine accepts: TipTap adds
 * attributes the engine's strict schema refuses (orderedList `type`, null aligns, marks it does
 * not know), so only known attributes and marks are kept.
 */
import type { JSONContent } from '@tiptap/react';
import {
  MARKS,
  TEXT_ALIGNS,
  type BlockNode,
  type InlineNode,
  type ListItemNode,
  type MarkName,
  type TemplateDocument,
} from '@core/letters';

type Attrs = Record<string, unknown> | undefined;

function marksOf(node: JSONContent): { marks?: { type: MarkName }[] } {
  const marks = (node.marks ?? [])
    .map((m) => m.type)
    .filter((type): type is MarkName => (MARKS as readonly string[]).includes(type));
  return marks.length ? { marks: [...new Set(marks)].map((type) => ({ type })) } : {};
}

function blockAttrs(attrs: Attrs): {
  textAlign?: (typeof TEXT_ALIGNS)[number];
  dir?: 'ltr' | 'rtl';
} {
  const align = attrs?.['textAlign'];
  const dir = attrs?.['dir'];
  return {
    ...((TEXT_ALIGNS as readonly unknown[]).includes(align)
      ? { textAlign: align as (typeof TEXT_ALIGNS)[number] }
      : {}),
    ...(dir === 'ltr' || dir === 'rtl' ? { dir } : {}),
  };
}

function inline(nodes: JSONContent[] | undefined): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text' && node.text)
      out.push({ type: 'text', text: node.text, ...marksOf(node) });
    else if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (node.type === 'mergeField') {
      const field = String(node.attrs?.['field'] ?? '');
      const fallback = node.attrs?.['fallback'];
      if (field)
        out.push({
          type: 'mergeField',
          attrs: typeof fallback === 'string' && fallback ? { field, fallback } : { field },
          ...marksOf(node),
        });
    }
  }
  return out;
}

function withContent<T extends object>(node: T, content: InlineNode[]): T {
  return content.length ? { ...node, content } : node;
}

function listItems(nodes: JSONContent[] | undefined): ListItemNode[] {
  return (nodes ?? []).flatMap((item): ListItemNode[] => {
    const content = blocks(item.content).filter(
      (b): b is ListItemNode['content'][number] => b.type !== 'heading',
    );
    return content.length ? [{ type: 'listItem', content }] : [];
  });
}

function blocks(nodes: JSONContent[] | undefined): BlockNode[] {
  return (nodes ?? []).flatMap((node): BlockNode[] => {
    const attrs = blockAttrs(node.attrs);
    const hasAttrs = Object.keys(attrs).length > 0;
    switch (node.type) {
      case 'paragraph':
        return [
          withContent({ type: 'paragraph', ...(hasAttrs ? { attrs } : {}) }, inline(node.content)),
        ];
      case 'heading': {
        const raw = Number(node.attrs?.['level'] ?? 1);
        const level = (raw >= 1 && raw <= 3 ? raw : 3) as 1 | 2 | 3;
        return [withContent({ type: 'heading', attrs: { level, ...attrs } }, inline(node.content))];
      }
      case 'bulletList': {
        const content = listItems(node.content);
        return content.length ? [{ type: 'bulletList', content }] : [];
      }
      case 'orderedList': {
        const content = listItems(node.content);
        const start = Number(node.attrs?.['start'] ?? 1);
        return content.length
          ? [
              {
                type: 'orderedList',
                ...(Number.isInteger(start) && start !== 1 && start >= 0
                  ? { attrs: { start } }
                  : {}),
                content,
              },
            ]
          : [];
      }
      default:
        return [];
    }
  });
}

export function toTemplateDocument(json: JSONContent): TemplateDocument {
  const content = blocks(json.content);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}
