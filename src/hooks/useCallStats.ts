import { useStoreState } from './useStoreState.js'
import { useEffect, useState } from 'react'
import {
  createCallStats,
  type CallStats,
  type CallStatsOptions,
  type CallStatsState,
} from '../core/callStats.js'
import type { PeerSession } from '../core/peerSession.js'
import { useMaybePeerSessionContext } from './PeerSessionContext.js'

const EMPTY: CallStatsState = { samples: [], latest: null, quality: null }
const empty = () => EMPTY

/**
 * Polls the call's `getStats` (every second by default, paused while the page is hidden) and
 * returns the last minute of samples — bitrate in/out, RTT, loss, jitter, fps, resolution, the
 * selected path — and a quality level with its reasons. Polling stops on unmount.
 *
 * @example
 * const { latest, quality, samples } = useCallStats(session, { intervalMs: 1000 })
 */
export function useCallStats(
  session?: PeerSession | null,
  options: CallStatsOptions = {},
): CallStatsState {
  const fromContext = useMaybePeerSessionContext()
  const source = session === undefined ? fromContext : session
  const { intervalMs, historySize } = options
  const [stats, setStats] = useState<CallStats | null>(null)
  useEffect(() => {
    if (!source) return
    // No polls while the page is hidden: nobody sees them, and a background tab stays quiet.
    const created = createCallStats(() => source.getStats(), {
      intervalMs,
      historySize,
      paused: () => document.visibilityState === 'hidden',
    })
    // A poller is an external resource: created in an effect, disposed in its cleanup.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStats(created)
    return () => {
      created.dispose()
      setStats(null)
    }
  }, [source, intervalMs, historySize])
  return useStoreState(stats, empty, empty)
}
