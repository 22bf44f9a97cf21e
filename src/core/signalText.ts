import { fromBase43, toBase43 } from './base43.js'

// The text of compact signals, apart from their content: which texts are compact signals, and
// their two alphabets (base64url for a paste, base43 for QR codes and links). Small, and in every
// app's bundle; the codec itself (compactSignal.ts) is a chunk loaded when a call starts.

/**
 * Whether a text is in the compact format (by its prefix), whatever its version.
 *
 * @example
 * isCompactSignal('p2p1.offer.AbC…') // true
 */
export function isCompactSignal(text: string): boolean {
  return /^(p2p|P2P)\d+\./.test(text.trim())
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Bytes as base64url, without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63]
  }
  return out
}

/** `null` when the text has a character outside base64url (after removing whitespace). */
export function fromBase64Url(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 6) / 8))
  let bits = 0
  let value = 0
  let o = 0
  for (const char of text) {
    const digit = ALPHABET.indexOf(char)
    if (digit < 0) return null
    value = ((value << 6) | digit) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 0xff
    }
  }
  return out
}

/**
 * A compact signal written for a QR code: a `p2p2` signal as `P2P2.OFFER.` + base43, which a QR
 * code holds in alphanumeric mode (about a quarter fewer modules); anything else as it is. Both
 * forms decode the same way.
 *
 * @example
 * qrSignalText('p2p2.offer.AbC…') // 'P2P2.OFFER.8Q…'
 */
export function qrSignalText(text: string): string {
  const trimmed = text.trim()
  const match = /^p2p(\d+)\.(offer|answer)\.([A-Za-z0-9_-]+)$/.exec(trimmed)
  if (!match || Number(match[1]) < 2) return trimmed
  const bytes = fromBase64Url(match[3] ?? '')
  if (!bytes) return trimmed
  return `P2P${match[1]}.${(match[2] ?? '').toUpperCase()}.${toBase43(bytes)}`
}

/**
 * The text form of a signal written by {@link qrSignalText} (`P2P2.OFFER.…` back to
 * `p2p2.offer.…`); anything else as it is.
 *
 * @example
 * plainSignalText(qrSignalText(text)) === text.trim() // true
 */
export function plainSignalText(text: string): string {
  const trimmed = text.trim()
  const match = /^P2P(\d+)\.(OFFER|ANSWER)\.([0-9A-Z$*+\-./:]+)$/.exec(trimmed)
  const bytes = match ? fromBase43(match[3] ?? '') : null
  if (!match || !bytes) return trimmed
  return `p2p${match[1]}.${(match[2] ?? '').toLowerCase()}.${toBase64Url(bytes)}`
}
