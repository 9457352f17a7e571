import type { RouteObject } from 'react-router';
import { TemplateEditorPage } from './editor/TemplateEditorPage';
import { LettersPage } from './LettersPage';
import { TemplatesPage } from './TemplatesPage';

/** Templates and letters, below `/templates` and `/letters`. */
export const letterRoutes: RouteObject[] = [
  { path: 'templates', element: <TemplatesPage /> },
  { path: 'templates/new', element: <TemplateEditorPage /> },
  { path: 'templates/:templateId', element: <TemplateEditorPage /> },
  { path: 'letters', element: <LettersPage /> },
];
