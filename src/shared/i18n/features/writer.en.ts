/** Templates and letters: editor, merge fields, generation, letter records (English, the reference). */
export const writerEn = {
  title: 'Templates and letters',
} as const;
