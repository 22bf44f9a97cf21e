/**
 * Copies text to the clipboard; without clipboard permission (or over plain http) it falls back to
 * a selection copy from `textarea`, or from a hidden one. Resolves whether the copy happened.
 */
export async function copyText(
  text: string,
  textarea: HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // Without clipboard permission (or over plain http), fall back to a selection copy.
    const field = textarea ?? document.createElement('textarea')
    if (!textarea) {
      field.value = text
      field.setAttribute('readonly', '')
      field.style.position = 'fixed'
      field.style.opacity = '0'
      document.body.append(field)
    }
    field.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    } finally {
      if (!textarea) field.remove()
    }
  }
}
