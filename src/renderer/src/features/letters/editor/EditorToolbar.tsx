import { ActionIcon, Group, Tooltip } from '@mantine/core';
import {
  IconAlignCenter,
  IconAlignJustified,
  IconAlignLeft,
  IconAlignRight,
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconH1,
  IconH2,
  IconH3,
  IconItalic,
  IconList,
  IconListNumbers,
  IconPilcrow,
  IconTextDirectionLtr,
  IconTextDirectionRtl,
  IconUnderline,
  IconLetterA,
} from '@tabler/icons-react';
import { useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldPicker } from './FieldPicker';

interface ToolButton {
  key: string;
  label: string;
  icon: ReactNode;
  active: boolean;
  run: () => void;
}

/** Formatting buttons limited to what letters keep; alignment icons follow the writing direction. */
export function EditorToolbar({ editor, rtl }: { editor: Editor; rtl: boolean }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      paragraph: e.isActive('paragraph') && !e.isActive('listItem'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      align: (['start', 'center', 'end', 'justify'] as const).find((a) =>
        e.isActive({ textAlign: a }),
      ),
      dir: (e.getAttributes('paragraph')['dir'] ?? e.getAttributes('heading')['dir'] ?? null) as
        'ltr' | 'rtl' | null,
    }),
  });
  const chain = () => editor.chain().focus();
  const groups: ToolButton[][] = [
    [
      {
        key: 'bold',
        label: t('writer.editor.toolbar.bold'),
        icon: <IconBold size={16} />,
        active: state.bold,
        run: () => chain().toggleBold().run(),
      },
      {
        key: 'italic',
        label: t('writer.editor.toolbar.italic'),
        icon: <IconItalic size={16} />,
        active: state.italic,
        run: () => chain().toggleItalic().run(),
      },
      {
        key: 'underline',
        label: t('writer.editor.toolbar.underline'),
        icon: <IconUnderline size={16} />,
        active: state.underline,
        run: () => chain().toggleUnderline().run(),
      },
    ],
    [
      {
        key: 'paragraph',
        label: t('writer.editor.toolbar.paragraph'),
        icon: <IconPilcrow size={16} />,
        active: state.paragraph,
        run: () => chain().setParagraph().run(),
      },
      ...([1, 2, 3] as const).map((level) => ({
        key: `h${level}`,
        label: t('writer.editor.toolbar.heading', { level }),
        icon:
          level === 1 ? (
            <IconH1 size={16} />
          ) : level === 2 ? (
            <IconH2 size={16} />
          ) : (
            <IconH3 size={16} />
          ),
        active: state[`h${level}`],
        run: () => chain().toggleHeading({ level }).run(),
      })),
      {
        key: 'bullet',
        label: t('writer.editor.toolbar.bulletList'),
        icon: <IconList size={16} />,
        active: state.bullet,
        run: () => chain().toggleBulletList().run(),
      },
      {
        key: 'ordered',
        label: t('writer.editor.toolbar.orderedList'),
        icon: <IconListNumbers size={16} />,
        active: state.ordered,
        run: () => chain().toggleOrderedList().run(),
      },
    ],
    [
      {
        key: 'start',
        label: t('writer.editor.toolbar.alignStart'),
        icon: rtl ? <IconAlignRight size={16} /> : <IconAlignLeft size={16} />,
        active: state.align === 'start',
        run: () => chain().setTextAlign('start').run(),
      },
      {
        key: 'center',
        label: t('writer.editor.toolbar.alignCenter'),
        icon: <IconAlignCenter size={16} />,
        active: state.align === 'center',
        run: () => chain().setTextAlign('center').run(),
      },
      {
        key: 'end',
        label: t('writer.editor.toolbar.alignEnd'),
        icon: rtl ? <IconAlignLeft size={16} /> : <IconAlignRight size={16} />,
        active: state.align === 'end',
        run: () => chain().setTextAlign('end').run(),
      },
      {
        key: 'justify',
        label: t('writer.editor.toolbar.justify'),
        icon: <IconAlignJustified size={16} />,
        active: state.align === 'justify',
        run: () => chain().setTextAlign('justify').run(),
      },
    ],
    [
      {
        key: 'ltr',
        label: t('writer.editor.toolbar.dirLtr'),
        icon: <IconTextDirectionLtr size={16} />,
        active: state.dir === 'ltr',
        run: () => chain().setBlockDirection('ltr').run(),
      },
      {
        key: 'rtl',
        label: t('writer.editor.toolbar.dirRtl'),
        icon: <IconTextDirectionRtl size={16} />,
        active: state.dir === 'rtl',
        run: () => chain().setBlockDirection('rtl').run(),
      },
      {
        key: 'auto',
        label: t('writer.editor.toolbar.dirAuto'),
        icon: <IconLetterA size={16} />,
        active: state.dir === null,
        run: () => chain().setBlockDirection(null).run(),
      },
    ],
    [
      {
        key: 'undo',
        label: t('writer.editor.toolbar.undo'),
        icon: rtl ? <IconArrowForwardUp size={16} /> : <IconArrowBackUp size={16} />,
        active: false,
        run: () => chain().undo().run(),
      },
      {
        key: 'redo',
        label: t('writer.editor.toolbar.redo'),
        icon: rtl ? <IconArrowBackUp size={16} /> : <IconArrowForwardUp size={16} />,
        active: false,
        run: () => chain().redo().run(),
      },
    ],
  ];
  return (
    <Group gap="xs" role="toolbar" aria-label={t('writer.editor.toolbar.label')} wrap="wrap" p={6}>
      {groups.map((buttons, i) => (
        <ActionIcon.Group key={i}>
          {buttons.map((b) => (
            <Tooltip key={b.key} label={b.label} withinPortal>
              <ActionIcon
                variant={b.active ? 'filled' : 'default'}
                aria-label={b.label}
                aria-pressed={b.active}
                data-testid={`tool-${b.key}`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={b.run}
              >
                {b.icon}
              </ActionIcon>
            </Tooltip>
          ))}
        </ActionIcon.Group>
      ))}
      <FieldPicker
        testId="body-field-picker"
        onPick={(field) => editor.chain().focus().insertMergeField(field).run()}
      />
    </Group>
  );
}
