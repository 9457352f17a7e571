/**
 * Turns a template document into one Liquid source, and a rendered Liquid output back into blocks.
 *
 * Conditionals may span paragraphs, so the whole body is rendered as ONE Liquid source. Each block
 * starts with a private-use marker (U+E000 index U+E001) and each run of marks with another
 * (U+E002 index U+E001); after rendering, the markers that survived tell which blocks and runs the
 * text belongs to. A block inside a false `{% if %}` loses its marker and disappears; a block in a
 * `{% for %}` repeats. A block marker goes after any closing tags at the paragraph's start
 * (`{% endif %}`, `{% else %}`…), so those paragraphs belong to what follows the tag. A paragraph
 * that held tags or fields and renders empty (e.g. a line with only `{% if … %}`, or an empty
 * field) is dropped; a paragraph that was empty in the template stays, as spacing.
 */
import type {
  Direction,
  InlineNode,
  MarkName,
  StoredAlign,
  TemplateDocument,
  TextAlign,
} from './document';
import { cleanText } from './sanitize';

/** A line break inside a paragraph, kept out of the Liquid source's line numbering. */
const LINE_BREAK = '\uE003';

export interface ListPosition {
  kind: 'bullet' | 'ordered';
  /** 0 for a top-level list. */
  depth: number;
  /** Which list (in document order) the item belongs to: numbering restarts per list. */
  listIndex: number;
  /** A second paragraph inside a list item: indented, no bullet. */
  continuation: boolean;
}

export interface BlockShape {
  kind: 'paragraph' | 'heading';
  level?: 1 | 2 | 3;
  align?: TextAlign | undefined;
  dir?: Direction | undefined;
  list?: ListPosition;
}

export interface SourceRun {
  text: string;
  marks: MarkName[];
}

export interface SourceBlock extends BlockShape {
  runs: SourceRun[];
  /** The block's Liquid text (merge-field chips written as `{{ … }}`). */
  text: string;
}

export interface RenderedRun {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
}

export interface RenderedBlock extends BlockShape {
  runs: RenderedRun[];
}

/** A Liquid string literal; Liquid has no escapes, so a quote that clashes becomes a typographic one. */
function liquidString(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/"/g, '”')}"`;
}

function inlineRuns(nodes: readonly InlineNode[] | undefined): SourceRun[] {
  return (nodes ?? []).map((node) => {
    const marks = (node.marks ?? []).map((m) => m.type);
    if (node.type === 'text') return { text: cleanText(node.text).replace(/\n/g, ' '), marks };
    if (node.type === 'hardBreak') return { text: LINE_BREAK, marks };
    const fallback = node.attrs.fallback ? cleanText(node.attrs.fallback) : '';
    const filter = fallback ? ` | default: ${liquidString(fallback)}` : '';
    return { text: `{{ ${node.attrs.field}${filter} }}`, marks };
  });
}

/** The document's blocks in reading order, lists flattened with their position. */
export function flattenDocument(
  doc: TemplateDocument,
  direction: Direction = 'ltr',
): SourceBlock[] {
  const attrsOf = (attrs: { textAlign?: StoredAlign | null; dir?: Direction | null } | undefined) =>
    blockAttrs(attrs, direction);
  const blocks: SourceBlock[] = [];
  let listCount = 0;
  const make = (shape: BlockShape, nodes: readonly InlineNode[] | undefined): SourceBlock => {
    const runs = inlineRuns(nodes);
    return { ...shape, runs, text: runs.map((r) => r.text).join('') };
  };
  const walkList = (
    list: Extract<TemplateDocument['content'][number], { type: 'bulletList' | 'orderedList' }>,
    depth: number,
  ) => {
    const listIndex = listCount++;
    const kind = list.type === 'bulletList' ? 'bullet' : 'ordered';
    for (const item of list.content) {
      let first = true;
      for (const child of item.content) {
        if (child.type === 'paragraph') {
          const position = { kind, depth, listIndex, continuation: !first } as const;
          blocks.push(
            make({ kind: 'paragraph', ...attrsOf(child.attrs), list: position }, child.content),
          );
          first = false;
        } else {
          walkList(child, depth + 1);
        }
      }
    }
  };
  for (const node of doc.content) {
    if (node.type === 'paragraph')
      blocks.push(make({ kind: 'paragraph', ...attrsOf(node.attrs) }, node.content));
    else if (node.type === 'heading') {
      blocks.push(
        make(
          { kind: 'heading', level: node.attrs?.level ?? 1, ...attrsOf(node.attrs) },
          node.content,
        ),
      );
    } else walkList(node, 0);
  }
  return blocks;
}

function blockAttrs(
  attrs: { textAlign?: StoredAlign | null; dir?: Direction | null } | undefined,
  templateDirection: Direction,
): { align: TextAlign | undefined; dir: Direction | undefined } {
  const dir = attrs?.dir ?? undefined;
  const ltr = (dir ?? templateDirection) === 'ltr';
  const stored = attrs?.textAlign ?? undefined;
  const align =
    stored === 'left'
      ? ltr
        ? 'start'
        : 'end'
      : stored === 'right'
        ? ltr
          ? 'end'
          : 'start'
        : stored;
  return { align, dir };
}

const TAG_SPAN = /\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g;
const LEADING_CLOSERS = /^(?:\s*\{%-?\s*(?:end\w*|else|elsif|when)\b[\s\S]*?%\})+/;

const blockMarker = (i: number) => `\uE000${i}\uE001`;
const runMarker = (i: number) => `\uE002${i}\uE001`;

/** The Liquid source of the whole body, without markers: line N is block N-1 (for error positions). */
export function plainSource(blocks: readonly { text: string }[]): string {
  return blocks.map((b) => b.text).join('\n');
}

/** The Liquid source with block and run markers, for rendering. */
export function markedSource(blocks: readonly SourceBlock[]): string {
  return blocks.map((block, index) => markBlock(block, index)).join('');
}

function markBlock(block: SourceBlock, index: number): string {
  const { text } = block;
  const spans = [...text.matchAll(TAG_SPAN)].map((m) => [m.index, m.index + m[0].length] as const);
  const outsideTags = (position: number) => {
    const span = spans.find(([start, end]) => position > start && position < end);
    return span ? span[1] : position;
  };
  const blockAt = LEADING_CLOSERS.exec(text)?.[0].length ?? 0;
  // Where each run starts, moved past any tag it falls inside.
  const starts: number[] = [];
  let offset = 0;
  for (const run of block.runs) {
    starts.push(outsideTags(offset));
    offset += run.text.length;
  }
  let opening = 0;
  starts.forEach((start, i) => {
    if (start <= blockAt) opening = i;
  });
  const inserts = [
    { at: blockAt, marker: blockMarker(index) + runMarker(opening) },
    ...starts.flatMap((at, i) => (at > blockAt ? [{ at, marker: runMarker(i) }] : [])),
  ];
  inserts.sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  for (const { at, marker } of inserts) {
    out += text.slice(last, at) + marker;
    last = at;
  }
  return out + text.slice(last);
}

const MARKER = /\uE000(\d+)\uE001|\uE002(\d+)\uE001/g;

/** Splits rendered output at the markers back into blocks with marked runs. */
export function splitRendered(output: string, blocks: readonly SourceBlock[]): RenderedBlock[] {
  const rendered: { source: SourceBlock; runs: RenderedRun[] }[] = [];
  let current: { source: SourceBlock; runs: RenderedRun[] } | undefined;
  let marks: MarkName[] = [];
  let last = 0;
  const flush = (text: string) => {
    if (!current || text === '') return;
    current.runs.push({ text: text.replaceAll(LINE_BREAK, '\n'), ...markFlags(marks) });
  };
  for (const match of output.matchAll(MARKER)) {
    flush(output.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      const source = blocks[Number(match[1])];
      if (!source) continue;
      current = { source, runs: [] };
      rendered.push(current);
      marks = [];
    } else if (current) {
      marks = current.source.runs[Number(match[2])]?.marks ?? [];
    }
  }
  flush(output.slice(last));
  return rendered.flatMap(({ source, runs }) => {
    const tidy = tidyRuns(runs);
    const hadLiquid = source.text.search(TAG_SPAN) >= 0;
    if (tidy.length === 0 && hadLiquid) return [];
    const { runs: _runs, text: _text, ...shape } = source;
    return [{ ...shape, runs: tidy }];
  });
}

function markFlags(marks: readonly MarkName[]): Omit<RenderedRun, 'text'> {
  return {
    ...(marks.includes('bold') ? { bold: true as const } : {}),
    ...(marks.includes('italic') ? { italic: true as const } : {}),
    ...(marks.includes('underline') ? { underline: true as const } : {}),
  };
}

const sameMarks = (a: RenderedRun, b: RenderedRun) =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline;

/** Joins runs with equal marks, folds the double spaces a removed word leaves, trims the ends. */
function tidyRuns(runs: readonly RenderedRun[]): RenderedRun[] {
  const joined: RenderedRun[] = [];
  for (const run of runs) {
    const previous = joined.at(-1);
    if (previous && sameMarks(previous, run)) previous.text += run.text;
    else joined.push({ ...run });
  }
  let text = '';
  for (const run of joined) {
    run.text = run.text.replace(/ {2,}/g, ' ').replace(/ \n|\n /g, '\n');
    if (text.endsWith(' ') && run.text.startsWith(' ')) run.text = run.text.slice(1);
    text += run.text;
  }
  const first = joined[0];
  if (first) first.text = first.text.replace(/^\s+/, '');
  const lastRun = joined.at(-1);
  if (lastRun) lastRun.text = lastRun.text.replace(/\s+$/, '');
  return joined.filter((run) => run.text !== '');
}
