/** Short builders for template documents (starter templates, demo data, tests). */
export { bulletList, doc, field, heading, orderedList, paragraph, text } from './document';
