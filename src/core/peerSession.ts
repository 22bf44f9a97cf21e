import { createP2PError, type P2PError, type P2PErrorCode } from './errors'
import { derivePhase, type CallPhase, type CallStep } from './phase'
import {
  decodeSignal,
  encodeSignal,
  iceUfragOf,
  signalKindError,
  type SignalBundle,
  type SignalCandidate,
  type SignalKind,
} from './signalCodec'
import { createStore, type ReadableStore } from './store'

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
  bundlePolicy?: RTCBundlePolicy
  rtcpMuxPolicy?: RTCRtcpMuxPolicy
  iceCandidatePoolSize?: number
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
  readonly remoteStream: MediaStream | null
  /** The last problem, with a hint; the call itself goes on unless `phase` says otherwise. */
  readonly error: P2PError | null
}

/** A one-to-one call: one `RTCPeerConnection` at a time, created per call, closed on hang-up. */
export interface PeerSession extends ReadableStore<PeerSessionState> {
  /** Caller: adds local media, creates the offer, waits for ICE gathering, publishes `localSignal`. */
  createOffer(options?: CallStepOptions): Promise<void>
  /** Callee: applies the pasted offer, adds local media, publishes the answer as `localSignal`. */
  createAnswer(remoteSignal: string, options?: CallStepOptions): Promise<void>
  /** Caller: applies the pasted answer. A bad paste leaves the offer waiting for a good one. */
  completeConnection(remoteSignal: string): Promise<void>
  /**
   * Adds a remote ICE candidate (trickle). Before the remote description is set — even before the
   * call's connection exists — it is queued and added right after the description.
   */
  addRemoteCandidate(candidate: SignalCandidate): Promise<void>
  /** Closes the connection; the session can start a new call afterwards. */
  hangUp(): void
  clearError(): void
  /** Replaces the connection options for the next call. */
  setOptions(options: ConnectionOptions): void
  /** Closes everything for good; later calls do nothing. */
  dispose(): void
}

const INITIAL_LAYERS: ConnectionLayers = {
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
  remoteStream: null,
  error: null,
}

type Patch = Partial<Omit<PeerSessionState, 'phase'>>

function layersOf(pc: RTCPeerConnection): ConnectionLayers {
  return {
    signalingState: pc.signalingState,
    iceGatheringState: pc.iceGatheringState,
    iceConnectionState: pc.iceConnectionState,
    connectionState: pc.connectionState,
  }
}

function rtcConfiguration(options: ConnectionOptions): RTCConfiguration {
  const config: RTCConfiguration = {
    iceServers: [...(options.iceServers ?? DEFAULT_ICE_SERVERS)],
  }
  if (options.iceTransportPolicy) config.iceTransportPolicy = options.iceTransportPolicy
  if (options.bundlePolicy) config.bundlePolicy = options.bundlePolicy
  if (options.rtcpMuxPolicy) config.rtcpMuxPolicy = options.rtcpMuxPolicy
  if (options.iceCandidatePoolSize !== undefined) {
    config.iceCandidatePoolSize = options.iceCandidatePoolSize
  }
  return config
}

/** Resolves when gathering is complete, or when the connection is closed (`abort`). */
function gatheringComplete(pc: RTCPeerConnection, abort: AbortSignal): Promise<void> {
  if (pc.iceGatheringState === 'complete' || abort.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      pc.removeEventListener('icegatheringstatechange', check)
      pc.removeEventListener('icecandidate', onCandidate)
      abort.removeEventListener('abort', done)
      resolve()
    }
    const check = () => {
      if (pc.iceGatheringState === 'complete') done()
    }
    // The end-of-candidates event (candidate === null) is the older signal of the same moment.
    const onCandidate = (event: RTCPeerConnectionIceEvent) => {
      if (!event.candidate) done()
    }
    pc.addEventListener('icegatheringstatechange', check)
    pc.addEventListener('icecandidate', onCandidate)
    abort.addEventListener('abort', done)
  })
}

class StepError extends Error {
  constructor(readonly p2p: P2PError) {
    super(p2p.message)
  }
}

function sameSnapshot(a: PeerSessionState, b: PeerSessionState): boolean {
  return (Object.keys(a) as (keyof PeerSessionState)[]).every((key) => Object.is(a[key], b[key]))
}

/**
 * Creates a call session. No connection exists until a call starts, so creating a session has no
 * side effects; `dispose()` closes whatever it opened.
 *
 * @example
 * const session = createPeerSession({ iceServers: [] })
 * const media = createLocalMedia()
 * await session.createOffer({ media: () => media.start() })
 * sendToTheOtherPerson(session.getState().localSignal)
 * await session.completeConnection(theirAnswer)
 * // later
 * session.hangUp()
 * media.stop()
 */
export function createPeerSession(options: ConnectionOptions = {}): PeerSession {
  const store = createStore<PeerSessionState>(INITIAL_SESSION_STATE)
  let config = options
  let pc: RTCPeerConnection | null = null
  let closeController = new AbortController()
  // Each call action takes a ticket; a hang-up or a newer action invalidates older tickets, so an
  // await that resumes after them does nothing.
  let ticket = 0
  let disposed = false
  let localCandidates: SignalCandidate[] = []
  let pendingRemoteCandidates: SignalCandidate[] = []
  // ICE username fragments of every description this session made: a paste of one is our own.
  const ownUfrags = new Set<string>()

  function update(patch: Patch): void {
    store.setState((prev) => {
      const merged = { ...prev, ...patch }
      const next = { ...merged, phase: derivePhase(merged) }
      return sameSnapshot(prev, next) ? prev : next
    })
  }

  const fail = (code: P2PErrorCode, cause?: unknown) =>
    update({ error: createP2PError(code, cause) })

  function openConnection(): RTCPeerConnection {
    closeConnection()
    const Ctor = globalThis.RTCPeerConnection
    if (typeof Ctor !== 'function') throw new StepError(createP2PError('ERR_WEBRTC_SUPPORT'))
    let conn: RTCPeerConnection
    try {
      conn = new Ctor(rtcConfiguration(config))
    } catch (cause) {
      throw new StepError(createP2PError('ERR_CONFIG', cause))
    }
    pc = conn
    closeController = new AbortController()
    localCandidates = []
    let fallbackStream: MediaStream | null = null

    const sync = () => {
      if (conn !== pc) return
      update(layersOf(conn))
      if (conn.connectionState === 'failed') fail('ERR_CONNECTION_FAILURE')
    }
    for (const type of [
      'signalingstatechange',
      'icegatheringstatechange',
      'iceconnectionstatechange',
      'connectionstatechange',
    ]) {
      conn.addEventListener(type, sync)
    }
    conn.addEventListener('icecandidate', (event) => {
      if (conn === pc && event.candidate?.candidate)
        localCandidates.push(event.candidate.toJSON() as SignalCandidate)
    })
    conn.addEventListener('track', (event) => {
      if (conn !== pc) return
      let stream = event.streams[0]
      if (!stream) {
        // A peer that added tracks without a stream: gather them into one of ours.
        fallbackStream ??= new MediaStream()
        fallbackStream.addTrack(event.track)
        stream = fallbackStream
      }
      // One track event per track, one stream for all: publish the stream once.
      update({ remoteStream: stream })
    })
    update(layersOf(conn))
    return conn
  }

  /** Closes the current connection; `closed` keeps the closed layers on screen, else they reset. */
  function closeConnection(show: 'closed' | 'reset' = 'reset'): void {
    closeController.abort()
    const conn = pc
    pc = null
    if (!conn) return
    conn.close()
    // close() fires no state events, so the snapshot is updated by hand.
    update(show === 'closed' ? layersOf(conn) : INITIAL_LAYERS)
  }

  function canStart(): boolean {
    const { step, phase } = store.getState()
    return !disposed && (step === 'idle' || step === 'hung-up' || phase === 'failed')
  }

  /** Decodes a paste; on any problem publishes the error and returns null. Never touches the call. */
  function readSignal(text: string, expected: SignalKind): SignalBundle | null {
    const result = decodeSignal(text)
    if (!result.ok) {
      update({ error: result.error })
      return null
    }
    const ufrag = iceUfragOf(result.signal.sdp.sdp)
    if (ufrag !== undefined && ownUfrags.has(ufrag)) {
      fail('ERR_SIGNAL_OWN')
      return null
    }
    const kindError = signalKindError(result.signal.sdp.type, expected)
    if (kindError) {
      update({ error: kindError })
      return null
    }
    return result.signal
  }

  async function resolveMedia(source: LocalStreamSource | undefined): Promise<MediaStream | null> {
    if (typeof source !== 'function') return source ?? null
    update({ step: 'acquiring-media' })
    return source()
  }

  async function addRemoteCandidates(
    conn: RTCPeerConnection | null,
    list: SignalCandidate[],
  ): Promise<void> {
    if (!conn?.remoteDescription) {
      // Before the remote description, addIceCandidate throws InvalidStateError: queue instead.
      pendingRemoteCandidates.push(...list)
      return
    }
    const queued = pendingRemoteCandidates.splice(0)
    for (const candidate of [...queued, ...list]) {
      try {
        await conn.addIceCandidate(candidate)
      } catch (cause) {
        if (conn === pc) fail('ERR_ADD_ICE_CANDIDATE', cause)
      }
    }
  }

  async function setLocal(conn: RTCPeerConnection, kind: SignalKind): Promise<void> {
    let description: RTCSessionDescriptionInit
    try {
      description = kind === 'offer' ? await conn.createOffer() : await conn.createAnswer()
    } catch (cause) {
      throw new StepError(
        createP2PError(kind === 'offer' ? 'ERR_CREATE_OFFER' : 'ERR_CREATE_ANSWER', cause),
      )
    }
    try {
      await conn.setLocalDescription(description)
    } catch (cause) {
      throw new StepError(createP2PError('ERR_SET_LOCAL_DESCRIPTION', cause))
    }
    const ufrag = iceUfragOf(conn.localDescription?.sdp ?? '')
    if (ufrag) ownUfrags.add(ufrag)
  }

  function bundleOf(conn: RTCPeerConnection): string {
    const description = conn.localDescription
    if (!description || (description.type !== 'offer' && description.type !== 'answer')) return ''
    return encodeSignal({
      sdp: { type: description.type, sdp: description.sdp },
      candidates: localCandidates,
    })
  }

  /**
   * Starts a call as `role` and runs its steps under a new ticket. A StepError ends the attempt with
   * the connection closed and the error shown; the session is then ready for another try.
   */
  async function startCall(role: CallRole, steps: (mine: number) => Promise<void>): Promise<void> {
    if (!canStart()) {
      if (!disposed) fail('ERR_ALREADY_IN_CALL')
      return
    }
    const mine = ++ticket
    closeConnection()
    update({ role, step: 'idle', localSignal: '', remoteStream: null, error: null })
    try {
      await steps(mine)
    } catch (cause) {
      if (mine !== ticket) return
      closeConnection()
      pendingRemoteCandidates = []
      const error = cause instanceof StepError ? cause.p2p : createP2PError('ERR_SIGNALING', cause)
      update({ step: 'idle', localSignal: '', remoteStream: null, error })
    }
  }

  /** Non-trickle: the signal is published once gathering is complete, candidates inside. */
  async function publishWhenGathered(
    conn: RTCPeerConnection,
    mine: number,
    step: 'offer-ready' | 'answer-ready',
  ): Promise<void> {
    await gatheringComplete(conn, closeController.signal)
    if (mine === ticket) update({ step, localSignal: bundleOf(conn) })
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,

    createOffer(stepOptions = {}) {
      return startCall('caller', async (mine) => {
        const stream = await resolveMedia(stepOptions.media)
        if (mine !== ticket) return
        const conn = openConnection()
        const kinds = new Set<string>()
        for (const track of stream?.getTracks() ?? []) {
          conn.addTrack(track, stream as MediaStream)
          kinds.add(track.kind)
        }
        // Without a camera or microphone we still want to see and hear the other person.
        for (const kind of ['audio', 'video']) {
          if (!kinds.has(kind)) conn.addTransceiver(kind, { direction: 'recvonly' })
        }
        update({ step: 'creating-offer' })
        await setLocal(conn, 'offer')
        await publishWhenGathered(conn, mine, 'offer-ready')
      })
    },

    createAnswer(remoteSignal, stepOptions = {}) {
      const signal = readSignal(remoteSignal, 'offer')
      if (!signal) return Promise.resolve()
      return startCall('callee', async (mine) => {
        const stream = await resolveMedia(stepOptions.media)
        if (mine !== ticket) return
        const conn = openConnection()
        update({ step: 'creating-answer' })
        try {
          await conn.setRemoteDescription(signal.sdp)
        } catch (cause) {
          throw new StepError(createP2PError('ERR_SET_REMOTE_DESCRIPTION', cause))
        }
        if (mine !== ticket) return
        // addTrack reuses the transceivers the offer created, so the answer sends on them.
        for (const track of stream?.getTracks() ?? []) conn.addTrack(track, stream as MediaStream)
        await addRemoteCandidates(conn, signal.candidates)
        await setLocal(conn, 'answer')
        await publishWhenGathered(conn, mine, 'answer-ready')
      })
    },

    async completeConnection(remoteSignal) {
      const signal = readSignal(remoteSignal, 'answer')
      if (!signal) return
      const conn = pc
      if (
        !conn ||
        conn.signalingState !== 'have-local-offer' ||
        store.getState().step !== 'offer-ready'
      ) {
        fail('ERR_NO_OFFER')
        return
      }
      const mine = ticket
      update({ error: null })
      try {
        await conn.setRemoteDescription(signal.sdp)
      } catch (cause) {
        // The offer is still waiting: a correct answer pasted next still completes the call.
        if (mine === ticket) fail('ERR_SET_REMOTE_DESCRIPTION', cause)
        return
      }
      if (mine !== ticket) return
      update({ step: 'completing' })
      await addRemoteCandidates(conn, signal.candidates)
    },

    async addRemoteCandidate(candidate) {
      if (disposed) return
      await addRemoteCandidates(pc, [candidate])
    },

    hangUp() {
      ticket++
      pendingRemoteCandidates = []
      const { step } = store.getState()
      if (!pc && (step === 'idle' || step === 'hung-up')) return
      closeConnection('closed')
      update({ step: 'hung-up', localSignal: '', remoteStream: null, error: null })
    },

    clearError() {
      update({ error: null })
    },

    setOptions(next) {
      config = next
    },

    dispose() {
      disposed = true
      ticket++
      pendingRemoteCandidates = []
      closeConnection('closed')
    },
  }
}
