/** A catalogue's shape without its English strings: the same keys, any strings. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
