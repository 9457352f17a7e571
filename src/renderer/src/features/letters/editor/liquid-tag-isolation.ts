/**
 * Literal Liquid tags typed in the text (`{{ target.last_name | default: "…" }}`, `{% if %}`)
 * are code: in a right-to-left paragraph the bidi algorithm would reorder their Latin pieces and
 * punctuation. Each tag is shown as one left-to-right, isolated unit. A decoration only: the
 * document and the saved template are unchanged.
 */
import { Extension } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
/** Leaf nodes (chips, line breaks) count as one character, as they take one position. */
const LEAF = '\uFFFC';

export function liquidTagRanges(doc: ProseMirrorNode): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, LEAF);
    for (const match of text.matchAll(TAG)) {
      const from = pos + 1 + match.index;
      ranges.push({ from, to: from + match[0].length });
    }
    return false;
  });
  return ranges;
}

function decorations(doc: ProseMirrorNode): DecorationSet {
  return DecorationSet.create(
    doc,
    liquidTagRanges(doc).map(({ from, to }) =>
      Decoration.inline(from, to, { nodeName: 'span', dir: 'ltr', class: 'liquid-tag' }),
    ),
  );
}

const key = new PluginKey<DecorationSet>('liquidTagIsolation');

export const LiquidTagIsolation = Extension.create({
  name: 'liquidTagIsolation',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => decorations(state.doc),
          apply: (tr, old) => (tr.docChanged ? decorations(tr.doc) : old),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
