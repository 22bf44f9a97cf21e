import { rtcConfiguration } from '../connectionConfig.js'
import type { ConnectionOptions } from '../peerSessionTypes.js'

/** The next call's connection, made ahead of time (see `PeerSession.prepare`). */
export interface Prewarm {
  /**
   * Makes the next call's `RTCPeerConnection` now, with a candidate pool of at least one, for the
   * current options; does nothing when one for these options is already waiting.
   */
  prepare(): void
  /** The waiting connection when it was made for the current options (it is then the caller's). */
  take(): RTCPeerConnection | null
  /** The options changed: a waiting connection made for others is closed. */
  optionsChanged(): void
  /** Closes the waiting connection, if any. */
  drop(): void
}

/**
 * Owns at most one warmed-up connection and the options it was made with. `options()` is read at
 * each step, so the session's latest options always apply.
 *
 * @example
 * const prewarm = createPrewarm(() => config)
 * prewarm.prepare()
 * const pc = prewarm.take() ?? new RTCPeerConnection(rtcConfiguration(config))
 */
export function createPrewarm(options: () => ConnectionOptions): Prewarm {
  let prepared: { pc: RTCPeerConnection; key: string } | null = null
  const keyOf = () => JSON.stringify(rtcConfiguration(options()))
  const drop = () => {
    prepared?.pc.close()
    prepared = null
  }
  return {
    prepare() {
      if (prepared?.key === keyOf()) return
      drop()
      const Ctor = globalThis.RTCPeerConnection
      if (typeof Ctor !== 'function') return
      const rtc = rtcConfiguration(options())
      try {
        // A pool of one is enough: the bundled call gathers for one transport.
        const poolSize = Math.max(1, rtc.iceCandidatePoolSize ?? 0)
        prepared = { pc: new Ctor({ ...rtc, iceCandidatePoolSize: poolSize }), key: keyOf() }
      } catch {
        // A bad configuration is reported by the call itself, with its hint (ERR_CONFIG).
      }
    },
    take() {
      const warm = prepared?.key === keyOf() ? prepared.pc : null
      if (!warm) drop()
      prepared = null
      return warm
    },
    optionsChanged() {
      if (prepared && prepared.key !== keyOf()) drop()
    },
    drop,
  }
}
