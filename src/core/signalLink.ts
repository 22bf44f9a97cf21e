import { plainSignalText, qrSignalText } from './compactSignal.js'

const KEY = 'offer='

// What a URL fragment holds as it is (RFC 3986 `fragment`): everything else is percent-encoded.
const encodeFragment = (text: string) =>
  text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (char) => encodeURIComponent(char))

/**
 * A link that carries an offer in its fragment (`#offer=…`). The fragment never reaches a server;
 * the page that opens it reads the offer with {@link signalFromLink}. A template signal goes in
 * its QR form (`P2P2.OFFER.…`, see `qrSignalText`), so the link's QR code is small.
 *
 * @param base - the page to open; its own fragment is replaced.
 * @example
 * signalLink(session.getState().localSignal, location.href) // 'https://app.example/#offer=P2P2.OFFER.…'
 */
export function signalLink(signal: string, base: string): string {
  const [page = ''] = base.split('#')
  return `${page}#${KEY}${encodeFragment(qrSignalText(signal))}`
}

/**
 * The offer in a link made by {@link signalLink} (in its text form, as the other tab shows it), or
 * `null` when its fragment holds none.
 *
 * @example
 * const offer = signalFromLink(location.href)
 */
export function signalFromLink(url: string): string | null {
  const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : ''
  if (!hash.startsWith(KEY)) return null
  try {
    const signal = plainSignalText(decodeURIComponent(hash.slice(KEY.length)))
    return signal === '' ? null : signal
  } catch {
    return null
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Whether a host name is this device's own (loopback): a link to it opens nowhere else.
 *
 * @example
 * isLoopbackHost(new URL(link).hostname) // true for http://localhost:5173/…
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || hostname.endsWith('.localhost')
}
