import { useCallback, useMemo, useRef, useState } from 'react';
import type { Contact } from '@core/domain/contact';

export interface Selection {
  /** Selected contacts that still exist. */
  ids: ReadonlySet<string>;
  isSelected(id: string): boolean;
  /** Toggles one row; with `range`, every row from the last toggled one takes its new state. */
  toggle(index: number, range: boolean): void;
  selectAll(rows: readonly Contact[]): void;
  clear(): void;
}

/** Multi-select over the listed rows (kept across searches and filters until cleared). */
export function useSelection(rows: readonly Contact[], existing: readonly Contact[]): Selection {
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<number | null>(null);

  const ids = useMemo(() => {
    if (picked.size === 0) return picked;
    const alive = new Set<string>();
    for (const contact of existing) if (picked.has(contact.id)) alive.add(contact.id);
    return alive;
  }, [picked, existing]);

  const toggle = useCallback(
    (index: number, range: boolean) => {
      const row = rows[index];
      if (!row) return;
      setPicked((current) => {
        const next = new Set(current);
        const select = !current.has(row.id);
        const from = range && anchor.current !== null ? anchor.current : index;
        const [start, end] = from <= index ? [from, index] : [index, from];
        for (let i = start; i <= end; i += 1) {
          const id = rows[i]?.id;
          if (id === undefined) continue;
          if (select) next.add(id);
          else next.delete(id);
        }
        return next;
      });
      anchor.current = index;
    },
    [rows],
  );

  const selectAll = useCallback((all: readonly Contact[]) => {
    setPicked(new Set(all.map((contact) => contact.id)));
  }, []);
  const clear = useCallback(() => {
    setPicked(new Set());
    anchor.current = null;
  }, []);
  const isSelected = useCallback((id: string) => ids.has(id), [ids]);

  return useMemo(
    () => ({ ids, isSelected, toggle, selectAll, clear }),
    [ids, isSelected, toggle, selectAll, clear],
  );
}
