import { addLocalTracks, type Call } from './call.js'
import type { CallRunner } from './callRunner.js'
import { createP2PError } from '../errors.js'
import { gatheringStuck, STUCK_STARTS_OVER, STUCK_WARNING } from './gatheringBudget.js'
import { dtlsFingerprintOf } from '../securityCode.js'
import type { CallRole, CallStepOptions, LocalStreamSource } from '../peerSessionTypes.js'
import type { SessionPatch } from './sessionSnapshot.js'
import type { SignalingChannel } from '../signalingChannel.js'
import type { SignalMessage } from '../signalMessage.js'

/** What the channel calls need from their session. */
export interface ChannelCallsHost {
  readonly runner: CallRunner
  update(patch: SessionPatch): void
  /** Whether a call can start now (the session is not disposed, none is under way). */
  canStart(): boolean
  /** A message from the other side on the channel (the session routes it). */
  receive(message: SignalMessage): void
}

/** The calls made over a signaling channel: offers and answers travel by themselves. */
export interface ChannelCalls {
  /** The attached channel, or `null`. */
  channel(): SignalingChannel | null
  /** Whether the channel is open now (a path for restarts). */
  isOpen(): boolean
  /** Who is polite by the channel ids (the same on both ends), once the other end is known. */
  politeById(): boolean | undefined
  /**
   * `PeerSession.attachChannel`: one channel at a time, a new one replaces the old. `held`: its
   * messages that came before (while the session's engine loaded), handled first, in order.
   */
  attach(
    channel: SignalingChannel,
    options?: CallStepOptions,
    held?: readonly (readonly [SignalMessage, string])[],
  ): () => void
  /** `PeerSession.startCall`. */
  startCall(options?: CallStepOptions): Promise<void>
  /** An offer with no call to take it: answered now, or kept for the call that is starting. */
  offered(description: RTCSessionDescriptionInit): Promise<void>
  /**
   * An offer from a new connection of the other side (its DTLS certificate is not the one of our
   * call: it started over) is answered by a new connection of ours, which takes over from the
   * call. `false` when the offer is for the call itself (perfect negotiation takes it).
   */
  answerInstead(description: RTCSessionDescriptionInit): boolean
  /** See `CallRunnerHost.onReset`. */
  reset(cause: CallRole | 'failed' | 'ended'): void
  dispose(): void
}

/**
 * Creates the channel calls of one session. Owns the channel, the other end's id, the media for
 * incoming calls and an offer held while our own call starts.
 *
 * @example
 * const channels = createChannelCalls({ runner, update, canStart, receive })
 * channels.attach(createBroadcastSignaling('room'))
 */
export function createChannelCalls(host: ChannelCallsHost): ChannelCalls {
  const { runner, update } = host
  let channel: SignalingChannel | null = null
  let detach: (() => void) | null = null
  let media: LocalStreamSource | undefined
  let peer: string | null = null
  // An offer that arrived while our own call was still starting (camera prompt), or a newer one
  // while we were starting to answer.
  let heldOffer: RTCSessionDescriptionInit | null = null
  // The call made over the channel, and the media it sends (for a new connection that takes over).
  let current: { call: Call; stream: MediaStream | null } | null = null
  // Times the calls of this start were started over because their connection gathered nothing.
  let startsOver = 0
  const isOpen = () => channel?.getState().status === 'open'

  /** The call is ours now: its connection is watched until its first candidate. */
  function opened(call: Call, stream: MediaStream | null): void {
    current = { call, stream }
    void gatheringStuck(call.transport).then((stuck) => {
      if (!stuck || runner.current() !== call || startsOver >= STUCK_STARTS_OVER) return
      startsOver += 1
      console.warn(STUCK_WARNING)
      // The other side sees an offer of a new connection, and answers it with one of its own.
      void start(stream, call)
    })
  }

  /**
   * A call as `role` (`replacing`: the call under way it takes over from): the media, a connection
   * watched until its first candidate, the tracks, then `negotiate`.
   */
  const run = (
    role: CallRole,
    source: LocalStreamSource | undefined,
    replacing: Call | undefined,
    negotiate: (call: Call) => Promise<void>,
  ) =>
    runner.begin(
      role,
      async (signal) => {
        const stream = await runner.media(source)
        if (signal.aborted) return
        const call = runner.open(true)
        opened(call, stream)
        update({ step: 'negotiating' })
        addLocalTracks(call.pc, stream, role === 'caller')
        await negotiate(call)
      },
      replacing,
    )

  /** Our call (`replacing`: the one it starts over from). */
  const start = (source: LocalStreamSource | undefined, replacing?: Call) =>
    run('caller', source, replacing, async (call) => {
      // negotiationneeded follows, and the offer goes out over the channel.
      const held = heldOffer
      heldOffer = null
      // Perfect negotiation decides who yields, as for any collision.
      if (held) await call.negotiation.receiveDescription(held)
    })

  /** Answers `description` (`replacing`: the call a new connection of theirs takes over from). */
  const answer = (
    description: RTCSessionDescriptionInit,
    source: LocalStreamSource | undefined,
    replacing?: Call,
  ) =>
    run('callee', source, replacing, (call) => {
      // A newer offer that came while the camera started (they started over) is the one to answer.
      const latest = heldOffer ?? description
      heldOffer = null
      return call.negotiation.receiveDescription(latest)
    })

  return {
    channel: () => channel,
    isOpen,
    politeById: () => (channel && peer ? channel.id < peer : undefined),

    attach(next, options = {}, held = []) {
      detach?.()
      channel = next
      media = options.media
      peer = null
      // An offer held from the channel before is not for a call on this one.
      heldOffer = null
      const onMessage = (message: SignalMessage, from: string) => {
        // Rooms are for two: once a call runs, messages of anyone else are not for us.
        if (peer && from !== peer && runner.current()) {
          console.warn('[react-p2p-call] dropped a message from a third party in the room')
          return
        }
        peer = from
        host.receive(message)
      }
      const offMessage = next.onMessage(onMessage)
      for (const [message, from] of held) onMessage(message, from)
      // The channel's own errors stay on the channel (its state): a replaced channel's failure
      // must not linger on the session.
      const offState = next.subscribe(() => {
        const call = runner.current()
        if (isOpen()) {
          call?.negotiation.flush()
          // A path for a restart again (the relay is back): try now rather than at the next tick.
          call?.recovery.poke('signaling channel open')
        } else {
          // The path for restarts went away: a failed call must say failed, not reconnecting.
          call?.watch()
        }
      })
      const off = () => {
        offMessage()
        offState()
        if (channel === next) {
          channel = null
          peer = null
        }
        if (detach === off) detach = null
      }
      detach = off
      return off
    },

    startCall(options = {}) {
      if (!channel) {
        update({ error: createP2PError('ERR_CHANNEL_CLOSED') })
        return Promise.resolve()
      }
      startsOver = 0
      return start(options.media ?? media)
    },

    async offered(description) {
      if (description.type !== 'offer' || !channel) return
      // Both started at once: ours is still waiting for the camera. Keep theirs for it.
      if (!host.canStart()) {
        heldOffer = description
        return
      }
      startsOver = 0
      await answer(description, media)
    },

    answerInstead(description) {
      const call = runner.current()
      const remote = call?.pc.remoteDescription?.sdp
      if (!call || !remote || current?.call !== call || description.type !== 'offer') return false
      const fingerprint = dtlsFingerprintOf(description.sdp ?? '')
      if (!fingerprint || fingerprint === dtlsFingerprintOf(remote)) return false
      void answer(description, current.stream, call)
      return true
    },

    reset(cause) {
      current = null
      if (cause === 'callee' || cause === 'ended') heldOffer = null
    },

    dispose: () => detach?.(),
  }
}
