import { useState } from 'react';
import type { Template } from '@core/domain/template';
import { EMPTY_DOCUMENT, serializeTemplateDocument, type LetterTemplate } from '@core/letters';

export interface TemplateDraft {
  name: string;
  language: 'en' | 'ar';
  subject: string;
  body: string;
  closing: string;
  signature: string;
}

const orEmpty = (v: string | undefined) => v ?? '';

export function draftOf(template: Template | undefined, language: 'en' | 'ar'): TemplateDraft {
  if (!template)
    return {
      name: '',
      language,
      subject: '',
      body: serializeTemplateDocument(EMPTY_DOCUMENT),
      closing: '',
      signature: '',
    };
  return {
    name: template.name,
    language: template.language.startsWith('ar') ? 'ar' : 'en',
    subject: orEmpty(template.subject),
    body: template.body,
    closing: orEmpty(template.closing),
    signature: orEmpty(template.signature),
  };
}

/** The draft as the engine reads it (direction from the language). */
export function draftTemplate(draft: TemplateDraft): LetterTemplate {
  const opt = (v: string) => (v.trim() ? v : undefined);
  return {
    language: draft.language,
    direction: draft.language === 'ar' ? 'rtl' : 'ltr',
    kind: 'letter',
    subject: opt(draft.subject),
    body: draft.body,
    closing: opt(draft.closing),
    signature: opt(draft.signature),
  };
}

export function useTemplateDraft(template: Template | undefined, uiLanguage: string) {
  const [draft, setDraft] = useState(() => draftOf(template, uiLanguage === 'ar' ? 'ar' : 'en'));
  const [dirty, setDirty] = useState(false);
  const update = (patch: Partial<TemplateDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  return { draft, update, dirty, setDirty };
}
