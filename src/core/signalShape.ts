import type { SignalCandidate } from './signalCodec.js'

// What the parts of a signal must look like, wherever they come from (a paste, a signaling or
// data channel message). Pure; the codec and the message parser both check with these.

/** Whether `value` is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether `value` is an ICE candidate as `RTCIceCandidate.toJSON()` writes it. */
export function isCandidate(value: unknown): value is SignalCandidate {
  if (!isRecord(value) || typeof value.candidate !== 'string') return false
  const { sdpMid, sdpMLineIndex, usernameFragment } = value
  return (
    (sdpMid === undefined || sdpMid === null || typeof sdpMid === 'string') &&
    (sdpMLineIndex === undefined ||
      sdpMLineIndex === null ||
      (typeof sdpMLineIndex === 'number' && Number.isInteger(sdpMLineIndex))) &&
    (usernameFragment === undefined ||
      usernameFragment === null ||
      typeof usernameFragment === 'string')
  )
}

// Bytes of each DTLS fingerprint hash (RFC 8122).
const FINGERPRINT_BYTES: Readonly<Record<string, number>> = {
  'sha-1': 20,
  'sha-224': 28,
  'sha-256': 32,
  'sha-384': 48,
  'sha-512': 64,
}

function isFingerprint(value: string): boolean {
  const [algorithm = '', hash = ''] = value.split(' ')
  const bytes = FINGERPRINT_BYTES[algorithm.toLowerCase()]
  return (
    bytes !== undefined && new RegExp(`^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){${bytes - 1}}$`).test(hash)
  )
}

// Checks per attribute (RFC 8839 for ICE credentials). A malformed one must never reach
// setRemoteDescription: Chromium applies part of a rejected answer's transport parameters, and the
// connection then refuses even the correct answer — the offer would be lost.
const ATTRIBUTE_CHECKS: readonly [prefix: string, valid: (value: string) => boolean][] = [
  ['a=ice-ufrag:', (v) => /^[A-Za-z0-9+/]{4,256}$/.test(v)],
  ['a=ice-pwd:', (v) => /^[A-Za-z0-9+/]{22,256}$/.test(v)],
  ['a=fingerprint:', isFingerprint],
]

/**
 * Whether an SDP has, well-formed, what every browser-made one has (a paste that lost any cannot
 * connect, and Chromium half-applies some malformed ones).
 *
 * @example
 * isCompleteSdp(pc.localDescription.sdp) // true
 */
export function isCompleteSdp(sdp: string): boolean {
  const lines = sdp.split(/\r?\n/)
  if (lines[0] !== 'v=0' || !lines.some((l) => /^m=(audio|video|application) /.test(l)))
    return false
  return ATTRIBUTE_CHECKS.every(([prefix, valid]) => {
    const values = lines
      .filter((l) => l.startsWith(prefix))
      .map((l) => l.slice(prefix.length).trim())
    return values.length > 0 && values.every(valid)
  })
}
