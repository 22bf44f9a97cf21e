import type { SignalCandidate, SignalKind } from './signalCodec.js'
import { isCompleteSdp, isRecord } from './signalShape.js'

/** Messages larger than this are dropped unread (a description with candidates is ~10 KB). */
export const MAX_MESSAGE_CHARS = 256 * 1024

/**
 * What two sessions say to each other after (or instead of) the first copy-paste exchange, over the
 * call's own data channel or a {@link SignalingChannel}. JSON, one message per send.
 */
export type SignalMessage =
  /** An offer or answer (perfect negotiation: either side may offer). */
  | { type: 'description'; description: { type: SignalKind; sdp: string } }
  /** A trickled ICE candidate; `null` ends the candidates of this generation. */
  | { type: 'candidate'; candidate: SignalCandidate | null }
  /** The stream id of a screen share about to be added, or `null` when it stopped. */
  | { type: 'screen'; streamId: string | null }
  /** The other person hung up. */
  | { type: 'bye' }
  /** The sender's microphone and camera switches (muted / off), for the other side's indicators. */
  | { type: 'media'; micMuted: boolean; cameraOff: boolean }

/**
 * Parses one message from the wire; anything malformed or oversized gives `null` (to be dropped with
 * a warning, never to break the call).
 *
 * @example
 * const message = parseSignalMessage(event.data)
 * if (message) session.receive(message)
 */
export function parseSignalMessage(data: unknown): SignalMessage | null {
  let value = data
  if (typeof data === 'string') {
    if (data.length > MAX_MESSAGE_CHARS) return null
    try {
      value = JSON.parse(data)
    } catch {
      return null
    }
  }
  if (!isRecord(value)) return null
  switch (value.type) {
    case 'description': {
      const d = value.description
      if (
        !isRecord(d) ||
        (d.type !== 'offer' && d.type !== 'answer') ||
        typeof d.sdp !== 'string'
      ) {
        return null
      }
      if (d.sdp.length > MAX_MESSAGE_CHARS || !isCompleteSdp(d.sdp)) return null
      return { type: 'description', description: { type: d.type, sdp: d.sdp } }
    }
    case 'candidate': {
      const c = value.candidate
      if (c === null) return { type: 'candidate', candidate: null }
      // An empty string ends candidates; anything else must look like an ICE candidate line.
      if (!isRecord(c) || typeof c.candidate !== 'string') return null
      if (c.candidate !== '' && !/^candidate:\S+ \d+ \S+ \d+ \S+ \d+ typ \S+/.test(c.candidate)) {
        return null
      }
      const sdpMid = typeof c.sdpMid === 'string' ? c.sdpMid : null
      const sdpMLineIndex = typeof c.sdpMLineIndex === 'number' ? c.sdpMLineIndex : null
      const usernameFragment = typeof c.usernameFragment === 'string' ? c.usernameFragment : null
      return {
        type: 'candidate',
        candidate: { candidate: c.candidate, sdpMid, sdpMLineIndex, usernameFragment },
      }
    }
    case 'screen':
      if (value.streamId !== null && typeof value.streamId !== 'string') return null
      return { type: 'screen', streamId: value.streamId }
    case 'bye':
      return { type: 'bye' }
    case 'media':
      if (typeof value.micMuted !== 'boolean' || typeof value.cameraOff !== 'boolean') return null
      return { type: 'media', micMuted: value.micMuted, cameraOff: value.cameraOff }
    default:
      return null
  }
}
