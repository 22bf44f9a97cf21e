import { createP2PError, type P2PErrorCode } from '../errors.js'
import { captureScreen } from '../localMedia.js'
import { canStartCall, isCallOver } from '../phase.js'
import type {
  CallStepOptions,
  MediaSwitches,
  PeerSession,
  PeerSessionOptions,
  PeerSessionState,
} from '../peerSessionTypes.js'
import type { SignalMessage } from '../signalMessage.js'
import type { SignalingChannel } from '../signalingChannel.js'
import { createCallRunner } from './callRunner.js'
import { createChannelCalls } from './channelCalls.js'
import { createMessenger } from './messenger.js'
import { watchNetwork } from './networkWatch.js'
import { createPasteCalls } from './pasteCalls.js'
import type { SessionPatch } from './sessionSnapshot.js'

/** What the engine needs from the session's root: its snapshot and options. */
export interface CallEngineHost {
  state(): PeerSessionState
  update(patch: SessionPatch): void
  /** The store's hold (see `Store.hold`). */
  hold(): () => void
  config(): PeerSessionOptions
  disposed(): boolean
}

/**
 * Everything a call does, behind the session's root: the root loads it when a call is first asked
 * for (or prepared), so an app that shows only a preview does not load it.
 */
export interface CallEngine extends Pick<
  PeerSession,
  | 'createOffer'
  | 'createAnswer'
  | 'completeConnection'
  | 'reconnect'
  | 'setSignalFormat'
  | 'startCall'
  | 'receive'
  | 'addRemoteCandidate'
  | 'startScreenShare'
  | 'stopScreenShare'
  | 'hangUp'
  | 'prepare'
  | 'getStats'
  | 'getDescriptions'
  | 'replaceTrack'
> {
  /**
   * `PeerSession.attachChannel`; `held` are the channel's messages that came while the engine
   * loaded (from whom), handled first, in order.
   */
  attachChannel(
    channel: SignalingChannel,
    options?: CallStepOptions,
    held?: readonly (readonly [SignalMessage, string])[],
  ): () => void
  /** The options changed: a warmed-up connection for the old ones is dropped. */
  optionsChanged(): void
  /** Our media switches, to the other side when a call's data channel can carry them. */
  announceMedia(switches: MediaSwitches): void
  dispose(): void
}

/**
 * Creates the call engine of one session. Each concern is a module that owns its state and its
 * reset:
 * - `callRunner.ts`: the call's life cycle (the current call, its attempts, start and end, the
 *   warm-up), over `call.ts` (one call: its transport, screen share, recovery, security code);
 * - `pasteCalls.ts`: calls by copy-paste; `channelCalls.ts`: calls over a signaling channel;
 * - `messenger.ts`: which path a message takes; `networkWatch.ts`: the device's network.
 *
 * @example
 * const engine = createCallEngine({ state, update, hold: store.hold, config, disposed })
 * await engine.createOffer({ media: () => media.start() })
 */
export function createCallEngine(host: CallEngineHost): CallEngine {
  const { state, update, config } = host
  const fail = (code: P2PErrorCode, cause?: unknown) =>
    update({ error: createP2PError(code, cause) })
  const canStart = () => !host.disposed() && canStartCall(state())

  // How messages travel: the data channel while its transport is up, else the signaling channel.
  const messenger = createMessenger({
    call: () => runner.current()?.transport ?? null,
    channel: () => channels.channel(),
    stripHostCandidates: () => config().stripHostCandidates === true,
  })
  const { canSend, send } = messenger

  const announceMedia = (switches: MediaSwitches) => {
    if (runner.current()?.transport.dc.readyState === 'open') send({ type: 'media', ...switches })
  }

  const runner = createCallRunner({
    config,
    disposed: host.disposed,
    // Over a channel both may be callers (both clicked Start call): once the other end's id is
    // known, the ids decide, the same way on both sides and for every later collision.
    polite: () => config().polite ?? channels.politeById() ?? state().role === 'callee',
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
  const paste = createPasteCalls({ runner, config, state, update, hold: host.hold })
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
    if (host.disposed()) return
    const call = runner.current()
    switch (message.type) {
      case 'description':
        if (channels.answerInstead(message.description)) return
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
    createOffer: paste.createOffer,
    createAnswer: paste.createAnswer,
    completeConnection: paste.completeConnection,
    reconnect: paste.reconnect,
    setSignalFormat: paste.setSignalFormat,
    attachChannel: channels.attach,
    startCall: channels.startCall,
    receive,
    announceMedia,
    prepare: runner.prepare,
    optionsChanged: runner.optionsChanged,

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
      stopWatchingNetwork()
      channels.dispose()
      runner.dispose()
    },
  }
}
