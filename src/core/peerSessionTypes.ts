import type { P2PError } from './errors.js'
import type { CallPhase, CallStep } from './phase.js'
import type { SignalCandidate, SignalFormat } from './signalCodec.js'
import type { SignalingChannel } from './signalingChannel.js'
import type { SignalMessage } from './signalMessage.js'
import type { ReadableStore } from './store.js'

// The public shape of a session: its options, its snapshot and its methods (`createPeerSession`
// in peerSession.ts builds one). Types and the initial snapshot only.

/** Who starts the call: the caller makes the offer, the callee answers it. */
export type CallRole = 'caller' | 'callee'

/**
 * The `RTCPeerConnection` options the kit passes through unchanged. They are read when a call
 * starts, so changing them never disturbs a call in progress: they apply to the next one.
 */
export interface ConnectionOptions {
  /** Default: {@link DEFAULT_ICE_SERVERS}. Pass `[]` for host candidates only (same network). */
  iceServers?: RTCIceServer[]
  /** `'relay'` forces every path through a TURN server. */
  iceTransportPolicy?: RTCIceTransportPolicy
  /** Default `'max-bundle'` (the browser's default is `'balanced'`). */
  bundlePolicy?: RTCBundlePolicy
  rtcpMuxPolicy?: RTCRtcpMuxPolicy
  iceCandidatePoolSize?: number
}

/** Options of {@link createPeerSession}: the connection options plus negotiation behaviour. */
export interface PeerSessionOptions extends ConnectionOptions {
  /**
   * The polite side yields when both renegotiate at once. Default: the callee is polite, the caller
   * not; with a signaling channel and no roles yet, the end with the smaller channel id.
   */
  polite?: boolean
  /** How long `disconnected` may last before the kit restarts ICE. Default 3000 ms. */
  reconnectAfterMs?: number
  /**
   * When a non-trickle signal is ready: when ICE gathering completes; or 50 ms after the candidate
   * the ICE servers give (server-reflexive from STUN, relay from TURN); or `graceMs` after the first
   * candidate; or at `maxMs`, whichever is first. A STUN server that never answers then costs half
   * a second, not ~40. Defaults: `graceMs` 500 (1500 with a TURN server), `maxMs` 10000.
   */
  gatheringBudget?: { graceMs?: number; maxMs?: number }
  /**
   * How `localSignal` is written: `'compact'` (default; `p2p2.offer.…`, a template signal of a
   * few hundred characters, about a thirtieth of the tutorial's JSON) or `'json'` (the tutorial's `{sdp, candidates}`, what its lab page reads).
   * Pastes of either format are always accepted. Change it later with `setSignalFormat`.
   */
  signalFormat?: SignalFormat
  /**
   * Leave host candidates (this device's own addresses) out of everything sent: signals, trickled
   * candidates, later descriptions. The other side then learns only server-reflexive and relay
   * addresses. The trade-off: two devices on one network can no longer connect directly unless a
   * STUN server gives them a usable address, or the other side keeps its host candidates.
   * For no addresses at all, use `iceTransportPolicy: 'relay'` with a TURN server.
   */
  stripHostCandidates?: boolean
}

/** One transition in {@link PeerSessionState.timeline}. */
export interface TimelineEntry {
  /** `Date.now()` when it happened. */
  readonly at: number
  readonly layer: 'signaling' | 'gathering' | 'ice' | 'connection' | 'phase' | 'recovery' | 'error'
  /** The new state, or the error code. */
  readonly value: string
  /** For an error: the browser's own reason, when it gave one (`P2PError.detail`). */
  readonly detail?: string
}

/** Whether a side's microphone is muted and its camera off. */
export interface MediaSwitches {
  readonly micMuted: boolean
  readonly cameraOff: boolean
}

/** See {@link PeerSessionState.recovery}. */
export interface RecoveryState {
  readonly attempts: number
  readonly reason: string
}

/** How many candidates of each type a signal carries. */
export interface CandidateCounts {
  readonly host: number
  readonly srflx: number
  readonly prflx: number
  readonly relay: number
}

/** One public STUN server, as the tutorial uses; override with `iceServers`. */
export const DEFAULT_ICE_SERVERS: readonly RTCIceServer[] = [
  { urls: 'stun:stun.l.google.com:19302' },
]

/**
 * Where a call gets its local stream: a stream, `null` (receive-only), or a function that starts
 * the camera when the call needs it (e.g. `() => media.start()`).
 */
export type LocalStreamSource = MediaStream | null | (() => Promise<MediaStream | null>)

/** Options of the steps that add local media. */
export interface CallStepOptions {
  /** Default: `null`, receive-only. */
  media?: LocalStreamSource
}

/** The four state layers, as the browser reports them. */
export interface ConnectionLayers {
  readonly signalingState: RTCSignalingState
  readonly iceGatheringState: RTCIceGatheringState
  readonly iceConnectionState: RTCIceConnectionState
  readonly connectionState: RTCPeerConnectionState
}

/** The snapshot a {@link PeerSession} publishes. Replaced on every change, never mutated. */
export interface PeerSessionState extends ConnectionLayers {
  /** The role this tab took in the current (or last) call; `null` before the first. */
  readonly role: CallRole | null
  readonly step: CallStep
  readonly phase: CallPhase
  /** What to send to the other person: a non-trickle signal, or `''` while there is none. */
  readonly localSignal: string
  /** The format `localSignal` is written in. */
  readonly signalFormat: SignalFormat
  /**
   * The other person's camera and microphone. A caller gets it when Complete connection applies
   * the answer, before the media flows, so a video given it shows their first frame as it
   * arrives; `null` while they send nothing (receive-only).
   */
  readonly remoteStream: MediaStream | null
  /**
   * A copy-paste caller's receivers, published with its offer and kept while the call lives: the
   * stream the other person's camera and microphone will arrive on, silent until the answer is
   * applied. A video made ahead (hidden) can hold it, so its player is set up before Complete
   * connection rather than during it; `remoteStream` is then this very stream when the answer
   * sends on all of its tracks. `null` otherwise. Not for showing: it has no media before the
   * answer, and may never have any (a receive-only answer).
   */
  readonly incomingStream: MediaStream | null
  /** Our screen share, while it runs. */
  readonly localScreen: MediaStream | null
  /** The other person's screen share, while it runs. */
  readonly remoteScreen: MediaStream | null
  /** Whether the call's own data channel is open: later negotiation needs no paste. */
  readonly inBand: boolean
  /** True while a non-trickle signal waits for its candidates (within the gathering budget). */
  readonly gathering: boolean
  /** The candidates in `localSignal`, by type; `null` while there is no signal. */
  readonly candidateCounts: CandidateCounts | null
  /**
   * Six digits from both DTLS fingerprints, once connected: the same on both sides unless someone
   * sits in the middle (see `securityCode`). `null` before.
   */
  readonly securityCode: string | null
  /** What we tell the other side about our microphone and camera (see `setMediaState`). */
  readonly localMedia: MediaSwitches
  /** What the other side told us about theirs; `null` until it says (or without a data channel). */
  readonly remoteMedia: MediaSwitches | null
  /**
   * Timestamped transitions of the four state layers, the phase and errors, oldest first (the last
   * 500), across calls: what chrome://webrtc-internals would show, inside the app.
   */
  readonly timeline: readonly TimelineEntry[]
  /** Who ended the last call: `'remote'` when the other person hung up. */
  readonly endedBy: 'local' | 'remote' | null
  /**
   * While the transport is down and a path can carry an ICE restart: how many attempts were made
   * and why the last one started (`createRecovery`). `null` otherwise; the phase then says
   * `failed` only when nothing can carry a restart.
   */
  readonly recovery: RecoveryState | null
  /** The last problem, with a hint; the call itself goes on unless `phase` says otherwise. */
  readonly error: P2PError | null
}

/** A one-to-one call: one `RTCPeerConnection` at a time, created per call, closed on hang-up. */
export interface PeerSession extends ReadableStore<PeerSessionState> {
  /** Caller, copy-paste: adds local media, creates the offer, publishes it as `localSignal`. */
  createOffer(options?: CallStepOptions): Promise<void>
  /**
   * Callee, copy-paste: applies the pasted offer and publishes the answer. A pasted ICE-restart
   * offer of the current call (same peer) is applied to it instead of starting a new call.
   */
  createAnswer(remoteSignal: string, options?: CallStepOptions): Promise<void>
  /** Caller: applies the pasted answer. A bad paste leaves the offer waiting for a good one. */
  completeConnection(remoteSignal: string): Promise<void>
  /**
   * Uses `channel` for signaling: `startCall()` then needs no paste, and an offer that arrives on it
   * while idle is answered (with `options.media`). Returns the detach function.
   */
  attachChannel(channel: SignalingChannel, options?: CallStepOptions): () => void
  /** With a channel attached: starts a call whose offer and candidates travel by themselves. */
  startCall(options?: CallStepOptions): Promise<void>
  /** Adds a remote ICE candidate; before the remote description it is queued. */
  addRemoteCandidate(candidate: SignalCandidate): Promise<void>
  /** Handles one message from the other side (data channel or signaling channel). */
  receive(message: SignalMessage): Promise<void>
  /**
   * Shares a screen as an additional video (needs a connected call). `source` replaces
   * `getDisplayMedia` (e.g. a canvas, or a capture with your own constraints).
   */
  startScreenShare(source?: () => Promise<MediaStream>): Promise<void>
  stopScreenShare(): void
  /**
   * Copy-paste recovery: puts an ICE-restart offer into `localSignal`; the other side pastes it
   * and answers; Complete connection applies the answer. Same connection, same tracks.
   */
  reconnect(): Promise<void>
  /** Ends the call and tells the other side (when a path to it is up). */
  hangUp(): void
  clearError(): void
  /**
   * Warms up the next call: loads the session's call engine (its code, a chunk of its own, which
   * the first call step loads otherwise) and creates the call's `RTCPeerConnection` with a
   * candidate pool, so its ICE candidates are gathered before `createOffer` / `createAnswer` /
   * `startCall` (they then take it) and the signal is ready in a fraction of the time. Call it
   * when the person shows intent (the camera preview is on, an offer is filled in). It reaches
   * your STUN/TURN servers before a call starts, so it is never automatic in the core. Does
   * nothing during a call or after `dispose`.
   */
  prepare(): void
  /** Replaces the options for the next call. */
  setOptions(options: PeerSessionOptions): void
  /**
   * Tells the other side that our microphone is muted or camera off (over the call's data channel,
   * now and whenever a new call's channel opens), for its indicators. The tracks themselves are
   * switched by `LocalMedia.setEnabled`.
   */
  setMediaState(state: MediaSwitches): void
  /**
   * Sends `next` instead of `previous` on the same sender (`RTCRtpSender.replaceTrack`): a device
   * switch mid-call, with no renegotiation. Resolves `false` when no sender sends `previous`.
   */
  replaceTrack(previous: MediaStreamTrack, next: MediaStreamTrack): Promise<boolean>
  /** The current call's `getStats()`, or `null` without a call (see `createCallStats`). */
  getStats(): Promise<RTCStatsReport | null>
  /** The current call's local and remote SDP (`''` where there is none), for debug reports. */
  getDescriptions(): { local: string; remote: string }
  /** Writes signals in `format` from now on; a `localSignal` on screen is rewritten at once. */
  setSignalFormat(format: SignalFormat): Promise<void>
  /** Closes everything for good; later calls do nothing. */
  dispose(): void
}

/** The layers of a session with no connection. */
export const INITIAL_LAYERS: ConnectionLayers = {
  signalingState: 'stable',
  iceGatheringState: 'new',
  iceConnectionState: 'new',
  connectionState: 'new',
}

/** The snapshot of a session that has not started a call. */
export const INITIAL_SESSION_STATE: PeerSessionState = {
  ...INITIAL_LAYERS,
  role: null,
  step: 'idle',
  phase: 'idle',
  localSignal: '',
  signalFormat: 'compact',
  remoteStream: null,
  incomingStream: null,
  localScreen: null,
  remoteScreen: null,
  inBand: false,
  gathering: false,
  candidateCounts: null,
  securityCode: null,
  localMedia: { micMuted: false, cameraOff: false },
  remoteMedia: null,
  timeline: [],
  endedBy: null,
  recovery: null,
  error: null,
}
