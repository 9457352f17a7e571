/** A catalogue's shape without its English strings: the same keys, any strings. */
export type Widen<T> = {
  -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]>;
} & PluralForms<T>;

/**
 * Plural forms English does not have: a message English splits into `x_one` and `x_other`
 * may have `x_zero`, `x_two`, `x_few` and `x_many` too (Arabic has all six). That each
 * language has all its forms is checked by test/unit/shared/i18n/plurals.test.ts.
 */
type PluralForms<T> = {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${ExtraForm}` : never]?: string;
};
type ExtraForm = 'zero' | 'two' | 'few' | 'many';
