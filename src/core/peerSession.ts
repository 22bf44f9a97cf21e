import { layersOf, rtcConfiguration } from './connectionConfig.js'
import { createP2PError, type P2PError, type P2PErrorCode } from './errors.js'
import { gatheringDone, serversOf } from './gatheringBudget.js'
import { createCallRecovery, type CallRecovery } from './callRecovery.js'
import type { Negotiation } from './negotiation.js'
import { canStartCall, isCallOver, type CallStep } from './phase.js'
import {
  INITIAL_LAYERS,
  INITIAL_SESSION_STATE,
  type CallRole,
  type ConnectionLayers,
  type LocalStreamSource,
  type PeerSession,
  type PeerSessionOptions,
  type PeerSessionState,
} from './peerSessionTypes.js'
import { createPasteExchange } from './pasteExchange.js'
import { createPrewarm } from './prewarm.js'
import { createScreenShare, type ScreenShare } from './screenShare.js'
import { createTransport, type Transport } from './transport.js'
import { createMessenger } from './messenger.js'
import { countCandidates, isHostCandidate, withoutHostCandidates } from './sdpCandidates.js'
import { dtlsFingerprintOf, securityCode } from './securityCode.js'
import { nextSessionState, type SessionPatch } from './sessionSnapshot.js'
import type { SignalBundle, SignalCandidate, SignalKind } from './signalCodec.js'
import type { SignalingChannel } from './signalingChannel.js'
import { remoteDescription } from './sdpMediaIds.js'
import type { SignalMessage } from './signalMessage.js'
import { captureScreen } from './localMedia.js'
import { createStore } from './store.js'

// The public types live in peerSessionTypes.ts; the pure pieces in sessionSnapshot.ts,
// sdpCandidates.ts, connectionConfig.ts and gatheringBudget.ts. Re-exported here, where apps and
// hooks have always found them.
export * from './peerSessionTypes.js'
export { countCandidates, withoutHostCandidates } from './sdpCandidates.js'

type Patch = SessionPatch

/** Everything that belongs to one RTCPeerConnection; replaced as a whole per call. */
interface Call {
  pc: RTCPeerConnection
  dc: RTCDataChannel
  negotiation: Negotiation
  /** The connection, its data channel and negotiation (`createTransport`). */
  transport: Transport
  /** Screen sharing, both ways (`createScreenShare`). */
  screen: ScreenShare
  /** Set once the first exchange is done (or from the start with a channel). */
  trickle: boolean
  /** ICE restarts while the transport is down (see `createRecovery`). */
  recovery: CallRecovery
}

class StepError extends Error {
  constructor(readonly p2p: P2PError) {
    super(p2p.message)
  }
}

/**
 * Creates a call session. No connection exists until a call starts, so creating a session has no
 * side effects; `dispose()` closes whatever it opened.
 *
 * After the first exchange (a paste each way, or a signaling channel), every call has its own data
 * channel; screen shares, ICE restarts and hang-up travel over it with perfect negotiation.
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
export function createPeerSession(options: PeerSessionOptions = {}): PeerSession {
  const store = createStore<PeerSessionState>({
    ...INITIAL_SESSION_STATE,
    signalFormat: options.signalFormat ?? 'compact',
  })
  let config = options
  let call: Call | null = null
  // The next call's connection, made ahead by `prepare()`, for the configuration it was made with.
  const prewarm = createPrewarm(() => config)
  // Each call action takes a ticket; a hang-up or a newer action invalidates older tickets, so an
  // await that resumes after them does nothing.
  let ticket = 0
  let disposed = false
  let pendingRemoteCandidates: SignalCandidate[] = []
  let channel: SignalingChannel | null = null
  let detachChannel: (() => void) | null = null
  let channelMedia: LocalStreamSource | undefined
  let channelPeer: string | null = null
  // An offer that arrived over a channel while our own call was still starting (camera prompt).
  let heldOffer: RTCSessionDescriptionInit | null = null
  // What the copy-paste exchange publishes and accepts, and the ids that tie an answer to its offer.
  const paste = createPasteExchange()

  // The network came back or changed (a laptop on another Wi-Fi, a phone off mobile data): a call
  // whose transport is down tries a restart at once.
  const onNetworkChange = () => call?.recovery.poke('network changed')
  const connection = (globalThis.navigator as { connection?: EventTarget } | undefined)?.connection
  if (typeof globalThis.addEventListener === 'function') {
    globalThis.addEventListener('online', onNetworkChange)
  }
  connection?.addEventListener?.('change', onNetworkChange)

  function update(patch: Patch): void {
    store.setState((prev) => nextSessionState(prev, patch))
  }

  const fail = (code: P2PErrorCode, cause?: unknown) =>
    update({ error: createP2PError(code, cause) })

  function channelOpen(): boolean {
    return channel?.getState().status === 'open'
  }

  // How messages travel: the data channel while its transport is up, else the signaling channel.
  const messenger = createMessenger({
    call: () => call,
    channel: () => channel,
    stripHostCandidates: () => config.stripHostCandidates === true,
  })
  const { canSend, send } = messenger

  function polite(): boolean {
    if (config.polite !== undefined) return config.polite
    // Over a channel both may be callers (both clicked Start call): once the other end's id is
    // known, the ids decide, the same way on both sides and for every later collision.
    if (channel && channelPeer) return channel.id < channelPeer
    return store.getState().role === 'callee'
  }

  function openCall(trickle: boolean): Call {
    closeCall()
    const Ctor = globalThis.RTCPeerConnection
    if (typeof Ctor !== 'function') throw new StepError(createP2PError('ERR_WEBRTC_SUPPORT'))
    let pc: RTCPeerConnection
    const warm = prewarm.take()
    try {
      pc = warm ?? new Ctor(rtcConfiguration(config))
    } catch (cause) {
      throw new StepError(createP2PError('ERR_CONFIG', cause))
    }
    const transport = createTransport(pc, {
      polite,
      send,
      canSend,
      onNegotiationError: (error) => update({ error }),
      onStateChange: () => {
        update(layersOf(pc))
        watchConnection(current)
        current.screen.onStable()
      },
      onCandidate: (candidate) => {
        if (current.trickle && canSend()) send({ type: 'candidate', candidate })
      },
      onTrack: (event, stream) => {
        const { remoteStream } = store.getState()
        // The other side's screen (or a late event of one), then never a camera's second track.
        if (current.screen.claimTrack(event, stream) || stream === remoteStream) return
        // The camera is the call's first other stream; it is never replaced.
        if (!remoteStream) update({ remoteStream: stream })
      },
      onChannelOpen: () => {
        update({ inBand: true })
        current.negotiation.flush()
        const { localMedia } = store.getState()
        if (localMedia.micMuted || localMedia.cameraOff) send({ type: 'media', ...localMedia })
      },
      onChannelClose: () => update({ inBand: false }),
      onMessage: (message) => void receive(message),
    })
    const current: Call = {
      transport,
      pc,
      dc: transport.dc,
      negotiation: transport.negotiation,
      screen: createScreenShare({
        pc,
        state: store.getState,
        update,
        isCurrent: () => call === current,
        canSend,
        send,
      }),
      trickle,
      recovery: createCallRecovery({
        transport,
        // Never into the dead transport: only a signaling channel carries a restart then.
        canReach: () => channelOpen(),
        polite: polite(),
        reconnectAfterMs: config.reconnectAfterMs ?? 3000,
        state: store.getState,
        update,
        isCurrent: () => call === current,
      }),
    }
    call = current
    if (trickle) current.negotiation.enable()
    update({
      ...layersOf(pc),
      inBand: false,
      localScreen: null,
      remoteScreen: null,
      securityCode: null,
      remoteMedia: null,
      recovery: null,
    })
    return current
  }

  /** The connection's state changed: recovery follows it; connected, the security code is made. */
  function watchConnection(current: Call): void {
    current.recovery.watch()
    if (current.pc.connectionState !== 'connected') return
    const local = current.pc.localDescription?.sdp ?? ''
    const remote = current.pc.remoteDescription?.sdp ?? ''
    void securityCode(local, remote).then((code) => {
      if (call === current) update({ securityCode: code })
    })
  }

  /**
   * Closes the current call's connection; `closed` keeps the closed layers on screen. `graceful`
   * lets a goodbye still in the data channel's buffer go out first (at most 500 ms).
   */
  function closeCall(show: 'closed' | 'reset' = 'reset', graceful = false): void {
    const current = call
    call = null
    paste.reset()
    if (!current) return
    current.recovery.dispose()
    // Before the connection closes: a screen share stops sending on a connection still open.
    current.screen.release()
    current.transport.close(graceful)
    const { pc } = current
    // close() fires no state events, so the snapshot is updated by hand.
    const closed: ConnectionLayers = {
      signalingState: 'closed',
      iceGatheringState: pc.iceGatheringState,
      iceConnectionState: 'closed',
      connectionState: 'closed',
    }
    update({
      ...(show === 'closed' ? closed : INITIAL_LAYERS),
      inBand: false,
      localScreen: null,
      remoteScreen: null,
      securityCode: null,
      // Their switches describe a call that is over: no badge outlives it.
      remoteMedia: null,
      recovery: null,
    })
  }

  function canStart(): boolean {
    return !disposed && canStartCall(store.getState())
  }

  /** Decodes a paste; on any problem publishes the error and returns null. Never touches the call. */
  async function readSignal(text: string, expected: SignalKind): Promise<SignalBundle | null> {
    const read = await paste.read(text, expected)
    if (read.ok) return read.bundle
    update({ error: read.error })
    return null
  }

  async function resolveMedia(source: LocalStreamSource | undefined): Promise<MediaStream | null> {
    if (typeof source !== 'function') return source ?? null
    update({ step: 'acquiring-media' })
    return source()
  }

  function addLocalMedia(pc: RTCPeerConnection, stream: MediaStream | null, receiveOnly: boolean) {
    const kinds = new Set<string>()
    for (const track of stream?.getTracks() ?? []) {
      pc.addTrack(track, stream as MediaStream)
      kinds.add(track.kind)
    }
    // Without a camera or microphone we still want to see and hear the other person.
    if (receiveOnly) {
      for (const kind of ['audio', 'video']) {
        if (!kinds.has(kind)) pc.addTransceiver(kind, { direction: 'recvonly' })
      }
    }
  }

  async function addRemoteCandidates(current: Call | null, list: SignalCandidate[]): Promise<void> {
    if (!current?.pc.remoteDescription) {
      // Before the remote description, addIceCandidate throws InvalidStateError: queue instead.
      pendingRemoteCandidates.push(...list)
      return
    }
    const queued = pendingRemoteCandidates.splice(0)
    for (const candidate of [...queued, ...list])
      await current.negotiation.receiveCandidate(candidate)
  }

  function recordOwn(pc: RTCPeerConnection): void {
    paste.recordOwn(pc.localDescription?.sdp ?? '')
  }

  async function setLocal(
    pc: RTCPeerConnection,
    kind: SignalKind,
    iceRestart = false,
  ): Promise<void> {
    let description: RTCSessionDescriptionInit
    try {
      description =
        kind === 'offer' ? await pc.createOffer({ iceRestart }) : await pc.createAnswer()
    } catch (cause) {
      throw new StepError(
        createP2PError(kind === 'offer' ? 'ERR_CREATE_OFFER' : 'ERR_CREATE_ANSWER', cause),
      )
    }
    try {
      await pc.setLocalDescription(description)
    } catch (cause) {
      throw new StepError(createP2PError('ERR_SET_LOCAL_DESCRIPTION', cause))
    }
    recordOwn(pc)
  }

  function bundleOf(current: Call): SignalBundle | null {
    const description = current.pc.localDescription
    if (!description || (description.type !== 'offer' && description.type !== 'answer')) return null
    // The tutorial's JSON lists the candidates beside the SDP; the compact form keeps only those
    // the SDP lacks.
    if (config.stripHostCandidates) {
      return {
        sdp: { type: description.type, sdp: withoutHostCandidates(description.sdp) },
        candidates: current.transport.localCandidates.filter((c) => !isHostCandidate(c.candidate)),
      }
    }
    return {
      sdp: { type: description.type, sdp: description.sdp },
      candidates: [...current.transport.localCandidates],
    }
  }

  /** Non-trickle: the signal is published once gathering is complete, candidates inside. */
  async function publishWhenGathered(current: Call, mine: number, step: CallStep): Promise<void> {
    update({ gathering: true, candidateCounts: null })
    await gatheringDone(
      current.pc,
      current.transport.closed,
      config.gatheringBudget,
      serversOf(current.pc.getConfiguration().iceServers ?? []),
    )
    if (mine !== ticket) return
    const bundle = bundleOf(current)
    const localSignal = bundle ? await paste.encode(bundle, store.getState().signalFormat) : ''
    if (mine !== ticket) return
    paste.publish(bundle)
    update({
      step,
      localSignal,
      gathering: false,
      candidateCounts: countCandidates(bundle?.sdp.sdp ?? ''),
    })
  }

  /** `prepare()`: the next call's connection, made now with a candidate pool (see the interface). */
  function prepareNext(): void {
    if (!disposed && !call) prewarm.prepare()
  }

  /**
   * Starts a call as `role` and runs its steps under a new ticket. A StepError ends the attempt with
   * the connection closed and the error shown; the session is then ready for another try.
   */
  async function beginCall(role: CallRole, steps: (mine: number) => Promise<void>): Promise<void> {
    if (!canStart()) {
      if (!disposed) fail('ERR_ALREADY_IN_CALL')
      return
    }
    const mine = ++ticket
    closeCall()
    // Candidates are gathered while the camera starts, not after it.
    prepareNext()
    if (role === 'callee') heldOffer = null
    update({
      role,
      step: 'idle',
      localSignal: '',
      remoteStream: null,
      candidateCounts: null,
      endedBy: null,
      error: null,
    })
    try {
      await steps(mine)
    } catch (cause) {
      if (mine !== ticket) return
      prewarm.drop()
      closeCall()
      pendingRemoteCandidates = []
      const error = cause instanceof StepError ? cause.p2p : createP2PError('ERR_SIGNALING', cause)
      update({ step: 'idle', localSignal: '', remoteStream: null, gathering: false, error })
    }
  }

  /** The other side answered or offered over a channel while we have no call: answer it. */
  function acceptIncoming(description: RTCSessionDescriptionInit): Promise<void> {
    return beginCall('callee', async (mine) => {
      const stream = await resolveMedia(channelMedia)
      if (mine !== ticket) return
      const current = openCall(true)
      update({ step: 'negotiating' })
      addLocalMedia(current.pc, stream, false)
      await current.negotiation.receiveDescription(description)
      await addRemoteCandidates(current, [])
    })
  }

  /** A pasted ICE-restart offer of the call in progress: answer it on the same connection. */
  async function answerRestart(current: Call, signal: SignalBundle): Promise<void> {
    const mine = ++ticket
    update({ error: null, localSignal: '' })
    try {
      // The paste wins over a restart offer of our own that is still waiting.
      if (current.pc.signalingState === 'have-local-offer') {
        await current.pc.setLocalDescription({ type: 'rollback' })
      }
      await current.pc.setRemoteDescription(remoteDescription(signal.sdp))
      await addRemoteCandidates(current, signal.candidates)
      await setLocal(current.pc, 'answer')
    } catch (cause) {
      if (mine === ticket) fail('ERR_SET_REMOTE_DESCRIPTION', cause)
      return
    }
    await publishWhenGathered(current, mine, 'answer-ready')
  }

  function endCall(endedBy: 'local' | 'remote'): void {
    ticket++
    heldOffer = null
    pendingRemoteCandidates = []
    // A hang-up while the camera starts: the connection made for the call goes too.
    prewarm.drop()
    closeCall('closed', endedBy === 'local')
    update({
      step: 'hung-up',
      localSignal: '',
      remoteStream: null,
      endedBy,
      error: null,
      gathering: false,
      candidateCounts: null,
    })
  }

  function stopScreenShare(): void {
    call?.screen.stop()
  }

  async function receive(message: SignalMessage): Promise<void> {
    if (disposed) return
    const current = call
    switch (message.type) {
      case 'description': {
        const { description } = message
        if (!current) {
          if (description.type !== 'offer' || !channel) return
          if (canStart()) await acceptIncoming(description)
          // Both started at once: ours is still waiting for the camera. Keep theirs for it.
          else heldOffer = description
          return
        }
        await current.negotiation.receiveDescription(description)
        if (call === current) await addRemoteCandidates(current, [])
        return
      }
      case 'candidate':
        if (message.candidate) await addRemoteCandidates(current, [message.candidate])
        return
      case 'screen':
        current?.screen.announced(message.streamId)
        return
      case 'bye':
        if (current) endCall('remote')
        return
      case 'media':
        if (current)
          update({ remoteMedia: { micMuted: message.micMuted, cameraOff: message.cameraOff } })
        return
    }
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,

    createOffer(stepOptions = {}) {
      return beginCall('caller', async (mine) => {
        const stream = await resolveMedia(stepOptions.media)
        if (mine !== ticket) return
        const current = openCall(false)
        addLocalMedia(current.pc, stream, true)
        update({ step: 'creating-offer' })
        await setLocal(current.pc, 'offer')
        await publishWhenGathered(current, mine, 'offer-ready')
      })
    },

    async createAnswer(remoteSignal, stepOptions = {}) {
      const signal = await readSignal(remoteSignal, 'offer')
      if (!signal) return
      // The same peer (same DTLS certificate) offering again: an ICE restart of this call.
      const current = call
      const remote = current?.pc.remoteDescription?.sdp
      if (current && remote && dtlsFingerprintOf(remote) === dtlsFingerprintOf(signal.sdp.sdp)) {
        paste.answer(signal)
        return answerRestart(current, signal)
      }
      return beginCall('callee', async (mine) => {
        const stream = await resolveMedia(stepOptions.media)
        if (mine !== ticket) return
        const opened = openCall(false)
        // Set with the call it belongs to (closing a call resets it).
        paste.answer(signal)
        update({ step: 'creating-answer' })
        try {
          await opened.pc.setRemoteDescription(remoteDescription(signal.sdp))
        } catch (cause) {
          throw new StepError(createP2PError('ERR_SET_REMOTE_DESCRIPTION', cause))
        }
        if (mine !== ticket) return
        // addTrack reuses the transceivers the offer created, so the answer sends on them.
        addLocalMedia(opened.pc, stream, false)
        await addRemoteCandidates(opened, signal.candidates)
        await setLocal(opened.pc, 'answer')
        // The first exchange is done on our side: from now on, negotiation is in-band.
        opened.trickle = true
        opened.negotiation.enable()
        await publishWhenGathered(opened, mine, 'answer-ready')
      })
    },

    async completeConnection(remoteSignal) {
      const signal = await readSignal(remoteSignal, 'answer')
      if (!signal) return
      const current = call
      const { step } = store.getState()
      const waiting = step === 'offer-ready' || step === 'reconnect-offer-ready'
      if (!current || current.pc.signalingState !== 'have-local-offer' || !waiting) {
        fail('ERR_NO_OFFER')
        return
      }
      const mine = ticket
      update({ error: null })
      try {
        await current.pc.setRemoteDescription(remoteDescription(signal.sdp))
      } catch (cause) {
        // The offer is still waiting: a correct answer pasted next still completes the call.
        if (mine === ticket) fail('ERR_SET_REMOTE_DESCRIPTION', cause)
        return
      }
      if (mine !== ticket) return
      // A restart answer is applied: its offer has done its work.
      update({
        step: 'completing',
        ...(step === 'reconnect-offer-ready' ? { localSignal: '' } : {}),
      })
      current.trickle = true
      current.negotiation.enable()
      await addRemoteCandidates(current, signal.candidates)
    },

    attachChannel(next, stepOptions = {}) {
      // One channel at a time: a new one replaces the old, whose listeners go with it.
      detachChannel?.()
      channel = next
      channelMedia = stepOptions.media
      channelPeer = null
      const offMessage = next.onMessage((message, from) => {
        // Rooms are for two: once a call runs, messages of anyone else are not for us.
        if (channelPeer && from !== channelPeer && call) {
          console.warn('[react-p2p-call] dropped a message from a third party in the room')
          return
        }
        channelPeer = from
        void receive(message)
      })
      // The channel's own errors stay on the channel (its state): a replaced channel's failure
      // must not linger on the session.
      const offState = next.subscribe(() => {
        if (next.getState().status === 'open') {
          call?.negotiation.flush()
          // A path for a restart again (the relay is back): try now rather than at the next tick.
          call?.recovery.poke('signaling channel open')
        } else if (call) {
          // The path for restarts went away: a failed call must say failed, not reconnecting.
          watchConnection(call)
        }
      })
      const detach = () => {
        offMessage()
        offState()
        if (channel === next) {
          channel = null
          channelPeer = null
        }
        if (detachChannel === detach) detachChannel = null
      }
      detachChannel = detach
      return detach
    },

    startCall(stepOptions = {}) {
      if (!channel) {
        fail('ERR_CHANNEL_CLOSED')
        return Promise.resolve()
      }
      return beginCall('caller', async (mine) => {
        const stream = await resolveMedia(stepOptions.media ?? channelMedia)
        if (mine !== ticket) return
        const current = openCall(true)
        update({ step: 'negotiating' })
        // negotiationneeded follows, and the offer goes out over the channel.
        addLocalMedia(current.pc, stream, true)
        const held = heldOffer
        heldOffer = null
        // Perfect negotiation decides who yields, as for any collision.
        if (held) await current.negotiation.receiveDescription(held)
      })
    },

    async addRemoteCandidate(candidate) {
      if (disposed) return
      await addRemoteCandidates(call, [candidate])
    },

    receive,

    async startScreenShare(source) {
      const current = call
      if (!current || store.getState().phase !== 'connected' || !canSend()) {
        fail('ERR_NOT_CONNECTED')
        return
      }
      if (store.getState().localScreen) return
      let screen: MediaStream
      try {
        screen = await (source ?? captureScreen)()
      } catch (cause) {
        fail('ERR_SCREEN_SHARE', cause)
        return
      }
      await current.screen.share(screen)
    },

    stopScreenShare,

    async reconnect() {
      const current = call
      if (!current || current.pc.signalingState === 'closed' || !current.pc.remoteDescription) {
        fail('ERR_NO_RESTART')
        return
      }
      const mine = ++ticket
      update({ error: null, localSignal: '' })
      try {
        // A restart offer of our own may already wait (sent in-band, stuck): reuse it.
        if (current.pc.signalingState !== 'have-local-offer')
          await setLocal(current.pc, 'offer', true)
      } catch (cause) {
        if (mine === ticket)
          update({
            error:
              cause instanceof StepError ? cause.p2p : createP2PError('ERR_CREATE_OFFER', cause),
          })
        return
      }
      await publishWhenGathered(current, mine, 'reconnect-offer-ready')
    },

    hangUp() {
      const { step } = store.getState()
      if (!call && isCallOver(step)) return
      if (call && canSend()) send({ type: 'bye' })
      endCall('local')
    },

    clearError() {
      update({ error: null })
    },

    prepare: prepareNext,

    setOptions(next) {
      config = next
      // Options for another configuration: the warmed-up connection would not fit the next call.
      prewarm.optionsChanged()
    },

    setMediaState(state) {
      const next = { micMuted: state.micMuted, cameraOff: state.cameraOff }
      update({ localMedia: next })
      if (call?.dc.readyState === 'open') send({ type: 'media', ...next })
    },

    getStats() {
      return call ? call.pc.getStats() : Promise.resolve(null)
    },

    getDescriptions() {
      return {
        local: call?.pc.localDescription?.sdp ?? '',
        remote: call?.pc.remoteDescription?.sdp ?? '',
      }
    },

    async replaceTrack(previous, next) {
      const current = call
      const sender = current?.pc.getSenders().find((s) => s.track === previous)
      if (!current || !sender) return false
      await sender.replaceTrack(next)
      return true
    },

    async setSignalFormat(format) {
      update({ signalFormat: format })
      const bundle = paste.published()
      const { localSignal } = store.getState()
      if (!bundle || localSignal === '') return
      const mine = ticket
      const rewritten = await paste.encode(bundle, format)
      if (
        mine === ticket &&
        paste.published() === bundle &&
        store.getState().signalFormat === format
      ) {
        update({ localSignal: rewritten })
      }
    },

    dispose() {
      disposed = true
      if (typeof globalThis.removeEventListener === 'function') {
        globalThis.removeEventListener('online', onNetworkChange)
      }
      connection?.removeEventListener?.('change', onNetworkChange)
      ticket++
      pendingRemoteCandidates = []
      prewarm.drop()
      detachChannel?.()
      closeCall('closed')
    },
  }
}
