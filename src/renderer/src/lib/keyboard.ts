/** Keys as the planner's shortcuts and the log dialog read them, by physical key. */

/** A text field or editor, where keys type text rather than act as shortcuts. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return (
    target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type)
  );
}

/** Digit1…Digit9 or Numpad1…Numpad9 → 0-based index. */
export function digitIndex(code: string): number | undefined {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  return match ? Number(match[1]) - 1 : undefined;
}
