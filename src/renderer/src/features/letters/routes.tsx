import type { RouteObject } from 'react-router';
import { lazyNamed } from '@renderer/app/lazy-named';

// The editor brings TipTap: loaded when a template is first opened.
const TemplateEditorPage = lazyNamed(
  () => import('./editor/TemplateEditorPage'),
  'TemplateEditorPage',
);
const LettersPage = lazyNamed(() => import('./LettersPage'), 'LettersPage');
const TemplatesPage = lazyNamed(() => import('./TemplatesPage'), 'TemplatesPage');

/** Templates and letters, below `/templates` and `/letters`. */
export const letterRoutes: RouteObject[] = [
  { path: 'templates', element: <TemplatesPage /> },
  { path: 'templates/new', element: <TemplateEditorPage /> },
  { path: 'templates/:templateId', element: <TemplateEditorPage /> },
  { path: 'letters', element: <LettersPage /> },
];
