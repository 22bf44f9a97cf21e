import { noSubscription } from './useStoreState.js'
import { useCallback, useSyncExternalStore } from 'react'
import {
  INITIAL_SESSION_STATE,
  type PeerSession,
  type PeerSessionState,
} from '../core/peerSession.js'
import { useMaybePeerSessionContext } from './PeerSessionContext.js'

/**
 * Subscribes to one slice of a session's snapshot: the component re-renders only when that slice
 * changes (compared with `Object.is`). Use a module-level selector that returns a primitive or an
 * existing reference. Without a mounted session it reads the initial snapshot.
 *
 * @param session - wins over the context; `undefined` uses the nearest `PeerSessionProvider`.
 * @example
 * const selectPhase = (s: PeerSessionState) => s.phase
 * function PhaseBadge() {
 *   const phase = useSessionSelector(selectPhase)
 *   return <span data-state={phase}>{phase}</span>
 * }
 */
export function useSessionSelector<T>(
  select: (state: PeerSessionState) => T,
  session?: PeerSession | null,
): T {
  const fromContext = useMaybePeerSessionContext()
  const source = session === undefined ? fromContext : session
  const subscribe = source ? source.subscribe : noSubscription
  const getSnapshot = useCallback(
    () => select(source ? source.getState() : INITIAL_SESSION_STATE),
    [source, select],
  )
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
}
