import { createP2PError, type P2PError } from '../errors.js'
import { StepError } from './stepError.js'
import { remoteDescription } from '../sdpMediaIds.js'
import type { SignalCandidate } from '../signalCodec.js'
import type { SignalMessage } from '../signalMessage.js'

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

/**
 * The negotiation of one connection: the only code that sets its descriptions. Offers and answers
 * travel in band (sent as messages, perfect negotiation), or are carried by the owner — a pasted
 * signal is one more way to carry them (`offer`, `accept`, `answer`), not a second driver.
 */
export interface Negotiation {
  /** Applies a description from the other side (perfect negotiation). */
  receiveDescription(description: RTCSessionDescriptionInit): Promise<void>
  /**
   * Adds a candidate; before the remote description it waits for it. Errors are swallowed only for
   * an offer we are ignoring.
   */
  receiveCandidate(candidate: RTCIceCandidateInit | null): Promise<void>
  /** Starts a negotiation that waited for a signaling path. */
  flush(): void
  /** Starts negotiating on `negotiationneeded` from now on (before, the first exchange is carried). */
  enable(): void
  /** Whether negotiation is in band now (`enable` was called). */
  readonly inBand: boolean
  /**
   * A carried offer (the first one, or an ICE restart's): set as the local description, not sent.
   * An unanswered offer of ours is kept. Throws a {@link StepError}.
   */
  offer(iceRestart?: boolean): Promise<void>
  /**
   * A carried description from the other side: an answer to our offer, or an offer (which wins
   * over an unanswered offer of ours), then `candidates`. Throws a {@link StepError}.
   */
  accept(description: RTCSessionDescriptionInit, candidates?: SignalCandidate[]): Promise<void>
  /** The answer to a carried offer: set as the local description, not sent. Throws. */
  answer(): Promise<void>
  /** Restarts ICE in band: an unanswered offer of ours (lost, or sent into a dead transport) goes. */
  restartIce(): Promise<void>
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
  // Candidates that came before the remote description (addIceCandidate would throw then).
  let early: (RTCIceCandidateInit | null)[] = []

  const flushEarly = async () => {
    for (const candidate of early.splice(0)) await addCandidate(candidate)
  }

  /** Whether `candidate` names an ICE username the remote description no longer has. */
  const isStale = (candidate: RTCIceCandidateInit | null) => {
    const ufrag = candidate?.usernameFragment
    const lines = pc.remoteDescription?.sdp.split(/\r?\n/) ?? []
    return !!ufrag && !lines.includes(`a=ice-ufrag:${ufrag}`)
  }

  async function addCandidate(candidate: RTCIceCandidateInit | null): Promise<void> {
    if (disposed) return
    if (!pc.remoteDescription) {
      early.push(candidate)
      return
    }
    try {
      await pc.addIceCandidate(candidate ?? undefined)
    } catch (cause) {
      // Candidates of an offer we ignored cannot be added; that is expected, not an error. Nor
      // is one of another ICE generation or call (a late one after a restart or a hang-up, or a
      // third party's): the browser refuses it once the descriptions before it are applied.
      if (!ignoreOffer && !disposed && pc.signalingState !== 'closed' && !isStale(candidate)) {
        options.onError(createP2PError('ERR_ADD_ICE_CANDIDATE', cause))
      }
    }
  }

  /** One carried step: its failure becomes a StepError with `code`. */
  async function step<T>(code: P2PError['code'], run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (cause) {
      throw new StepError(createP2PError(code, cause))
    }
  }

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
        await flushEarly()
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

    receiveCandidate: addCandidate,

    flush() {
      if (waiting) void negotiate()
    },

    enable() {
      enabled = true
    },

    get inBand() {
      return enabled
    },

    async offer(iceRestart = false) {
      if (pc.signalingState === 'have-local-offer') return
      makingOffer = true
      try {
        const made = await step('ERR_CREATE_OFFER', () => pc.createOffer({ iceRestart }))
        await step('ERR_SET_LOCAL_DESCRIPTION', () => pc.setLocalDescription(made))
      } finally {
        makingOffer = false
      }
    },

    async accept(description, candidates = []) {
      // A carried offer wins over one of ours still waiting for its answer.
      if (description.type === 'offer' && pc.signalingState === 'have-local-offer') {
        await step('ERR_SET_REMOTE_DESCRIPTION', () => pc.setLocalDescription({ type: 'rollback' }))
      }
      await step('ERR_SET_REMOTE_DESCRIPTION', () =>
        pc.setRemoteDescription(remoteDescription(description)),
      )
      ignoreOffer = false
      await flushEarly()
      for (const candidate of candidates) await addCandidate(candidate)
    },

    async answer() {
      const made = await step('ERR_CREATE_ANSWER', () => pc.createAnswer())
      await step('ERR_SET_LOCAL_DESCRIPTION', () => pc.setLocalDescription(made))
    },

    async restartIce() {
      if (disposed || pc.signalingState === 'closed') return
      if (pc.signalingState === 'have-local-offer')
        await pc.setLocalDescription({ type: 'rollback' })
      if (disposed || pc.signalingState !== 'stable') return
      enabled = true
      pc.restartIce()
    },

    dispose() {
      disposed = true
      early = []
      pc.removeEventListener('negotiationneeded', onNegotiationNeeded)
    },
  }
}
