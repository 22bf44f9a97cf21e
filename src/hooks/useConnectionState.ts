import type { PeerSession, PeerSessionState } from '../core/peerSession.js'
import { useSessionSelector } from './useSessionSelector.js'

const identity = (state: PeerSessionState) => state

/**
 * The whole snapshot of a session: the four native state layers, the derived `phase`, the local
 * signal, the remote stream and the last error. Re-renders on every change; for one slice use
 * {@link useSessionSelector}.
 *
 * @example
 * const { phase, connectionState, error } = useConnectionState(session)
 */
export function useConnectionState(session?: PeerSession | null): PeerSessionState {
  return useSessionSelector(identity, session)
}
