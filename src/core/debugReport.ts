import type { PeerSession } from './peerSession.js'

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g
const MDNS = /\b[0-9a-f-]{36}\.local\b/gi
// IPv6 (with any zone) where an address stands: c= and candidate lines of an SDP, and the address
// fields of stats. Matching it everywhere would also hit fingerprints and times.
const IPV6_IN_SDP =
  /((?:c=IN IP6|a=candidate:\S+ \d+ \S+ \d+|raddr|a=rtcp:\d+ IN IP6) )([0-9a-f:.]*:[0-9a-f:.%\w]*)/gi
const IPV6_IN_JSON = /("(?:address|ip|relatedAddress)"\s*:\s*")([0-9a-f:.]*:[0-9a-f:.%\w]*)"/gi

/**
 * An SDP (or any text) without its secrets and addresses: ICE passwords and credentials become
 * `[redacted]`, IP addresses and mDNS host names `[ip]`. Fingerprints and ufrags stay (they are not
 * secret, and they are what a debug reader needs to match both sides).
 *
 * @example
 * redact('a=ice-pwd:abc\r\na=candidate:1 1 udp 1 10.0.0.2 5000 typ host') // no pwd, no address
 */
export function redact(text: string): string {
  return text
    .replace(/(a=ice-pwd:)[^\r\n"\\]+/gi, '$1[redacted]')
    .replace(/("(?:credential|password|icePwd|ice-pwd)"\s*:\s*")[^"]*/gi, '$1[redacted]')
    .replace(MDNS, '[ip]')
    .replace(IPV6_IN_SDP, '$1[ip]')
    .replace(IPV6_IN_JSON, '$1[ip]"')
    .replace(IPV4, '[ip]')
}

/**
 * A JSON report of the call for a bug report: the browser, the four state layers, the timeline, both
 * descriptions and the current stats — with ICE passwords and IP addresses redacted.
 *
 * @example
 * await navigator.clipboard.writeText(await debugReport(session))
 */
export async function debugReport(session: PeerSession): Promise<string> {
  const state = session.getState()
  const { local, remote } = session.getDescriptions()
  const report = await session.getStats()
  const stats: unknown[] = []
  report?.forEach((stat: unknown) => stats.push(stat))
  const body = {
    kit: 'react-p2p-call',
    createdAt: new Date().toISOString(),
    userAgent: globalThis.navigator?.userAgent ?? null,
    phase: state.phase,
    layers: {
      signaling: state.signalingState,
      gathering: state.iceGatheringState,
      ice: state.iceConnectionState,
      connection: state.connectionState,
    },
    role: state.role,
    inBand: state.inBand,
    error: state.error
      ? { code: state.error.code, message: state.error.message, detail: state.error.detail ?? null }
      : null,
    timeline: state.timeline.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
    localDescription: local,
    remoteDescription: remote,
    stats,
  }
  return redact(JSON.stringify(body, null, 2))
}
