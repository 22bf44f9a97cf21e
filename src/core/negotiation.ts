import { createP2PError, type P2PError } from './errors.js'
import { remoteDescription } from './sdpMediaIds.js'
import type { SignalMessage } from './signalMessage.js'

/** Options of {@link attachNegotiation}. */
export interface NegotiationOptions {
  /** The polite side yields in a collision (rolls its own offer back); the impolite side ignores. */
  polite: () => boolean
  /** Sends a message to the other side; called only while `canSend()` is true. */
  send: (message: SignalMessage) => void
  /** Whether a signaling path is up now. While it is not, a needed negotiation waits for `flush()`. */
  canSend: () => boolean
  onError: (error: P2PError) => void
}

/** The negotiation of one connection. */
export interface Negotiation {
  /** Applies a description from the other side (perfect negotiation). */
  receiveDescription(description: RTCSessionDescriptionInit): Promise<void>
  /** Adds a candidate; errors are swallowed only for an offer we are ignoring. */
  receiveCandidate(candidate: RTCIceCandidateInit | null): Promise<void>
  /** Starts a negotiation that waited for a signaling path. */
  flush(): void
  /** Starts negotiating on `negotiationneeded` from now on (before, the first exchange is manual). */
  enable(): void
  dispose(): void
}

/**
 * The W3C "perfect negotiation" pattern for one `RTCPeerConnection`, with an injected `send`: either
 * side may renegotiate at any time, and a collision (glare) resolves by the polite side rolling
 * back. No DOM, no React.
 *
 * @example
 * const negotiation = attachNegotiation(pc, {
 *   polite: () => role === 'callee',
 *   send: (message) => channel.send(JSON.stringify(message)),
 *   canSend: () => channel.readyState === 'open',
 *   onError: console.warn,
 * })
 * negotiation.enable()
 * channel.onmessage = ({ data }) => { … negotiation.receiveDescription(message.description) }
 */
export function attachNegotiation(pc: RTCPeerConnection, options: NegotiationOptions): Negotiation {
  let makingOffer = false
  let ignoreOffer = false
  let isSettingRemoteAnswerPending = false
  let enabled = false
  let waiting = false
  let disposed = false

  async function negotiate(): Promise<void> {
    if (disposed || !enabled) return
    if (!options.canSend()) {
      waiting = true
      return
    }
    waiting = false
    try {
      makingOffer = true
      // Without arguments, setLocalDescription makes the right description (offer, or ICE restart).
      await pc.setLocalDescription()
      // In a collision the polite side may have rolled this offer back and answered meanwhile:
      // then the current local description is that answer, already sent. Send only an offer.
      const description = pc.localDescription
      if (description?.type === 'offer' && !disposed) {
        options.send({ type: 'description', description: { type: 'offer', sdp: description.sdp } })
      }
    } catch (cause) {
      if (!disposed && pc.signalingState !== 'closed') {
        options.onError(createP2PError('ERR_CREATE_OFFER', cause))
      }
    } finally {
      makingOffer = false
    }
  }

  const onNegotiationNeeded = () => void negotiate()
  pc.addEventListener('negotiationneeded', onNegotiationNeeded)

  return {
    async receiveDescription(description) {
      if (disposed) return
      const readyForOffer =
        !makingOffer && (pc.signalingState === 'stable' || isSettingRemoteAnswerPending)
      const offerCollision = description.type === 'offer' && !readyForOffer
      ignoreOffer = !options.polite() && offerCollision
      if (ignoreOffer) return
      // An answer with nothing to answer (a duplicate, or one for an offer rolled back): drop it.
      if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') return
      try {
        isSettingRemoteAnswerPending = description.type === 'answer'
        // On the polite side a colliding offer rolls ours back implicitly.
        await pc.setRemoteDescription(remoteDescription(description))
        isSettingRemoteAnswerPending = false
        if (description.type === 'offer') {
          await pc.setLocalDescription()
          const answer = pc.localDescription
          if (answer?.type === 'answer' && !disposed) {
            options.send({ type: 'description', description: { type: 'answer', sdp: answer.sdp } })
          }
        }
      } catch (cause) {
        isSettingRemoteAnswerPending = false
        if (!disposed && pc.signalingState !== 'closed') {
          options.onError(createP2PError('ERR_SET_REMOTE_DESCRIPTION', cause))
        }
      }
    },

    async receiveCandidate(candidate) {
      if (disposed) return
      try {
        await pc.addIceCandidate(candidate ?? undefined)
      } catch (cause) {
        // Candidates of an offer we ignored cannot be added; that is expected, not an error.
        if (!ignoreOffer && !disposed && pc.signalingState !== 'closed') {
          options.onError(createP2PError('ERR_ADD_ICE_CANDIDATE', cause))
        }
      }
    },

    flush() {
      if (waiting) void negotiate()
    },

    enable() {
      enabled = true
    },

    dispose() {
      disposed = true
      pc.removeEventListener('negotiationneeded', onNegotiationNeeded)
    },
  }
}
