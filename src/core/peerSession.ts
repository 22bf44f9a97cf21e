import { createCallRunner } from './session/callRunner.js'
import { createChannelCalls } from './session/channelCalls.js'
import { createP2PError, type P2PErrorCode } from './errors.js'
import { captureScreen } from './localMedia.js'
import { createMessenger } from './session/messenger.js'
import { watchNetwork } from './session/networkWatch.js'
import { createPasteCalls } from './session/pasteCalls.js'
import { canStartCall, isCallOver } from './phase.js'
import {
  INITIAL_SESSION_STATE,
  type MediaSwitches,
  type PeerSession,
  type PeerSessionOptions,
  type PeerSessionState,
} from './peerSessionTypes.js'
import { nextSessionState, type SessionPatch } from './session/sessionSnapshot.js'
import type { SignalMessage } from './signalMessage.js'
import { createStore } from './store.js'

// The public types live in peerSessionTypes.ts; the pure pieces in sessionSnapshot.ts,
// sdpCandidates.ts, connectionConfig.ts and gatheringBudget.ts. Re-exported here, where apps and
// hooks have always found them.
export * from './peerSessionTypes.js'
export { countCandidates, withoutHostCandidates } from './sdpCandidates.js'

/**
 * Creates a call session. No connection exists until a call starts, so creating a session has no
 * side effects; `dispose()` closes whatever it opened.
 *
 * After the first exchange (a paste each way, or a signaling channel), every call has its own data
 * channel; screen shares, ICE restarts and hang-up travel over it with perfect negotiation.
 *
 * This file is the composition root. Each concern is a module that owns its state and its reset:
 * - `callRunner.ts`: the call's life cycle (the current call, its attempts, start and end, the
 *   warm-up), over `call.ts` (one call: its transport, screen share, recovery, security code);
 * - `pasteCalls.ts`: calls by copy-paste; `channelCalls.ts`: calls over a signaling channel;
 * - `messenger.ts`: which path a message takes; `networkWatch.ts`: the device's network.
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
  const state = store.getState
  let config = options
  let disposed = false

  const update = (patch: SessionPatch) => store.setState((prev) => nextSessionState(prev, patch))
  const fail = (code: P2PErrorCode, cause?: unknown) =>
    update({ error: createP2PError(code, cause) })
  const canStart = () => !disposed && canStartCall(state())

  // How messages travel: the data channel while its transport is up, else the signaling channel.
  const messenger = createMessenger({
    call: () => runner.current()?.transport ?? null,
    channel: () => channels.channel(),
    stripHostCandidates: () => config.stripHostCandidates === true,
  })
  const { canSend, send } = messenger

  /** Our switches go to the other side whenever a call's data channel can carry them. */
  const announceMedia = (switches: MediaSwitches) => {
    if (runner.current()?.transport.dc.readyState === 'open') send({ type: 'media', ...switches })
  }

  const runner = createCallRunner({
    config: () => config,
    disposed: () => disposed,
    // Over a channel both may be callers (both clicked Start call): once the other end's id is
    // known, the ids decide, the same way on both sides and for every later collision.
    polite: () => config.polite ?? channels.politeById() ?? state().role === 'callee',
    messenger,
    canReach: () => channels.isOpen(),
    state,
    update,
    onChannelOpen: () => {
      const { localMedia } = state()
      if (localMedia.micMuted || localMedia.cameraOff) announceMedia(localMedia)
    },
    onMessage: (message) => void receive(message),
    onReset: (cause) => {
      paste.reset()
      channels.reset(cause)
    },
  })
  const paste = createPasteCalls({ runner, config: () => config, state, update, hold: store.hold })
  const channels = createChannelCalls({
    runner,
    update,
    canStart,
    receive: (message) => void receive(message),
  })
  // The network came back or changed: a call whose transport is down tries a restart at once.
  const stopWatchingNetwork = watchNetwork(() => runner.current()?.recovery.poke('network changed'))

  /** One message from the other side, whichever path it took. */
  async function receive(message: SignalMessage): Promise<void> {
    if (disposed) return
    const call = runner.current()
    switch (message.type) {
      case 'description':
        if (call) await call.negotiation.receiveDescription(message.description)
        else await channels.offered(message.description)
        return
      case 'candidate':
        if (message.candidate) await runner.addCandidates([message.candidate])
        return
      case 'screen':
        call?.screen.announced(message.streamId)
        return
      case 'bye':
        if (call) runner.end('remote')
        return
      case 'media':
        if (call)
          update({ remoteMedia: { micMuted: message.micMuted, cameraOff: message.cameraOff } })
        return
    }
  }

  return {
    getState: state,
    subscribe: store.subscribe,
    createOffer: paste.createOffer,
    createAnswer: paste.createAnswer,
    completeConnection: paste.completeConnection,
    reconnect: paste.reconnect,
    setSignalFormat: paste.setSignalFormat,
    attachChannel: channels.attach,
    startCall: channels.startCall,
    receive,

    async addRemoteCandidate(candidate) {
      await runner.addCandidates([candidate])
    },

    async startScreenShare(source) {
      const call = runner.current()
      if (!call || state().phase !== 'connected' || !canSend()) {
        fail('ERR_NOT_CONNECTED')
        return
      }
      if (state().localScreen) return
      let screen: MediaStream
      try {
        screen = await (source ?? captureScreen)()
      } catch (cause) {
        fail('ERR_SCREEN_SHARE', cause)
        return
      }
      try {
        await call.screen.share(screen)
      } catch (cause) {
        fail('ERR_SCREEN_SHARE', cause)
      }
    },

    stopScreenShare() {
      runner.current()?.screen.stop()
    },

    hangUp() {
      const call = runner.current()
      if (!call && isCallOver(state().step)) return
      if (call && canSend()) send({ type: 'bye' })
      runner.end('local')
    },

    clearError() {
      update({ error: null })
    },

    prepare: runner.prepare,

    setOptions(next) {
      config = next
      // Options for another configuration: the warmed-up connection would not fit the next call.
      runner.optionsChanged()
    },

    setMediaState(switches) {
      const next = { micMuted: switches.micMuted, cameraOff: switches.cameraOff }
      update({ localMedia: next })
      announceMedia(next)
    },

    getStats() {
      return runner.current()?.pc.getStats() ?? Promise.resolve(null)
    },

    getDescriptions() {
      const pc = runner.current()?.pc
      return { local: pc?.localDescription?.sdp ?? '', remote: pc?.remoteDescription?.sdp ?? '' }
    },

    async replaceTrack(previous, next) {
      const sender = runner
        .current()
        ?.pc.getSenders()
        .find((s) => s.track === previous)
      if (!sender) return false
      await sender.replaceTrack(next)
      return true
    },

    dispose() {
      disposed = true
      stopWatchingNetwork()
      channels.dispose()
      runner.dispose()
    },
  }
}
