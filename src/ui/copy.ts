import type { Messages } from '../i18n/index.ts';
/**
 * Copies a field's text with the Clipboard API. Where that is missing or refused (an insecure page, a
 * permission denied), the text is left selected in the field, and `status` says to press Ctrl+C.
 */
export async function copyField(
  field: HTMLTextAreaElement,
  status: HTMLElement,
  t: Messages,
  done = t.copy.copied,
): Promise<void> {
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = done;
  } catch {
    // Ctrl+C copies the selection only while the field has focus.
    field.focus();
    field.select();
    status.textContent = t.copy.select;
  }
}
