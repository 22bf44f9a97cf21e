import { createCallRecovery, type CallRecovery } from './callRecovery.js'
import { layersOf } from '../connectionConfig.js'
import type { Messenger } from './messenger.js'
import type { Negotiation } from './negotiation.js'
import {
  INITIAL_LAYERS,
  type ConnectionLayers,
  type PeerSessionState,
} from '../peerSessionTypes.js'
import { createScreenShare, type ScreenShare } from './screenShare.js'
import { securityCode } from '../securityCode.js'
import { sendingMids } from '../sdpSending.js'
import type { SessionPatch } from './sessionSnapshot.js'
import type { SignalMessage } from '../signalMessage.js'
import { createTransport, type Transport } from './transport.js'

/** What a call needs from its session. */
export interface CallHost {
  /** Its connection: warmed up ahead (`prewarm`), or new. */
  readonly pc: RTCPeerConnection
  /** In band from the start (a signaling channel), or once the first carried exchange is done. */
  readonly inBand: boolean
  /** Who yields in a collision (read at each one). */
  polite(): boolean
  /** How messages reach the other side. */
  readonly messenger: Pick<Messenger, 'send' | 'canSend'>
  /** Whether a signaling channel can carry an ICE restart now (never the dead transport). */
  canReach(): boolean
  /** How long `disconnected` may last before the first restart. */
  readonly reconnectAfterMs: number
  state(): PeerSessionState
  update(patch: SessionPatch): void
  /** The data channel opened: what the session announces then (its media switches). */
  onChannelOpen(): void
  /** A message from the other side on the data channel. */
  onMessage(message: SignalMessage): void
}

/**
 * One call: its transport (connection, data channel, negotiation) and the features that live and
 * die with it (screen share, recovery, the security code). Replaced as a whole per call.
 */
export interface Call {
  readonly transport: Transport
  readonly pc: RTCPeerConnection
  readonly negotiation: Negotiation
  readonly screen: ScreenShare
  readonly recovery: CallRecovery
  /** Aborted once the call closes: a late result of anything it started then does nothing. */
  readonly closed: AbortSignal
  /**
   * The other person's tracks, ahead of the answer that brings them: publishes the stream of the
   * receivers the `answer` SDP will send on, while the browser applies it. A video element given
   * it then shows the first frame as it arrives, as the tutorial's page (whose remote video holds
   * its stream from the start) does. Nothing when a stream is already shown or none will come.
   * For a call's first answer only (a restart's brings nothing new).
   */
  expectRemote(answer: string): void
  /**
   * A caller's offer is out: publishes its receivers' tracks as `incomingStream`, the stream
   * `expectRemote` then shows (the same object) when the answer sends on all of them.
   */
  expectIncoming(): void
  /** The connection or the path for restarts changed: recovery follows; connected, the code. */
  watch(): void
  /**
   * Closes the connection; `'closed'` keeps the closed layers on screen. `graceful` lets a goodbye
   * still in the data channel's buffer go out first (at most 500 ms).
   */
  close(show?: 'closed' | 'reset', graceful?: boolean): void
}

/** What a call shows only while it lives: nothing of it outlives it. */
const CALL_CLEARED: SessionPatch = {
  inBand: false,
  localScreen: null,
  remoteScreen: null,
  securityCode: null,
  // Their switches describe a call that is over: no badge outlives it.
  remoteMedia: null,
  recovery: null,
  incomingStream: null,
}

/**
 * Opens a call on `host.pc`.
 *
 * @example
 * const call = openCall({ pc, inBand: true, polite, messenger, … })
 * call.close('closed')
 */
export function openCall(host: CallHost): Call {
  const { pc, messenger, update } = host
  const live = () => !call.closed.aborted
  const transport = createTransport(pc, {
    polite: host.polite,
    send: messenger.send,
    canSend: messenger.canSend,
    onNegotiationError: (error) => update({ error }),
    onStateChange: () => {
      update(layersOf(pc))
      call.watch()
      call.screen.onStable()
    },
    onCandidate: (candidate) => {
      if (call.negotiation.inBand && messenger.canSend())
        messenger.send({ type: 'candidate', candidate })
    },
    onTrack: (event, stream) => {
      const { remoteStream } = host.state()
      // The other side's screen (or a late event of one), then never a camera's second track.
      if (call.screen.claimTrack(event, stream) || stream === remoteStream) return
      // The camera is the call's first other stream. The one shown ahead of the answer (its
      // receivers' tracks, `expectRemote`) gives way only to the browser's own stream of the same
      // tracks and more (a camera added after an audio-only start); nothing else replaces it.
      const shown = remoteStream?.getTracks() ?? []
      const tracks = stream.getTracks()
      if (!remoteStream || (shown.every((t) => tracks.includes(t)) && tracks.length > shown.length))
        update({ remoteStream: stream })
    },
    onChannelOpen: () => {
      update({ inBand: true })
      call.negotiation.flush()
      host.onChannelOpen()
    },
    onChannelClose: () => update({ inBand: false }),
    onMessage: host.onMessage,
  })
  // The security code of this connection (its certificates do not change), once worked out.
  let coding = false
  let codeValue: string | null | undefined
  const showCode = () => {
    const shown = host.state().securityCode
    if (
      live() &&
      codeValue !== undefined &&
      pc.connectionState === 'connected' &&
      shown !== codeValue
    )
      update({ securityCode: codeValue })
  }
  const call: Call = {
    transport,
    pc,
    negotiation: transport.negotiation,
    closed: transport.closed,
    screen: createScreenShare({
      pc,
      state: host.state,
      update,
      isCurrent: live,
      canSend: messenger.canSend,
      send: messenger.send,
    }),
    recovery: createCallRecovery({
      transport,
      canReach: host.canReach,
      polite: host.polite(),
      reconnectAfterMs: host.reconnectAfterMs,
      state: host.state,
      update,
      isCurrent: live,
    }),
    expectRemote(answer) {
      const mids = sendingMids(answer)
      // The same track objects the track events will bring.
      const tracks = pc
        .getTransceivers()
        .filter((t) => mids.includes(t.mid as string))
        .map((t) => t.receiver.track)
      const { remoteStream, incomingStream } = host.state()
      if (!tracks[0] || remoteStream) return
      // The stream a video may hold already (its player set up before the click), when it is
      // exactly what the answer sends on.
      const incoming = incomingStream?.getTracks() ?? []
      const same = incoming.length === tracks.length && tracks.every((t) => incoming.includes(t))
      update({ remoteStream: same ? incomingStream : new MediaStream(tracks) })
    },
    expectIncoming() {
      const tracks = pc.getTransceivers().map((t) => t.receiver.track)
      if (tracks[0]) update({ incomingStream: new MediaStream(tracks) })
    },
    watch() {
      call.recovery.watch()
      // Worked out once both descriptions are there (the callee's long before `connected`), and
      // shown at `connected` with the layers: nothing more runs while the media starts.
      if (!coding && pc.localDescription && pc.remoteDescription) {
        coding = true
        void securityCode(pc.localDescription.sdp, pc.remoteDescription.sdp).then((value) => {
          codeValue = value
          showCode()
        })
      }
      showCode()
    },
    close(show = 'reset', graceful = false) {
      if (!live()) return
      call.recovery.dispose()
      // Before the connection closes: a screen share stops sending on a connection still open.
      call.screen.release()
      transport.close(graceful)
      // close() fires no state events, so the snapshot is updated by hand.
      const closed: ConnectionLayers = {
        signalingState: 'closed',
        iceGatheringState: pc.iceGatheringState,
        iceConnectionState: 'closed',
        connectionState: 'closed',
      }
      update({ ...(show === 'closed' ? closed : INITIAL_LAYERS), ...CALL_CLEARED })
    },
  }
  if (host.inBand) call.negotiation.enable()
  update({ ...layersOf(pc), ...CALL_CLEARED })
  return call
}

/**
 * Adds the call's own tracks to `pc`. A `receiveOnly` side without a camera or microphone still
 * asks to receive both (a caller's offer must, or the other side could not send them).
 *
 * @example
 * addLocalTracks(call.pc, await media.start(), true)
 */
export function addLocalTracks(
  pc: RTCPeerConnection,
  stream: MediaStream | null,
  receiveOnly: boolean,
): void {
  const kinds = new Set<string>()
  for (const track of stream?.getTracks() ?? []) {
    pc.addTrack(track, stream as MediaStream)
    kinds.add(track.kind)
  }
  if (receiveOnly) {
    for (const kind of ['audio', 'video']) {
      if (!kinds.has(kind)) pc.addTransceiver(kind, { direction: 'recvonly' })
    }
  }
}
