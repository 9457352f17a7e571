/**
 * The planner's keyboard shortcuts. With Ctrl (⌘ on macOS) they match the native menu's
 * accelerators and work in the browser build too; the single keys work in the campaign
 * workspace when the focus is not in a text field. Matched by physical key (any layout).
 */
import type { Shortcut } from '@renderer/app/session/shortcuts';
import { isTextEntry } from '@renderer/lib/keyboard';

export const NEW_CAMPAIGN_SHORTCUT: Shortcut = { code: 'KeyN', shift: false };
export const LOG_INTERACTION_SHORTCUT: Shortcut = { code: 'KeyI', shift: false };
export const SEARCH_SHORTCUT: Shortcut = { code: 'KeyF', shift: false };

/** Single keys inside the campaign workspace. */
export const ADD_TARGET_KEY = { code: 'KeyA', label: 'A' } as const;
export const LOG_KEY = { code: 'KeyL', label: 'L' } as const;

/** Marks the input that Ctrl+F focuses on the current screen. */
export const SEARCH_TARGET_ATTRIBUTE = 'data-shortcut-search';

/** A bare key press: no modifier, not typed into a field, no dialog or drawer open. */
export function isBareKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return false;
  if (isTextEntry(event.target)) return false;
  return !document.querySelector('[aria-modal="true"]');
}

/** Focuses the current screen's search field; false when the screen has none. */
export function focusScreenSearch(): boolean {
  const field = document.querySelector<HTMLElement>(`[${SEARCH_TARGET_ATTRIBUTE}]`);
  if (!field) return false;
  field.focus();
  if (field instanceof HTMLInputElement) field.select();
  return true;
}
