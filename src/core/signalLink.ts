const KEY = 'offer='

/**
 * A link that carries an offer in its fragment (`#offer=…`). The fragment never reaches a server;
 * the page that opens it reads the offer with {@link signalFromLink}.
 *
 * @param base - the page to open; its own fragment is replaced.
 * @example
 * signalLink(session.getState().localSignal, location.href) // 'https://app.example/#offer=p2p1.offer.…'
 */
export function signalLink(signal: string, base: string): string {
  const [page = ''] = base.split('#')
  return `${page}#${KEY}${encodeURIComponent(signal.trim())}`
}

/**
 * The offer in a link made by {@link signalLink}, or `null` when its fragment holds none.
 *
 * @example
 * const offer = signalFromLink(location.href)
 */
export function signalFromLink(url: string): string | null {
  const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : ''
  if (!hash.startsWith(KEY)) return null
  try {
    const signal = decodeURIComponent(hash.slice(KEY.length)).trim()
    return signal === '' ? null : signal
  } catch {
    return null
  }
}
