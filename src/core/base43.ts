// Bytes as text in a QR code's alphanumeric mode (5.5 bits a character, against 8 in byte mode):
// RFC 9285's base45 scheme — two bytes to three characters, a last odd byte to two — over the 43
// alphanumeric characters that a URL fragment takes as they are (no space, no `%`).

/** The 43 characters, in the order of their values. */
export const BASE43_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:'

/**
 * Bytes as base43 text.
 *
 * @example
 * toBase43(new Uint8Array([1, 2])) // '060'
 */
export function toBase43(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 2) {
    const second = bytes[i + 1]
    let n = second === undefined ? (bytes[i] ?? 0) : (bytes[i] ?? 0) * 256 + second
    const digits = second === undefined ? 2 : 3
    for (let d = 0; d < digits; d++) {
      out += BASE43_ALPHABET[n % 43]
      n = Math.floor(n / 43)
    }
  }
  return out
}

/** The bytes of base43 text, or `null` when it is not base43 (a character or a length that cannot be). */
export function fromBase43(text: string): Uint8Array | null {
  if (text.length % 3 === 1) return null
  const out: number[] = []
  for (let i = 0; i < text.length; i += 3) {
    const chunk = text.slice(i, i + 3)
    let n = 0
    for (let d = chunk.length - 1; d >= 0; d--) {
      const digit = BASE43_ALPHABET.indexOf(chunk[d] ?? '')
      if (digit < 0) return null
      n = n * 43 + digit
    }
    if (chunk.length === 3) {
      if (n > 0xffff) return null
      out.push(n >> 8, n & 0xff)
    } else {
      if (n > 0xff) return null
      out.push(n)
    }
  }
  return Uint8Array.from(out)
}
