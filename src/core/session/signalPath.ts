/** Where a message to the other side goes: the call's data channel, or a signaling channel. */
export type SignalPath = 'data-channel' | 'signaling' | null

/** What {@link chooseSignalPath} looks at. */
export interface SignalPathInput {
  /** The call's data channel says `open` (it keeps saying so while the transport under it is dead). */
  dataChannelOpen: boolean
  /** The transport under it is up: ICE `connected` or `completed`. */
  transportUp: boolean
  /** A signaling channel (same browser, WebSocket, …) is attached and open. */
  signalingOpen: boolean
}

/**
 * Chooses the path for a message. The data channel while the transport is healthy (it is the
 * fastest, and needs no server); a signaling channel while ICE is not connected — the data
 * channel stays `open` over a dead transport, so an ICE-restart offer sent into it would be lost;
 * the data channel again, for want of anything better, when no signaling channel is up; `null`
 * when nothing can carry it.
 *
 * @example
 * chooseSignalPath({ dataChannelOpen: true, transportUp: false, signalingOpen: true }) // 'signaling'
 */
export function chooseSignalPath(input: SignalPathInput): SignalPath {
  if (input.dataChannelOpen && input.transportUp) return 'data-channel'
  if (input.signalingOpen) return 'signaling'
  return input.dataChannelOpen ? 'data-channel' : null
}

/**
 * Whether ICE says the transport carries packets now.
 *
 * @example
 * isTransportUp('disconnected') // false
 */
export function isTransportUp(state: RTCIceConnectionState): boolean {
  return state === 'connected' || state === 'completed'
}
