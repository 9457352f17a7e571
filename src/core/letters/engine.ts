/**
 * Rendering: a template is checked and parsed once, then rendered for each recipient into the
 * same blocks with their text resolved (see source.ts for how the body becomes one Liquid source).
 */
import type { Liquid, Template as LiquidTemplate } from 'liquidjs';
import type { Template } from '../domain/template';
import { parseTemplateBody } from './document';
import {
  FIELD_CATALOGUE,
  buildLetterContext,
  findField,
  type FieldDefinition,
  type LetterData,
} from './fields';
import {
  regionOfTag,
  resolveArabicDigits,
  type ArabicDigits,
  type ArabicRegion,
} from '../domain/arabic-region';
import { letterLanguage, type LetterLanguage } from './language';
import { createLiquid } from './liquid';
import { cleanText } from './sanitize';
import {
  flattenDocument,
  markedSource,
  splitRendered,
  type RenderedBlock,
  type SourceBlock,
} from './source';
import { validateTemplate, type TemplateProblem } from './validate';

export type LetterTemplate = Pick<
  Template,
  'language' | 'direction' | 'subject' | 'body' | 'closing' | 'signature'
> &
  Partial<Pick<Template, 'id' | 'version' | 'kind'>>;

/** The template problems found before generating; generating refuses a template that has any. */
export class LetterTemplateError extends Error {
  constructor(readonly problems: readonly TemplateProblem[]) {
    super(
      `The template has ${problems.length} problem(s): ${problems.map((p) => p.code).join(', ')}`,
    );
    this.name = 'LetterTemplateError';
  }
}

export class LetterRenderError extends Error {
  constructor(
    readonly recipientId: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'LetterRenderError';
  }
}

export interface RenderedLetter {
  language: LetterLanguage;
  direction: 'ltr' | 'rtl';
  subject: string;
  body: RenderedBlock[];
  closing: string;
  signature: string[];
  /** Arabic letters: the region whose month names they use, and the digits they print. */
  region?: ArabicRegion | undefined;
  digits?: ArabicDigits | undefined;
}

/** What a letter is rendered from: the language comes from the template. */
export type LetterRenderData = Omit<LetterData, 'language'>;

export interface CompiledTemplate {
  template: LetterTemplate;
  language: LetterLanguage;
  /** The region the template's language tag names ("ar-MA"), overriding the workspace's. */
  region: ArabicRegion | undefined;
  blocks: SourceBlock[];
  render(data: LetterRenderData): RenderedLetter;
}

/**
 * The catalogue fields the parsed templates read, so that each letter computes only those (a
 * salutation or a date costs more than the rest of a letter's fields). A group read as a whole
 * or through a name the catalogue lacks (`target[key]`, `target.nickname`) brings all its
 * fields, as does any doubt: the analysis failing returns the whole catalogue.
 */
function usedFields(liquid: Liquid, templates: readonly LiquidTemplate[]): FieldDefinition[] {
  let segments: ReturnType<Liquid['globalVariableSegmentsSync']>;
  try {
    segments = liquid.globalVariableSegmentsSync([...templates]);
  } catch {
    return [...FIELD_CATALOGUE];
  }
  const ids = new Set<string>();
  for (const [root, name] of segments) {
    if (typeof root !== 'string') return [...FIELD_CATALOGUE];
    if (findField(root)) ids.add(root);
    else if (typeof name === 'string' && findField(`${root}.${name}`)) ids.add(`${root}.${name}`);
    else for (const f of FIELD_CATALOGUE) if (f.group === root) ids.add(f.id);
  }
  return FIELD_CATALOGUE.filter((f) => ids.has(f.id));
}

/** Parses a template once for many recipients; throws LetterTemplateError when it has problems. */
export function compileTemplate(template: LetterTemplate): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (!compiled) compiledTemplates.set(template, (compiled = compile(template)));
  return compiled;
}

/**
 * A job compiles its template in each step (check, package, render): once per template object
 * is enough, as a job's template does not change while it runs.
 */
const compiledTemplates = new WeakMap<LetterTemplate, CompiledTemplate>();

function compile(template: LetterTemplate): CompiledTemplate {
  const problems = validateTemplate(template);
  if (problems.length) throw new LetterTemplateError(problems);
  const liquid = createLiquid();
  const blocks = flattenDocument(parseTemplateBody(template.body), template.direction);
  const parsed = (source: string | undefined): LiquidTemplate[] =>
    liquid.parse(cleanText(source ?? ''));
  const body = liquid.parse(markedSource(blocks));
  const subject = parsed(template.subject);
  const closing = parsed(template.closing);
  const signature = parsed(template.signature);
  const language = letterLanguage(template.language);
  const fields = usedFields(liquid, [...body, ...subject, ...closing, ...signature]);
  const templateRegion = regionOfTag(template.language);
  return {
    template,
    language,
    region: templateRegion,
    blocks,
    render(data) {
      const arabicRegion = templateRegion ?? data.arabicRegion ?? data.settings.arabicRegion;
      const context = buildLetterContext({ ...data, language, arabicRegion }, cleanText, fields);
      const run = (tpl: LiquidTemplate[]) => {
        try {
          return String(liquid.renderSync(tpl, context));
        } catch (error) {
          throw new LetterRenderError(data.recipient?.id, (error as Error).message);
        }
      };
      const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
      return {
        language,
        direction: template.direction,
        subject: oneLine(run(subject)),
        body: splitRendered(run(body), blocks),
        closing: oneLine(run(closing)),
        signature: run(signature)
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        ...(language === 'ar'
          ? {
              region: arabicRegion,
              digits: resolveArabicDigits(data.settings.arabicDigits, arabicRegion),
            }
          : {}),
      };
    },
  };
}

/** One template for one recipient. */
export function renderLetter(template: LetterTemplate, data: LetterRenderData): RenderedLetter {
  return compileTemplate(template).render(data);
}

/** The letter as plain text: what the letter record keeps as its snapshot. */
export function renderedLetterText(letter: RenderedLetter): string {
  const numbers = new Map<number, number>();
  const body = letter.body.map((block) => {
    const text = block.runs.map((r) => r.text).join('');
    const list = block.list;
    if (!list) return text;
    const indent = '  '.repeat(list.depth + (list.continuation ? 1 : 0));
    if (list.continuation) return indent + text;
    if (list.kind === 'bullet') return `${indent}• ${text}`;
    const n = (numbers.get(list.listIndex) ?? 0) + 1;
    numbers.set(list.listIndex, n);
    return `${indent}${n}. ${text}`;
  });
  return [letter.subject, ...body, letter.closing, ...letter.signature]
    .filter((part, i) => i !== 0 || part !== '')
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
