/**
 * Calls `onChange` when the device's network comes back or changes (a laptop on another Wi-Fi, a
 * phone off mobile data): the `online` event and, where it exists, `navigator.connection`'s
 * `change`. Returns the function that stops watching. Does nothing outside a browser.
 *
 * @example
 * const stop = watchNetwork(() => recovery.poke('network changed'))
 */
export function watchNetwork(onChange: () => void): () => void {
  const connection = (globalThis.navigator as { connection?: EventTarget } | undefined)?.connection
  const target = typeof globalThis.addEventListener === 'function' ? globalThis : null
  target?.addEventListener('online', onChange)
  connection?.addEventListener?.('change', onChange)
  return () => {
    target?.removeEventListener('online', onChange)
    connection?.removeEventListener?.('change', onChange)
  }
}
