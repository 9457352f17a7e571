import { useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTemplateBody, serializeTemplateDocument, type TemplateDocument } from '@core/letters';
import { fieldLabel } from '../field-labels';
import { templateExtensions } from './template-extensions';
import { toTemplateDocument } from './to-template-document';

/** The document to load: a body the engine cannot read opens empty rather than crashing. */
function initialDocument(body: string): TemplateDocument | null {
  try {
    return parseTemplateBody(body);
  } catch {
    return null;
  }
}

/**
 * The TipTap editor of a template body. `onChange` gets the body as the engine stores it.
 * Rebuilt when the UI language changes, so chips show labels in it.
 */
export function useBodyEditor(body: string, onChange: (body: string) => void): Editor | null {
  const { t, i18n } = useTranslation();
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  return useEditor(
    {
      extensions: templateExtensions((field) => fieldLabel(t, field)),
      content: initialDocument(body) ?? undefined,
      editorProps: {
        attributes: { 'data-testid': 'template-body-editor', class: 'letter-editor' },
      },
      onUpdate: ({ editor }) => {
        changed.current(serializeTemplateDocument(toTemplateDocument(editor.getJSON())));
      },
    },
    // The body is the starting content only; a new UI language rebuilds the chips' labels.
    [i18n.language],
  );
}

/** Puts the cursor in the body's block `index` (as validateTemplate counts) and shows it. */
export function focusBlock(editor: Editor, index: number): void {
  let seen = 0;
  let target: number | undefined;
  editor.state.doc.descendants((node, pos) => {
    if (target !== undefined) return false;
    if (node.isTextblock) {
      if (seen === index) target = pos + 1;
      seen += 1;
      return false;
    }
    return true;
  });
  if (target !== undefined) editor.chain().focus().setTextSelection(target).scrollIntoView().run();
}
