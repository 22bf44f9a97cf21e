import type { P2PError } from '../errors.js'
import { attachNegotiation, type Negotiation } from './negotiation.js'
import type { SignalCandidate } from '../signalCodec.js'
import { parseSignalMessage, type SignalMessage } from '../signalMessage.js'

/** What a transport tells its owner. None of these is called after `close()`. */
export interface TransportEvents {
  /** One of the four state layers changed. */
  onStateChange(): void
  /** A local candidate was gathered (also kept in `localCandidates`). */
  onCandidate(candidate: SignalCandidate): void
  /** A remote track arrived, with its stream (one of ours for tracks sent without a stream). */
  onTrack(event: RTCTrackEvent, stream: MediaStream): void
  /** The call's own data channel opened (negotiation and messages can go in band) or closed. */
  onChannelOpen(): void
  onChannelClose(): void
  /** A well-formed message arrived on the data channel (malformed ones are dropped with a warning). */
  onMessage(message: SignalMessage): void
  /** Negotiation failed (see `attachNegotiation`). */
  onNegotiationError(error: P2PError): void
}

/** Options of {@link createTransport}. */
export interface TransportOptions extends TransportEvents {
  /** Who yields when both offer at once (perfect negotiation). */
  polite(): boolean
  /** Where negotiation messages go, and whether they can go now (the session's messenger). */
  send(message: SignalMessage): void
  canSend(): boolean
}

/**
 * One `RTCPeerConnection` with its negotiated data channel and its negotiation, like LiveKit's
 * `PCTransport`: it reports events to its owner and knows nothing of the features around it.
 */
export interface Transport {
  readonly pc: RTCPeerConnection
  readonly dc: RTCDataChannel
  readonly negotiation: Negotiation
  /** Aborted once the transport closes: whatever awaits it can stop. */
  readonly closed: AbortSignal
  /** Every local candidate gathered so far (for signals that carry them beside the SDP). */
  readonly localCandidates: readonly SignalCandidate[]
  /**
   * Closes it. `graceful` lets a goodbye still in the data channel's buffer go out first (at most
   * 500 ms). No event is reported after this.
   */
  close(graceful?: boolean): void
}

const LAYER_EVENTS = [
  'signalingstatechange',
  'icegatheringstatechange',
  'iceconnectionstatechange',
  'connectionstatechange',
] as const

/**
 * Wraps `pc` (new, or warmed up ahead): adds the data channel (negotiated, id 0, so it exists on
 * both sides from the first offer without an extra round trip) and perfect negotiation.
 *
 * @example
 * const transport = createTransport(new RTCPeerConnection(config), { ...events, polite, send, canSend })
 */
export function createTransport(pc: RTCPeerConnection, options: TransportOptions): Transport {
  const controller = new AbortController()
  const { signal } = controller
  const live = () => !signal.aborted
  const dc = pc.createDataChannel('react-p2p-call', { negotiated: true, id: 0 })
  const localCandidates: SignalCandidate[] = []
  const negotiation = attachNegotiation(pc, {
    polite: options.polite,
    send: options.send,
    canSend: options.canSend,
    onError: (error) => {
      if (live()) options.onNegotiationError(error)
    },
  })
  let fallbackStream: MediaStream | null = null

  const onLayers = () => {
    if (live()) options.onStateChange()
  }
  for (const type of LAYER_EVENTS) pc.addEventListener(type, onLayers)
  pc.addEventListener('icecandidate', (event) => {
    if (!live() || !event.candidate?.candidate) return
    const candidate = event.candidate.toJSON() as SignalCandidate
    localCandidates.push(candidate)
    options.onCandidate(candidate)
  })
  pc.addEventListener('track', (event) => {
    if (!live()) return
    let stream = event.streams[0]
    if (!stream) {
      // A peer that added tracks without a stream: gather them into one of ours.
      fallbackStream ??= new MediaStream()
      fallbackStream.addTrack(event.track)
      stream = fallbackStream
    }
    options.onTrack(event, stream)
  })
  dc.addEventListener('open', () => {
    if (live()) options.onChannelOpen()
  })
  dc.addEventListener('close', () => {
    if (live()) options.onChannelClose()
  })
  dc.addEventListener('message', (event: MessageEvent) => {
    if (!live()) return
    const message = parseSignalMessage(event.data)
    if (message) options.onMessage(message)
    else console.warn('[react-p2p-call] dropped a malformed message on the data channel')
  })

  return {
    pc,
    dc,
    negotiation,
    closed: signal,
    localCandidates,
    close(graceful = false) {
      if (signal.aborted) return
      controller.abort()
      negotiation.dispose()
      for (const type of LAYER_EVENTS) pc.removeEventListener(type, onLayers)
      if (graceful && dc.readyState === 'open') {
        const close = () => pc.close()
        dc.bufferedAmountLowThreshold = 0
        dc.addEventListener('bufferedamountlow', () => setTimeout(close, 50), { once: true })
        setTimeout(close, dc.bufferedAmount === 0 ? 50 : 500)
      } else {
        pc.close()
      }
    },
  }
}
