const fingerprintLine = /(?:^|\n)a=fingerprint:(\S+) ([0-9A-Fa-f:]+)/

/** The DTLS certificate fingerprint of an SDP, normalized (`sha-256 AB:CD:…`), or `null`. */
export function dtlsFingerprintOf(sdp: string): string | null {
  const match = fingerprintLine.exec(sdp)
  return match ? `${match[1]?.toLowerCase()} ${match[2]?.toUpperCase()}` : null
}

/**
 * A short code both people in a call see the same, when nobody sits between them: six digits from a
 * SHA-256 of the two DTLS fingerprints (the certificates that encrypt the media), in a fixed order.
 * If someone replaced a signal in transit (a relay in the middle terminating both connections), the
 * two sides see different codes. Read them to each other, as Signal and ZRTP users do.
 * Resolves `null` when a fingerprint is missing or the page has no Web Crypto (not a secure context).
 *
 * @example
 * const code = await securityCode(pc.localDescription.sdp, pc.remoteDescription.sdp) // '482 915'
 */
export async function securityCode(localSdp: string, remoteSdp: string): Promise<string | null> {
  const local = dtlsFingerprintOf(localSdp)
  const remote = dtlsFingerprintOf(remoteSdp)
  const subtle = globalThis.crypto?.subtle
  if (!local || !remote || !subtle) return null
  const input = new TextEncoder().encode([local, remote].sort().join('\n'))
  const digest = new DataView(await subtle.digest('SHA-256', input))
  const digits = String(digest.getUint32(0) % 1_000_000).padStart(6, '0')
  return `${digits.slice(0, 3)} ${digits.slice(3)}`
}
