import { createP2PError } from '../errors.js'
import type { PeerSessionState } from '../peerSessionTypes.js'
import { createRecovery } from './recovery.js'
import type { SessionPatch } from './sessionSnapshot.js'
import { isTransportUp } from './signalPath.js'
import type { Transport } from './transport.js'

/** What a call's recovery needs from the session. */
export interface CallRecoveryHost {
  readonly transport: Transport
  /** Whether a signaling channel can carry a restart now (never the dead transport itself). */
  canReach(): boolean
  /** The polite side waits a little longer before each restart. */
  polite: boolean
  /** How long `disconnected` may last before the first restart (`reconnectAfterMs`). */
  reconnectAfterMs: number
  state(): PeerSessionState
  update(patch: SessionPatch): void
  /** Whether this call is still the session's current one. */
  isCurrent(): boolean
}

/** One call's ICE restarts while its transport is down (see `createRecovery`). */
export interface CallRecovery {
  /** The connection or the path for restarts changed: start, go on with, or stop the restarts. */
  watch(): void
  /** Something changed that may let an attempt succeed now (network back, channel open). */
  poke(reason: string): void
  dispose(): void
}

/**
 * Disconnected for too long, or failed: restarts ICE over a signaling path while one is up (each
 * attempt shown as `recovery` and in the timeline); without one, `failed` says so (copy-paste:
 * Reconnect). Connected again: stops, and clears what it showed.
 *
 * @example
 * const recovery = createCallRecovery(host)
 * pc.addEventListener('connectionstatechange', () => recovery.watch())
 */
export function createCallRecovery(host: CallRecoveryHost): CallRecovery {
  const { pc, negotiation } = host.transport
  const loop = createRecovery({
    canReach: host.canReach,
    isUp: () => isTransportUp(pc.iceConnectionState),
    restart,
    onAttempt: (attempts, reason) => {
      if (!host.isCurrent()) return
      const { error } = host.state()
      host.update({
        recovery: { attempts, reason },
        ...(error?.code === 'ERR_CONNECTION_FAILURE' ? { error: null } : {}),
      })
    },
    // The polite side waits a little longer, so both rarely offer at the same moment (and when
    // they do, perfect negotiation resolves it).
    offsetMs: host.polite ? 1500 : 0,
  })

  /**
   * One attempt: an unanswered restart offer of ours is rolled back (it was lost, or sent into the
   * dead transport) and ICE restarts; the negotiation sends the new offer over the path of the
   * moment. Nothing while the other side's offer is being answered.
   */
  async function restart(): Promise<void> {
    if (host.isCurrent()) await negotiation.restartIce()
  }

  return {
    watch() {
      const { connectionState } = pc
      if (connectionState === 'failed') {
        loop.start('ice failed', 0)
        loop.poke('ice failed')
        if (!loop.active) {
          if (host.state().recovery) host.update({ recovery: null })
          if (!host.state().error) host.update({ error: createP2PError('ERR_CONNECTION_FAILURE') })
        }
      } else if (connectionState === 'disconnected') {
        // A short drop usually heals by itself: the first restart waits a moment.
        loop.start('ice disconnected', host.reconnectAfterMs)
      } else if (connectionState === 'connected') {
        loop.stop()
        const { error, recovery } = host.state()
        if (recovery) host.update({ recovery: null })
        if (error?.code === 'ERR_CONNECTION_FAILURE') host.update({ error: null })
      }
    },
    poke: (reason) => loop.poke(reason),
    dispose: () => loop.dispose(),
  }
}
