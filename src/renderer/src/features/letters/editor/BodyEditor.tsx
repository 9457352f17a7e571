import { Paper } from '@mantine/core';
import { EditorContent, type Editor } from '@tiptap/react';
import { EditorToolbar } from './EditorToolbar';
import classes from './BodyEditor.module.css';

/** The letter body: toolbar, field picker and the editable page in the template's direction. */
export function BodyEditor({
  editor,
  rtl,
  label,
}: {
  editor: Editor | null;
  rtl: boolean;
  label: string;
}) {
  return (
    <Paper withBorder radius="md" className={classes['frame']}>
      {editor ? <EditorToolbar editor={editor} rtl={rtl} /> : null}
      <div
        dir={rtl ? 'rtl' : 'ltr'}
        lang={rtl ? 'ar' : 'en'}
        aria-label={label}
        className={classes['page']}
      >
        <EditorContent editor={editor} />
      </div>
    </Paper>
  );
}
