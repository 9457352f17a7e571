/**
 * The TipTap schema of a letter: only what the letters engine reads (see
 * src/core/letters/document.ts) — no code, quotes, strike, rules or links.
 */
import { Extension, Node, mergeAttributes, type Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import TextAlign from '@tiptap/extension-text-align';
import { TEXT_ALIGNS } from '@core/letters';
import { LiquidTagIsolation } from './liquid-tag-isolation';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    blockDirection: {
      /** null: the paragraph's direction comes from its text (dir="auto"). */
      setBlockDirection: (dir: 'ltr' | 'rtl' | null) => ReturnType;
    };
    mergeField: {
      insertMergeField: (field: string, fallback?: string) => ReturnType;
    };
  }
}

const BLOCK_TYPES = ['paragraph', 'heading'];

/** `dir` on paragraphs and headings; unset paragraphs render dir="auto" so mixed text reads right. */
export const BlockDirection = Extension.create({
  name: 'blockDirection',
  addGlobalAttributes() {
    return [
      {
        types: BLOCK_TYPES,
        attributes: {
          dir: {
            default: null,
            parseHTML: (element) => {
              const dir = element.getAttribute('dir');
              return dir === 'ltr' || dir === 'rtl' ? dir : null;
            },
            renderHTML: (attributes) => ({ dir: (attributes['dir'] as string | null) ?? 'auto' }),
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      setBlockDirection:
        (dir) =>
        ({ commands }) =>
          BLOCK_TYPES.map((type) => commands.updateAttributes(type, { dir })).some(Boolean),
    };
  },
});

/** The inline chip for `{{ field | default: fallback }}`; `label` words the field for the UI. */
export function mergeFieldNode(label: (field: string) => string) {
  return Node.create({
    name: 'mergeField',
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    addAttributes() {
      return {
        field: {
          default: '',
          parseHTML: (element) => element.getAttribute('data-field') ?? '',
          renderHTML: (attributes) => ({ 'data-field': attributes['field'] as string }),
        },
        fallback: {
          default: null,
          parseHTML: (element) => element.getAttribute('data-fallback'),
          renderHTML: (attributes) =>
            attributes['fallback'] ? { 'data-fallback': attributes['fallback'] as string } : {},
        },
      };
    },
    parseHTML() {
      return [{ tag: 'span[data-merge-field]' }];
    },
    renderHTML({ node, HTMLAttributes }) {
      const field = node.attrs['field'] as string;
      return [
        'span',
        mergeAttributes(HTMLAttributes, {
          'data-merge-field': '',
          class: 'merge-field-chip',
          contenteditable: 'false',
          dir: 'auto',
          title: `{{ ${field} }}`,
        }),
        label(field),
      ];
    },
    renderText({ node }) {
      return `{{ ${node.attrs['field'] as string} }}`;
    },
    addCommands() {
      return {
        insertMergeField:
          (field, fallback) =>
          ({ commands }) =>
            // Only the chip: a space the user did not type would end up in every letter.
            commands.insertContent({
              type: this.name,
              attrs: { field, fallback: fallback ?? null },
            }),
      };
    },
  });
}

export function templateExtensions(label: (field: string) => string): Extensions {
  return [
    StarterKit.configure({
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      link: false,
      heading: { levels: [1, 2, 3] },
    }),
    TextAlign.configure({
      types: BLOCK_TYPES,
      alignments: [...TEXT_ALIGNS],
      defaultAlignment: null,
    }),
    BlockDirection,
    mergeFieldNode(label),
    LiquidTagIsolation,
  ];
}
