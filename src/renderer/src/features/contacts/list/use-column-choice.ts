import { useCallback, useState } from 'react';
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId } from './contact-columns';

/** A UI preference only (which columns to show), never data: fine in local storage. */
const STORAGE_KEY = 'tadamun.contacts.columns';

function readChoice(): ColumnId[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(stored)) {
      const known = COLUMN_IDS.filter((id) => stored.includes(id));
      if (known.includes('name')) return known;
    }
  } catch {
    // An unreadable preference falls back to the default.
  }
  return [...DEFAULT_COLUMNS];
}

/** The columns the user chose to show (the name always), remembered between sessions. */
export function useColumnChoice(): [ColumnId[], (columns: readonly string[]) => void] {
  const [columns, setColumns] = useState<ColumnId[]>(readChoice);
  const choose = useCallback((picked: readonly string[]) => {
    const next = COLUMN_IDS.filter((id) => id === 'name' || picked.includes(id));
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setColumns(next);
  }, []);
  return [columns, choose];
}
