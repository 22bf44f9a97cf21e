import { isHostCandidate, withoutHostCandidates } from '../sdpCandidates.js'
import { chooseSignalPath, isTransportUp, type SignalPath } from './signalPath.js'
import type { SignalingChannel } from '../signalingChannel.js'
import type { SignalMessage } from '../signalMessage.js'

/** What the messenger reads, each time it sends: the call's data channel and connection, the channel. */
export interface MessengerSources {
  /** The current call's data channel and connection, or `null` without a call. */
  call(): { dc: RTCDataChannel; pc: RTCPeerConnection } | null
  /** The attached signaling channel, or `null`. */
  channel(): SignalingChannel | null
  /** Whether host candidates stay out of everything sent (`stripHostCandidates`). */
  stripHostCandidates(): boolean
}

/** Sends the session's messages to the other side by the path that is up. */
export interface Messenger {
  /** The path a message takes now (`chooseSignalPath`), or `null` when none is up. */
  path(): SignalPath | null
  /** Whether a message can reach the other side now. */
  canSend(): boolean
  /** Sends `message` (host candidates left out when asked); dropped with a warning without a path. */
  send(message: SignalMessage): void
}

/**
 * The message as it may leave this device: `null` for a host candidate when host candidates are
 * stripped, a description without its host candidate lines, anything else as it is.
 *
 * @example
 * outgoingMessage({ type: 'candidate', candidate: hostCandidate }, true) // null
 */
export function outgoingMessage(message: SignalMessage, stripHost: boolean): SignalMessage | null {
  if (!stripHost) return message
  if (message.type === 'candidate') {
    return message.candidate && isHostCandidate(message.candidate.candidate) ? null : message
  }
  if (message.type === 'description') {
    const { description } = message
    return {
      ...message,
      description: { ...description, sdp: withoutHostCandidates(description.sdp) },
    }
  }
  return message
}

/**
 * The one place that chooses how a message travels: the call's data channel while its transport is
 * up, else the signaling channel while it is open (never the data channel of a dead transport).
 *
 * @example
 * const messenger = createMessenger({ call: () => call, channel: () => channel, stripHostCandidates: () => false })
 * messenger.send({ type: 'bye' })
 */
export function createMessenger(sources: MessengerSources): Messenger {
  const path = () => {
    const call = sources.call()
    return chooseSignalPath({
      dataChannelOpen: call?.dc.readyState === 'open',
      transportUp: call ? isTransportUp(call.pc.iceConnectionState) : false,
      signalingOpen: sources.channel()?.getState().status === 'open',
    })
  }
  return {
    path,
    canSend: () => path() !== null,
    send(original) {
      const message = outgoingMessage(original, sources.stripHostCandidates())
      if (!message) return
      const via = path()
      const call = sources.call()
      const channel = sources.channel()
      if (via === 'data-channel' && call) {
        call.dc.send(JSON.stringify(message))
      } else if (via === 'signaling' && channel) {
        channel.send(message)
      } else {
        console.warn('[react-p2p-call] no signaling path is up; dropped', message.type)
      }
    },
  }
}
