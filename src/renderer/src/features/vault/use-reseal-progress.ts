import { useCallback, useState } from 'react';

export interface ResealCount {
  done: number;
  total: number;
}

/** Rows re-sealed so far by a key rotation (null: none under way), and its progress callback. */
export function useResealProgress() {
  const [count, setCount] = useState<ResealCount | null>(null);
  const onResealed = useCallback((done: number, total: number) => setCount({ done, total }), []);
  const reset = useCallback(() => setCount(null), []);
  return { count, onResealed, reset };
}
