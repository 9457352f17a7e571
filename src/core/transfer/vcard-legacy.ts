/**
 * Cards as phones write them, made into the vCard 3.0 syntax the parser reads:
 * - Android's vCard 2.1: quoted-printable values (in any property, with "=" soft line
 *   breaks), CHARSET parameters and bare types ("TEL;CELL;PREF:…");
 * - iPhone/iCloud's grouped properties, whose label is a separate line
 *   ("item1.EMAIL:…" + "item1.X-ABLabel:_$!<Work>!$_").
 * Photos are dropped here: the contact has no place for them, and they are most of a file.
 */

const PARAMETERS_WITH_VALUES = /^(type|charset|encoding|value|pref|label|language|x-[\w-]+)=/i;
/** Names of a vCard 2.1 property parameter given bare: they are all types. */
const LABELLED_PROPERTIES = new Set(['EMAIL', 'TEL', 'ADR', 'URL']);

interface Line {
  group?: string;
  name: string;
  params: string[];
  value: string;
}

/** Joins folded lines (a leading space or tab) and quoted-printable soft line breaks. */
function logicalLines(card: string): string[] {
  const physical = card.split(/\r\n|\r|\n/);
  const lines: string[] = [];
  for (const line of physical) {
    const previous = lines[lines.length - 1];
    // A soft line break first: the next line may start with a space that is part of the text.
    if (
      previous !== undefined &&
      /QUOTED-PRINTABLE/i.test(previous.split(':')[0] ?? '') &&
      previous.endsWith('=')
    ) {
      lines[lines.length - 1] = previous.slice(0, -1) + line;
    } else if (previous !== undefined && /^[ \t]/.test(line)) {
      lines[lines.length - 1] = previous + line.slice(1);
    } else {
      lines.push(line);
    }
  }
  return lines.filter((line) => line.trim() !== '');
}

function splitLine(line: string): Line | undefined {
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  const [head = '', ...params] = line.slice(0, colon).split(';');
  const dot = head.indexOf('.');
  const group = dot > 0 ? head.slice(0, dot) : undefined;
  return { group, name: head.slice(dot + 1).toUpperCase(), params, value: line.slice(colon + 1) };
}

/** Quoted-printable bytes decoded in the card's charset (UTF-8 unless it says otherwise). */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  try {
    return new TextDecoder(charset).decode(Uint8Array.from(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
  }
}

/** A 3.0 text value: the characters 3.0 escapes, escaped (2.1 did not escape commas). */
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');

/** "_$!<Mobile>!$_" → "mobile"; a label the user typed stays as it is. */
export function appleLabel(label: string): string {
  const standard = /^_\$!<(.+)>!\$_$/.exec(label.trim());
  return standard?.[1] ? standard[1].toLowerCase() : label.trim();
}

const quoteParameter = (value: string) => `"${value.replace(/"/g, "'")}"`;

function rewrite(line: Line, label: string | undefined): string {
  const params: string[] = [];
  let charset = 'utf-8';
  let quotedPrintable = false;
  for (const param of line.params) {
    if (/^charset=/i.test(param)) charset = param.slice(8).replace(/"/g, '') || charset;
    else if (/^(encoding=)?quoted-printable$/i.test(param)) quotedPrintable = true;
    else if (PARAMETERS_WITH_VALUES.test(param)) params.push(param);
    else if (param.trim()) params.push(`TYPE=${param.trim()}`);
  }
  if (label && LABELLED_PROPERTIES.has(line.name)) params.push(`X-LABEL=${quoteParameter(label)}`);
  let value = line.value;
  if (quotedPrintable) {
    // Structured values (N, ADR, ORG) keep their semicolons; each part is decoded on its own.
    value = value
      .split(';')
      .map((part) => escapeText(decodeQuotedPrintable(part, charset)).replace(/,/g, '\\,'))
      .join(';');
  }
  return [line.name, ...params].join(';') + ':' + value;
}

/** The card in 3.0 syntax; cards already in it pass through, their photos dropped. */
export function normalizeCard(card: string): string {
  const lines = logicalLines(card).map(splitLine);
  const labels = new Map<string, string>();
  for (const line of lines) {
    if (line?.group && line.name === 'X-ABLABEL') labels.set(line.group, appleLabel(line.value));
  }
  const out: string[] = [];
  for (const line of lines) {
    // A line without a colon is a 2.1 photo's base64 run (or damage): nothing to read in it.
    if (!line) continue;
    if (line.name === 'PHOTO' || line.name === 'X-ABLABEL') continue;
    if (line.name === 'VERSION') {
      out.push(line.value.trim() === '2.1' ? 'VERSION:3.0' : `VERSION:${line.value.trim()}`);
      continue;
    }
    out.push(rewrite(line, line.group ? labels.get(line.group) : undefined));
  }
  return out.join('\r\n');
}
