import type { CandidateCounts } from './peerSessionTypes.js'

// What the session reads and strips of the candidates in an SDP. Pure.

/** Whether an `a=candidate` line (or a candidate string) is a host candidate: a device address. */
export const isHostCandidate = (line: string) => / typ host\b/.test(line)

/**
 * An SDP without its host candidate lines (`a=candidate:… typ host`): the device's own addresses.
 *
 * @example
 * withoutHostCandidates(pc.localDescription.sdp)
 */
export function withoutHostCandidates(sdp: string): string {
  return sdp.replace(/^a=candidate:[^\r\n]* typ host\b[^\r\n]*\r?\n/gm, '')
}

/**
 * Counts the candidates of an SDP by type.
 *
 * @example
 * countCandidates(pc.localDescription.sdp) // { host: 2, srflx: 1, prflx: 0, relay: 0 }
 */
export function countCandidates(sdp: string): CandidateCounts {
  const counts = { host: 0, srflx: 0, prflx: 0, relay: 0 }
  // With BUNDLE the same candidates are listed under every m-section: count each one once.
  const unique = new Set(sdp.match(/^a=candidate:.*$/gm))
  for (const line of unique) {
    const type = / typ (host|srflx|prflx|relay)\b/.exec(line)?.[1] as
      keyof CandidateCounts | undefined
    if (type) counts[type]++
  }
  return counts
}
