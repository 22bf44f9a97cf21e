import { createP2PError, type P2PErrorCode } from './errors.js'
import {
  INITIAL_SESSION_STATE,
  type PeerSession,
  type PeerSessionOptions,
  type PeerSessionState,
} from './peerSessionTypes.js'
import type { CallEngine } from './session/callEngine.js'
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
 * This file is the composition root: the snapshot, the options and the public API. What a call
 * does is the call engine (`session/callEngine.ts` and the modules it composes), loaded when a
 * call is first asked for or prepared (its own chunk in an app's bundle): an app that only shows a
 * preview does not load it. From then on every method reaches it at once, as if it had always
 * been there.
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

  let engine: CallEngine | null = null
  let loading: Promise<CallEngine> | null = null
  // Each hang-up and dispose: a step asked for while the engine loaded is not taken after them.
  let epoch = 0
  const load = () =>
    (loading ??= import('./session/callEngine.js').then(
      ({ createCallEngine }) => {
        if (!engine) {
          engine = createCallEngine({
            state,
            update,
            hold: store.hold,
            config: () => config,
            disposed: () => disposed,
          })
          // Disposed while it loaded: nothing of it stays (its network watch).
          if (disposed) engine.dispose()
        }
        return engine
      },
      (cause: unknown) => {
        // Offline, or a deploy replaced the chunk: the next step tries again.
        loading = null
        throw cause
      },
    ))

  /** A step of the engine: at once when it is there, else once it is (unless overtaken). */
  function step<A extends unknown[]>(run: (engine: CallEngine, ...args: A) => Promise<void>) {
    return async (...args: A): Promise<void> => {
      if (engine) return run(engine, ...args)
      if (disposed) return
      const asked = epoch
      let loaded: CallEngine
      try {
        loaded = await load()
      } catch (cause) {
        if (asked === epoch && !disposed) fail('ERR_CALL_MODULE', cause)
        return
      }
      if (asked === epoch && !disposed) await run(loaded, ...args)
    }
  }

  return {
    getState: state,
    subscribe: store.subscribe,
    createOffer: step((e, options) => e.createOffer(options)),
    createAnswer: step((e, signal: string, options) => e.createAnswer(signal, options)),
    completeConnection: step((e, signal: string) => e.completeConnection(signal)),
    reconnect: step((e) => e.reconnect()),
    startCall: step((e, options) => e.startCall(options)),
    receive: step((e, message: SignalMessage) => e.receive(message)),
    addRemoteCandidate: step((e, candidate) => e.addRemoteCandidate(candidate)),

    async setSignalFormat(format) {
      // Without the engine nothing is published yet: only the format of the next signal changes.
      if (engine) await engine.setSignalFormat(format)
      else update({ signalFormat: format })
    },

    attachChannel(channel, options) {
      if (engine) return engine.attachChannel(channel, options)
      // Its messages wait for the engine, in order: nothing that comes meanwhile is lost.
      const held: [SignalMessage, string][] = []
      const hold = channel.onMessage((message, from) => held.push([message, from]))
      let detach: (() => void) | null = null
      let detached = false
      load().then(
        (loaded) => {
          hold()
          if (!detached && !disposed) detach = loaded.attachChannel(channel, options, held)
        },
        (cause: unknown) => {
          hold()
          if (!detached && !disposed) fail('ERR_CALL_MODULE', cause)
        },
      )
      return () => {
        detached = true
        hold()
        detach?.()
      }
    },

    async startScreenShare(source) {
      // No engine, no call to share into.
      if (engine) await engine.startScreenShare(source)
      else fail('ERR_NOT_CONNECTED')
    },

    stopScreenShare() {
      engine?.stopScreenShare()
    },

    hangUp() {
      epoch += 1
      engine?.hangUp()
    },

    clearError() {
      update({ error: null })
    },

    prepare() {
      if (disposed) return
      if (engine) engine.prepare()
      // Warming up starts with the engine itself; a failed load is reported by the next step.
      else
        load().then(
          (loaded) => loaded.prepare(),
          () => {},
        )
    },

    setOptions(next) {
      config = next
      engine?.optionsChanged()
    },

    setMediaState(switches) {
      const next = { micMuted: switches.micMuted, cameraOff: switches.cameraOff }
      update({ localMedia: next })
      engine?.announceMedia(next)
    },

    getStats() {
      return engine?.getStats() ?? Promise.resolve(null)
    },

    getDescriptions() {
      return engine?.getDescriptions() ?? { local: '', remote: '' }
    },

    async replaceTrack(previous, next) {
      return engine ? engine.replaceTrack(previous, next) : false
    },

    dispose() {
      disposed = true
      epoch += 1
      engine?.dispose()
    },
  }
}
