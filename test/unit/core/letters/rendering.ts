/** One template rendered for one recipient, and its blocks as text: the engine's tests' tools. */
import type { templateBuilders as b } from '@core/letters';
import {
  renderLetter,
  serializeTemplateDocument,
  type LetterTemplate,
  type RenderedBlock,
} from '@core/letters';
import { campaign, HADDAD, LETTER_DATE, recipient, settings } from './fixtures';

export const template = (
  body: string | ReturnType<typeof b.doc>,
  extra: Partial<LetterTemplate> = {},
): LetterTemplate => ({
  language: 'en',
  direction: 'ltr',
  body: typeof body === 'string' ? body : serializeTemplateDocument(body),
  subject: undefined,
  closing: undefined,
  signature: undefined,
  ...extra,
});

export const texts = (blocks: RenderedBlock[]) =>
  blocks.map((block) => block.runs.map((r) => r.text).join(''));

export const render = (
  body: Parameters<typeof template>[0],
  extra: Partial<LetterTemplate> = {},
  who = recipient(HADDAD),
) =>
  renderLetter(template(body, extra), {
    recipient: who,
    campaign: campaign({
      policy: { identifier: 'S.1234', title: 'An Act relative to fair housing' },
    }),
    settings: settings({
      organizationProfile: { name: 'Bay State Pride', signatoryName: 'Sam Rivera' },
    }),
    date: LETTER_DATE,
  });
